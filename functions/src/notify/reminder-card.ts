import { adaptiveCard, heading, openAppActions, paragraph, type CardLinks } from '@qcdc/cards';
import { renderReminder, type Locale, type ReminderMessage } from '@qcdc/core';
import type { OutgoingMessage } from './proactive-sender';

/** A reminder as Teams shows it: an Adaptive Card in the reader's language, dates in Vietnam time. */
export function reminderMessage(
  locale: Locale,
  message: ReminderMessage,
  links: CardLinks = {},
): OutgoingMessage {
  const { title, text } = renderReminder(locale, message);
  return {
    summary: `${title}: ${text}`,
    card: adaptiveCard(locale, [heading(title), paragraph(text)], openAppActions(locale, links)),
  };
}
