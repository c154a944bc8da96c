import type { TableClient } from '@azure/data-tables';
import {
  auditHeadOf,
  chainAuditEvent,
  GENESIS_HEAD,
  type Assignment,
  type AssignmentHeadline,
} from '@qcdc/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DevHost } from '../src/dev/host';
import { assignmentSummaryDto } from '../src/http/assignment-dto';
import { TableAssignmentRepository } from '../src/store/assignment-store';
import { assertPartitionScoped } from '../src/store/counting-table-client';
import { scopedTables } from '../src/store/scoped-tables';
import { connectionStringTables, type TableClientFactory } from '../src/store/table-client-factory';
import { TABLES } from '../src/store/table-names';
import { apiAs, createTestBody, startTestHost, type TestBody } from './support/api-harness';

/** Every field of the narrow read type, and nothing else (checked against the type). */
const HEADLINE_KEYS: readonly (keyof AssignmentHeadline)[] = [
  'tenantId',
  'bodyId',
  'id',
  'title',
  'ownerId',
  'coOwnerIds',
  'source',
  'deadline',
  'originalDeadline',
  'priority',
  'status',
  'submittedAt',
  'completedAt',
];

type ListOptions = NonNullable<Parameters<TableClient['listEntities']>[0]>;

/** Tables that remember the options of every query, to see what a store asked storage for. */
function recordingTables(inner: TableClientFactory) {
  const queries: ListOptions[] = [];
  const factory: TableClientFactory = (table) =>
    new Proxy(inner(table), {
      get(object, property, receiver) {
        if (property === 'listEntities') {
          return (options: ListOptions) => {
            queries.push(options);
            return object.listEntities(options);
          };
        }
        const value: unknown = Reflect.get(object, property, receiver);
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
  return { factory, queries };
}

let host: DevHost;
let fixture: TestBody;
const tables = () => connectionStringTables(inject('storageConnection'));

/**
 * Written straight to the store: states the API cannot reach in a test's lifetime (done late, done
 * before a deadline long past, overdue), each with the detail columns the summary must not read.
 */
function seededAssignments(): Assignment[] {
  const { head, secretary, member, observer } = fixture.users;
  const base = (id: string, fields: Partial<Assignment>): Assignment => {
    const assignment: Assignment = {
      tenantId: fixture.body.tenantId,
      bodyId: fixture.body.id,
      id,
      title: `Nhiệm vụ ${id}`,
      description: `Mô tả dài của ${id} `.repeat(20),
      ownerId: member.userId,
      coOwnerIds: [],
      source: { kind: 'direct' },
      deadline: '2099-06-30',
      originalDeadline: '2099-06-30',
      priority: 'normal',
      status: 'open',
      assignedBy: secretary.userId,
      progress: [
        {
          at: '2025-02-01T02:00:00.000Z',
          byId: member.userId,
          byName: member.displayName,
          note: 'Đã làm một phần',
          percent: 30,
          evidenceUrls: ['https://example.gov.vn/bang-chung'],
        },
      ],
      createdAt: '2025-01-01T02:00:00.000Z',
      updatedAt: '2025-03-01T02:00:00.000Z',
      version: 3,
      audit: GENESIS_HEAD,
      ...fields,
    };
    return assignment;
  };
  return [
    base('01-on-time', {
      status: 'done',
      deadline: '2025-03-10',
      originalDeadline: '2025-03-10',
      submittedAt: '2025-03-10T16:00:00.000Z',
      completedAt: '2025-03-12T02:00:00.000Z',
      source: { kind: 'meeting', meetingId: 'meeting-01' },
      coOwnerIds: [head.userId, observer.userId],
    }),
    base('02-late', {
      status: 'done',
      deadline: '2025-03-10',
      originalDeadline: '2025-03-10',
      submittedAt: '2025-03-10T17:00:00.000Z',
      completedAt: '2025-03-11T02:00:00.000Z',
      priority: 'urgent',
    }),
    base('03-extended', {
      status: 'inProgress',
      deadline: '2099-02-01',
      originalDeadline: '2099-01-01',
      source: { kind: 'recommendation', ref: 'KN-12' },
      extensionRequest: {
        requestedDeadline: '2099-03-01',
        reason: 'Chờ số liệu',
        requestedAt: '2025-02-02T02:00:00.000Z',
        requestedBy: member.userId,
      },
    }),
    base('04-overdue', {
      status: 'returned',
      deadline: '2025-01-05',
      originalDeadline: '2025-01-05',
      statusReason: 'Thiếu hồ sơ',
      source: { kind: 'meeting', meetingId: 'meeting-02', ref: 'KL-3' },
    }),
    base('05-cancelled', { status: 'cancelled', source: { kind: 'planItem', ref: 'KH-1' } }),
    base('06-submitted', {
      status: 'submitted',
      deadline: '2025-01-05',
      originalDeadline: '2025-01-05',
      submittedAt: '2025-01-04T02:00:00.000Z',
      priority: 'high',
    }),
    // Approved before submission was dated: only completedAt tells when it finished.
    base('07-done-undated', {
      status: 'done',
      submittedAt: undefined,
      completedAt: '2025-04-01T02:00:00.000Z',
      deadline: '2025-04-10',
      originalDeadline: '2025-03-10',
    }),
    base('08-equal-deadline', { deadline: '2025-03-10', originalDeadline: '2025-03-10' }),
  ];
}

beforeAll(async () => {
  host = await startTestHost();
  fixture = await createTestBody();
  const repo = new TableAssignmentRepository(tables());
  for (const assignment of seededAssignments()) {
    const event = chainAuditEvent(GENESIS_HEAD, {
      tenantId: assignment.tenantId,
      aggregateType: 'assignment',
      aggregateId: assignment.id,
      action: 'assignment.created',
      actorId: assignment.assignedBy,
      actorName: 'Thư ký',
      at: assignment.createdAt,
      changes: {},
    });
    await repo.createAssignment({ ...assignment, audit: auditHeadOf(event) }, event);
  }
});
afterAll(async () => {
  await host?.stop();
});

describe("the dashboard's summary view reads only the list's columns (Azurite)", () => {
  it('answers what trimming the full view answered: the same rows, values, order and stats', async () => {
    const path = `/api/bodies/${fixture.body.id}/assignments`;
    const api = apiAs(host, fixture.users.observer);
    const [full, summary] = await Promise.all([api(path), api(`${path}?view=summary`)]);
    expect([full.status, summary.status]).toEqual([200, 200]);
    expect(summary.json.stats).toEqual(full.json.stats);
    expect(summary.json.stats).toMatchObject({
      total: 8,
      done: 3,
      onTime: 2,
      late: 1,
      cancelled: 1,
      overdue: 2,
    });

    type Row = Record<string, unknown> & { id: string };
    const fullRows = full.json.assignments as Row[];
    const rows = summary.json.assignments as Row[];
    expect(rows.map((r) => r.id)).toEqual(fullRows.map((r) => r.id));
    rows.forEach((row, i) => {
      const fullRow = fullRows[i]!;
      for (const [key, value] of Object.entries(row)) {
        // The full view's source may carry `ref`; the summary says only kind and meeting.
        if (key === 'source') expect(fullRow.source).toMatchObject(value as object);
        else expect([row.id, key, value]).toEqual([row.id, key, fullRow[key]]);
      }
    });

    // Byte for byte what the route answered before it read headlines: the summary DTO over the
    // full assignments, earliest deadline first.
    const before = (
      await new TableAssignmentRepository(tables()).listBodyAssignments(
        fixture.body.tenantId,
        fixture.body.id,
      )
    )
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map(assignmentSummaryDto);
    expect(JSON.stringify(rows)).toBe(JSON.stringify(before));
  });

  it('asks storage for a projection, through the scan guard, and never sees the heavy columns', async () => {
    const { factory, queries } = recordingTables(tables());
    const repo = new TableAssignmentRepository(scopedTables(factory));
    const headlines = await repo.listBodyAssignmentHeadlines(
      fixture.body.tenantId,
      fixture.body.id,
    );
    expect(headlines).toHaveLength(8);

    expect(queries).toHaveLength(1);
    const options = queries[0]!.queryOptions!;
    assertPartitionScoped(options.filter!);
    expect(options.select).toBeDefined();
    for (const heavy of ['description', 'progress', 'extensionRequest', 'statusReason']) {
      expect(options.select).not.toContain(heavy);
    }

    // Storage honours it: the same query returns entities without those columns at all.
    const raw: Record<string, unknown>[] = [];
    for await (const row of tables()(TABLES.assignments).listEntities({ queryOptions: options })) {
      raw.push(row);
    }
    expect(raw).toHaveLength(8);
    for (const row of raw) {
      expect(row).not.toHaveProperty('description');
      expect(row).not.toHaveProperty('progress');
    }
    for (const headline of headlines) {
      expect(Object.keys(headline).sort()).toEqual([...HEADLINE_KEYS].sort());
    }
  });
});
