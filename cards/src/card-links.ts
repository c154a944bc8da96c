import type { Locale } from '@qcdc/core';
import { executeAction, openUrlAction, type CardAction } from './adaptive-card';
import { cardText } from './i18n/catalogue';
import type { BotCommand } from './i18n/commands';

/** The verb of every "run this bot command" button; `data.command` names the command. */
export const COMMAND_VERB = 'qcdc.command';

export interface CardLinks {
  /** Where "Open the app" goes (the personal tab's deep link in Teams); no button without it. */
  openAppUrl?: string | undefined;
}

/** A button that runs a bot command; the answer comes in the card's language. */
export function commandAction(locale: Locale, command: BotCommand, title: string): CardAction {
  return executeAction(title, COMMAND_VERB, { command, locale });
}

export function openAppActions(locale: Locale, links: CardLinks): CardAction[] {
  return links.openAppUrl
    ? [openUrlAction(cardText(locale, 'action.openApp'), links.openAppUrl)]
    : [];
}
