import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import {
  DomainError,
  type Attendance,
  type AuditEvent,
  type Meeting,
  type MeetingChange,
  type MeetingRepository,
  type MinutesSection,
  type Stored,
  type StoredMeeting,
} from '@qcdc/core';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import { keys, rowKeyRange } from './keys';
import {
  fromAttendanceEntity,
  fromMeetingEntity,
  fromSectionEntity,
  toAttendanceEntity,
  toMeetingEntity,
  toSectionEntity,
} from './meeting-entities';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * Meetings of a body share the body's partition: one query answers the body's meeting list, and a
 * meeting with its attendance, minutes and audit events changes in one atomic batch.
 */
export class TableMeetingRepository implements MeetingRepository {
  constructor(private readonly tables: TableClientFactory) {}

  async getMeeting(
    tenantId: string,
    bodyId: string,
    meetingId: string,
  ): Promise<StoredMeeting | null> {
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(
        keys.tenantBody(tenantId, bodyId),
        keys.meetingRow(meetingId),
      );
      return { meeting: fromMeetingEntity(row), etag: String(row.etag) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async listMeetings(tenantId: string, bodyId: string): Promise<Meeting[]> {
    const rows = await this.listRange(tenantId, bodyId, 'meeting');
    return rows.map(fromMeetingEntity);
  }

  async createMeeting(meeting: Meeting, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(meeting.tenantId, meeting.bodyId);
    await this.atomically([
      ['create', toMeetingEntity(meeting)],
      ['create', toAuditEntity(partitionKey, event)],
    ]);
  }

  async commitMeetingChange(change: MeetingChange): Promise<void> {
    const { meeting } = change;
    const partitionKey = keys.tenantBody(meeting.tenantId, meeting.bodyId);
    const actions: TransactionAction[] = [
      ['update', toMeetingEntity(meeting), 'Replace', { etag: change.etag }],
      ['create', toAuditEntity(partitionKey, change.event)],
    ];
    for (const mark of change.attendanceMarks ?? []) {
      actions.push(['upsert', toAttendanceEntity(partitionKey, meeting.id, mark), 'Replace']);
    }
    if (change.section) {
      const section = change.section.value;
      const rowKey = keys.minutesRow(meeting.id, section.key);
      const entity = toSectionEntity(partitionKey, rowKey, section);
      actions.push(
        change.section.etag === null
          ? ['create', entity]
          : ['update', entity, 'Replace', { etag: change.section.etag }],
      );
      const revisionKey = keys.minutesRevisionRow(meeting.id, section.key, section.version);
      actions.push(['create', toSectionEntity(partitionKey, revisionKey, section)]);
    }
    await this.atomically(actions);
  }

  async getAttendance(tenantId: string, bodyId: string, meetingId: string): Promise<Attendance> {
    const rows = await this.listRange(tenantId, bodyId, `attendance~${meetingId}`);
    const attendance: Attendance = {};
    for (const row of rows) {
      const entry = fromAttendanceEntity(row);
      attendance[entry.userId] = entry;
    }
    return attendance;
  }

  async listMinutesSections(
    tenantId: string,
    bodyId: string,
    meetingId: string,
  ): Promise<Stored<MinutesSection>[]> {
    const rows = await this.listRange(tenantId, bodyId, `minutes~${meetingId}`);
    return rows.map((row) => ({ value: fromSectionEntity(row), etag: String(row.etag) }));
  }

  async listMinutesRevisions(tenantId: string, bodyId: string, meetingId: string) {
    const rows = await this.listRange(tenantId, bodyId, `minutesrev~${meetingId}`);
    return rows.map(fromSectionEntity).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  }

  async listAuditEvents(tenantId: string, bodyId: string, meetingId: string) {
    const rows = await this.listRange(tenantId, bodyId, `audit~${meetingId}`);
    return rows.map(fromAuditEntity);
  }

  private client() {
    return this.tables(TABLES.meetings);
  }

  /** Rows of one partition whose RowKey starts with `prefix~`: a range query, never a scan. */
  private async listRange(tenantId: string, bodyId: string, prefix: string): Promise<Row[]> {
    const { from, to } = rowKeyRange(prefix);
    const rows = this.client().listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keys.tenantBody(tenantId, bodyId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const result: Row[] = [];
    for await (const row of rows) result.push(row);
    return result;
  }

  /**
   * Submits one batch. A lost race (stale etag, or a row created meanwhile) becomes a retryable
   * CONCURRENCY.CONFLICT: the use case reloads and decides again, never overwrites.
   */
  private async atomically(actions: TransactionAction[]): Promise<void> {
    try {
      await this.client().submitTransaction(actions);
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    }
  }
}
