import {
  Client as ApiClient,
  type AdaptiveCardActionCardResponse,
  type AdaptiveCardActionResponse,
} from '@microsoft/teams.api';
import {
  cardText,
  MINUTES_COMMENT_INPUT,
  MINUTES_VERBS,
  minutesApprovalCard,
  type CardLinks,
  type MinutesApprovalCard,
  type MinutesApprovalData,
  type MinutesApprovalOptions,
  type MinutesDecision,
  type MinutesVerb,
} from '@qcdc/cards';
import {
  errorMessage,
  getMinutes,
  isDomainError,
  transitionMeeting,
  ZTransitionMeetingInput,
  type Actor,
  type ErrorCode,
  type Locale,
  type Meeting,
  type Member,
  type UseCaseDeps,
} from '@qcdc/core';
import { activitiesUrl } from '../notify/bot-connector-sender';
import { botTokenProviderFor } from '../notify/bot-token-provider';
import type { Services } from '../services';
import type { BotServices } from './bot-config';

/**
 * The minutes-approval card in chat (cards/src/minutes-approval-card.ts): the per-user refresh, the
 * chair's approve / return buttons (Action.Execute, or the Action.Submit fallback as a message), and
 * the proactive send to the chair. Core decides everything (transitionMeeting: only the chair, the
 * version the card showed, a reason to return); this file only reads, asks and renders.
 */

const VERBS: readonly string[] = Object.values(MINUTES_VERBS);

export function isMinutesVerb(verb: unknown): verb is MinutesVerb {
  return typeof verb === 'string' && VERBS.includes(verb);
}

interface ParsedData {
  bodyId: string;
  meetingId: string;
  version: number;
  comment: string | undefined;
  /** The shared card in the meeting chat (its refresh and buttons): answer in its layout. */
  shared: MinutesApprovalOptions;
}

function parseData(data: unknown): ParsedData | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  const { bodyId, meetingId, version } = record;
  const comment = record[MINUTES_COMMENT_INPUT];
  if (typeof bodyId !== 'string' || !bodyId || bodyId.length > 200) return null;
  if (typeof meetingId !== 'string' || !meetingId || meetingId.length > 200) return null;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return null;
  if (comment !== undefined && typeof comment !== 'string') return null;
  const { view, submittedAt } = record;
  if (view !== undefined && view !== 'shared') return null;
  if (
    submittedAt !== undefined &&
    (typeof submittedAt !== 'string' ||
      submittedAt.length > 40 ||
      Number.isNaN(Date.parse(submittedAt)))
  ) {
    return null;
  }
  const trimmed = comment?.trim();
  return {
    bodyId,
    meetingId,
    version,
    comment: trimmed ? trimmed : undefined,
    shared: view === 'shared' ? { kind: 'shared', submittedAt } : {},
  };
}

/** What an invoke is answered with: the viewer's card, or a card-level error in their language. */
export type MinutesActionResponse = AdaptiveCardActionResponse;

/** Any of our cards (minutes approval, vote) as the invoke's answer. */
export function cardResponse(card: MinutesApprovalCard | object): MinutesActionResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    // Our card is plain Adaptive Card 1.5 JSON; the SDK types it with its own card model.
    value: card as unknown as AdaptiveCardActionCardResponse['value'],
  };
}

export function errorResponse(
  locale: Locale,
  code: ErrorCode,
  params: Record<string, string | number> = {},
): MinutesActionResponse {
  return {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: {
      code,
      message: errorMessage(locale, code, params),
      innerHttpError: { statusCode: 400, body: null },
    },
  };
}

type Deps = UseCaseDeps;

/**
 * Answers one `qcdc.minutes.*` action by `actor` (null when Teams did not say who).
 * - refresh: the actor's own view (buttons for the chair while pending, the status otherwise);
 * - approve / return: the transition as the actor, with the card's version; then the status card.
 * A retry of a decision that already went through (Teams retries slow invokes) finds the meeting in
 * the state this actor left it and answers the same card, without a second transition.
 * `decided` runs after a transition this call made (the shared card's edit in the meeting chat);
 * a retry does not run it again, the first call did.
 */
