import { voteCard, type CardLinks, type VoteCard, type VoteCardData } from '@qcdc/cards';
import {
  assertCan,
  can,
  electorateKey,
  liveRoster,
  loadMotion,
  myBallotOf,
  pendingVoterIds,
  turnoutOf,
  type Actor,
  type Locale,
  type Meeting,
  type Motion,
  type VoteDeps,
  type VoterRecord,
} from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { meetingPanelUrl } from './minutes-approval';

export interface VoteCardKeys {
  bodyId: string;
  meetingId: string;
  motionId: string;
}

/** What every view of one vote shares: the motion, turnout and who the refresh reaches. */
export function voteCardData(
  motion: Motion,
  meeting: Pick<Meeting, 'title' | 'chairId' | 'secretaryId'>,
  roster: readonly VoterRecord[] | null,
  links: CardLinks,
): VoteCardData {
  return {
    motion,
    meetingTitle: meeting.title,
    ...(roster ? { turnout: turnoutOf(roster) } : {}),
    runnerIds: [meeting.chairId, meeting.secretaryId],
    pendingVoterIds: roster ? pendingVoterIds(roster) : [],
    panelUrl: meetingPanelUrl(links.openAppUrl, motion.bodyId, motion.meetingId),
  };
}

/**
 * `actor`'s own view of the vote (a refresh, "open my ballot", or the answer to their click): read
 * as the HTTP GET reads it (loadMotion + `vote.read`, so another tenant's or body's vote is simply
 * not found or refused), with their ballot from the roster fixed at opening.
 */
export async function personalVoteCard(
  deps: Pick<VoteDeps, 'bodies' | 'meetings' | 'votes'>,
  actor: Actor,
  locale: Locale,
  keys: VoteCardKeys,
  links: CardLinks,
): Promise<VoteCard> {
  const { meeting, stored, roles } = await loadMotion(
    deps,
    actor,
    keys.bodyId,
    keys.meetingId,
    keys.motionId,
  );
  assertCan(roles, 'vote.read');
  const motion = stored.motion;
  const roster = await liveRoster(deps.votes, motion);
  let voter: VoterRecord | null = roster?.find((row) => row.userId === actor.userId) ?? null;
  const key = electorateKey(motion);
  if (!roster && key && motion.mode === 'electronic') {
    voter = (await deps.votes.getVoter(key, actor.userId))?.value ?? null;
  }
  return voteCard(locale, voteCardData(motion, meeting, roster, links), {
    kind: 'person',
    userId: actor.userId,
    runs: can(roles, 'vote.run'),
    ballot: myBallotOf(motion, voter),
    // One id per rendered view: Teams resends it with a retried click, so the cast is idempotent.
    submissionId: randomUUID(),
  });
}
