import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
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
import { HeadlineCache } from './headline-cache';
import { keys, rowKeyRange } from './keys';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * Assignments live in their body's partition (the dashboard's list is one query) with their audit
 * events. The per-person index (owner, co-owners) is written first; the aggregate is the truth, so
 * readers resolve index rows against it and drop orphans.
 *
 * Every aggregate write also rewrites the body's version row (`keys.assignmentsVersionRow`) in the
 * same transaction, so its ETag changes whenever any of the body's assignments does. The summary
 * list is kept in `headlineCache` under that ETag and served from it while a point read of the row
 * still answers the same ETag: correct across any number of Functions instances, each with its own
 * cache. The composition root passes one cache per process; without one, a repository has its own.
 */
export class TableAssignmentRepository implements AssignmentRepository {
  constructor(
    private readonly tables: TableClientFactory,
    private readonly headlineCache: HeadlineCache = new HeadlineCache(),
  ) {}

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

  /**
   * The same partition query as `listBodyAssignments`, with a projection to the list's columns;
   * skipped when the cache holds the rows of the body's current version (one point read instead).
   * The headlines are frozen (they may be shared with later reads); the array is the caller's own.
   */
  async listBodyAssignmentHeadlines(
    tenantId: string,
    bodyId: string,
  ): Promise<AssignmentHeadline[]> {
    const partitionKey = keys.tenantBody(tenantId, bodyId);
    // Read the version BEFORE the rows. A write racing the query below can only make the rows newer
    // than the version they are filed under, never older; and that write changed the ETag, so the
    // next read misses and queries again. While the ETag still matches, no write has happened since
    // it was read, so the rows read after it are exactly that version's.
    const version = await this.readAssignmentsVersion(partitionKey);
    if (version !== null) {
      const cached = this.headlineCache.get(tenantId, bodyId, version);
      if (cached) return [...cached];
    }
    const rows = await this.listRange(partitionKey, 'assignment', [...ASSIGNMENT_HEADLINE_COLUMNS]);
    const headlines = rows.map((row) => fromAssignmentHeadlineEntity(row, tenantId, bodyId));
    // No version row (no write since this change, or no assignments): nothing to validate a cached
    // copy against, so none is kept; a GET never writes one.
    if (version !== null) this.headlineCache.set(tenantId, bodyId, version, headlines);
    return [...headlines];
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
        versionBump(partitionKey, event),
      ]),
    );
  }

  async commitAssignment(assignment: Assignment, etag: string, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(assignment.tenantId, assignment.bodyId);
    await this.atomically(() =>
      this.client().submitTransaction([
        ['update', toAssignmentEntity(assignment), 'Replace', { etag }],
        ['create', toAuditEntity(partitionKey, event)],
        versionBump(partitionKey, event),
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

  /** The ETag of the body's assignments version row; null when the body has none yet. */
  private async readAssignmentsVersion(partitionKey: string): Promise<string | null> {
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(
        partitionKey,
        keys.assignmentsVersionRow,
      );
      return row.etag ? String(row.etag) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
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

/**
 * The version row's write, one more action in the aggregate's transaction: an unconditional
 * upsert, so concurrent writers never conflict on it, and storage gives it a new ETag each time.
 * Bookkeeping for readers' caches, not a state change of its own: it is not audited (the event
 * written beside it in the same transaction is).
 */
function versionBump(partitionKey: string, event: AuditEvent): TransactionAction {
  return [
    'upsert',
    { partitionKey, rowKey: keys.assignmentsVersionRow, changedAt: event.at },
    'Replace',
  ];
}
