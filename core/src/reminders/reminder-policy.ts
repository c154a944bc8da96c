import type { Assignment } from '../assignments/assignment';

/** A wall-clock time in Vietnam, 'HH:mm'. */
export type LocalTime = string;

/** One reminder before a deadline: `days` calendar days before it, at a local time. */
export interface DeadlineOffset {
  days: number;
  at: LocalTime;
}

/**
 * Quiet hours: no message from `start` until `end` the next morning (Vietnam time). The last slot a
 * message is planned for is `start` minus `marginMinutes`, so a sweep (every 5 minutes) plus the
 * dispatcher (every minute) still delivers it before `start`.
 */
export interface QuietHours {
  start: LocalTime;
  end: LocalTime;
  marginMinutes: number;
}

/**
 * How reminders are planned (DESIGN.md, "Time, deadlines and reminders"). The law sets none of this:
 * these are product defaults a unit may change ("theo cấu hình của đơn vị").
 */
export interface ReminderPolicy {
  /** Before an assignment's deadline; the deadline day itself is `days: 0`. */
  assignmentOffsets: DeadlineOffset[];
  /** Overdue reminders: every working day (every day when urgent) at this time, after the deadline. */
  overdueAt: LocalTime;
  /** Overdue reminders stop after this many days; the escalation and the dashboard remain. */
  overdueMaxDays: number;
  /** The assigner (or chair) hears about an overdue assignment this many days after the deadline. */
  escalateAfterDays: number;
  escalateAt: LocalTime;
  quietHours: QuietHours;
  /**
   * Voters who have not voted are reminded this many minutes before a vote with a closing time
   * closes (moved out of quiet hours, never after the close).
   */
  voteClosingOffsetMinutes: number;
  /**
   * Assignments whose reminders carry a case number instead of the title (e.g. those arising from
   * citizens' recommendations, complaints or denunciations, where a title may name a person).
   */
  confidential(assignment: Assignment): boolean;
  /** The case number shown instead of the title when confidential. */
  caseNumber(assignment: Assignment): string;
  /** Who hears about an overdue assignment (default: who assigned it). */
  escalationRecipients(assignment: Assignment): string[];
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  assignmentOffsets: [
    { days: 7, at: '08:00' },
    { days: 3, at: '08:00' },
    { days: 1, at: '08:00' },
    { days: 0, at: '08:00' },
  ],
  overdueAt: '08:00',
  overdueMaxDays: 60,
  escalateAfterDays: 1,
  escalateAt: '08:00',
  quietHours: { start: '21:00', end: '07:00', marginMinutes: 30 },
  voteClosingOffsetMinutes: 30,
  confidential: (assignment) => assignment.source.kind === 'recommendation',
  caseNumber: (assignment) => assignment.source.ref ?? assignment.id.slice(-8).toUpperCase(),
  escalationRecipients: (assignment) => [assignment.assignedBy],
};

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since local midnight of 'HH:mm'. */
export function minutesOfLocalTime(time: LocalTime): number {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Not an HH:mm time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
