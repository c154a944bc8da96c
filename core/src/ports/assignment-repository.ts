import type { Assignment, AssignmentHeadline } from '../assignments/assignment';
import type { AuditEvent } from '../audit/audit-event';

export interface StoredAssignment {
  assignment: Assignment;
  etag: string;
}

export interface AssignmentRepository {
  getAssignment(tenantId: string, bodyId: string, id: string): Promise<StoredAssignment | null>;
  listBodyAssignments(tenantId: string, bodyId: string): Promise<Assignment[]>;
  /**
   * The same rows as `listBodyAssignments`, in the same order, narrowed to the list's columns: a
   * store reads only those (the dashboard lists a thousand assignments, most of their bytes unused).
   */
  listBodyAssignmentHeadlines(tenantId: string, bodyId: string): Promise<AssignmentHeadline[]>;
  /** The assignments a person owns or co-owns, from a per-person index (one partition). */
  listUserAssignments(tenantId: string, userId: string): Promise<Assignment[]>;
  createAssignment(assignment: Assignment, event: AuditEvent): Promise<void>;
  /** Conditional on etag, with the audit event in the same batch; retryable conflict otherwise. */
  commitAssignment(assignment: Assignment, etag: string, event: AuditEvent): Promise<void>;
  listAssignmentAudit(tenantId: string, bodyId: string, id: string): Promise<AuditEvent[]>;
}
