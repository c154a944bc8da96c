import type { AuditHead } from '../audit/audit-event';

export const ASSIGNMENT_STATUSES = [
  'open',
  'inProgress',
  'submitted',
  'returned',
  'done',
  'cancelled',
] as const;
/** Stored states. "Overdue" is not stored: it is the deadline passing (see assignment-rules.ts). */
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type AssignmentPriority = (typeof ASSIGNMENT_PRIORITIES)[number];

export const ASSIGNMENT_SOURCES = ['meeting', 'recommendation', 'planItem', 'direct'] as const;
export type AssignmentSourceKind = (typeof ASSIGNMENT_SOURCES)[number];

export interface ProgressUpdate {
  at: string;
  byId: string;
  byName: string;
  note: string;
  percent?: number | undefined;
  evidenceUrls: string[];
}

export interface ExtensionRequest {
  /** yyyy-MM-dd, Vietnam civil date. */
  requestedDeadline: string;
  reason: string;
  requestedAt: string;
  requestedBy: string;
}

/** A follow-up task (phân công nhiệm vụ): lead owner (chủ trì thực hiện), co-owners (phối hợp). */
export interface Assignment {
  tenantId: string;
  bodyId: string;
  id: string;
  title: string;
  description: string;
  ownerId: string;
  coOwnerIds: string[];
  source: { kind: AssignmentSourceKind; meetingId?: string | undefined; ref?: string | undefined };
  /** The last day (yyyy-MM-dd, Vietnam time) the work may be completed; it ends at 24:00 that day. */
  deadline: string;
  /** The first deadline set, kept when extensions move `deadline`. */
  originalDeadline: string;
  priority: AssignmentPriority;
  status: AssignmentStatus;
  /** Who assigned it: approves completion and extensions (with the body's head). */
  assignedBy: string;
  progress: ProgressUpdate[];
  extensionRequest?: ExtensionRequest | undefined;
  /** Why it was returned or cancelled (the latest such reason). */
  statusReason?: string | undefined;
  submittedAt?: string | undefined;
  completedAt?: string | undefined;
  createdAt: string;
  updatedAt: string;
  version: number;
  audit: AuditHead;
}

/**
 * One row of a body's assignment list (the dashboard table, its counts and export): what those read,
 * without the description, progress notes, extension request and audit head. A store can then read
 * only these columns for a whole body; every `Assignment` is also an `AssignmentHeadline`.
 */
export type AssignmentHeadline = Pick<
  Assignment,
  | 'tenantId'
  | 'bodyId'
  | 'id'
  | 'title'
  | 'ownerId'
  | 'coOwnerIds'
  | 'deadline'
  | 'originalDeadline'
  | 'priority'
  | 'status'
  | 'submittedAt'
  | 'completedAt'
> & {
  /** The list says only where it came from; `ref` stays with the full assignment. */
  source: Pick<Assignment['source'], 'kind' | 'meetingId'>;
};
