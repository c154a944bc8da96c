import { DomainError } from '../errors/domain-error';
import type { Stored } from '../ports/meeting-repository';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { withReminderSchedule } from '../reminders/reminder-scheduler';
import { retryOnWriteRace } from '../use-cases/meeting-change';
import { maskBallotKey, newBallotKey, submissionTag, unmaskBallotKey } from './ballot-secrecy';
import type { Motion, VoterRecord } from './motion';
import { chainVoteEvent, voteEventHead, type VoteAuditEvent } from './vote-audit';
import type { VoteDeps } from './vote-deps';
import { electorateKey, type ElectorateKey } from './vote-repository';
import type { TCastBallotInput } from './vote-schemas';

/** What a voter sees of their own ballot: the choice for an open ballot, only "voted" for a secret one. */
export interface MyBallot {
  eligible: boolean;
  status: 'notVoted' | 'pending' | 'voted';
  /** Open ballots only. */
  marks?: string[] | undefined;
  castAt?: string | undefined;
}

export function myBallotOf(motion: Motion, voter: VoterRecord | null): MyBallot {
  if (!voter) return { eligible: false, status: 'notVoted' };
  return {
    eligible: true,
    status: voter.state === 'eligible' ? 'notVoted' : voter.state,
    marks: motion.method === 'open' && voter.state === 'voted' ? voter.marks : undefined,
    castAt: voter.castAt,
  };
}

/** Refuses early what cannot be a ballot now (the voter row's seal is what really fences a close). */
export function assertAcceptingBallots(motion: Motion, now: Date): void {
  if (motion.mode === 'room') throw new DomainError('VOTE.ROOM_VOTE');
  if (motion.status === 'draft') throw new DomainError('VOTE.NOT_OPEN', { status: motion.status });
  if (motion.status !== 'open') throw new DomainError('VOTE.CLOSED', { status: motion.status });
  if (motion.opensAt && now.getTime() < Date.parse(motion.opensAt)) {
    throw new DomainError('VOTE.NOT_OPEN', { status: motion.status });
  }
  if (motion.closesAt && now.getTime() >= Date.parse(motion.closesAt)) {
    throw new DomainError('VOTE.CLOSED', { status: motion.status });
  }
}

/** The ballot's marks, checked against the motion: one known choice, or distinct candidates. */
export function ballotMarks(motion: Motion, input: TCastBallotInput): string[] {
  const known = new Set(motion.choices.map((choice) => choice.id));
  if (motion.kind === 'motion') {
    if (input.choice === undefined || !known.has(input.choice)) {
      throw new DomainError('VOTE.INVALID_CHOICE');
    }
    return [input.choice];
  }
  const marks = input.marks;
  if (!marks || new Set(marks).size !== marks.length || !marks.every((m) => known.has(m))) {
    throw new DomainError('VOTE.INVALID_CHOICE');
  }
  if (marks.length > motion.maxMarks) {
    throw new DomainError('ELECTION.TOO_MANY_MARKS', { max: motion.maxMarks });
  }
  return [...marks];
}

function sameMarks(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((mark, index) => mark === sorted[index]);
}

/**
 * Casts (or, for a changeable open ballot, changes) the caller's ballot. Integrity:
 * - only a voter on the roster fixed at opening may cast (a point read of their own row);
 * - one ballot per voter, idempotent under retries: the same voter and motion get the same answer
 *   and nothing is written twice; a different choice replaces the first only on an open ballot that
 *   allows it, otherwise VOTE.ALREADY_CAST;
 * - nothing lands after the vote closes: every write is conditional on the voter's row (and, for a
 *   secret ballot, on the ballot box's lid), which closing seals.
 *
 * A secret ballot is written in three steps so that a crash between any two neither loses nor
 * doubles it, while the stored receipt and ballot never name each other:
 * 1. the receipt goes from eligible to pending, holding the new ballot's random key masked with the
 *    submission id (only a retry of the same submission can unmask it);
 * 2. the ballot (random key, marks, nothing else) goes into the box, which stores a key at most once;
 * 3. the receipt becomes voted and forgets the key, with the voter's cast audit event (no choice).
 * A retry after a crash finds the pending receipt, unmasks the key and finishes steps 2-3.
 */
export async function castBallot(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
  input: TCastBallotInput,
): Promise<{ motion: Motion; myBallot: MyBallot }> {
  const motion = await deps.votes.peekMotion({
    tenantId: actor.tenantId,
    bodyId,
    meetingId,
    motionId,
  });
  if (!motion) throw new DomainError('VOTE.NOT_FOUND');
  const marks = ballotMarks(motion, input);
  assertAcceptingBallots(motion, deps.clock.now());
  const key = electorateKey(motion)!;
  const tag = submissionTag(motion.id, actor.userId, input.submissionId);
  const myBallot = await retryOnWriteRace(async () => {
    const stored = await deps.votes.getVoter(key, actor.userId);
    if (!stored) throw new DomainError('VOTE.NOT_ELIGIBLE');
    assertCan({ bodyRoles: stored.value.roles, meetingRoles: [] }, 'vote.cast');
    const cast = { deps, actor, motion, key, marks, tag, submissionId: input.submissionId };
    return motion.method === 'open' ? castOpen(cast, stored) : castSecret(cast, stored);
  });
  return { motion, myBallot };
}

