import { odata, type TableEntityResult } from '@azure/data-tables';
import {
  DomainError,
  type Assignment,
  type AssignmentHeadline,
  type AssignmentRepository,
  type AuditEvent,
  type StoredAssignment,
} from '@qcdc/core';
import {
  ASSIGNMENT_HEADLINE_COLUMNS,
  fromAssignmentEntity,
  fromAssignmentHeadlineEntity,
  toAssignmentEntity,
} from './assignment-entities';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import { keys, rowKeyRange } from './keys';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * Assignments live in their body's partition (the dashboard's list is one query) with their audit
 * events. The per-person index (owner, co-owners) is written first; the aggregate is the truth, so
 * readers resolve index rows against it and drop orphans.
 */
export class TableAssignmentRepository implements AssignmentRepository {
  constructor(private readonly tables: TableClientFactory) {}

  async getAssignment(
    tenantId: string,
    bodyId: string,
    id: string,
  ): Promise<StoredAssignment | null> {
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(
        keys.tenantBody(tenantId, bodyId),
        keys.assignmentRow(id),
      );
      return { assignment: fromAssignmentEntity(row), etag: String(row.etag) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async listBodyAssignments(tenantId: string, bodyId: string): Promise<Assignment[]> {
    return (await this.listRange(keys.tenantBody(tenantId, bodyId), 'assignment')).map(
      fromAssignmentEntity,
    );
  }

  /** The same partition query as `listBodyAssignments`, with a projection to the list's columns. */
  async listBodyAssignmentHeadlines(
    tenantId: string,
    bodyId: string,
  ): Promise<AssignmentHeadline[]> {
    const rows = await this.listRange(keys.tenantBody(tenantId, bodyId), 'assignment', [
      ...ASSIGNMENT_HEADLINE_COLUMNS,
    ]);
    return rows.map((row) => fromAssignmentHeadlineEntity(row, tenantId, bodyId));
  }

  async listUserAssignments(tenantId: string, userId: string): Promise<Assignment[]> {
    const index = this.tables(TABLES.userAssignments).listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${keys.tenantUser(tenantId, userId)}` },
    });
    const refs: { bodyId: string; id: string }[] = [];
    for await (const row of index)
      refs.push({ bodyId: String(row.bodyId), id: String(row.assignmentId) });
    const found = await Promise.all(
      refs.map((ref) => this.getAssignment(tenantId, ref.bodyId, ref.id)),
    );
    return found
      .map((stored) => stored?.assignment)
      .filter(
        (a): a is Assignment =>
          a !== undefined && (a.ownerId === userId || a.coOwnerIds.includes(userId)),
      );
  }

  async createAssignment(assignment: Assignment, event: AuditEvent): Promise<void> {
    await Promise.all(
      [assignment.ownerId, ...assignment.coOwnerIds].map((userId) =>
        this.tables(TABLES.userAssignments).upsertEntity(
          {
            partitionKey: keys.tenantUser(assignment.tenantId, userId),
            rowKey: keys.userAssignmentRow(assignment.bodyId, assignment.id),
            bodyId: assignment.bodyId,
            assignmentId: assignment.id,
          },
          'Replace',
        ),
      ),
    );
    const partitionKey = keys.tenantBody(assignment.tenantId, assignment.bodyId);
    await this.atomically(() =>
      this.client().submitTransaction([
        ['create', toAssignmentEntity(assignment)],
        ['create', toAuditEntity(partitionKey, event)],
      ]),
    );
  }

  async commitAssignment(assignment: Assignment, etag: string, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(assignment.tenantId, assignment.bodyId);
    await this.atomically(() =>
      this.client().submitTransaction([
        ['update', toAssignmentEntity(assignment), 'Replace', { etag }],
        ['create', toAuditEntity(partitionKey, event)],
      ]),
    );
  }

  async listAssignmentAudit(tenantId: string, bodyId: string, id: string): Promise<AuditEvent[]> {
    return (await this.listRange(keys.tenantBody(tenantId, bodyId), `audit~${id}`)).map(
      fromAuditEntity,
    );
  }

  private client() {
    return this.tables(TABLES.assignments);
  }

  /** `select` narrows the columns read; without it, whole entities. */
  private async listRange(partitionKey: string, prefix: string, select?: string[]): Promise<Row[]> {
    const { from, to } = rowKeyRange(prefix);
    const rows = this.client().listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`,
        ...(select ? { select } : {}),
      },
    });
    const result: Row[] = [];
    for await (const row of rows) result.push(row);
    return result;
  }

  private async atomically(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    }
  }
}
