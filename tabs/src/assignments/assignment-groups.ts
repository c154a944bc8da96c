import type { AssignmentPriority } from '@qcdc/core';
import type { AssignmentView } from '../api/api-types';
import { daysUntil, isOverdueAt } from './assignment-dates';

/** "Sắp đến hạn": the deadline falls within this many days (today included). */
export const DUE_SOON_DAYS = 7;

/** The personal tab's groups, in the order shown: what needs the caller first. */
export const MY_GROUPS = [
  'overdue',
  'dueSoon',
  'inProgress',
  'submitted',
  'done',
  'cancelled',
] as const;
export type MyGroup = (typeof MY_GROUPS)[number];

/** Groups shown folded until asked for: finished work. */
export const FOLDED_GROUPS: readonly MyGroup[] = ['done', 'cancelled'];

type Sortable = Pick<
  AssignmentView,
  'status' | 'deadline' | 'priority' | 'title' | 'completedAt' | 'updatedAt'
>;

export function myGroupOf(assignment: Sortable, now: Date): MyGroup {
  switch (assignment.status) {
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'submitted':
      return 'submitted';
    default:
      if (isOverdueAt(assignment, now)) return 'overdue';
      return daysUntil(assignment.deadline, now) <= DUE_SOON_DAYS ? 'dueSoon' : 'inProgress';
  }
}

/**
 * The caller's assignments by group. Open work runs by deadline (the most overdue first), then
 * priority; finished work shows the latest first.
 */
export function groupMyAssignments<T extends Sortable>(
  assignments: readonly T[],
  now: Date,
): Record<MyGroup, T[]> {
  const groups = Object.fromEntries(MY_GROUPS.map((group) => [group, [] as T[]])) as Record<
    MyGroup,
    T[]
  >;
  for (const assignment of assignments) groups[myGroupOf(assignment, now)].push(assignment);
  for (const group of MY_GROUPS) {
    groups[group].sort(FOLDED_GROUPS.includes(group) ? byLatestFinished : byDeadline);
  }
  return groups;
}

const PRIORITY_RANK: Record<AssignmentPriority, number> = { urgent: 0, high: 1, normal: 2 };

/** What the dashboard table sorts by (its rows carry no `updatedAt`). */
type TableSortable = Pick<AssignmentView, 'status' | 'deadline' | 'priority' | 'title'>;

/** One collator for every comparison: `localeCompare(…, 'vi')` builds one per call. */
const VIETNAMESE = new Intl.Collator('vi');

/** Earliest deadline first, then the more urgent, then by title (Vietnamese collation). */
export function byDeadline(a: TableSortable, b: TableSortable): number {
  return (
    // "yyyy-MM-dd" strings sort as the dates do.
    (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) ||
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    VIETNAMESE.compare(a.title, b.title)
  );
}

function byLatestFinished(a: Sortable, b: Sortable): number {
  const at = (x: Sortable) => x.completedAt ?? x.updatedAt;
  return at(b).localeCompare(at(a)) || VIETNAMESE.compare(a.title, b.title);
}

/** Overdue first, then by deadline: the order of the dashboard table and its CSV export. */
export function sortForTable<T extends TableSortable>(assignments: readonly T[], now: Date): T[] {
  // Overdue decided once per row, not twice per comparison: a year's thousand rows made ~40,000
  // date calculations, a visible part of the dashboard's first render.
  return assignments
    .map((assignment) => ({ assignment, overdue: isOverdueAt(assignment, now) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDeadline(a.assignment, b.assignment))
    .map(({ assignment }) => assignment);
}
