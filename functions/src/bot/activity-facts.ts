import type { Activity } from '@microsoft/teams.api';
import { pickLocale, type Actor, type Locale } from '@qcdc/core';
import type { ConversationReference } from '../store/conversation-store';

/** The tenant an activity comes from: the conversation's, else Teams' channel data. */
export function tenantOf(activity: Activity): string | undefined {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? undefined;
}

/** The caller as core knows people: tenant + Entra object id. Null when Teams did not say who. */
export function actorOf(activity: Activity): Actor | null {
  const tenantId = tenantOf(activity);
  const userId = activity.from.aadObjectId;
  if (!tenantId || !userId) return null;
  return { tenantId, userId, displayName: activity.from.name ?? '' };
}

/** Vietnamese unless the activity's locale is English (en-*). */
export function localeOf(activity: Activity): Locale {
  return pickLocale(activity.locale);
}

export function conversationTypeOf(activity: Activity): ConversationReference['conversationType'] {
  const type = String(activity.conversation.conversationType ?? '');
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  if (type === 'personal') return 'personal';
  return activity.conversation.isGroup ? 'groupChat' : 'personal';
}

/** Everything a later proactive send into this conversation needs, or null if Teams left it out. */
export function referenceOf(activity: Activity, now: Date): ConversationReference | null {
  const tenantId = tenantOf(activity);
  if (!tenantId || !activity.serviceUrl || !activity.conversation.id) return null;
  const conversationType = conversationTypeOf(activity);
  const personal = conversationType === 'personal';
  return {
    tenantId,
    conversationId: activity.conversation.id,
    conversationType,
    serviceUrl: activity.serviceUrl,
    channelId: String(activity.channelId),
    botId: activity.recipient.id,
    userAadObjectId: personal ? activity.from.aadObjectId : undefined,
    userId: personal ? activity.from.id : undefined,
    teamId: activity.channelData?.team?.id ?? undefined,
    locale: localeOf(activity),
    installedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
