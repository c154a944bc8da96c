import type { Locale } from '@qcdc/core';
import {
  adaptiveCard,
  heading,
  note,
  paragraph,
  type AdaptiveCard,
  type FactSet,
} from './adaptive-card';
import { commandAction, openAppActions, type CardLinks } from './card-links';
import { cardText } from './i18n/catalogue';
import { BOT_COMMANDS, commandPhrase } from './i18n/commands';

/** The commands the bot understands, as "phrase: what it does" facts. */
export function commandFacts(locale: Locale): FactSet {
  return {
    type: 'FactSet',
    facts: BOT_COMMANDS.map((command) => ({
      title: commandPhrase(command, locale),
      value: cardText(locale, `command.${command}`),
    })),
  };
}

/** The answer to "trợ giúp" / "help" and to anything the bot does not understand. */
export function helpCard(locale: Locale, links: CardLinks = {}): AdaptiveCard {
  return adaptiveCard(
    locale,
    [
      heading(cardText(locale, 'help.title')),
      paragraph(cardText(locale, 'help.intro')),
      commandFacts(locale),
      note(cardText(locale, 'help.languages')),
    ],
    [
      commandAction(locale, 'meetings', cardText(locale, 'action.showMeetings')),
      ...openAppActions(locale, links),
    ],
  );
}
