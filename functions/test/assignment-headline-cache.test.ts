import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import {
  auditHeadOf,
  chainAuditEvent,
  GENESIS_HEAD,
  type Assignment,
  type AssignmentHeadline,
  type AuditHead,
} from '@qcdc/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { toAssignmentEntity } from '../src/store/assignment-entities';
import { TableAssignmentRepository } from '../src/store/assignment-store';
import { HeadlineCache } from '../src/store/headline-cache';
import { keys, rowKeyRange } from '../src/store/keys';
import { scopedTables } from '../src/store/scoped-tables';
import { ensureTables, type TableClientFactory } from '../src/store/table-client-factory';
import { TABLES, type TableName } from '../src/store/table-names';

/**
 * Tables whose every HTTP request to storage is recorded (method and path), behind the scan guard
 * the app reads through: what a read really cost, one line per round-trip.
 */
function countingTables() {
  const requests: string[] = [];
  const clients = new Map<TableName, TableClient>();
  const raw: TableClientFactory = (table) => {
    let client = clients.get(table);
    if (!client) {
      client = TableClient.fromConnectionString(inject('storageConnection'), table, {
        allowInsecureConnection: true,
      });
      client.pipeline.addPolicy(
        {
          name: 'count-requests',
          sendRequest: (request, next) => {
            requests.push(`${request.method} ${decodeURIComponent(new URL(request.url).pathname)}`);
            return next(request);
          },
        },
        { phase: 'Retry' },
      );
      clients.set(table, client);
    }
    return client;
  };
  const tables = scopedTables(raw);
  /** The requests `work` made, and what it returned. */
  const during = async <T>(work: () => Promise<T>): Promise<{ result: T; requests: string[] }> => {
    const start = requests.length;
    const result = await work();
    return { result, requests: requests.slice(start) };
  };
  return { tables, during };
}

function newAssignment(tenantId: string, bodyId: string, id: string): Assignment {
  return {
    tenantId,
    bodyId,
    id,
    title: `Nhiệm vụ ${id}`,
    description: 'Mô tả',
    ownerId: 'owner-1',
    coOwnerIds: ['co-1'],
    source: { kind: 'direct' },
    deadline: '2099-06-30',
    originalDeadline: '2099-06-30',
    priority: 'normal',
    status: 'open',
    assignedBy: 'secretary-1',
    progress: [],
    createdAt: '2025-01-01T02:00:00.000Z',
    updatedAt: '2025-01-01T02:00:00.000Z',
    version: 1,
    audit: GENESIS_HEAD,
  };
}

function eventFor(assignment: Assignment, head: AuditHead, action: string) {
  return chainAuditEvent(head, {
    tenantId: assignment.tenantId,
    aggregateType: 'assignment',
    aggregateId: assignment.id,
    action,
    actorId: assignment.assignedBy,
    actorName: 'Thư ký',
    at: new Date().toISOString(),
    changes: {},
  });
}

async function create(repo: TableAssignmentRepository, assignment: Assignment): Promise<void> {
  const event = eventFor(assignment, GENESIS_HEAD, 'assignment.created');
  await repo.createAssignment({ ...assignment, audit: auditHeadOf(event) }, event);
}

/** A transition as the use cases write it: the stored aggregate, changed, under its ETag. */
async function transition(
  repo: TableAssignmentRepository,
  tenantId: string,
  bodyId: string,
  id: string,
  status: Assignment['status'],
): Promise<void> {
  const stored = await repo.getAssignment(tenantId, bodyId, id);
  if (!stored) throw new Error(`no assignment ${id}`);
  const event = eventFor(stored.assignment, stored.assignment.audit, 'assignment.transitioned');
  await repo.commitAssignment(
    {
      ...stored.assignment,
      status,
      version: stored.assignment.version + 1,
      audit: auditHeadOf(event),
    },
    stored.etag,
    event,
  );
}

const statusById = (headlines: readonly AssignmentHeadline[]) =>
  Object.fromEntries(headlines.map((h) => [h.id, h.status]));

// Azurite puts the account in the path; a storage account does not.
const VERSION_READ =
  /^GET \/(?:\w+\/)?assignments\(PartitionKey='.*',RowKey='assignments-version'\)$/;

beforeAll(async () => {
  await ensureTables(countingTables().tables);
});

