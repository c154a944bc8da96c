import { assertQuorum, checkQuorum, summonedMembers } from '../attendance/attendance';
import { GENESIS_HEAD } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { withReminderSchedule } from '../reminders/reminder-scheduler';
import { assertCan } from '../permissions/permission-table';
import { templateFor } from '../templates/process-templates';
import { retryOnWriteRace } from '../use-cases/meeting-change';
import type { Electorate, Motion, VoteResult, VoterRecord } from './motion';
import { castDigest, hashVoteResult, openBallotsDigest, secretBallotsDigest } from './vote-audit';
import { loadMotion, nextMotionVersion, transitionNotAllowed, type VoteDeps } from './vote-deps';
import { electorateKey, type ElectorateKey } from './vote-repository';
import { countVote, decideVote } from './tally';

/**
 * Opens the vote. The meeting must be in progress and, unless the motion says otherwise, quorate
 * (checkQuorum + assertQuorum: no vote opens without quorum). The electorate is fixed now: a roster
 * row per eligible voter (members present, in person or through a delegate, or every summoned member)
 * is written under a fresh electorate id before the motion row says open, so a crash or a concurrent
 * opener leaves at most an unreferenced roster, never a mixed one.
 */
export async function openMotion(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
): Promise<Motion> {
  return retryOnWriteRace(async () => {
    const { meeting, stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
    const current = stored.motion;
    assertCan(roles, 'vote.run');
    if (current.status === 'open') return current;
    if (current.status !== 'draft') throw transitionNotAllowed('open', current);
    if (meeting.status !== 'inProgress') {
      throw new DomainError('VOTE.MEETING_NOT_IN_PROGRESS', { status: meeting.status });
    }
    const [members, attendance] = await Promise.all([
      deps.bodies.listMembers(actor.tenantId, bodyId),
      deps.meetings.getAttendance(actor.tenantId, bodyId, meetingId),
    ]);
    const quorum = checkQuorum(templateFor(meeting.kind), members, attendance);
    if (current.quorumRequired) assertQuorum(quorum);

    const now = deps.clock.now().toISOString();
    const roster: VoterRecord[] = summonedMembers(members)
      .filter(
        (member) =>
          current.eligibility === 'summoned' || attendance[member.userId]?.status === 'present',
      )
      .map((member) => ({
        userId: member.userId,
        displayName: member.displayName,
        roles: member.roles,
        delegateName: attendance[member.userId]?.delegateName,
        state: 'eligible',
        sealed: false,
        audit: GENESIS_HEAD,
      }));
    const electorate: Electorate = {
      id: deps.ids.next(),
      openedAt: now,
      openedBy: actor.userId,
      eligible: roster.length,
      present: quorum.present,
      delegates: quorum.delegates,
      summoned: quorum.summoned,
      quorum: {
        met: quorum.met,
        present: quorum.present,
        summoned: quorum.summoned,
        required: quorum.required,
        basis: quorum.basis,
      },
    };
    const next: Motion = { ...current, status: 'open', electorate };
    const key = electorateKey(next)!;
    if (current.mode === 'electronic') {
      await deps.votes.writeRoster(key, roster);
      if (current.method === 'secret') await deps.votes.openBallotBox(key);
    }
    const change = nextMotionVersion(current, next, actor, now, 'vote.opened', {
      status: [current.status, 'open'],
      electorate: [
        null,
        {
          eligible: electorate.eligible,
          present: electorate.present,
          delegates: electorate.delegates,
          summoned: electorate.summoned,
          quorumMet: quorum.met,
        },
      ],
    });
    // Voters who have not voted hear before the close (a vote with a closing time, cast in the app).
    await withReminderSchedule(
      deps.reminders,
      {
        type: 'vote',
        previous: null,
        next: {
          motion: change.motion,
          notVoted: current.mode === 'electronic' ? roster.map((voter) => voter.userId) : [],
        },
      },
      () => deps.votes.commitMotionChange({ ...change, etag: stored.etag }),
    );
    return change.motion;
  });
}

/**
 * The reminders a vote stops planning once it is closed or cancelled: those it planned while open
 * for the roster's voters who had not voted (a retried close starts from 'closing', hence 'open').
 */
function voteEnded(before: Motion, after: Motion, voters: readonly VoterRecord[]) {
  return {
    type: 'vote' as const,
    previous: {
      motion: { ...before, status: 'open' as const },
      notVoted: voters.filter((voter) => voter.state === 'eligible').map((voter) => voter.userId),
    },
    next: { motion: after, notVoted: [] },
  };
}

/** Seals the roster and (secret) the ballot box: from here on no cast or change can land. */
async function fence(deps: VoteDeps, motion: Motion, key: ElectorateKey) {
  if (motion.method === 'secret') await deps.votes.sealBallotBox(key);
  return deps.votes.sealVoters(key);
}

/**
 * Counts what the sealed storage holds. Secret ballots: every ballot in the box counts (each was put
 * there under a key only its own voter's pending receipt could derive, so at most one per voter);
 * receipts still pending when the box was sealed are accounted for by the difference.
 */
async function countStored(deps: Pick<VoteDeps, 'votes'>, motion: Motion, key: ElectorateKey) {
  const voters = await deps.votes.listVoters(key);
  const voted = voters.filter((voter) => voter.state === 'voted').length;
  const pending = voters.filter((voter) => voter.state === 'pending').length;
  if (motion.method === 'open') {
    const counted = voters.filter((voter) => voter.state === 'voted');
    return {
      voters,
      tally: countVote(
        motion,
        counted.map((voter) => ({ marks: voter.marks ?? [] })),
      ),
      ballotsDigest: openBallotsDigest(counted),
      turnout: { voted, pending: 0 },
      consistent: true,
    };
  }
  const { ballots, lidCount } = await deps.votes.listSecretBallots(key);
  return {
    voters,
    tally: countVote(motion, ballots),
    ballotsDigest: secretBallotsDigest(ballots),
    turnout: { voted, pending },
    boxCount: lidCount,
    // Every voted receipt has its ballot; a pending one may or may not; nothing else puts ballots.
    consistent:
      ballots.length === lidCount && ballots.length >= voted && ballots.length <= voted + pending,
  };
}

export { countStored as recountStoredBallots };

/**
 * Closes the vote and announces the result. Electronic votes go through 'closing': casts are refused
 * from then on, the ballot box and every voter row are sealed (the fence that makes a late cast fail
 * even if it read 'open' a moment earlier), the sealed ballots are counted, secret ballots are
 * rewritten in shuffled groups (so storage timestamps pair nothing), and the result is stored with
 * its hash in the same write as the closing audit event. A crash anywhere is repaired by closing
 * again: every step is idempotent. Room votes close on the tally the whole counting board confirmed.
 */
export async function closeMotion(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
): Promise<Motion> {
  return retryOnWriteRace(async () => {
    const { stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
    let current = stored.motion;
    let etag = stored.etag;
    assertCan(roles, 'vote.run');
    if (current.status === 'closed') return current;
    if (current.status !== 'open' && current.status !== 'closing') {
      throw transitionNotAllowed('close', current);
    }
    const electorate = current.electorate!;
    const now = deps.clock.now().toISOString();
    let result: VoteResult;
    let voters: VoterRecord[] = [];
    if (current.mode === 'room') {
      const tally = current.roomTally;
      const confirmed = tally?.confirmations.length ?? 0;
      if (!tally || confirmed < current.countingBoard.length) {
        throw new DomainError('VOTE.TALLY_NOT_CONFIRMED', {
          confirmed,
          required: current.countingBoard.length,
        });
      }
      const counts = {
        counts: tally.counts,
        ballotsCast: tally.ballotsCast,
        blank: tally.blank,
        invalid: tally.invalid,
      };
      result = {
        source: 'room',
        tally: counts,
        decision: decideVote(current, counts, electorate),
        electorate: pickElectorate(electorate),
        countingBoard: tally.confirmations,
        announcedAt: now,
        announcedBy: actor.userId,
      };
    } else {
      if (current.status === 'open') {
        const closing = nextMotionVersion(
          current,
          { ...current, status: 'closing' },
          actor,
          now,
          'vote.closing',
          { status: ['open', 'closing'] },
        );
        // The closing write answers the row's new etag: the final write is conditional on it.
        etag = await deps.votes.commitMotionChange({ ...closing, etag });
        current = closing.motion;
      }
      const key = electorateKey(current)!;
      await fence(deps, current, key);
      const counted = await countStored(deps, current, key);
      if (!counted.consistent) {
        throw new DomainError('VOTE.BALLOT_BOX_INCONSISTENT', {
          ballots: counted.boxCount ?? 0,
          voted: counted.turnout.voted,
          pending: counted.turnout.pending,
        });
      }
      if (current.method === 'secret') await deps.votes.remixSecretBallots(key);
      voters = counted.voters;
      result = {
        source: 'electronic',
        tally: counted.tally,
        decision: decideVote(current, counted.tally, electorate),
        electorate: pickElectorate(electorate),
        turnout: counted.turnout,
        ballotsDigest: counted.ballotsDigest,
        castDigest: castDigest(counted.voters),
        announcedAt: now,
        announcedBy: actor.userId,
      };
    }
    const resultHash = hashVoteResult(result);
    const change = nextMotionVersion(
      current,
      { ...current, status: 'closed', result, resultHash },
      actor,
      now,
      'vote.closed',
      {
        status: [current.status, 'closed'],
        outcome: [null, result.decision.outcome],
        tally: [null, result.tally],
        resultHash: [null, resultHash],
        ballotsDigest: [null, result.ballotsDigest ?? null],
        castDigest: [null, result.castDigest ?? null],
      },
    );
    await withReminderSchedule(deps.reminders, voteEnded(current, change.motion, voters), () =>
      deps.votes.commitMotionChange({ ...change, etag }),
    );
    return change.motion;
  });
}

function pickElectorate(electorate: Electorate): VoteResult['electorate'] {
  return {
    eligible: electorate.eligible,
    present: electorate.present,
    summoned: electorate.summoned,
  };
}

/**
 * Cancels a draft or open vote (with a reason). An open one is sealed first, like a close, so no
 * cast lands afterwards; nothing is counted.
 */
export async function cancelMotion(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
  reason: string,
): Promise<Motion> {
  return retryOnWriteRace(async () => {
    const { stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
    const current = stored.motion;
    assertCan(roles, 'vote.manage');
    if (current.status === 'cancelled') return current;
    if (current.status !== 'draft' && current.status !== 'open') {
      throw transitionNotAllowed('cancel', current);
    }
    const key = electorateKey(current);
    let voters: VoterRecord[] = [];
    if (key && current.mode === 'electronic') {
      voters = await fence(deps, current, key);
      // Never counted, but still secret: the ballots lose their cast-time timestamps too.
      if (current.method === 'secret') await deps.votes.remixSecretBallots(key);
    }
    const now = deps.clock.now().toISOString();
    const change = nextMotionVersion(
      current,
      { ...current, status: 'cancelled', statusReason: reason },
      actor,
      now,
      'vote.cancelled',
      { status: [current.status, 'cancelled'], reason: [null, reason] },
    );
    await withReminderSchedule(deps.reminders, voteEnded(current, change.motion, voters), () =>
      deps.votes.commitMotionChange({ ...change, etag: stored.etag }),
    );
    return change.motion;
  });
}
