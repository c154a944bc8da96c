import type { TransactionAction } from '@azure/data-tables';
import {
  civilDateToIso,
  toVietnamDate,
  type PlannedReminder,
  type ReminderMessage,
  type ReminderSubject,
} from '@qcdc/core';
import { storageStatus, type CountingTableClient, type Row } from './counting-table-client';

/**
 * The due index (table `dueindex`, DESIGN.md "Storage"): reminders keyed by when they are due, so the
 * sweep reads only what is due now and never every assignment.
 * - PK `yyyy-MM-dd~HH~s`: the Vietnam local date and hour the reminder is due, and a shard s (0-3,
 *   from a hash of the key) so one busy hour (everything at 08:00) is not one hot partition.
 * - RK `<dueAt UTC ISO>~<idempotency key>`: sorts by due time, so "due by now" is a RowKey range.
 * - PK `sweep`, RK `watermark`: the first hour bucket the sweep has not finished with.
 * Index rows are written before their aggregate; `verify` marks rows the sweep must check against the
 * aggregate before sending (see core reminder-scheduler.ts for when a row is trusted without).
 */
export const DUE_INDEX_SHARDS = 4;
const HOUR_MS = 3_600_000;
const SEP = '~';
const WATERMARK = { partitionKey: 'sweep', rowKey: 'watermark' } as const;

export interface DueRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  key: string;
  dueAt: string;
  recipientId: string;
  subject: ReminderSubject;
  message: ReminderMessage;
  /** Check against the aggregate before sending. */
  verify: boolean;
  /** When a change flagged it (ISO), '' for rows flagged for another reason or not at all. */
  markedAt: string;
  /** A sweep holds it until then (ISO), '' when free. */
  claimedUntil: string;
  /**
   * Which unit settings and days off planned it (jobs/unit-plan-contexts.ts); '' for rows planned
   * with the product defaults (and rows written before stamps existed).
   */
  planStamp: string;
}

/** A row as one write left it: the ETag a later conditional write must match. */
export interface RowVersion {
  partitionKey: string;
  rowKey: string;
  etag: string;
}

/** Azure Tables' limit on one entity-group transaction (same PartitionKey only). */
export const MAX_BATCH = 100;

export interface WriteFlags {
  verify: boolean;
  markedAt: string;
  /** The plan's stamp (`planStampOf`); absent or '' = the product defaults. */
  planStamp?: string | undefined;
}

/** FNV-1a: a stable, cheap hash to spread keys over shards. */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** 'yyyy-MM-dd~HH' of the Vietnam local hour containing `instantMs`. */
export function localHourBucket(instantMs: number): string {
  const date = civilDateToIso(toVietnamDate(new Date(instantMs)));
  const hour = Math.floor(
    ((((instantMs + 7 * HOUR_MS) % 86_400_000) + 86_400_000) % 86_400_000) / HOUR_MS,
  );
  return `${date}${SEP}${String(hour).padStart(2, '0')}`;
}

/** Vietnam is UTC+7 all year, so local hours start on UTC hours. */
export function hourStartMs(instantMs: number): number {
  return Math.floor(instantMs / HOUR_MS) * HOUR_MS;
}

export const dueIndexKeys = {
  partition: (dueAt: string, key: string) =>
    `${localHourBucket(Date.parse(dueAt))}${SEP}${shardOf(key, DUE_INDEX_SHARDS)}`,
  row: (dueAt: string, key: string) => `${dueAt}${SEP}${key}`,
  partitionsOfHour: (hourMs: number) =>
    Array.from(
      { length: DUE_INDEX_SHARDS },
      (_, shard) => `${localHourBucket(hourMs)}${SEP}${shard}`,
    ),
};

export class DueIndexStore {
  constructor(readonly table: CountingTableClient) {}

  /** Writes a reminder row; `create` leaves an existing row alone ('exists'). */
  async write(
    reminder: PlannedReminder,
    flags: WriteFlags,
    mode: 'upsert' | 'create' = 'upsert',
  ): Promise<{ partitionKey: string; rowKey: string; etag: string } | 'exists'> {
    const entity = toEntity(reminder, flags);
    try {
      const etag =
        mode === 'create' ? await this.table.create(entity) : await this.table.upsert(entity);
      return { partitionKey: entity.partitionKey, rowKey: entity.rowKey, etag };
    } catch (error) {
      if (mode === 'create' && storageStatus(error) === 409) return 'exists';
      throw error;
    }
  }

