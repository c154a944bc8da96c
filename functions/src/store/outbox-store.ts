import type { TransactionAction } from '@azure/data-tables';
import type { ReminderMessage, ReminderSubjectRef } from '@qcdc/core';
import { storageStatus, type CountingTableClient, type Row } from './counting-table-client';
import { shardOf } from './due-index-store';

/**
 * The outbox (table `outbox`): every message the app will send, keyed by its idempotency key, so a
 * reminder claimed twice still becomes one message. Rows of one message share a shard partition,
 * so each step is one atomic batch:
 * - PK `o~s` (s = hash(key) mod 4), RK `m~<key>`: the message and its status (pending, sent, parked),
 *   attempts, last error. Inserted with create (insert-if-absent): 409 means it exists already.
 * - PK `o~s`, RK `q~<next attempt UTC ISO>~<key>`: its place in the queue, carrying everything the
 *   dispatcher needs (it never reads the `m~` row). A dispatcher claims it with a conditional update
 *   (ETag) setting `leaseUntil`; a dispatcher that dies mid-send loses the lease and the message comes
 *   due again (at most one resend, with the same key). Settling (sent, requeued, parked) is one batch
 *   conditional on the lease's ETag that marks the entry `settled` and updates the `m~` row, then the
 *   entry is deleted (a settled entry left by a crash is only cleaned up, never sent).
 * - PK `o~s`, RK `d~<sent UTC ISO>~<key>`: sent messages by time, for retention clean-up.
 * - PK `parked~<tenant>~<body>`, RK `<key>`: parked messages of a body, for the admin view.
 *
 * Channels: a message enqueued without `channel` goes where its recipient's notification setting
 * says. For one channel it is sent as is; for both, the dispatcher `split`s it: one batch settles it
 * (status `split`) and creates one message per channel, keyed `<key>:chat` and `<key>:feed`, in the
 * same shard (`shard` ignores the channel suffix). From then on each channel is its own message:
 * its own idempotency key, lease, attempts, retries and parking, so a failure on one channel never
 * resends (or parks) the other.
 */
export const OUTBOX_SHARDS = 4;
const SEP = '~';

export type OutboxStatus = 'pending' | 'sent' | 'parked' | 'split';

/** A delivery channel of one outbox message: the bot's 1:1 chat or the Teams activity feed. */
export type DeliveryChannel = 'chat' | 'feed';
const CHANNEL_SUFFIX = /:(chat|feed)$/;

/** The idempotency key of one channel's copy of a message. */
export const channelKey = (key: string, channel: DeliveryChannel) => `${key}:${channel}`;
/** The message key without its channel suffix (what the shard is computed from). */
export const baseKey = (key: string) => key.replace(CHANNEL_SUFFIX, '');
export type ParkReason = 'unreachable' | 'rejected' | 'failing';

export interface OutboxMessage {
  key: string;
  tenantId: string;
  bodyId: string;
  recipientId: string;
  /** When the reminder was due (UTC ISO). */
  dueAt: string;
  message: ReminderMessage;
  subject: ReminderSubjectRef;
  /** Fixed once a message is split per channel; absent: the recipient's setting decides. */
  channel?: DeliveryChannel | undefined;
}

export interface QueueEntry extends OutboxMessage {
  partitionKey: string;
  rowKey: string;
  etag: string;
  attempts: number;
  lastError: string;
  /** Held by a dispatcher until then (UTC ISO), '' when free. */
  leaseUntil: string;
  /** Already sent, requeued or parked: only waiting to be deleted. */
  settled: boolean;
}

export interface ParkedMessage extends OutboxMessage {
  status: 'parked';
  reason: ParkReason;
  attempts: number;
  lastError: string;
  parkedAt: string;
}

export interface StoredMessage extends OutboxMessage {
  status: OutboxStatus;
  attempts: number;
  lastError: string;
  sentAt: string;
  activityId: string;
  parkedReason: string;
}

