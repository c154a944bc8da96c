import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import { VOTE_VERBS, type CardLinks, type VoteVerb } from '@qcdc/cards';
import {
  castBallot,
  closeMotion,
  isDomainError,
  LOCALES,
  ZCastBallotInput,
  type Actor,
  type Locale,
  type VoteDeps,
} from '@qcdc/core';
import { z } from 'zod';
import type { VoteCardPublisher } from '../notify/vote-card-publisher';
import { publishQuietly } from '../notify/vote-card-publisher';
import type { Logger } from '../logger';
import { cardResponse, errorResponse } from './minutes-approval';
import { personalVoteCard } from './vote-card-view';

/**
 * The vote card's actions in chat (cards/src/vote-card.ts): refresh and "open my ballot" answer the
 * caller's own view; cast and close call the same core use cases as the HTTP routes
 * (castBallot, closeMotion), so eligibility, the voting window, one ballot per voter and secrecy are
 * decided there, not here. Anything refused answers a card-level error and changes nothing.
 */

const VERBS: readonly string[] = Object.values(VOTE_VERBS);

export function isVoteVerb(verb: unknown): verb is VoteVerb {
  return typeof verb === 'string' && VERBS.includes(verb);
}

const ZId = z.string().min(1).max(200);
const ZVoteKeys = z.object({
  bodyId: ZId,
  meetingId: ZId,
  motionId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/),
  /** The clicked card's language (absent: the activity's). */
  locale: z.enum(LOCALES).optional(),
});
/** A cast carries the voter the view was made for and the view's submission id (cards' data). */
const ZCastData = ZVoteKeys.extend({
  voter: ZId,
  submissionId: z.string().uuid(),
  choice: z.string().max(64).optional(),
  /** An election's Input.ChoiceSet answers "c1,c3" ('' or absent: a blank ballot). */
  marks: z.string().max(2000).optional(),
});

export interface VoteActionContext {
  deps: VoteDeps;
  publisher: VoteCardPublisher | null;
  links: CardLinks;
  log: Logger;
}

/**
 * Answers one `qcdc.vote.*` action by `actor` (null when Teams did not say who). A retried cast
 * (Teams resends a slow invoke with the same data) reaches castBallot with the same voter, motion
 * and submission id: core answers the recorded ballot and writes nothing. A close is idempotent in
 * core as well.
 */
export async function answerVoteAction(
  context: VoteActionContext,
  actor: Actor | null,
  activityLocale: Locale,
  verb: VoteVerb,
  data: unknown,
): Promise<AdaptiveCardActionResponse> {
  const keys = ZVoteKeys.safeParse(data);
  if (!keys.success) return errorResponse(activityLocale, 'VALIDATION.FAILED');
  const locale = keys.data.locale ?? activityLocale;
  if (!actor) return errorResponse(locale, 'PERMISSION.DENIED');
  const { bodyId, meetingId, motionId } = keys.data;
  const { deps, publisher, links, log } = context;
  const view = () => personalVoteCard(deps, actor, locale, keys.data, links);
  try {
    if (verb === VOTE_VERBS.refresh || verb === VOTE_VERBS.mine) {
      return cardResponse(await view());
    }
    if (verb === VOTE_VERBS.close) {
      const motion = await closeMotion(deps, actor, bodyId, meetingId, motionId);
      if (publisher) {
        await publishQuietly(log, 'close', () => publisher.changed(motion, { final: true }));
      }
      return cardResponse(await view());
    }
    const cast = ZCastData.safeParse(data);
    if (!cast.success) return errorResponse(locale, 'VALIDATION.FAILED');
    // The view was made for one person: another person's click on it (a forwarded card) is refused.
    if (cast.data.voter !== actor.userId) return errorResponse(locale, 'PERMISSION.DENIED');
    const input = ZCastBallotInput.safeParse({
      submissionId: cast.data.submissionId,
      ...(cast.data.choice !== undefined
        ? { choice: cast.data.choice }
        : {
            marks: (cast.data.marks ?? '')
              .split(',')
              .map((mark) => mark.trim())
              .filter((mark) => mark !== ''),
          }),
    });
    if (!input.success) return errorResponse(locale, 'VALIDATION.FAILED');
    const { motion } = await castBallot(deps, actor, bodyId, meetingId, motionId, input.data);
    if (publisher) void publishQuietly(log, 'turnout edit', () => publisher.changed(motion));
    return cardResponse(await view());
  } catch (error) {
    if (isDomainError(error)) return errorResponse(locale, error.code, error.params);
    throw error;
  }
}
