import type { TableEntityResult } from '@azure/data-tables';
import type { AttendanceEntry, Meeting, MinutesSection } from '@qcdc/core';
import { keys } from './keys';

type Row = TableEntityResult<Record<string, unknown>>;

/** Meeting rows: scalar columns for what queries may filter on, JSON for nested parts. */
export function toMeetingEntity(meeting: Meeting) {
  return {
    partitionKey: keys.tenantBody(meeting.tenantId, meeting.bodyId),
    rowKey: keys.meetingRow(meeting.id),
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt ?? '',
    location: meeting.location,
    status: meeting.status,
    statusReason: meeting.statusReason ?? '',
    chairId: meeting.chairId,
    secretaryId: meeting.secretaryId,
    agenda: JSON.stringify(meeting.agenda),
    minutes: JSON.stringify(meeting.minutes),
    createdAt: meeting.createdAt,
    createdBy: meeting.createdBy,
    updatedAt: meeting.updatedAt,
    version: meeting.version,
    auditSeq: meeting.audit.seq,
    auditHash: meeting.audit.hash,
  };
}

export function fromMeetingEntity(row: Row): Meeting {
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
    statusReason: row.statusReason ? String(row.statusReason) : undefined,
    chairId: String(row.chairId),
    secretaryId: String(row.secretaryId),
    agenda: JSON.parse(String(row.agenda)) as Meeting['agenda'],
    minutes: row.minutes
      ? (JSON.parse(String(row.minutes)) as Meeting['minutes'])
      : { edition: 1, status: 'drafting' },
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}

export function toAttendanceEntity(
  partitionKey: string,
  meetingId: string,
  entry: AttendanceEntry,
) {
  return {
    partitionKey,
    rowKey: keys.attendanceRow(meetingId, entry.userId),
    userId: entry.userId,
    status: entry.status,
    delegateName: entry.delegateName ?? '',
    note: entry.note ?? '',
  };
}

export function fromAttendanceEntity(row: Row): AttendanceEntry {
  return {
    userId: String(row.userId),
    status: row.status as AttendanceEntry['status'],
    delegateName: row.delegateName ? String(row.delegateName) : undefined,
    note: row.note ? String(row.note) : undefined,
  };
}

export function toSectionEntity(partitionKey: string, rowKey: string, section: MinutesSection) {
  return {
    partitionKey,
    rowKey,
    key: section.key,
    kind: section.kind,
    agendaItemId: section.agendaItemId ?? '',
    text: section.text,
    version: section.version,
    edition: section.edition,
    updatedAt: section.updatedAt,
    updatedBy: section.updatedBy,
    updatedByName: section.updatedByName,
  };
}

export function fromSectionEntity(row: Row): MinutesSection {
  return {
    key: String(row.key),
    kind: row.kind as MinutesSection['kind'],
    agendaItemId: row.agendaItemId ? String(row.agendaItemId) : undefined,
    text: String(row.text ?? ''),
    version: Number(row.version),
    edition: Number(row.edition),
    updatedAt: String(row.updatedAt),
    updatedBy: String(row.updatedBy),
    updatedByName: String(row.updatedByName),
  };
}
