import type { Motion, VoterRecord } from './motion';
import type { VoteRepository } from './vote-repository';
import { electorateKey } from './vote-repository';

/**
 * How far an electronic vote has got while it is open: ballots cast out of the electorate fixed at
 * opening. Never a choice: receipts say who voted, not how (docs/votes.md), and no running tally is
 * shown before the close (shared/DESIGN.md gives nobody, the chair included, a preliminary count).
 */
export interface VoteTurnout {
  /** Receipts that reached `voted` (a secret receipt left `pending` by a crash is not counted). */
  voted: number;
  eligible: number;
}

export function turnoutOf(voters: readonly Pick<VoterRecord, 'state'>[]): VoteTurnout {
  return {
    voted: voters.filter((voter) => voter.state === 'voted').length,
    eligible: voters.length,
  };
}

/** Voters who have not cast yet, in roster order (whom the chat card still has to reach). */
export function pendingVoterIds(
  voters: readonly Pick<VoterRecord, 'state' | 'userId'>[],
): string[] {
  return voters.filter((voter) => voter.state === 'eligible').map((voter) => voter.userId);
}

/** Whether a motion has a live turnout: an electronic vote open or closing (its roster is fixed). */
export function hasLiveTurnout(motion: Motion): boolean {
  return (
    motion.mode === 'electronic' &&
    (motion.status === 'open' || motion.status === 'closing') &&
    motion.electorate !== undefined
  );
}

/** The roster of a live vote (one partition query), or null when the motion has none. */
export async function liveRoster(
  votes: Pick<VoteRepository, 'listVoters'>,
  motion: Motion,
): Promise<VoterRecord[] | null> {
  if (!hasLiveTurnout(motion)) return null;
  return votes.listVoters(electorateKey(motion)!);
}
