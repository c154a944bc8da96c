import type { ConversationRepository } from '../store/conversation-store';
import type { TeamsMeetingLinkRepository } from '@qcdc/core';
import type { ConversationTarget } from './proactive-sender';

/**
 * The chat thread of a Teams meeting, read from its join link
 * (`https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`): the meeting
 * chat's conversation id. Null for any other link.
 */
export function meetingChatIdOf(joinWebUrl: string): string | null {
  try {
    const url = new URL(joinWebUrl);
    const match = /^\/l\/meetup-join\/([^/]+)/.exec(url.pathname);
    if (!match) return null;
    const threadId = decodeURIComponent(match[1]!);
    return /^19:[^\s/]+@thread\.(v2|tacv2|skype)$/.test(threadId) ? threadId : null;
  } catch {
    return null;
  }
}

/**
 * Where a meeting's shared cards (votes, minutes status) go: the chat of the Teams meeting linked to
 * it, when the bot is in that chat (a conversation reference was stored when it was added). Null
 * otherwise: people still have the "biểu quyết" command, the side panel, the stage and the chair's
 * personal approval card.
 */
export async function meetingChatTarget(
  links: Pick<TeamsMeetingLinkRepository, 'getLink'>,
  conversations: Pick<ConversationRepository, 'getConversation'>,
  meeting: { tenantId: string; bodyId: string; meetingId: string },
): Promise<ConversationTarget | null> {
  const link = await links.getLink(meeting.tenantId, meeting.bodyId, meeting.meetingId);
  const chatId = link ? meetingChatIdOf(link.joinWebUrl) : null;
  if (!chatId) return null;
  const reference = await conversations.getConversation(meeting.tenantId, chatId);
  if (!reference) return null;
  return {
    tenantId: meeting.tenantId,
    serviceUrl: reference.serviceUrl,
    conversationId: reference.conversationId,
    locale: reference.locale,
  };
}

/** The vote card's name for it (the first shared card). */
export const voteCardTarget = meetingChatTarget;
