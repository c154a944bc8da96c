import type { Stored } from '../ports/meeting-repository';
import type { Motion, SecretBallot, VoterRecord } from './motion';
import type { VoteAuditEvent } from './vote-audit';

/** Where a motion lives: every key starts from the tenant and the body. */
export interface MotionKey {
  tenantId: string;
  bodyId: string;
  meetingId: string;
  motionId: string;
}

/** One opening's roster and ballot box (the electorate id comes from the motion row). */
export interface ElectorateKey extends MotionKey {
  electorateId: string;
}

export interface StoredMotion {
  motion: Motion;
  etag: string;
}

/** One atomic change to a motion: the row (conditional on its etag) and its next audit event. */
export interface MotionChange {
  motion: Motion;
  etag: string;
  event: VoteAuditEvent;
}

/** One atomic change to a voter's row (conditional on its etag) with the voter's next cast event. */
export interface VoterChange {
  key: ElectorateKey;
  voter: VoterRecord;
  etag: string;
  event?: VoteAuditEvent | undefined;
}

/**
 * Storage of motions, rosters, receipts and ballots. Conflicting writes (a stale etag, a row that
 * exists) throw DomainError CONCURRENCY.CONFLICT with details.retryable: the use case reloads and
 * decides again, never overwrites. The secret-ballot operations keep receipts and ballots apart
 * (functions/src/store/vote-store.ts documents how).
 */
export interface VoteRepository {
  getMotion(
    tenantId: string,
    bodyId: string,
    meetingId: string,
    motionId: string,
  ): Promise<StoredMotion | null>;
  /**
   * The motion as a cast sees it: may come from a short-lived cache of open motions. Never use its
   * status for anything but refusing early: the seal on each voter row and on the ballot box is
   * what fences casts against closing.
   */
  peekMotion(key: MotionKey): Promise<Motion | null>;
  listMotions(tenantId: string, bodyId: string, meetingId: string): Promise<Motion[]>;
  createMotion(motion: Motion, event: VoteAuditEvent): Promise<void>;
  /** Answers the row's new etag. */
  commitMotionChange(change: MotionChange): Promise<string>;
  listMotionEvents(key: MotionKey): Promise<VoteAuditEvent[]>;

  /** Writes the roster of a new electorate (before the motion row says open). */
  writeRoster(key: ElectorateKey, voters: readonly VoterRecord[]): Promise<void>;
  getVoter(key: ElectorateKey, userId: string): Promise<Stored<VoterRecord> | null>;
  /** Answers the row's new etag. */
  commitVoterChange(change: VoterChange): Promise<string>;
  listVoters(key: ElectorateKey): Promise<VoterRecord[]>;
  listVoterEvents(key: ElectorateKey): Promise<VoteAuditEvent[]>;
  /**
   * Seals every voter row (the fence against late casts and changes): afterwards no cast can land.
   * Returns the rows as sealed, i.e. exactly what counts.
   */
  sealVoters(key: ElectorateKey): Promise<VoterRecord[]>;

  /** Creates the (empty, open) ballot box of a secret vote. */
  openBallotBox(key: ElectorateKey): Promise<void>;
  /**
   * Puts a secret ballot in the box. Idempotent per key (the same key twice stores it once).
   * Throws DomainError VOTE.CLOSED when the box is sealed.
   */
  putSecretBallot(key: ElectorateKey, ballot: SecretBallot): Promise<void>;
  getSecretBallot(key: ElectorateKey, ballotKey: string): Promise<SecretBallot | null>;
  /** Seals the box: afterwards no ballot can land. Returns how many ballots the box recorded. */
  sealBallotBox(key: ElectorateKey): Promise<{ count: number }>;
  /** Every ballot in the box, and the count the box's lid recorded as they landed. */
  listSecretBallots(key: ElectorateKey): Promise<{ ballots: SecretBallot[]; lidCount: number }>;
  /**
   * After sealing: rewrites every ballot in shuffled groups, so storage timestamps no longer tell
   * when (and so next to whose receipt) each ballot landed.
   */
  remixSecretBallots(key: ElectorateKey): Promise<void>;
}

export function electorateKey(motion: Motion): ElectorateKey | null {
  if (!motion.electorate) return null;
  return {
    tenantId: motion.tenantId,
    bodyId: motion.bodyId,
    meetingId: motion.meetingId,
    motionId: motion.id,
    electorateId: motion.electorate.id,
  };
}
