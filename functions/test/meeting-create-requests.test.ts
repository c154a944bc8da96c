import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import {
  defaultPlanContext,
  meetingReminderSubject,
  scheduledReminders,
  scheduleMeeting,
  summonedIds,
  ZCreateMeetingInput,
  type Body,
  type Clock,
  type Meeting,
  type UseCaseDeps,
} from '@qcdc/core';
import { describe, expect, inject, it } from 'vitest';
import { createBody } from '../src/dev/seed-demo-data';
import { createReminderRuntime, type ReminderRuntime } from '../src/jobs/reminder-runtime';
import { REMINDER_TIMING } from '../src/jobs/reminder-timing';
import type { Logger } from '../src/logger';
import { TableAssignmentRepository } from '../src/store/assignment-store';
import { TableBodyRepository } from '../src/store/body-store';
import { newTableStats, type TableStats } from '../src/store/counting-table-client';
import { DUE_INDEX_SHARDS, dueIndexKeys } from '../src/store/due-index-store';
import { TableMeetingRepository } from '../src/store/meeting-store';
import { TABLES, type TableName } from '../src/store/table-names';

/**
 * What creating a meeting costs in storage requests, pinned: the due index's prepare and confirm
 * must grow with the partitions the members' reminders fall in (at most DUE_INDEX_SHARDS for one
 * due hour), not with the number of members. Counted twice: every HTTP request any table client
 * sends (a pipeline policy), and the reminder pipeline's own counting client (runtime.stats).
 */

type CountingPolicy = NonNullable<
  TableServiceClientOptions['additionalPolicies']
>[number]['policy'];

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const vn = (local: string) => new Date(`${local}:00+07:00`);

interface Harness {
  deps: UseCaseDeps;
  runtime: ReminderRuntime;
  body: Body;
  chairId: string;
  secretaryId: string;
  /** HTTP requests sent to storage so far, per table. */
  requests: Map<string, number>;
  table(name: TableName): TableClient;
}

async function harness(members: number): Promise<Harness> {
  const connection = inject('storageConnection');
  // Fixed people and ids (only the table names vary): the due index shards by a hash of each
  // reminder's key, so the partitions touched, and with them the request count, never vary.
  const suffix = `mcr${members}${Date.now().toString(36)}`;
  const requests = new Map<string, number>();
  const clients = new Map<string, TableClient>();
  const table = (name: TableName) => {
    let client = clients.get(name);
    if (!client) {
      const counter: CountingPolicy = {
        name: 'countRequests',
        sendRequest: (request, next) => {
          requests.set(name, (requests.get(name) ?? 0) + 1);
          return next(request);
        },
      };
      client = TableClient.fromConnectionString(connection, `${name}${suffix}`, {
        allowInsecureConnection: true,
        additionalPolicies: [{ policy: counter, position: 'perRetry' }],
      });
      clients.set(name, client);
    }
    return client;
  };
  await Promise.all(Object.values(TABLES).map((name) => table(name).createTable()));
  const now = vn('2027-03-01T10:00');
  const clock: Clock = { now: () => new Date(now) };
  const runtime = createReminderRuntime({
    tables: {
      dueIndex: table(TABLES.dueIndex),
      outbox: table(TABLES.outbox),
      assignments: table(TABLES.assignments),
      meetings: table(TABLES.meetings),
      conversations: table(TABLES.conversations),
      units: table(TABLES.units),
      bodies: table(TABLES.bodies),
    },
    clock,
    log: quiet,
    plan: defaultPlanContext(),
  });
  const tenantId = '00000000-0000-4000-8000-000000000001';
  const body: Body = {
    tenantId,
    unitId: 'ubnd-xa-test',
    unitName: 'UBND xã Thử Nghiệm',
    id: `bcd-${members}`,
    kind: 'steeringCommittee',
    name: 'Ban Chỉ đạo',
  };
  const person = (i: number) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
  const bodies = new TableBodyRepository(table);
  await createBody(
    bodies,
    body,
    Array.from({ length: members }, (_, i) => ({
      tenantId,
      userId: person(i),
      displayName: `Người ${i}`,
      title: 'Ủy viên',
      roles: [i === 0 ? 'head' : i === 1 ? 'secretary' : 'member'],
    })),
    now,
  );
  let nextId = 0;
  const deps: UseCaseDeps = {
    bodies,
    meetings: new TableMeetingRepository(table),
    assignments: new TableAssignmentRepository(table),
    clock,
    ids: { next: () => `01JQ${String(nextId++).padStart(22, '0')}` },
    reminders: runtime.scheduler,
  };
  requests.clear();
  return { deps, runtime, body, chairId: person(0), secretaryId: person(1), requests, table };
}

function delta(after: TableStats, before: TableStats): TableStats {
  const result = newTableStats();
  for (const key of Object.keys(result) as (keyof TableStats)[])
    result[key] = after[key] - before[key];
  return result;
}

async function create(h: Harness): Promise<Meeting> {
  const input = ZCreateMeetingInput.parse({
    kind: 'steeringRegular',
    title: 'Họp Ban Chỉ đạo',
    startsAt: '2027-03-15T08:00:00+07:00',
    endsAt: '2027-03-15T11:00:00+07:00',
    location: 'Hội trường',
    chairId: h.chairId,
    secretaryId: h.secretaryId,
    agenda: [{ title: 'Đánh giá', durationMinutes: 30 }],
  });
  return scheduleMeeting(
    h.deps,
    { tenantId: h.body.tenantId, userId: h.secretaryId, displayName: 'Thư ký' },
    h.body.id,
    input,
  );
}

