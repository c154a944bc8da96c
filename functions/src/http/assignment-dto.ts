import {
  completedOnTime,
  isExtended,
  isOverdue,
  type Assignment,
  type AssignmentHeadline,
} from '@qcdc/core';

/** Allow-list view of an assignment, with what the reader needs derived at read time. */
export function assignmentDto(assignment: Assignment, now: Date) {
  return {
    id: assignment.id,
    bodyId: assignment.bodyId,
    title: assignment.title,
    description: assignment.description,
    ownerId: assignment.ownerId,
    coOwnerIds: assignment.coOwnerIds,
    source: assignment.source,
    deadline: assignment.deadline,
    originalDeadline: assignment.originalDeadline,
    priority: assignment.priority,
    status: assignment.status,
    overdue: isOverdue(assignment, now),
    extended: isExtended(assignment),
    onTime: completedOnTime(assignment),
    assignedBy: assignment.assignedBy,
    progress: assignment.progress.map((update) => ({
      at: update.at,
      byName: update.byName,
      note: update.note,
      percent: update.percent,
      evidenceUrls: update.evidenceUrls,
    })),
    extensionRequest: assignment.extensionRequest,
    statusReason: assignment.statusReason,
    submittedAt: assignment.submittedAt,
    completedAt: assignment.completedAt,
    createdAt: assignment.createdAt,
    updatedAt: assignment.updatedAt,
    version: assignment.version,
  };
}

/**
 * The dashboard table's row (`GET …/assignments?view=summary`): only what the table, its filters,
 * counts and CSV/XLSX export read. A year of a body's work is a thousand rows, and the full view's
 * description, progress notes and extension request made that answer ~640 KB; the detail page still
 * reads the full view, one assignment at a time. Field names and meanings match `assignmentDto`, so
 * a row is a subset of the full view. It takes a headline (what the list query reads); a full
 * assignment is one too.
 */
export function assignmentSummaryDto(assignment: AssignmentHeadline) {
  return {
    id: assignment.id,
    title: assignment.title,
    ownerId: assignment.ownerId,
    coOwnerIds: assignment.coOwnerIds,
    // The CSV's "source" column only says whether it came from a meeting.
    source: assignment.source.meetingId
      ? { kind: assignment.source.kind, meetingId: assignment.source.meetingId }
      : { kind: assignment.source.kind },
    deadline: assignment.deadline,
    originalDeadline: assignment.originalDeadline,
    extended: isExtended(assignment),
    priority: assignment.priority,
    status: assignment.status,
    onTime: completedOnTime(assignment),
    ...(assignment.completedAt ? { completedAt: assignment.completedAt } : {}),
  };
}