  /**
   * Upserts the rows of one change: one entity-group transaction per partition (chunks of
   * MAX_BATCH), all partitions at once. A change's reminders mostly share their due hour, so this is
   * at most DUE_INDEX_SHARDS requests however many people are reminded, instead of one per row.
   * Returns the version of each row written, to confirm it later only if still that version. A row
   * whose transaction answered without its ETag is left out: it stays flagged, which is always safe
   * (the sweep checks flagged rows against their aggregate).
   */
  async writeGrouped(
    reminders: readonly PlannedReminder[],
    flags: WriteFlags,
  ): Promise<RowVersion[]> {
    // Keyed by partition, then row: a batch may not name a row twice (the last plan of it wins).
    const byPartition = new Map<string, Map<string, ReturnType<typeof toEntity>>>();
    for (const reminder of reminders) {
      const entity = toEntity(reminder, flags);
      const rows = byPartition.get(entity.partitionKey) ?? new Map();
      rows.set(entity.rowKey, entity);
      byPartition.set(entity.partitionKey, rows);
    }
    const written = await Promise.all(
      chunksOf(byPartition, MAX_BATCH).map(async (entities): Promise<RowVersion[]> => {
        if (entities.length === 1) {
          // A lone row: a plain upsert is the same one request, without the multipart envelope.
          const entity = entities[0]!;
          const etag = await this.table.upsert(entity);
          return [{ partitionKey: entity.partitionKey, rowKey: entity.rowKey, etag }];
        }
        const response = await this.table.transaction(
          entities.map((entity): TransactionAction => ['upsert', entity, 'Replace']),
        );
        // Sub-responses come in the order of the operations (they carry no RowKey for a 204).
        if (response.subResponses.length !== entities.length) return [];
        return entities.flatMap((entity, i): RowVersion[] => {
          const etag = response.subResponses[i]?.etag?.trim();
          return etag ? [{ partitionKey: entity.partitionKey, rowKey: entity.rowKey, etag }] : [];
        });
      }),
    );
    return written.flat();
  }

  /**
   * After the aggregate's write: clears the flag of `confirm` rows and deletes `remove` rows, each
   * only if still the version given (a sweep's claim or another change since then wins; that row
   * stays as it is, flagged or re-planned). Clearing goes one conditional-Merge transaction per
   * partition; a transaction is all-or-nothing, so when one row of it moved (412/404) its rows are
   * settled one by one instead. Deletes go one by one: the SDK's transaction delete cannot carry an
   * ETag, and an unconditional delete could remove a row a concurrent change has just planned again.
   */
  async settle(confirm: readonly RowVersion[], remove: readonly RowVersion[]): Promise<void> {
    const byPartition = new Map<string, Map<string, RowVersion>>();
    for (const row of confirm) {
      const rows = byPartition.get(row.partitionKey) ?? new Map();
      rows.set(row.rowKey, row);
      byPartition.set(row.partitionKey, rows);
    }
    await Promise.all([
      ...chunksOf(byPartition, MAX_BATCH).map(async (rows) => {
        if (rows.length === 1) {
          await this.confirm(rows[0]!.partitionKey, rows[0]!.rowKey, rows[0]!.etag);
          return;
        }
        try {
          await this.table.transaction(
            rows.map(({ partitionKey, rowKey, etag }): TransactionAction => [
              'update',
              { partitionKey, rowKey, verify: false, markedAt: '' },
              'Merge',
              { etag },
            ]),
          );
        } catch (error) {
          const status = storageStatus(error);
          if (status !== 412 && status !== 404) throw error;
          await Promise.all(
            rows.map((row) => this.confirm(row.partitionKey, row.rowKey, row.etag)),
          );
        }
      }),
      ...remove.map((row) => this.remove(row.partitionKey, row.rowKey, row.etag)),
    ]);
  }

