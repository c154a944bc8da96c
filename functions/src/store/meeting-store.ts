import { odata, type TableEntityResult } from '@azure/data-tables';
import {
  DomainError,
  type AuditEvent,
  type Meeting,
  type MeetingRepository,
  type StoredMeeting,
} from '@qcdc/core';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import { keys, rowKeyRange } from './keys';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

/** Meetings of a body share the body's partition: one query answers the body's meeting list. */
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
      return { meeting: fromMeetingEntity(row), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async listMeetings(tenantId: string, bodyId: string): Promise<Meeting[]> {
    const { from, to } = rowKeyRange('meeting');
    const rows = this.client().listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keys.tenantBody(tenantId, bodyId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const meetings: Meeting[] = [];
    for await (const row of rows) meetings.push(fromMeetingEntity(row));
    return meetings;
  }

  async createMeeting(meeting: Meeting, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(meeting.tenantId, meeting.bodyId);
    await this.atomically(() =>
      this.client().submitTransaction([
        ['create', toMeetingEntity(meeting)],
        ['create', toAuditEntity(partitionKey, event)],
      ]),
    );
  }

  async updateMeeting(meeting: Meeting, etag: string, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(meeting.tenantId, meeting.bodyId);
    await this.atomically(
      () =>
        this.client().submitTransaction([
          ['update', toMeetingEntity(meeting), 'Replace', { etag }],
          ['create', toAuditEntity(partitionKey, event)],
        ]),
      meeting,
    );
  }

  async listAuditEvents(tenantId: string, bodyId: string, meetingId: string) {
    const { from, to } = rowKeyRange(`audit~${meetingId}`);
    const rows = this.client().listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keys.tenantBody(tenantId, bodyId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const events: AuditEvent[] = [];
    for await (const row of rows) events.push(fromAuditEntity(row));
    return events;
  }

  private client() {
    return this.tables(TABLES.meetings);
  }

  /** A lost race surfaces as CONCURRENCY.CONFLICT carrying the fresh state, never an overwrite. */
  private async atomically(write: () => Promise<unknown>, meeting?: Meeting): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      const fresh = meeting
        ? await this.getMeeting(meeting.tenantId, meeting.bodyId, meeting.id)
        : null;
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { current: fresh?.meeting });
    }
  }
}

function toMeetingEntity(meeting: Meeting) {
  return {
    partitionKey: keys.tenantBody(meeting.tenantId, meeting.bodyId),
    rowKey: keys.meetingRow(meeting.id),
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt ?? '',
    location: meeting.location,
    status: meeting.status,
    chairId: meeting.chairId,
    secretaryId: meeting.secretaryId,
    agenda: JSON.stringify(meeting.agenda),
    createdAt: meeting.createdAt,
    createdBy: meeting.createdBy,
    updatedAt: meeting.updatedAt,
    version: meeting.version,
    auditSeq: meeting.audit.seq,
    auditHash: meeting.audit.hash,
  };
}

function fromMeetingEntity(row: Row): Meeting {
  const [tenantId = '', bodyId = ''] = String(row.partitionKey).split('~');
  return {
    tenantId,
    bodyId,
    id: String(row.rowKey).slice('meeting~'.length),
    kind: row.kind as Meeting['kind'],
    title: String(row.title),
    startsAt: String(row.startsAt),
    endsAt: row.endsAt ? String(row.endsAt) : undefined,
    location: String(row.location),
    status: row.status as Meeting['status'],
    chairId: String(row.chairId),
    secretaryId: String(row.secretaryId),
    agenda: JSON.parse(String(row.agenda)) as Meeting['agenda'],
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}