/** Creates one meeting and answers what it cost and which due-index partitions it planned into. */
async function measuredCreate(h: Harness) {
  h.requests.clear();
  const before = { ...h.runtime.stats };
  const meeting = await create(h);
  const requests = Object.fromEntries(h.requests);
  const stats = delta(h.runtime.stats, before);
  const members = await h.deps.bodies.listMembers(h.body.tenantId, h.body.id);
  const planned = scheduledReminders(
    meetingReminderSubject(meeting, summonedIds(members)),
    h.deps.clock.now(),
    REMINDER_TIMING.lookbackMs,
    h.runtime.plan,
  );
  const rowsPerPartition = new Map<string, number>();
  for (const { dueAt, key } of planned) {
    const partition = dueIndexKeys.partition(dueAt, key);
    rowsPerPartition.set(partition, (rowsPerPartition.get(partition) ?? 0) + 1);
  }
  // A partition with one row is written with a plain upsert/update (the same one request).
  const shared = [...rowsPerPartition.values()].filter((rows) => rows > 1).length;
  // Every planned row is there and confirmed (the meeting was written, so nothing left flagged).
  for (const reminder of planned) {
    const row = await h
      .table(TABLES.dueIndex)
      .getEntity<{ verify: boolean; markedAt: string }>(
        dueIndexKeys.partition(reminder.dueAt, reminder.key),
        dueIndexKeys.row(reminder.dueAt, reminder.key),
      );
    expect(row).toMatchObject({ verify: false, markedAt: '' });
  }
  return { requests, stats, planned, partitions: rowsPerPartition.size, shared };
}

describe('storage requests for creating a meeting with N summoned members', () => {
  it.each([
    // [members, due-index partitions their next reminders fall in (fixed ids: a fixed hash)]
    [6, 4],
    [40, 4],
  ])(
    'with %i members: one due-index transaction per partition to prepare and one to confirm',
    async (members, expectedPartitions) => {
      const h = await harness(members);

      const cold = await measuredCreate(h);
      // One reminder per summoned member, all at the same hour (the template's first offset).
      expect(cold.planned).toHaveLength(members);
      expect(cold.partitions).toBe(expectedPartitions);
      expect(cold.partitions).toBeLessThanOrEqual(DUE_INDEX_SHARDS);
      // The pipeline's counting client: the body's unit is read once (body row, unit partition),
      // then each partition's rows are upserted in one request and confirmed in another
      // (a transaction where the partition has several rows).
      expect(cold.stats).toEqual({
        pointReads: 1,
        queries: 1,
        entitiesRead: 1,
        batches: 2 * cold.shared,
        writes: 2 * members,
      });
      // Every HTTP request to storage: actor's body and membership, the member list, the unit's
      // body row; the unit's settings; prepare and confirm; the meeting with its audit event.
      expect(cold.requests).toEqual({
        bodies: 4,
        units: 1,
        dueindex: 2 * cold.partitions,
        meetings: 1,
      });

      // A second create within the unit cache: no unit reads, the same writes.
      const warm = await measuredCreate(h);
      expect(warm.partitions).toBe(expectedPartitions);
      expect(warm.stats).toEqual({
        pointReads: 0,
        queries: 0,
        entitiesRead: 0,
        batches: 2 * warm.shared,
        writes: 2 * members,
      });
      expect(warm.requests).toEqual({ bodies: 3, dueindex: 2 * warm.partitions, meetings: 1 });
    },
  );
});

describe('confirming by partition when a row moved in between', () => {
  it('clears the flag of the rows still as prepared and leaves the moved one flagged', async () => {
    const h = await harness(12);
    const members = await h.deps.bodies.listMembers(h.body.tenantId, h.body.id);
    const meeting = await create(h);
    const moved = { ...meeting, id: '01JQ' + 'Z'.repeat(22), title: 'Họp bổ sung' };
    const change = {
      type: 'meeting' as const,
      previous: null,
      next: moved,
      summoned: summonedIds(members),
    };
    const ticket = await h.runtime.scheduler.prepare(change);
    expect(ticket.rows).toBe(12);
    const planned = scheduledReminders(
      meetingReminderSubject(moved, change.summoned),
      h.deps.clock.now(),
      REMINDER_TIMING.lookbackMs,
      h.runtime.plan,
    );
    // The partition with the most rows: a sweep takes one of its rows before the confirm.
    const byPartition = new Map<string, typeof planned>();
    for (const reminder of planned) {
      const partition = dueIndexKeys.partition(reminder.dueAt, reminder.key);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), reminder]);
    }
    const crowded = [...byPartition.values()].sort((a, b) => b.length - a.length)[0]!;
    expect(crowded.length).toBeGreaterThan(1);
    const taken = crowded[0]!;
    const keyOf = (reminder: (typeof planned)[number]) =>
      [
        dueIndexKeys.partition(reminder.dueAt, reminder.key),
        dueIndexKeys.row(reminder.dueAt, reminder.key),
      ] as const;
    await h.table(TABLES.dueIndex).updateEntity(
      {
        partitionKey: keyOf(taken)[0],
        rowKey: keyOf(taken)[1],
        claimedUntil: '2027-03-01T03:02:00.000Z',
      },
      'Merge',
    );

    await h.runtime.scheduler.confirm(ticket);

    for (const reminder of planned) {
      const row = await h.table(TABLES.dueIndex).getEntity<{ verify: boolean }>(...keyOf(reminder));
      // The claimed row is not the version prepare wrote: it stays flagged for the sweep's check.
      expect(row.verify).toBe(reminder === taken);
    }
  });
});
