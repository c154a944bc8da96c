import type { TableClient, TransactionAction } from '@azure/data-tables';

interface Waiting {
  actions: TransactionAction[];
  rows: string[];
  resolve: (etags: string[]) => void;
  reject: (error: unknown) => void;
}

interface Partition {
  key: string;
  queue: Waiting[];
  /** Batches in flight; a few at once keep a slow store busy without one batch per write. */
  flushing: number;
  scheduled: boolean;
}

const BATCH_MAX = 100;
const MAX_IN_FLIGHT = 4;

/**
 * Group commit for writes to one partition (the voters of one vote): each write is a small atomic
 * unit (a voter's row on its etag, carrying that voter's audit event); units that queue while a batch
 * is in flight go together in the next batch, so 1,000 voters cost tens of storage requests, not
 * thousands. Each unit keeps its own conditions: when a batch fails (one unit's etag went stale,
 * a row already exists), every unit of it is retried alone, so one voter's conflict is that voter's
 * alone. A batch never holds two units touching the same row.
 */
export class PartitionBatchWriter {
  private readonly partitions = new Map<string, Partition>();

  constructor(private readonly client: () => TableClient) {}

  /** Submits the actions atomically; answers each action's new etag (in order). */
  submit(partitionKey: string, actions: TransactionAction[]): Promise<string[]> {
    let partition = this.partitions.get(partitionKey);
    if (!partition) {
      partition = { key: partitionKey, queue: [], flushing: 0, scheduled: false };
      this.partitions.set(partitionKey, partition);
    }
    const rows = actions.map((action) => String(action[1].rowKey));
    const promise = new Promise<string[]>((resolve, reject) =>
      partition.queue.push({ actions, rows, resolve, reject }),
    );
    this.schedule(partition);
    return promise;
  }

  /** Starts a batch on the next turn (so the writes of this turn join it) if a slot is free. */
  private schedule(partition: Partition): void {
    if (partition.scheduled || partition.flushing >= MAX_IN_FLIGHT) return;
    partition.scheduled = true;
    setImmediate(() => {
      partition.scheduled = false;
      void this.next(partition);
    });
  }

  private async next(partition: Partition): Promise<void> {
    const group = this.take(partition);
    if (group.length === 0) {
      if (partition.flushing === 0) this.partitions.delete(partition.key);
      return;
    }
    partition.flushing += 1;
    // More waiting than this batch holds: another slot may start on it now.
    if (partition.queue.length > 0) this.schedule(partition);
    try {
      await this.flush(group);
    } finally {
      partition.flushing -= 1;
      if (partition.queue.length > 0) this.schedule(partition);
      else if (partition.flushing === 0 && !partition.scheduled) {
        this.partitions.delete(partition.key);
      }
    }
  }

  /** Up to 100 actions, never two units on the same row. */
  private take(partition: Partition): Waiting[] {
    const group: Waiting[] = [];
    const rows = new Set<string>();
    let size = 0;
    for (let index = 0; index < partition.queue.length && size < BATCH_MAX;) {
      const waiting = partition.queue[index]!;
      const clash = waiting.rows.some((row) => rows.has(row));
      if (!clash && size + waiting.actions.length <= BATCH_MAX) {
        group.push(waiting);
        for (const row of waiting.rows) rows.add(row);
        size += waiting.actions.length;
        partition.queue.splice(index, 1);
      } else {
        index += 1;
      }
    }
    return group;
  }

  private async flush(group: Waiting[]): Promise<void> {
    try {
      const response = await this.client().submitTransaction(group.flatMap((w) => w.actions));
      let offset = 0;
      for (const waiting of group) {
        const etags = waiting.actions.map((_, index) =>
          String(response.subResponses[offset + index]?.etag ?? ''),
        );
        offset += waiting.actions.length;
        waiting.resolve(etags);
      }
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // Somebody's condition failed: let each unit succeed or fail on its own.
      await Promise.all(group.map((waiting) => this.flush([waiting])));
    }
  }
}
