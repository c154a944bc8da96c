import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { resolveActorInBody, withMeetingRoles } from '../use-cases/resolve-actor-roles';
import { myBallotOf, type MyBallot } from './cast-ballot';
import type { Motion, TallyCounts, VoteDecision, VoteKind } from './motion';
import { recountStoredBallots } from './motion-lifecycle';
import { canonicalJson } from '../audit/audit-event';
import { castDigest, hashVoteResult, verifyVoteChain, type VoteAuditEvent } from './vote-audit';
import { loadMotion, type VoteDeps } from './vote-deps';
import { electorateKey } from './vote-repository';
import { decideVote } from './tally';
import { liveRoster, turnoutOf, type VoteTurnout } from './vote-turnout';

type QueryDeps = Pick<VoteDeps, 'bodies' | 'meetings' | 'votes'>;

/** The meeting's motions (or elections), oldest first. */
export async function listMotions(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  kind?: VoteKind,
): Promise<Motion[]> {
  const [{ roles }, meeting] = await Promise.all([
    resolveActorInBody(deps.bodies, actor, bodyId),
    deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId),
  ]);
  if (!meeting) throw new DomainError('MEETING.NOT_FOUND');
  assertCan(withMeetingRoles(roles, meeting.meeting, actor.userId), 'vote.read');
  const motions = await deps.votes.listMotions(actor.tenantId, bodyId, meetingId);
  return motions
    .filter((motion) => !kind || motion.kind === kind)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * A motion with the caller's own ballot: for an open ballot the choice they made, for a secret one
 * only whether they voted (nothing stored could say more). While an electronic vote is open it
 * also carries the turnout (ballots cast / eligible), which anyone who may read the motion may see.
 */
export async function getMotion(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
): Promise<{ motion: Motion; myBallot: MyBallot; turnout?: VoteTurnout | undefined }> {
  const { stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
  assertCan(roles, 'vote.read');
  const motion = stored.motion;
  const key = electorateKey(motion);
  const [voter, roster] = await Promise.all([
    key && motion.mode === 'electronic' ? deps.votes.getVoter(key, actor.userId) : null,
    liveRoster(deps.votes, motion),
  ]);
  return {
    motion,
    myBallot: myBallotOf(motion, voter?.value ?? null),
    ...(roster ? { turnout: turnoutOf(roster) } : {}),
  };
}

export async function listMotionAudit(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
): Promise<{ events: VoteAuditEvent[]; verified: boolean }> {
  const { stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
  assertCan(roles, 'audit.read');
  const events = await deps.votes.listMotionEvents({
    tenantId: actor.tenantId,
    bodyId,
    meetingId,
    motionId: stored.motion.id,
  });
  const chain = verifyVoteChain(events);
  return {
    events,
    verified: chain.ok && chain.head.hash === stored.motion.audit.hash,
  };
}

/** null: the check does not apply to this vote (e.g. no ballots in a room vote). */
export interface VoteVerification {
  verified: boolean;
  checks: {
    /** The motion's audit chain is intact and ends at the motion row's head. */
    auditChain: boolean;
    /** The stored result hashes to the stored hash, which the closing audit event also carries. */
    resultHash: boolean;
    /** Counting the stored ballots again (or deciding the confirmed room tally again) gives the
     * announced tally and decision. */
    recount: boolean;
    ballotsDigest: boolean | null;
    /** Every voter's cast chain verifies, ends at the voter row's head, and the digest matches. */
    voterTrails: boolean | null;
    /** Secret ballots: the box holds as many ballots as its lid recorded, no more than receipts. */
    ballotBox: boolean | null;
  };
  announced: { tally: TallyCounts; decision: VoteDecision };
  recount: { tally: TallyCounts; decision: VoteDecision };
}

/**
 * Recounts a closed vote from what storage holds and checks it against what was announced: the
 * "dân kiểm tra" path. Anyone who may read the motion may run it.
 */
export async function verifyMotion(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
): Promise<VoteVerification> {
  const { stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
  assertCan(roles, 'vote.read');
  const motion = stored.motion;
  const result = motion.result;
  if (motion.status !== 'closed' || !result || !motion.electorate) {
    throw new DomainError('VOTE.NOT_CLOSED', { status: motion.status });
  }
  const events = await deps.votes.listMotionEvents({
    tenantId: motion.tenantId,
    bodyId,
    meetingId,
    motionId: motion.id,
  });
  const chain = verifyVoteChain(events);
  const closed = [...events].reverse().find((event) => event.action === 'vote.closed');
  const auditChain = chain.ok && chain.head.hash === motion.audit.hash;
  const resultHash =
    hashVoteResult(result) === motion.resultHash &&
    closed?.changes.resultHash?.[1] === motion.resultHash;

  let tally = result.tally;
  let ballotsDigestOk: boolean | null = null;
  let voterTrails: boolean | null = null;
  let ballotBox: boolean | null = null;
  if (result.source === 'electronic') {
    const key = electorateKey(motion)!;
    const [counted, voterEvents] = await Promise.all([
      recountStoredBallots(deps, motion, key),
      deps.votes.listVoterEvents(key),
    ]);
    tally = counted.tally;
    ballotsDigestOk = counted.ballotsDigest === result.ballotsDigest;
    ballotBox = counted.consistent;
    const byVoter = new Map<string, VoteAuditEvent[]>();
    for (const event of voterEvents) {
      byVoter.set(event.aggregateId, [...(byVoter.get(event.aggregateId) ?? []), event]);
    }
    voterTrails =
      castDigest(counted.voters) === result.castDigest &&
      counted.voters.every((voter) => {
        const trail = (byVoter.get(`${motion.id}/${voter.userId}`) ?? []).sort(
          (a, b) => a.seq - b.seq,
        );
        const verified = verifyVoteChain(trail);
        return verified.ok && verified.head.hash === voter.audit.hash;
      });
  }
  const decision = decideVote(motion, tally, motion.electorate);
  const recount =
    canonicalJson(tally) === canonicalJson(result.tally) &&
    canonicalJson(decision) === canonicalJson(result.decision);
  const checks = {
    auditChain,
    resultHash,
    recount,
    ballotsDigest: ballotsDigestOk,
    voterTrails,
    ballotBox,
  };
  return {
    verified: Object.values(checks).every((check) => check !== false),
    checks,
    announced: { tally: result.tally, decision: result.decision },
    recount: { tally, decision },
  };
}