export async function answerMinutesAction(
  deps: Deps,
  actor: Actor | null,
  locale: Locale,
  verb: MinutesVerb,
  data: unknown,
  links: CardLinks,
  decided?: (meeting: Meeting) => Promise<void>,
): Promise<MinutesActionResponse> {
  const parsed = parseData(data);
  if (!parsed) return errorResponse(locale, 'VALIDATION.FAILED');
  if (!actor) return errorResponse(locale, 'PERMISSION.DENIED');
  const { bodyId, meetingId, version, comment, shared } = parsed;
  try {
    if (verb === MINUTES_VERBS.refresh) {
      const view = await loadView(deps, actor, bodyId, meetingId, links);
      return cardResponse(minutesApprovalCard(locale, view, { userId: actor.userId }, shared));
    }
    const transition = verb === MINUTES_VERBS.approve ? 'approveMinutes' : 'returnMinutes';
    const input = ZTransitionMeetingInput.safeParse({
      transition,
      version,
      ...(transition === 'returnMinutes' && comment ? { reason: comment } : {}),
    });
    if (!input.success) return errorResponse(locale, 'VALIDATION.FAILED');
    try {
      const meeting = await transitionMeeting(deps, actor, bodyId, meetingId, input.data);
      await decided?.(meeting);
      const [sections, members] = await Promise.all([
        deps.meetings.listMinutesSections(actor.tenantId, bodyId, meetingId),
        deps.bodies.listMembers(actor.tenantId, bodyId),
      ]);
      const conclusions =
        sections.find((stored) => stored.value.key === 'conclusions')?.value.text ?? '';
      return cardResponse(
        minutesApprovalCard(
          locale,
          viewData(meeting, conclusions, members, links),
          { userId: actor.userId },
          shared,
        ),
      );
    } catch (error) {
      if (
        !isDomainError(error) ||
        !['CONCURRENCY.CONFLICT', 'MEETING.TRANSITION_NOT_ALLOWED'].includes(error.code)
      ) {
        throw error;
      }
      // Already decided? A retry of this very decision answers its card again.
      const view = await loadView(deps, actor, bodyId, meetingId, links);
      if (alreadyDone(view.meeting, transition, actor, comment)) {
        return cardResponse(minutesApprovalCard(locale, view, { userId: actor.userId }, shared));
      }
      throw error;
    }
  } catch (error) {
    if (isDomainError(error)) return errorResponse(locale, error.code, error.params);
    throw error;
  }
}

function alreadyDone(
  meeting: Meeting,
  transition: 'approveMinutes' | 'returnMinutes',
  actor: Actor,
  comment: string | undefined,
): boolean {
  if (meeting.chairId !== actor.userId) return false;
  if (transition === 'approveMinutes') {
    return (
      (meeting.status === 'minutesApproved' || meeting.status === 'archived') &&
      meeting.minutes.status === 'approved' &&
      meeting.minutes.approvedBy === actor.userId
    );
  }
  return (
    meeting.status === 'ended' &&
    meeting.minutes.status === 'drafting' &&
    comment !== undefined &&
    meeting.minutes.lastComment === comment
  );
}

/** The card's data as `actor` may read it: meeting + sections (one query) and the members' names. */
async function loadView(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  links: CardLinks,
): Promise<MinutesApprovalData & { meeting: Meeting }> {
  const [minutes, members] = await Promise.all([
    getMinutes(deps, actor, bodyId, meetingId),
    deps.bodies.listMembers(actor.tenantId, bodyId),
  ]);
  const conclusions = minutes.sections.find((section) => section.key === 'conclusions')?.text ?? '';
  return { ...viewData(minutes.meeting, conclusions, members, links), meeting: minutes.meeting };
}

/** The card's data for a meeting; names come from the body's member list. */
export function minutesApprovalData(
  meeting: Meeting,
  conclusions: string,
  members: readonly Pick<Member, 'userId' | 'displayName'>[],
  links: CardLinks,
): MinutesApprovalData {
  return viewData(meeting, conclusions, members, links);
}

function viewData(
  meeting: Meeting,
  conclusions: string,
  members: readonly Pick<Member, 'userId' | 'displayName'>[],
  links: CardLinks,
): MinutesApprovalData {
  const nameOf = (userId: string | undefined) =>
    members.find((member) => member.userId === userId)?.displayName ?? '—';
  return {
    bodyId: meeting.bodyId,
    meetingId: meeting.id,
    version: meeting.version,
    title: meeting.title,
    startsAt: meeting.startsAt,
    chairId: meeting.chairId,
    chairName: nameOf(meeting.chairId),
    secretaryId: meeting.secretaryId,
    // Only the meeting's own secretary submits its minutes (permission `minutes.submit`).
    submittedByName: nameOf(meeting.secretaryId),
    edition: meeting.minutes.edition,
    conclusions,
    decision: decisionOf(meeting, nameOf),
    panelUrl: meetingPanelUrl(links.openAppUrl, meeting.bodyId, meeting.id),
  };
}

