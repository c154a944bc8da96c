import { DomainError } from '../errors/domain-error';
import type { Stored } from '../ports/meeting-repository';
import type { Motion, SecretBallot, VoterRecord } from './motion';
import type { VoteAuditEvent } from './vote-audit';
import type {
  ElectorateKey,
  MotionChange,
  MotionKey,
  StoredMotion,
  VoterChange,
  VoteRepository,
} from './vote-repository';

export type VoteStoreOperation =
  | 'writeRoster'
  | 'commitVoterChange'
  | 'putSecretBallot'
  | 'sealVoters'
  | 'sealBallotBox'
  | 'remixSecretBallots'
  | 'commitMotionChange';

/**
 * A faithful in-memory fake of the vote store for core tests: tenant-scoped keys, etag checks,
 * atomic row + event writes, sealed rows and a sealed box refusing writes, a box storing a key once.
 * `intercept` lets a test crash the process "before" or "after" any write.
 */
export class InMemoryVoteRepository implements VoteRepository {
  readonly motions = new Map<string, { motion: Motion; etag: string }>();
  readonly motionEvents = new Map<string, VoteAuditEvent[]>();
  readonly voters = new Map<string, Map<string, { value: VoterRecord; etag: string }>>();
  readonly voterEvents = new Map<string, VoteAuditEvent[]>();
  readonly boxes = new Map<
    string,
    { sealed: boolean; count: number; ballots: Map<string, string[]> }
  >();
  intercept?: (operation: VoteStoreOperation, phase: 'before' | 'after') => void;
  private etagCounter = 0;

  async getMotion(tenantId: string, bodyId: string, meetingId: string, motionId: string) {
    const row = this.motions.get(motionKey({ tenantId, bodyId, meetingId, motionId }));
    return row ? (clone(row) as StoredMotion) : null;
  }

  async peekMotion(key: MotionKey) {
    return (
      (await this.getMotion(key.tenantId, key.bodyId, key.meetingId, key.motionId))?.motion ?? null
    );
  }

  async listMotions(tenantId: string, bodyId: string, meetingId: string) {
    return [...this.motions.values()]
      .map((row) => row.motion)
      .filter((m) => m.tenantId === tenantId && m.bodyId === bodyId && m.meetingId === meetingId)
      .map(clone);
  }

  async createMotion(motion: Motion, event: VoteAuditEvent) {
    const key = motionKey(motionRef(motion));
    if (this.motions.has(key)) throw conflict();
    this.motions.set(key, { motion: clone(motion), etag: this.nextEtag() });
    this.motionEvents.set(key, [clone(event)]);
  }

  async commitMotionChange(change: MotionChange) {
    this.intercept?.('commitMotionChange', 'before');
    const key = motionKey(motionRef(change.motion));
    const row = this.motions.get(key);
    if (!row || row.etag !== change.etag) throw conflict();
    const etag = this.nextEtag();
    this.motions.set(key, { motion: clone(change.motion), etag });
    this.motionEvents.get(key)!.push(clone(change.event));
    this.intercept?.('commitMotionChange', 'after');
    return etag;
  }

  async listMotionEvents(key: MotionKey) {
    return clone(this.motionEvents.get(motionKey(key)) ?? []);
  }

  async writeRoster(key: ElectorateKey, voters: readonly VoterRecord[]) {
    this.intercept?.('writeRoster', 'before');
    const rows = new Map<string, { value: VoterRecord; etag: string }>();
    for (const voter of voters)
      rows.set(voter.userId, { value: clone(voter), etag: this.nextEtag() });
    this.voters.set(electorate(key), rows);
    this.intercept?.('writeRoster', 'after');
  }

  async getVoter(key: ElectorateKey, userId: string): Promise<Stored<VoterRecord> | null> {
    const row = this.voters.get(electorate(key))?.get(userId);
    return row ? clone(row) : null;
  }

  async commitVoterChange(change: VoterChange) {
    this.intercept?.('commitVoterChange', 'before');
    const rows = this.voters.get(electorate(change.key));
    const row = rows?.get(change.voter.userId);
    if (!rows || !row || row.etag !== change.etag) throw conflict();
    const etag = this.nextEtag();
    rows.set(change.voter.userId, { value: clone(change.voter), etag });
    if (change.event) {
      const events = this.voterEvents.get(electorate(change.key)) ?? [];
      events.push(clone(change.event));
      this.voterEvents.set(electorate(change.key), events);
    }
    this.intercept?.('commitVoterChange', 'after');
    return etag;
  }

  async listVoters(key: ElectorateKey) {
    return [...(this.voters.get(electorate(key))?.values() ?? [])].map((row) => clone(row.value));
  }

  async listVoterEvents(key: ElectorateKey) {
    return clone(this.voterEvents.get(electorate(key)) ?? []);
  }

  async sealVoters(key: ElectorateKey) {
    this.intercept?.('sealVoters', 'before');
    for (const row of this.voters.get(electorate(key))?.values() ?? []) {
      if (row.value.sealed) continue;
      row.value = { ...row.value, sealed: true };
      row.etag = this.nextEtag();
    }
    this.intercept?.('sealVoters', 'after');
    return this.listVoters(key);
  }

  async openBallotBox(key: ElectorateKey) {
    if (!this.boxes.has(electorate(key))) {
      this.boxes.set(electorate(key), { sealed: false, count: 0, ballots: new Map() });
    }
  }

  async putSecretBallot(key: ElectorateKey, ballot: SecretBallot) {
    this.intercept?.('putSecretBallot', 'before');
    const box = this.boxes.get(electorate(key));
    if (!box || box.sealed) throw new DomainError('VOTE.CLOSED', { status: 'closed' });
    if (!box.ballots.has(ballot.key)) {
      box.ballots.set(ballot.key, [...ballot.marks]);
      box.count += 1;
    }
    this.intercept?.('putSecretBallot', 'after');
  }

  async getSecretBallot(key: ElectorateKey, ballotKey: string) {
    const marks = this.boxes.get(electorate(key))?.ballots.get(ballotKey);
    return marks ? { key: ballotKey, marks: [...marks] } : null;
  }

  async sealBallotBox(key: ElectorateKey) {
    this.intercept?.('sealBallotBox', 'before');
    const box = this.boxes.get(electorate(key));
    if (box) box.sealed = true;
    return { count: box?.count ?? 0 };
  }

  async listSecretBallots(key: ElectorateKey) {
    const box = this.boxes.get(electorate(key));
    return {
      ballots: [...(box?.ballots.entries() ?? [])].map(([k, marks]) => ({
        key: k,
        marks: [...marks],
      })),
      lidCount: box?.count ?? 0,
    };
  }

  async remixSecretBallots(_key: ElectorateKey) {
    this.intercept?.('remixSecretBallots', 'before');
  }

  private nextEtag(): string {
    this.etagCounter += 1;
    return `W/"${this.etagCounter}"`;
  }
}

function motionRef(motion: Motion): MotionKey {
  return {
    tenantId: motion.tenantId,
    bodyId: motion.bodyId,
    meetingId: motion.meetingId,
    motionId: motion.id,
  };
}

function motionKey(key: MotionKey): string {
  return `${key.tenantId}/${key.bodyId}/${key.meetingId}/${key.motionId}`;
}

function electorate(key: ElectorateKey): string {
  return `${motionKey(key)}/${key.electorateId}`;
}

function conflict(): DomainError {
  return new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