interface Cast {
  deps: VoteDeps;
  actor: Actor;
  motion: Motion;
  key: ElectorateKey;
  marks: string[];
  tag: string;
  submissionId: string;
}

function voterEvent(
  cast: Cast,
  voter: VoterRecord,
  at: string,
  action: string,
  changes: VoteAuditEvent['changes'],
): VoteAuditEvent {
  return chainVoteEvent(voter.audit, {
    tenantId: cast.actor.tenantId,
    aggregateType: 'voter',
    aggregateId: `${cast.motion.id}/${voter.userId}`,
    action,
    actorId: cast.actor.userId,
    actorName: cast.actor.displayName,
    at,
    changes,
  });
}

/**
 * A first cast (the voter's row leaving 'eligible'): the voter's reminder before the close is
 * dropped around the write (the sweep checks the voter's row anyway before it sends one).
 */
function withVoterReminderDropped<T>(cast: Cast, write: () => Promise<T>): Promise<T> {
  const { motion } = cast;
  return withReminderSchedule(
    cast.deps.reminders,
    {
      type: 'vote',
      previous: { motion, notVoted: [cast.actor.userId] },
      next: { motion, notVoted: [] },
    },
    write,
  );
}

async function castOpen(cast: Cast, stored: Stored<VoterRecord>): Promise<MyBallot> {
  const { deps, motion, key, marks } = cast;
  const voter = stored.value;
  if (voter.sealed) throw new DomainError('VOTE.CLOSED', { status: 'closed' });
  const now = deps.clock.now().toISOString();
  if (voter.state === 'voted') {
    if (sameMarks(voter.marks, marks)) return myBallotOf(motion, voter);
    if (!motion.allowChange) throw new DomainError('VOTE.ALREADY_CAST');
    const event = voterEvent(cast, voter, now, 'vote.changed', { choice: [voter.marks, marks] });
    const next: VoterRecord = {
      ...voter,
      marks,
      submissionTag: cast.tag,
      updatedAt: now,
      audit: voteEventHead(event),
    };
    await deps.votes.commitVoterChange({ key, voter: next, etag: stored.etag!, event });
    return myBallotOf(motion, next);
  }
  const event = voterEvent(cast, voter, now, 'vote.cast', { choice: [null, marks] });
  const next: VoterRecord = {
    ...voter,
    state: 'voted',
    marks,
    submissionTag: cast.tag,
    castAt: now,
    updatedAt: now,
    audit: voteEventHead(event),
  };
  await withVoterReminderDropped(cast, () =>
    deps.votes.commitVoterChange({ key, voter: next, etag: stored.etag!, event }),
  );
  return myBallotOf(motion, next);
}

async function castSecret(cast: Cast, stored: Stored<VoterRecord>): Promise<MyBallot> {
  const { deps, motion, key, marks, tag } = cast;
  const voter = stored.value;
  const mine = voter.submissionTag === tag;
  const unmask = (masked: string) =>
    unmaskBallotKey(masked, motion.id, voter.userId, cast.submissionId);

  if (voter.sealed) {
    // Closed while this submission was in flight: it counts if its ballot reached the box in time.
    if (voter.state === 'pending' && mine && voter.pendingKey) {
      const ballot = await deps.votes.getSecretBallot(key, unmask(voter.pendingKey));
      if (ballot) return { eligible: true, status: 'voted', castAt: voter.updatedAt };
    }
    throw new DomainError('VOTE.CLOSED', { status: 'closed' });
  }
  if (voter.state === 'voted') {
    if (mine) return myBallotOf(motion, voter);
    throw new DomainError('VOTE.ALREADY_CAST');
  }

  const now = deps.clock.now().toISOString();
  let pending = voter;
  let etag = stored.etag!;
  let ballotKey: string;
  if (voter.state === 'eligible') {
    // Step 1: a brand-new key, so no ballot can exist under it yet.
    ballotKey = newBallotKey(deps.random);
    pending = {
      ...voter,
      state: 'pending',
      submissionTag: tag,
      pendingKey: maskBallotKey(ballotKey, motion.id, voter.userId, cast.submissionId),
      updatedAt: now,
    };
    etag = await withVoterReminderDropped(cast, () =>
      deps.votes.commitVoterChange({ key, voter: pending, etag }),
    );
    await deps.votes.putSecretBallot(key, { key: ballotKey, marks });
  } else {
    // A retry of an interrupted submission resumes it; any other submission is refused.
    if (!mine || !voter.pendingKey) throw new DomainError('VOTE.ALREADY_CAST');
    ballotKey = unmask(voter.pendingKey);
    const existing = await deps.votes.getSecretBallot(key, ballotKey);
    if (existing && !sameMarks(existing.marks, marks)) throw new DomainError('VOTE.ALREADY_CAST');
    if (!existing) await deps.votes.putSecretBallot(key, { key: ballotKey, marks });
  }
  // Step 3: the receipt forgets the key; its audit event says that a vote was cast, not which.
  const event = voterEvent(cast, pending, now, 'vote.cast', { voted: [false, true] });
  const done: VoterRecord = {
    ...pending,
    state: 'voted',
    pendingKey: undefined,
    castAt: now,
    updatedAt: now,
    audit: voteEventHead(event),
  };
  await deps.votes.commitVoterChange({ key, voter: done, etag, event });
  return myBallotOf(motion, done);
}
