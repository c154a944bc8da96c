import type { Locale } from '@qcdc/core';
import { adaptiveCard, heading, note, paragraph, type AdaptiveCard } from './adaptive-card';
import { commandAction, openAppActions, type CardLinks } from './card-links';
import { commandFacts } from './help-card';
import { cardText } from './i18n/catalogue';

/** Sent once when the app is installed for a person, a group chat or a team. */
export function welcomeCard(locale: Locale, links: CardLinks = {}): AdaptiveCard {
  return adaptiveCard(
    locale,
    [
      heading(cardText(locale, 'welcome.title')),
      paragraph(cardText(locale, 'welcome.intro')),
      paragraph(cardText(locale, 'welcome.commands'), { spacing: 'Medium' }),
      commandFacts(locale),
      note(cardText(locale, 'help.languages')),
    ],
    [
      commandAction(locale, 'meetings', cardText(locale, 'action.showMeetings')),
      ...openAppActions(locale, links),
    ],
  );
}