function decisionOf(
  meeting: Meeting,
  nameOf: (userId: string | undefined) => string,
): MinutesDecision {
  const { minutes } = meeting;
  if (meeting.status === 'minutesInReview') return { kind: 'pending' };
  if (
    (meeting.status === 'minutesApproved' || meeting.status === 'archived') &&
    minutes.status === 'approved' &&
    minutes.approvedAt
  ) {
    return {
      kind: 'approved',
      at: minutes.approvedAt,
      byName: nameOf(minutes.approvedBy),
      hash: minutes.approvedHash,
    };
  }
  if (meeting.status === 'ended' && minutes.status === 'drafting' && minutes.lastComment) {
    return { kind: 'returned', comment: minutes.lastComment };
  }
  return { kind: 'closed' };
}

/**
 * The meeting panel page of the tab (tabs/src/routing/routes.ts: /meetings/{body}/{meeting}/panel).
 * A web address for the app resolves against its origin; a Teams deep link (teams.microsoft.com/l/…)
 * gets the page as its `subEntityId` context. No link without an app address.
 */
export function meetingPanelUrl(
  openAppUrl: string | undefined,
  bodyId: string,
  meetingId: string,
): string | undefined {
  if (!openAppUrl) return undefined;
  const page = `/meetings/${encodeURIComponent(bodyId)}/${encodeURIComponent(meetingId)}/panel`;
  try {
    const url = new URL(openAppUrl);
    if (url.hostname === 'teams.microsoft.com' && url.pathname.startsWith('/l/')) {
      url.searchParams.set('context', JSON.stringify({ subEntityId: page }));
      return url.toString();
    }
    return new URL(page, url.origin).toString();
  } catch {
    return undefined;
  }
}

export interface MinutesApprovalSendOptions {
  /** Overrides the chair's stored language. */
  locale?: Locale;
}

export type MinutesApprovalSendResult =
  | { sent: true; conversationId: string; activityId: string }
  | { sent: false; reason: 'noBot' | 'notInstalled' | 'notInReview' };

/**
 * Sends the minutes-approval card to the chair's personal chat with the bot (one point read of the
 * stored reference, keyed tenant~chair), through the Teams SDK's API client at the reference's
 * service URL, with the bot's own token. Stores nothing. Runs after `submitMinutes` succeeded
 * (minutes-routes.ts), beside the shared status card in the meeting chat (minutes-card-publisher.ts).
 */
export async function sendMinutesApprovalRequest(
  services: Pick<Services, 'deps' | 'bot'>,
  meeting: Meeting,
  options: MinutesApprovalSendOptions = {},
): Promise<MinutesApprovalSendResult> {
  const bot: BotServices | undefined = services.bot;
  if (!bot) return { sent: false, reason: 'noBot' };
  if (meeting.status !== 'minutesInReview') return { sent: false, reason: 'notInReview' };
  const [reference, sections, members] = await Promise.all([
    bot.conversations.getPersonal(meeting.tenantId, meeting.chairId),
    services.deps.meetings.listMinutesSections(meeting.tenantId, meeting.bodyId, meeting.id),
    services.deps.bodies.listMembers(meeting.tenantId, meeting.bodyId),
  ]);
  if (!reference) return { sent: false, reason: 'notInstalled' };
  const locale = options.locale ?? reference.locale;
  const conclusions =
    sections.find((stored) => stored.value.key === 'conclusions')?.value.text ?? '';
  const data = viewData(meeting, conclusions, members, { openAppUrl: bot.config.openAppUrl });
  const card = minutesApprovalCard(locale, data, { userId: meeting.chairId });
  // Refuses a non-https service URL (except loopback) before any token goes out.
  activitiesUrl(reference.serviceUrl, reference.conversationId);
  const tokens = botTokenProviderFor(bot.config);
  // The SDK appends `/v3/...` itself; Teams' service URLs end with a slash.
  const api = new ApiClient(reference.serviceUrl.replace(/\/+$/, ''), {
    token: async () => (await tokens.getToken()) ?? undefined,
  });
  const sent = await api.conversations.activities(reference.conversationId).create({
    type: 'message',
    summary: cardText(locale, 'minutes.summary', { title: meeting.title }),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    channelData: {
      tenant: { id: meeting.tenantId },
      notification: { alert: true },
      qcdc: {
        idempotencyKey: `minutes-approval:${meeting.id}:${meeting.minutes.edition}:${meeting.version}`,
      },
    },
  } as unknown as Parameters<ReturnType<ApiClient['conversations']['activities']>['create']>[0]);
  return { sent: true, conversationId: reference.conversationId, activityId: sent.id };
}