  /** Many rows at once (seeding, benchmarks): 100-operation batches per partition, in parallel. */
  async writeMany(
    rows: { reminder: PlannedReminder; flags: WriteFlags }[],
    parallel = 8,
  ): Promise<void> {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const { reminder, flags } of rows) {
      const entity = toEntity(reminder, flags);
      const list = byPartition.get(entity.partitionKey) ?? [];
      list.push(['upsert', entity, 'Replace']);
      byPartition.set(entity.partitionKey, list);
    }
    const batches: TransactionAction[][] = [];
    for (const actions of byPartition.values()) {
      for (let i = 0; i < actions.length; i += 100) batches.push(actions.slice(i, i + 100));
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < batches.length) await this.table.transaction(batches[next++]!);
      }),
    );
  }

  /** Rows of one bucket partition due at or before `now` (a RowKey range: nothing later is read). */
  async listDue(partitionKey: string, now: Date, limit?: number): Promise<DueRow[]> {
    const rows = await this.table.query({
      partitionKey,
      rowKey: { lt: new Date(now.getTime() + 1).toISOString() },
      ...(limit ? { limit } : {}),
    });
    return rows.map(fromEntity);
  }

  /** Takes a row for this sweep until `claimedUntil`; null when another sweep (or a change) won. */
  async claim(row: DueRow, claimedUntil: string, claimId: string): Promise<string | null> {
    try {
      return await this.table.update(
        { partitionKey: row.partitionKey, rowKey: row.rowKey, claimedUntil, claimId },
        row.etag,
      );
    } catch (error) {
      const status = storageStatus(error);
      if (status === 412 || status === 404) return null;
      throw error;
    }
  }

  /** Deletes a row if it is still the version we hold; false when it changed or is gone. */
  async remove(partitionKey: string, rowKey: string, etag: string): Promise<boolean> {
    try {
      await this.table.delete(partitionKey, rowKey, etag);
      return true;
    } catch (error) {
      const status = storageStatus(error);
      if (status === 412 || status === 404) return false;
      throw error;
    }
  }

  /** Clears the verify flag if the row is still the version written by prepare. */
  async confirm(partitionKey: string, rowKey: string, etag: string): Promise<boolean> {
    try {
      await this.table.update({ partitionKey, rowKey, verify: false, markedAt: '' }, etag);
      return true;
    } catch (error) {
      const status = storageStatus(error);
      if (status === 412 || status === 404) return false;
      throw error;
    }
  }

  async readWatermark(): Promise<{ hourMs: number; etag: string } | null> {
    const row = await this.table.get(WATERMARK.partitionKey, WATERMARK.rowKey);
    return row ? { hourMs: Date.parse(String(row.hourStart)), etag: String(row.etag) } : null;
  }

  /** Moves the watermark if nobody else moved it since we read it. */
  async writeWatermark(hourMs: number, etag: string | null): Promise<boolean> {
    const entity = { ...WATERMARK, hourStart: new Date(hourMs).toISOString() };
    try {
      if (etag) await this.table.update(entity, etag, 'Replace');
      else await this.table.create(entity);
      return true;
    } catch (error) {
      const status = storageStatus(error);
      if (status === 412 || status === 409 || status === 404) return false;
      throw error;
    }
  }
}

/** Each partition's values in chunks of at most `size` (one transaction each). */
function chunksOf<T>(byPartition: Map<string, Map<string, T>>, size: number): T[][] {
  const chunks: T[][] = [];
  for (const rows of byPartition.values()) {
    const list = [...rows.values()];
    for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  }
  return chunks;
}

function toEntity(reminder: PlannedReminder, flags: WriteFlags) {
  const { subject } = reminder;
  return {
    partitionKey: dueIndexKeys.partition(reminder.dueAt, reminder.key),
    rowKey: dueIndexKeys.row(reminder.dueAt, reminder.key),
    key: reminder.key,
    dueAt: reminder.dueAt,
    recipientId: reminder.recipientId,
    tenantId: subject.tenantId,
    bodyId: subject.bodyId,
    subjectType: subject.type,
    subjectId: subject.id,
    subject: JSON.stringify(subject),
    message: JSON.stringify(reminder.message),
    verify: flags.verify,
    markedAt: flags.markedAt,
    planStamp: flags.planStamp ?? '',
    claimedUntil: '',
    claimId: '',
  };
}

function fromEntity(row: Row): DueRow {
  return {
    partitionKey: String(row.partitionKey),
    rowKey: String(row.rowKey),
    etag: String(row.etag),
    key: String(row.key),
    dueAt: String(row.dueAt),
    recipientId: String(row.recipientId),
    subject: JSON.parse(String(row.subject)) as ReminderSubject,
    message: JSON.parse(String(row.message)) as ReminderMessage,
    verify: row.verify === true,
    markedAt: String(row.markedAt ?? ''),
    claimedUntil: String(row.claimedUntil ?? ''),
    planStamp: String(row.planStamp ?? ''),
  };
}

/** The planned reminder an index row stands for (to plan the next one from). */
export function reminderOf(row: DueRow): PlannedReminder {
  return {
    key: row.key,
    dueAt: row.dueAt,
    recipientId: row.recipientId,
    subject: row.subject,
    message: row.message,
  };
}