export const outboxKeys = {
  shard: (key: string) => `o${SEP}${shardOf(baseKey(key), OUTBOX_SHARDS)}`,
  shards: () => Array.from({ length: OUTBOX_SHARDS }, (_, shard) => `o${SEP}${shard}`),
  message: (key: string) => `m${SEP}${key}`,
  queue: (at: string, key: string) => `q${SEP}${at}${SEP}${key}`,
  done: (at: string, key: string) => `d${SEP}${at}${SEP}${key}`,
  parked: (tenantId: string, bodyId: string) => `parked${SEP}${tenantId}${SEP}${bodyId}`,
};

export class OutboxStore {
  constructor(readonly table: CountingTableClient) {}

  /** Insert-if-absent: 'exists' when a message with this key was ever enqueued (and not purged). */
  async enqueue(message: OutboxMessage, now: Date): Promise<'created' | 'exists'> {
    const partitionKey = outboxKeys.shard(message.key);
    const at = now.toISOString();
    try {
      await this.table.transaction([
        [
          'create',
          {
            partitionKey,
            rowKey: outboxKeys.message(message.key),
            ...messageColumns(message),
            status: 'pending',
            attempts: 0,
            lastError: '',
            createdAt: at,
            sentAt: '',
            activityId: '',
            parkedReason: '',
          },
        ],
        [
          'create',
          {
            partitionKey,
            rowKey: outboxKeys.queue(at, message.key),
            ...messageColumns(message),
            attempts: 0,
            lastError: '',
            leaseUntil: '',
            settled: false,
          },
        ],
      ]);
      return 'created';
    } catch (error) {
      if (storageStatus(error) === 409) return 'exists';
      throw error;
    }
  }

  /** Queue entries of one shard due at or before `now`, oldest first (a RowKey range). */
  async listDue(partitionKey: string, now: Date, limit: number): Promise<QueueEntry[]> {
    const rows = await this.table.query({
      partitionKey,
      rowKey: { ge: `q${SEP}`, lt: `q${SEP}${new Date(now.getTime() + 1).toISOString()}` },
      limit,
    });
    return rows.map(fromQueueEntity);
  }

  /** Holds the entry until `leaseUntil` if nobody else did; the held entry, or null when lost. */
  async claim(entry: QueueEntry, leaseUntil: Date): Promise<QueueEntry | null> {
    const until = leaseUntil.toISOString();
    try {
      const etag = await this.table.update(
        { partitionKey: entry.partitionKey, rowKey: entry.rowKey, leaseUntil: until },
        entry.etag,
      );
      return { ...entry, etag, leaseUntil: until };
    } catch (error) {
      const status = storageStatus(error);
      if (status === 412 || status === 404) return null;
      throw error;
    }
  }

  /** Deletes an entry a crash left settled (it was sent, requeued or parked already). */
  async dropSettled(entry: QueueEntry): Promise<void> {
    try {
      await this.table.delete(entry.partitionKey, entry.rowKey, entry.etag);
    } catch (error) {
      const status = storageStatus(error);
      if (status !== 412 && status !== 404) throw error;
    }
  }

  /** Sent: the queue entry goes, the message row says so. False if the lease was lost meanwhile. */
  async markSent(
    entry: QueueEntry,
    result: { at: Date; attempts: number; activityId: string },
  ): Promise<boolean> {
    const at = result.at.toISOString();
    return this.settle(entry, [
      [
        'upsert',
        {
          partitionKey: entry.partitionKey,
          rowKey: outboxKeys.message(entry.key),
          status: 'sent',
          attempts: result.attempts,
          sentAt: at,
          activityId: result.activityId,
          lastError: '',
        },
        'Merge',
      ],
      [
        'upsert',
        {
          partitionKey: entry.partitionKey,
          rowKey: outboxKeys.done(at, entry.key),
          key: entry.key,
        },
        'Replace',
      ],
    ]);
  }

