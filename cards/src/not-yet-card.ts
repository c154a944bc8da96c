import type { Locale } from '@qcdc/core';
import { adaptiveCard, heading, note, paragraph, type AdaptiveCard } from './adaptive-card';
import { commandAction, openAppActions, type CardLinks } from './card-links';
import { cardText } from './i18n/catalogue';

export type NotYetFeature = 'myTasks' | 'votes';

/** An honest answer for a command whose feature is not in this release: no made-up data. */
export function notYetCard(
  locale: Locale,
  feature: NotYetFeature,
  links: CardLinks = {},
): AdaptiveCard {
  return adaptiveCard(
    locale,
    [
      heading(cardText(locale, `notYet.${feature}.title`)),
      paragraph(cardText(locale, `notYet.${feature}.body`)),
      note(cardText(locale, 'notYet.meanwhile')),
    ],
    [
      commandAction(locale, 'meetings', cardText(locale, 'action.showMeetings')),
      ...openAppActions(locale, links),
    ],
  );
}
