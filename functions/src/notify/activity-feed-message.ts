import type { CardLinks } from '@qcdc/cards';
import {
  renderReminder,
  reminderSubjectText,
  type Locale,
  type ReminderMessage,
  type ReminderSubjectRef,
} from '@qcdc/core';
import type { ActivityFeedMessage } from '../graph/activity-feed';
import { meetingPanelUrl } from '../bot/minutes-approval';

/** Used when no app link is configured (QCDC_BOT_OPEN_APP_URL): Graph requires a topic webUrl. */
export const FALLBACK_FEED_URL = 'https://teams.microsoft.com/';

/**
 * An outbox message as a Teams activity feed notification (manifest activity types): approval
 * requests (`minutes.awaitingApproval`) become `approvalRequested` with `itemTitle`, every other
 * reminder `taskReminder` with `taskTitle`. The title is the subject's label (a case number for a
 * confidential case, never its title); the preview line is the reminder's sentence in the reader's
 * language; the link opens the app's tab (the meeting panel for an approval).
 */
export function activityFeedMessage(
  input: {
    tenantId: string;
    recipientId: string;
    message: ReminderMessage;
    subject: ReminderSubjectRef;
  },
  locale: Locale,
  links: CardLinks = {},
): ActivityFeedMessage {
  const { text } = renderReminder(locale, input.message);
  const title = reminderSubjectText(locale, input.message.subject);
  const approval = input.message.kind === 'minutes.awaitingApproval';
  const panel =
    approval && input.subject.type === 'meeting'
      ? meetingPanelUrl(links.openAppUrl, input.subject.bodyId, input.subject.id)
      : undefined;
  return {
    tenantId: input.tenantId,
    recipientUserId: input.recipientId,
    activity: approval
      ? { type: 'approvalRequested', itemTitle: title }
      : { type: 'taskReminder', taskTitle: title },
    previewText: text,
    webUrl: panel ?? links.openAppUrl ?? FALLBACK_FEED_URL,
  };
}
