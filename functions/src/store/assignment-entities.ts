import type { TableEntityResult } from '@azure/data-tables';
import type { Assignment, AssignmentHeadline } from '@qcdc/core';
import { keys } from './keys';

type Row = TableEntityResult<Record<string, unknown>>;

/** Scalar columns for what a query or a person reading the table needs; JSON for nested parts. */
export function toAssignmentEntity(assignment: Assignment) {
  return {
    partitionKey: keys.tenantBody(assignment.tenantId, assignment.bodyId),
    rowKey: keys.assignmentRow(assignment.id),
    title: assignment.title,
    description: assignment.description,
    ownerId: assignment.ownerId,
    coOwnerIds: JSON.stringify(assignment.coOwnerIds),
    source: JSON.stringify(assignment.source),
    deadline: assignment.deadline,
    originalDeadline: assignment.originalDeadline,
    priority: assignment.priority,
    status: assignment.status,
    assignedBy: assignment.assignedBy,
    progress: JSON.stringify(assignment.progress),
    extensionRequest: assignment.extensionRequest
      ? JSON.stringify(assignment.extensionRequest)
      : '',
    statusReason: assignment.statusReason ?? '',
    submittedAt: assignment.submittedAt ?? '',
    completedAt: assignment.completedAt ?? '',
    createdAt: assignment.createdAt,
    updatedAt: assignment.updatedAt,
    version: assignment.version,
    auditSeq: assignment.audit.seq,
    auditHash: assignment.audit.hash,
  };
}

export function fromAssignmentEntity(row: Row): Assignment {
  const [tenantId = '', bodyId = ''] = String(row.partitionKey).split('~');
  const optional = (value: unknown) => (value ? String(value) : undefined);
  return {
    tenantId,
    bodyId,
    id: String(row.rowKey).slice('assignment~'.length),
    title: String(row.title),
    description: String(row.description ?? ''),
    ownerId: String(row.ownerId),
    coOwnerIds: JSON.parse(String(row.coOwnerIds)) as string[],
    source: JSON.parse(String(row.source)) as Assignment['source'],
    deadline: String(row.deadline),
    originalDeadline: String(row.originalDeadline),
    priority: row.priority as Assignment['priority'],
    status: row.status as Assignment['status'],
    assignedBy: String(row.assignedBy),
    progress: JSON.parse(String(row.progress)) as Assignment['progress'],
    extensionRequest: row.extensionRequest
      ? (JSON.parse(String(row.extensionRequest)) as Assignment['extensionRequest'])
      : undefined,
    statusReason: optional(row.statusReason),
    submittedAt: optional(row.submittedAt),
    completedAt: optional(row.completedAt),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}

/**
 * The columns `fromAssignmentHeadlineEntity` reads: the list query selects only these, so the heavy
 * `description` and `progress` JSON (and the other detail columns) are neither sent by storage nor
 * parsed by the SDK. The keys come back anyway; `rowKey` carries the id.
 */
export const ASSIGNMENT_HEADLINE_COLUMNS = [
  'rowKey',
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
] as const;

/** A row read with `ASSIGNMENT_HEADLINE_COLUMNS`; values mean what `fromAssignmentEntity` says. */
export function fromAssignmentHeadlineEntity(
  row: Row,
  tenantId: string,
  bodyId: string,
): AssignmentHeadline {
  const optional = (value: unknown) => (value ? String(value) : undefined);
  const source = JSON.parse(String(row.source)) as Assignment['source'];
  return {
    tenantId,
    bodyId,
    id: String(row.rowKey).slice('assignment~'.length),
    title: String(row.title),
    ownerId: String(row.ownerId),
    coOwnerIds: JSON.parse(String(row.coOwnerIds)) as string[],
    // The headline does not carry `ref`; leave the key out rather than set it to undefined.
    source: source.meetingId
      ? { kind: source.kind, meetingId: source.meetingId }
      : { kind: source.kind },
    deadline: String(row.deadline),
    originalDeadline: String(row.originalDeadline),
    priority: row.priority as Assignment['priority'],
    status: row.status as Assignment['status'],
    submittedAt: optional(row.submittedAt),
    completedAt: optional(row.completedAt),
  };
}