  /**
   * One message per channel in place of this one (same shard, due at `now`), in one batch with the
   * settling of the held entry; false if the lease was lost (or the copies exist already).
   */
  async split(entry: QueueEntry, channels: DeliveryChannel[], now: Date): Promise<boolean> {
    const at = now.toISOString();
    const copies = channels.map((channel) => ({
      ...entry,
      key: channelKey(entry.key, channel),
      channel,
      attempts: 0,
      lastError: '',
    }));
    return this.settle(entry, [
      ...copies.flatMap((copy): TransactionAction[] => [
        [
          'create',
          {
            partitionKey: entry.partitionKey,
            rowKey: outboxKeys.message(copy.key),
            ...messageColumns(copy),
            status: 'pending',
            attempts: 0,
            lastError: '',
            createdAt: at,
            sentAt: '',
            activityId: '',
            parkedReason: '',
          },
        ],
        ['create', queueEntity(entry.partitionKey, outboxKeys.queue(at, copy.key), copy)],
      ]),
      [
        'upsert',
        {
          partitionKey: entry.partitionKey,
          rowKey: outboxKeys.message(entry.key),
          status: 'split',
          sentAt: at,
          lastError: '',
        },
        'Merge',
      ],
      // Forgotten with the sent messages (retention), so the key keeps deduplicating till then.
      [
        'upsert',
        {
          partitionKey: entry.partitionKey,
          rowKey: outboxKeys.done(at, entry.key),
          key: entry.key,
        },
        'Replace',
      ],
    ]);
  }

  /** Tries again at `nextAttemptAt`; the new entry carries the attempt count and the last error. */
  async reschedule(
    entry: QueueEntry,
    update: { nextAttemptAt: Date; attempts: number; lastError: string },
  ): Promise<boolean> {
    const next = { ...entry, attempts: update.attempts, lastError: update.lastError };
    let rowKey = outboxKeys.queue(update.nextAttemptAt.toISOString(), entry.key);
    // One batch cannot touch one row twice: never reuse the held entry's key.
    if (rowKey === entry.rowKey) {
      rowKey = outboxKeys.queue(
        new Date(update.nextAttemptAt.getTime() + 1).toISOString(),
        entry.key,
      );
    }
    return this.settle(entry, [
      ['create', queueEntity(entry.partitionKey, rowKey, next)],
      [
        'upsert',
        {
          partitionKey: entry.partitionKey,
          rowKey: outboxKeys.message(entry.key),
          attempts: update.attempts,
          lastError: update.lastError,
        },
        'Merge',
      ],
    ]);
  }

  /**
   * Parks a message that cannot be delivered (no conversation, refused, failing on): it leaves the
   * queue but stays visible, per body, with its reason and last error. Never silently lost.
   */
  async park(
    entry: QueueEntry,
    update: { reason: ParkReason; attempts: number; lastError: string; at: Date },
  ): Promise<boolean> {
    const at = update.at.toISOString();
    // The body's view first: if we stop here, the message is still queued and parks again later.
    await this.table.upsert(
      {
        partitionKey: outboxKeys.parked(entry.tenantId, entry.bodyId),
        rowKey: entry.key,
        ...messageColumns(entry),
        status: 'parked',
        reason: update.reason,
        attempts: update.attempts,
        lastError: update.lastError,
        parkedAt: at,
      },
      'Replace',
    );
    return this.settle(entry, [
      [
        'upsert',
        {
          partitionKey: entry.partitionKey,
          rowKey: outboxKeys.message(entry.key),
          status: 'parked',
          parkedReason: update.reason,
          attempts: update.attempts,
          lastError: update.lastError,
        },
        'Merge',
      ],
    ]);
  }

  async listParked(tenantId: string, bodyId: string): Promise<ParkedMessage[]> {
    const rows = await this.table.query({ partitionKey: outboxKeys.parked(tenantId, bodyId) });
    return rows.map((row) => ({
      ...fromMessageColumns(row),
      status: 'parked' as const,
      reason: String(row.reason) as ParkReason,
      attempts: Number(row.attempts ?? 0),
      lastError: String(row.lastError ?? ''),
      parkedAt: String(row.parkedAt ?? ''),
    }));
  }

