import {
  ACTIVE_ASSIGNMENT_STATUSES,
  civilDateToIso,
  parseCivilDate,
  toVietnamDate,
  type AssignmentStatus,
  type Locale,
} from '@qcdc/core';
import { translate } from '../i18n/translate';
import { parseLocalDate } from '../meeting-form/vietnam-time';

/*
 * An assignment's deadline is a Vietnam civil date ("yyyy-MM-dd"): the work may be done until 24:00
 * Vietnam time that day. Everything here counts in whole Vietnamese calendar days, whatever the
 * viewer's machine clock zone is.
 */

const MS_PER_DAY = 86_400_000;

/** Today's date on a clock in Vietnam, as "yyyy-MM-dd". */
export function vietnamToday(now: Date): string {
  return civilDateToIso(toVietnamDate(now));
}

/** "2026-12-05" → "05/12/2026" (the official format in both languages). */
export function formatCivilDate(iso: string): string {
  const { year, month, day } = parseCivilDate(iso);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** What a user typed as dd/MM/yyyy → "yyyy-MM-dd", or null when it is not a real date. */
export function civilDateFromInput(text: string): string | null {
  const date = parseLocalDate(text);
  return date ? civilDateToIso(date) : null;
}

/** Calendar days from Vietnam's today to `deadline`: 0 on the day, negative once it has passed. */
export function daysUntil(deadline: string, now: Date): number {
  return dayDifference(vietnamToday(now), deadline);
}

/** Whole days from one civil date to another (b − a). */
export function dayDifference(a: string, b: string): number {
  const from = parseCivilDate(a);
  const to = parseCivilDate(b);
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
      MS_PER_DAY,
  );
}

/**
 * Core's overdue rule (`isOverdue`): still being worked on (submitted work waits on the judge, not
 * the worker) and the deadline day is over in Vietnam.
 */
export function isOverdueAt(
  assignment: { status: AssignmentStatus; deadline: string },
  now: Date,
): boolean {
  return isBeingWorkedOn(assignment.status) && daysUntil(assignment.deadline, now) < 0;
}

/** Open, in progress or returned: the clock runs for the workers. */
export function isBeingWorkedOn(status: AssignmentStatus): boolean {
  return ACTIVE_ASSIGNMENT_STATUSES.includes(status) && status !== 'submitted';
}

export type DeadlineState =
  { kind: 'overdue'; days: number } | { kind: 'dueToday' } | { kind: 'daysLeft'; days: number };

/** Where the deadline stands for work still going on; null once handed in, done or cancelled. */
export function deadlineState(
  assignment: { status: AssignmentStatus; deadline: string },
  now: Date,
): DeadlineState | null {
  if (!isBeingWorkedOn(assignment.status)) return null;
  const days = daysUntil(assignment.deadline, now);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'dueToday' };
  return { kind: 'daysLeft', days };
}

/** "còn 3 ngày", "quá 2 ngày", "hết hạn hôm nay" / "3 days left", "1 day overdue", "due today". */
export function deadlineText(state: DeadlineState, locale: Locale): string {
  switch (state.kind) {
    case 'overdue':
      return translate(locale, state.days === 1 ? 'deadline.overdueOne' : 'deadline.overdue', {
        count: state.days,
      });
    case 'dueToday':
      return translate(locale, 'deadline.today');
    case 'daysLeft':
      return translate(locale, state.days === 1 ? 'deadline.leftOne' : 'deadline.left', {
        count: state.days,
      });
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