describe("the summary list's cache, validated against the body's version row (Azurite)", () => {
  it('the version row sorts outside the RowKey range the assignment lists query', () => {
    const { from, to } = rowKeyRange('assignment');
    const inRange = keys.assignmentsVersionRow >= from && keys.assignmentsVersionRow < to;
    expect(inRange).toBe(false);
    expect(keys.assignmentRow('x') >= from && keys.assignmentRow('x') < to).toBe(true);
  });

  it('reads an unchanged body with one point read, and never serves rows older than a write', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const bodyId = `body-${randomUUID()}`;
    const { tables, during } = countingTables();
    const repo = new TableAssignmentRepository(tables, new HeadlineCache());
    for (const id of ['a1', 'a2', 'a3']) await create(repo, newAssignment(tenantId, bodyId, id));

    const first = await during(() => repo.listBodyAssignmentHeadlines(tenantId, bodyId));
    expect(first.result.map((h) => h.id)).toEqual(['a1', 'a2', 'a3']);
    expect(first.requests).toHaveLength(2);
    expect(first.requests[0]).toMatch(VERSION_READ);

    const second = await during(() => repo.listBodyAssignmentHeadlines(tenantId, bodyId));
    expect(second.requests).toHaveLength(1);
    expect(second.requests[0]).toMatch(VERSION_READ);
    expect(second.result).toEqual(first.result);
    // The full view reads the same rows, none of them the version row, and is never cached.
    const full = await during(() => repo.listBodyAssignments(tenantId, bodyId));
    expect(full.result.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(full.requests).toHaveLength(1);
    expect(full.requests[0]).toMatch(/^GET \/(?:\w+\/)?assignments\(\)$/);

    // A caller cannot change what the next caller reads: its own array, frozen rows.
    second.result.pop();
    second.result.sort((a, b) => b.id.localeCompare(a.id));
    expect(() => {
      (second.result[0] as { status: string }).status = 'done';
    }).toThrow(TypeError);
    expect(() => (second.result[0]!.coOwnerIds as string[]).push('intruder')).toThrow(TypeError);
    const third = await repo.listBodyAssignmentHeadlines(tenantId, bodyId);
    expect(third).toEqual(first.result);
    expect(statusById(third)).toEqual({ a1: 'open', a2: 'open', a3: 'open' });

    // A create: the next read queries again and sees the new row.
    await create(repo, newAssignment(tenantId, bodyId, 'a4'));
    const afterCreate = await during(() => repo.listBodyAssignmentHeadlines(tenantId, bodyId));
    expect(afterCreate.requests).toHaveLength(2);
    expect(afterCreate.result.map((h) => h.id)).toEqual(['a1', 'a2', 'a3', 'a4']);

    // A transition: the next read sees the new status.
    await transition(repo, tenantId, bodyId, 'a2', 'inProgress');
    const afterTransition = await repo.listBodyAssignmentHeadlines(tenantId, bodyId);
    expect(statusById(afterTransition)).toEqual({
      a1: 'open',
      a2: 'inProgress',
      a3: 'open',
      a4: 'open',
    });
    const cachedAgain = await during(() => repo.listBodyAssignmentHeadlines(tenantId, bodyId));
    expect(cachedAgain.requests).toHaveLength(1);
    expect(cachedAgain.result).toEqual(afterTransition);
  });

  it('a write through one instance is seen by the next read of another (caches not shared)', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const bodyId = `body-${randomUUID()}`;
    const a = countingTables();
    const b = countingTables();
    const instanceA = new TableAssignmentRepository(a.tables, new HeadlineCache());
    const instanceB = new TableAssignmentRepository(b.tables, new HeadlineCache());
    await create(instanceA, newAssignment(tenantId, bodyId, 'x1'));

    await instanceB.listBodyAssignmentHeadlines(tenantId, bodyId);
    const warm = await b.during(() => instanceB.listBodyAssignmentHeadlines(tenantId, bodyId));
    expect(warm.requests).toHaveLength(1);
    expect(statusById(warm.result)).toEqual({ x1: 'open' });

    await transition(instanceA, tenantId, bodyId, 'x1', 'submitted');
    const afterTransition = await b.during(() =>
      instanceB.listBodyAssignmentHeadlines(tenantId, bodyId),
    );
    expect(afterTransition.requests).toHaveLength(2);
    expect(statusById(afterTransition.result)).toEqual({ x1: 'submitted' });

    await create(instanceA, newAssignment(tenantId, bodyId, 'x2'));
    expect(statusById(await instanceB.listBodyAssignmentHeadlines(tenantId, bodyId))).toEqual({
      x1: 'submitted',
      x2: 'open',
    });
  });

  it('a body without a version row (rows from before it) is read correctly, every time, uncached', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const bodyId = `body-${randomUUID()}`;
    const { tables, during } = countingTables();
    // Old data: the aggregate written as it was before the version row existed.
    await tables(TABLES.assignments).createEntity(
      toAssignmentEntity(newAssignment(tenantId, bodyId, 'old')),
    );
    const cache = new HeadlineCache();
    const repo = new TableAssignmentRepository(tables, cache);
    for (let i = 0; i < 2; i++) {
      const read = await during(() => repo.listBodyAssignmentHeadlines(tenantId, bodyId));
      expect(read.result.map((h) => h.id)).toEqual(['old']);
      // The version read (not found) and the query, each time; no write from a read.
      expect(read.requests).toHaveLength(2);
      expect(read.requests.every((r) => r.startsWith('GET '))).toBe(true);
    }
    expect(cache.size()).toEqual({ bodies: 0, rows: 0 });

    // The first write through the repository starts versioning; from then on the cache serves.
    await transition(repo, tenantId, bodyId, 'old', 'inProgress');
    expect(statusById(await repo.listBodyAssignmentHeadlines(tenantId, bodyId))).toEqual({
      old: 'inProgress',
    });
    const cached = await during(() => repo.listBodyAssignmentHeadlines(tenantId, bodyId));
    expect(cached.requests).toHaveLength(1);
    expect(statusById(cached.result)).toEqual({ old: 'inProgress' });
    expect(cache.size()).toEqual({ bodies: 1, rows: 1 });
  });

  it('the same body id in two tenants never shares a cache entry', async () => {
    const bodyId = `body-${randomUUID()}`;
    const [t1, t2] = [`tenant-${randomUUID()}`, `tenant-${randomUUID()}`];
    const { tables } = countingTables();
    const cache = new HeadlineCache();
    const repo = new TableAssignmentRepository(tables, cache);
    await create(repo, newAssignment(t1, bodyId, 'only-in-1'));
    await create(repo, newAssignment(t2, bodyId, 'only-in-2'));
    for (let i = 0; i < 2; i++) {
      const [one, two] = [
        await repo.listBodyAssignmentHeadlines(t1, bodyId),
        await repo.listBodyAssignmentHeadlines(t2, bodyId),
      ];
      expect(one.map((h) => [h.tenantId, h.id])).toEqual([[t1, 'only-in-1']]);
      expect(two.map((h) => [h.tenantId, h.id])).toEqual([[t2, 'only-in-2']]);
    }
    expect(cache.size()).toEqual({ bodies: 2, rows: 2 });
  });
});