  /** The message row (tests, support): one point read. */
  async getMessage(key: string): Promise<StoredMessage | null> {
    const row = await this.table.get(outboxKeys.shard(key), outboxKeys.message(key));
    if (!row) return null;
    return {
      ...fromMessageColumns(row),
      status: String(row.status) as OutboxStatus,
      attempts: Number(row.attempts ?? 0),
      lastError: String(row.lastError ?? ''),
      sentAt: String(row.sentAt ?? ''),
      activityId: String(row.activityId ?? ''),
      parkedReason: String(row.parkedReason ?? ''),
    };
  }

  /**
   * Forgets sent messages older than `before` (their keys stop deduplicating then: keep this well
   * beyond any re-claim window; the dispatcher uses 14 days). One range query per shard.
   */
  async purgeSent(before: Date, limit = 500): Promise<number> {
    let purged = 0;
    for (const partitionKey of outboxKeys.shards()) {
      const rows = await this.table.query({
        partitionKey,
        rowKey: { ge: `d${SEP}`, lt: `d${SEP}${before.toISOString()}` },
        limit,
      });
      for (let i = 0; i < rows.length; i += 50) {
        const actions: TransactionAction[] = rows
          .slice(i, i + 50)
          .flatMap((row) => [
            ['delete', { partitionKey, rowKey: String(row.rowKey) }] as TransactionAction,
            [
              'delete',
              { partitionKey, rowKey: outboxKeys.message(String(row.key)) },
            ] as TransactionAction,
          ]);
        try {
          await this.table.transaction(actions);
          purged += actions.length / 2;
        } catch (error) {
          if (storageStatus(error) !== 404) throw error;
        }
      }
    }
    return purged;
  }

  /**
   * Marks the held entry settled and applies `actions`, atomically and only if the lease is still
   * ours (conditional on its ETag); then deletes the entry. False if the lease was lost.
   */
  private async settle(entry: QueueEntry, actions: TransactionAction[]): Promise<boolean> {
    try {
      await this.table.transaction([
        [
          'update',
          { partitionKey: entry.partitionKey, rowKey: entry.rowKey, settled: true },
          'Merge',
          { etag: entry.etag },
        ],
        ...actions,
      ]);
    } catch (error) {
      const status = storageStatus(error);
      if (status === 412 || status === 404 || status === 409) return false;
      throw error;
    }
    try {
      await this.table.delete(entry.partitionKey, entry.rowKey);
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
    return true;
  }
}

function messageColumns(message: OutboxMessage) {
  return {
    key: message.key,
    tenantId: message.tenantId,
    bodyId: message.bodyId,
    recipientId: message.recipientId,
    dueAt: message.dueAt,
    message: JSON.stringify(message.message),
    subject: JSON.stringify(message.subject),
    channel: message.channel ?? '',
  };
}

function fromMessageColumns(row: Row): OutboxMessage {
  return {
    key: String(row.key),
    tenantId: String(row.tenantId),
    bodyId: String(row.bodyId),
    recipientId: String(row.recipientId),
    dueAt: String(row.dueAt),
    message: JSON.parse(String(row.message)) as ReminderMessage,
    subject: JSON.parse(String(row.subject)) as ReminderSubjectRef,
    ...(row.channel === 'chat' || row.channel === 'feed' ? { channel: row.channel } : {}),
  };
}

function queueEntity(
  partitionKey: string,
  rowKey: string,
  entry: OutboxMessage & { attempts: number; lastError: string },
) {
  return {
    partitionKey,
    rowKey,
    ...messageColumns(entry),
    attempts: entry.attempts,
    lastError: entry.lastError,
    leaseUntil: '',
    settled: false,
  };
}

function fromQueueEntity(row: Row): QueueEntry {
  return {
    ...fromMessageColumns(row),
    partitionKey: String(row.partitionKey),
    rowKey: String(row.rowKey),
    etag: String(row.etag),
    attempts: Number(row.attempts ?? 0),
    lastError: String(row.lastError ?? ''),
    leaseUntil: String(row.leaseUntil ?? ''),
    settled: row.settled === true,
  };
}
