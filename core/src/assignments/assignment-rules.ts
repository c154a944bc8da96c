import { parseCivilDate } from '../calendar/civil-date';
import { deadlineEndUtc } from '../calendar/deadline';
import type { Assignment } from './assignment';
import { ACTIVE_ASSIGNMENT_STATUSES, type AssignmentParty } from './assignment-lifecycle';

/** Overdue: still active and the deadline (24:00 Vietnam time on its last day) has passed. */
export function isOverdue(assignment: Pick<Assignment, 'status' | 'deadline'>, now: Date): boolean {
  return (
    ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status) &&
    assignment.status !== 'submitted' &&
    now.getTime() >= deadlineEndUtc(parseCivilDate(assignment.deadline)).getTime()
  );
}

/**
 * On time when completed by the end of the deadline day. The deadline that counts is the one in
 * force (an approved extension moves it; `originalDeadline` keeps the first one for reports).
 * Completion is dated by submission: the owner finished when they handed it in, not when approved.
 */
export function completedOnTime(
  assignment: Pick<Assignment, 'status' | 'deadline' | 'submittedAt' | 'completedAt'>,
): boolean | null {
  if (assignment.status !== 'done') return null;
  const finishedAt = assignment.submittedAt ?? assignment.completedAt;
  if (!finishedAt) return null;
  return Date.parse(finishedAt) < deadlineEndUtc(parseCivilDate(assignment.deadline)).getTime();
}

export function isExtended(assignment: Pick<Assignment, 'deadline' | 'originalDeadline'>): boolean {
  return assignment.deadline !== assignment.originalDeadline;
}

/** Which parties an actor is for this assignment; the head of the body judges like the assigner. */
export function partiesOf(
  assignment: Assignment,
  userId: string,
  isBodyHead: boolean,
): Set<AssignmentParty> {
  const parties = new Set<AssignmentParty>();
  if (assignment.ownerId === userId) parties.add('owner').add('worker');
  if (assignment.coOwnerIds.includes(userId)) parties.add('worker');
  if (assignment.assignedBy === userId || isBodyHead) parties.add('assigner');
  return parties;
}

export interface AssignmentStats {
  total: number;
  done: number;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
  cancelled: number;
  /** done on time / done, as a fraction (null with nothing done). */
  onTimeRate: number | null;
}

/** Counts over full assignments or list headlines alike: it reads only status and dates. */
export function assignmentStats(
  assignments: readonly Pick<Assignment, 'status' | 'deadline' | 'submittedAt' | 'completedAt'>[],
  now: Date,
): AssignmentStats {
  const stats = { total: 0, done: 0, onTime: 0, late: 0, overdue: 0, open: 0, cancelled: 0 };
  for (const assignment of assignments) {
    stats.total += 1;
    if (assignment.status === 'cancelled') stats.cancelled += 1;
    else if (assignment.status === 'done') {
      stats.done += 1;
      if (completedOnTime(assignment)) stats.onTime += 1;
      else stats.late += 1;
    } else {
      stats.open += 1;
      if (isOverdue(assignment, now)) stats.overdue += 1;
    }
  }
  return { ...stats, onTimeRate: stats.done === 0 ? null : stats.onTime / stats.done };
}