describe('HeadlineCache', () => {
  const headline = (tenantId: string, bodyId: string, id: string): AssignmentHeadline => ({
    tenantId,
    bodyId,
    id,
    title: id,
    ownerId: 'owner-1',
    coOwnerIds: [],
    source: { kind: 'direct' },
    deadline: '2099-06-30',
    originalDeadline: '2099-06-30',
    priority: 'normal',
    status: 'open',
    submittedAt: undefined,
    completedAt: undefined,
  });

  it('answers only for the same tenant, body and version', () => {
    const cache = new HeadlineCache();
    cache.set('t1', 'b', 'v1', [headline('t1', 'b', 'x')]);
    expect(cache.get('t1', 'b', 'v1')?.map((h) => h.id)).toEqual(['x']);
    expect(cache.get('t2', 'b', 'v1')).toBeUndefined();
    expect(cache.get('t1', 'b', 'v2')).toBeUndefined();
    expect(cache.get('t1', 'c', 'v1')).toBeUndefined();
  });

  it('evicts the least recently read body past its bounds, and keeps no body larger than them', () => {
    const cache = new HeadlineCache({ maxBodies: 2, maxRows: 3 });
    const rows = (body: string, n: number) =>
      Array.from({ length: n }, (_, i) => headline('t', body, `${body}${i}`));
    cache.set('t', 'a', 'v', rows('a', 1));
    cache.set('t', 'b', 'v', rows('b', 1));
    cache.get('t', 'a', 'v');
    cache.set('t', 'c', 'v', rows('c', 1));
    expect(cache.get('t', 'b', 'v')).toBeUndefined();
    expect(cache.size()).toEqual({ bodies: 2, rows: 2 });

    // Over the row bound: the least recently read (a) goes, c stays.
    cache.set('t', 'd', 'v', rows('d', 2));
    expect(cache.size()).toEqual({ bodies: 2, rows: 3 });
    expect(cache.get('t', 'a', 'v')).toBeUndefined();
    expect(cache.get('t', 'd', 'v')).toHaveLength(2);

    // A body larger than the bound replaces its old entry with none.
    cache.set('t', 'd', 'v2', rows('d', 4));
    expect(cache.size()).toEqual({ bodies: 1, rows: 1 });
    expect(cache.get('t', 'c', 'v')).toHaveLength(1);
  });
});
