import { completedOnTime, isExtended, isOverdue, type Assignment } from '@qcdc/core';

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
