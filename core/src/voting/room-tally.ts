import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { retryOnWriteRace } from '../use-cases/meeting-change';
import type { CountingBoardMember, Motion, RoomTally, TallyCounts } from './motion';
import { loadMotion, nextMotionVersion, type VoteDeps } from './vote-deps';
import type { TConfirmRoomTallyInput, TRoomTallyInput } from './vote-schemas';

function invalid(detail: string): DomainError {
  return new DomainError('VOTE.TALLY_INVALID', { detail });
}

/**
 * Checks a tally the counting board entered against the motion and its electorate: known choices
 * only, no more ballots than voters, a motion's hands add up, no candidate above the ballots cast.
 */
export function validateRoomTally(motion: Motion, input: TRoomTallyInput): TallyCounts {
  const counts: Record<string, number> = {};
  for (const choice of motion.choices) counts[choice.id] = 0;
  for (const [id, count] of Object.entries(input.counts)) {
    if (!(id in counts)) throw invalid(`unknown choice ${id}`);
    counts[id] = count;
  }
  const sum = Object.values(counts).reduce((total, count) => total + count, 0);
  const invalidBallots = input.invalid ?? 0;
  const blank = input.blank ?? 0;
  let ballotsCast: number;
  if (motion.kind === 'motion') {
    ballotsCast = input.ballotsCast ?? sum;
    if (ballotsCast !== sum) throw invalid(`ballotsCast ${ballotsCast} ≠ ${sum}`);
    if (blank !== 0) throw invalid('a motion has no blank ballots');
  } else {
    if (input.ballotsCast === undefined) throw invalid('ballotsCast is required');
    ballotsCast = input.ballotsCast;
    const over = motion.choices.find((choice) => counts[choice.id]! > ballotsCast);
    if (over) throw invalid(`${over.label}: ${counts[over.id]} > ${ballotsCast}`);
    if (sum > ballotsCast * motion.maxMarks) {
      throw invalid(`${sum} marks > ${ballotsCast} × ${motion.maxMarks}`);
    }
    if (blank > ballotsCast) throw invalid(`blank ${blank} > ${ballotsCast}`);
  }
  const eligible = motion.electorate?.eligible ?? 0;
  if (ballotsCast + invalidBallots > eligible) {
    throw invalid(`${ballotsCast + invalidBallots} ballots > ${eligible} eligible`);
  }
  return { counts, ballotsCast, blank, invalid: invalidBallots };
}

function boardMember(motion: Motion, actor: Actor): CountingBoardMember {
  const member = motion.countingBoard.find((m) => m.userId === actor.userId);
  if (!member) throw new DomainError('VOTE.NOT_ON_COUNTING_BOARD');
  return member;
}

function assertRoomVoteOpen(motion: Motion): void {
  if (motion.mode !== 'room') throw new DomainError('VOTE.NOT_ROOM_VOTE');
  if (motion.status === 'draft') throw new DomainError('VOTE.NOT_OPEN', { status: motion.status });
  if (motion.status !== 'open') throw new DomainError('VOTE.CLOSED', { status: motion.status });
}

/**
 * A counting board member (Decree 59/2023 Art. 3: 3 to 5 people) enters the room's tally of a show
 * of hands or paper ballots. Entering confirms it for that member; a new entry replaces the tally
 * and clears every other confirmation, so each member vouches for the numbers that will count.
 */
export async function enterRoomTally(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
  input: TRoomTallyInput,
): Promise<Motion> {
  return retryOnWriteRace(async () => {
    const { stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
    const current = stored.motion;
    assertCan(roles, 'vote.read');
    assertRoomVoteOpen(current);
    const member = boardMember(current, actor);
    const counts = validateRoomTally(current, input);
    const now = deps.clock.now().toISOString();
    const roomTally: RoomTally = {
      ...counts,
      version: (current.roomTally?.version ?? 0) + 1,
      enteredBy: member,
      enteredAt: now,
      confirmations: [{ userId: member.userId, displayName: member.displayName, at: now }],
    };
    const change = nextMotionVersion(
      current,
      { ...current, roomTally },
      actor,
      now,
      'vote.roomTallyEntered',
      {
        tally: [
          current.roomTally ? { ...current.roomTally, confirmations: undefined } : null,
          { ...roomTally, confirmations: undefined },
        ],
      },
    );
    await deps.votes.commitMotionChange({ ...change, etag: stored.etag });
    return change.motion;
  });
}

/** Another board member confirms the tally version they checked (a stale version is refused). */
export async function confirmRoomTally(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
  input: TConfirmRoomTallyInput,
): Promise<Motion> {
  return retryOnWriteRace(async () => {
    const { stored, roles } = await loadMotion(deps, actor, bodyId, meetingId, motionId);
    const current = stored.motion;
    assertCan(roles, 'vote.read');
    assertRoomVoteOpen(current);
    const member = boardMember(current, actor);
    const tally = current.roomTally;
    if (!tally || tally.version !== input.tallyVersion) {
      throw new DomainError('VOTE.TALLY_CHANGED', { version: tally?.version ?? 0 });
    }
    if (tally.confirmations.some((c) => c.userId === member.userId)) return current;
    const now = deps.clock.now().toISOString();
    const confirmation = { userId: member.userId, displayName: member.displayName, at: now };
    const change = nextMotionVersion(
      current,
      {
        ...current,
        roomTally: { ...tally, confirmations: [...tally.confirmations, confirmation] },
      },
      actor,
      now,
      'vote.roomTallyConfirmed',
      { confirmedBy: [null, member.displayName], tallyVersion: [null, tally.version] },
    );
    await deps.votes.commitMotionChange({ ...change, etag: stored.etag });
    return change.motion;
  });
}
