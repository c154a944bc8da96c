import { RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import { DomainError, type SecretBallot } from '@qcdc/core';
import { randomInt } from 'node:crypto';
import { toBallotEntity, voteKeys } from './vote-entities';

interface Lid {
  etag: string;
  count: number;
  sealed: boolean;
}

interface Waiting {
  ballot: SecretBallot;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Slot {
  index: number;
  busy: boolean;
  lid?: Lid | undefined;
}

interface Box {
  partitionKey: string;
  queue: Waiting[];
  inFlight: Map<string, Promise<void>>;
  slots: Slot[];
  scheduled: boolean;
}

/** A batch holds 100 operations: a lid and 99 ballots. */
const GROUP_MAX = 99;

/**
 * A box has BOX_LIDS lids (rows `lid~0`…): each ballot batch advances one of them on its etag, so a
 * few batches can be in flight at once; sealing the box seals every lid.
 */
export const BOX_LIDS = 4;

/**
 * Writes secret ballots into their box by group commit. Ballots that arrive while earlier groups are
 * being written wait and go together in the next one, in a shuffled order, in ONE batch transaction
 * that also advances one of the box's lids (its ballot count) conditionally on that lid's etag:
 * - the lids are the fence: once closing seals them, every later batch fails on its lid's etag,
 *   re-reads it, finds it sealed and refuses its ballots (VOTE.CLOSED); nothing lands after the seal;
 * - all ballots of a group land in one atomic write, in shuffled order, next to no receipt: their
 *   storage Timestamps are the same moment (Azurite stamps them microseconds apart in batch order,
 *   which is the shuffled order), so the table's own timing only says "one of this group" (closing
 *   later rewrites every ballot in shuffled groups, so even that is gone once the vote is over);
 * - a key already in the box (a retried submission that got there first) is stored once.
 * One writer per process; several processes stay correct (their batches serialise on the lid etags).
 */
export class BallotBoxWriter {
  private readonly boxes = new Map<string, Box>();

  constructor(private readonly client: () => TableClient) {}

  put(partitionKey: string, ballot: SecretBallot): Promise<void> {
    let box = this.boxes.get(partitionKey);
    if (!box) {
      box = {
        partitionKey,
        queue: [],
        inFlight: new Map(),
        slots: Array.from({ length: BOX_LIDS }, (_, index) => ({ index, busy: false })),
        scheduled: false,
      };
      this.boxes.set(partitionKey, box);
    }
    const same = box.inFlight.get(ballot.key);
    if (same) return same;
    const promise = new Promise<void>((resolve, reject) =>
      box.queue.push({ ballot, resolve, reject }),
    );
    const done = () => box.inFlight.delete(ballot.key);
    box.inFlight.set(ballot.key, promise);
    promise.then(done, done);
    this.schedule(box);
    return promise;
  }

  /** Starts a group on the next turn (so this turn's ballots join it) when a lid is free. */
  private schedule(box: Box): void {
    if (box.scheduled || !box.slots.some((slot) => !slot.busy)) return;
    box.scheduled = true;
    setImmediate(() => {
      box.scheduled = false;
      void this.next(box);
    });
  }

  private async next(box: Box): Promise<void> {
    const slot = box.slots.find((candidate) => !candidate.busy);
    if (!slot || box.queue.length === 0) return;
    const group = shuffle(box.queue.splice(0, GROUP_MAX));
    slot.busy = true;
    if (box.queue.length > 0) this.schedule(box);
    try {
      await this.flush(box, slot, group);
    } finally {
      slot.busy = false;
      if (box.queue.length > 0) this.schedule(box);
      else if (box.inFlight.size === 0 && box.slots.every((s) => !s.busy)) {
        this.boxes.delete(box.partitionKey);
      }
    }
  }

  private async flush(box: Box, slot: Slot, group: Waiting[]): Promise<void> {
    let pending = group;
    try {
      for (let attempt = 0; attempt < 20 && pending.length > 0; attempt++) {
        const lid = slot.lid ?? (await this.readLid(box.partitionKey, slot.index));
        if (!lid || lid.sealed) {
          for (const waiting of pending) {
            waiting.reject(new DomainError('VOTE.CLOSED', { status: 'closed' }));
          }
          return;
        }
        const count = lid.count + pending.length;
        const actions: TransactionAction[] = [
          [
            'update',
            {
              partitionKey: box.partitionKey,
              rowKey: voteKeys.lidRow(slot.index),
              count,
              sealed: false,
            },
            'Merge',
            { etag: lid.etag },
          ],
          ...pending.map((waiting): TransactionAction => [
            'create',
            toBallotEntity(box.partitionKey, waiting.ballot),
          ]),
        ];
        try {
          const response = await this.client().submitTransaction(actions);
          const etag = response.subResponses[0]?.etag;
          slot.lid = etag ? { etag, count, sealed: false } : undefined;
          for (const waiting of pending) waiting.resolve();
          return;
        } catch (error) {
          slot.lid = undefined;
          const status = error instanceof RestError ? error.statusCode : undefined;
          if (status === 412) continue; // the lid moved (another process, or sealed): re-read it
          if (status !== 409) throw error;
          // A key is already in the box: a retry of the same submission got there first.
          const stored = await Promise.all(
            pending.map((waiting) => this.exists(box.partitionKey, waiting.ballot.key)),
          );
          for (const [index, waiting] of pending.entries()) if (stored[index]) waiting.resolve();
          pending = pending.filter((_, index) => !stored[index]);
        }
      }
      for (const waiting of pending) {
        waiting.reject(new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true }));
      }
    } catch (error) {
      for (const waiting of pending) waiting.reject(error);
    }
  }

  private async readLid(partitionKey: string, index: number): Promise<Lid | null> {
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(
        partitionKey,
        voteKeys.lidRow(index),
      );
      return { etag: String(row.etag), count: Number(row.count), sealed: row.sealed === true };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  private async exists(partitionKey: string, ballotKey: string): Promise<boolean> {
    try {
      await this.client().getEntity(partitionKey, voteKeys.ballotRow(ballotKey), {
        queryOptions: { select: ['PartitionKey'] },
      });
      return true;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return false;
      throw error;
    }
  }
}

/** Fisher-Yates with the platform CSPRNG. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
