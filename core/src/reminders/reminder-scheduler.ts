import type { Assignment } from '../assignments/assignment';
import type { CitizenCase } from '../cases/citizen-case';
import type { Consultation, Recommendation } from '../consultations/consultation';
import type { Disclosure } from '../disclosures/disclosure';
import type { Meeting } from '../meetings/meeting';
import type { ReportingReminderSubject } from './reminder';
import type { Motion } from '../voting/motion';

/** A vote as its reminders see it: the motion and who on its roster has not voted. */
export interface VoteReminderState {
  motion: Motion;
  notVoted: readonly string[];
}

/** A change to an aggregate whose reminders may move (the state before and after it). */
export type ReminderChange =
  | { type: 'assignment'; previous: Assignment | null; next: Assignment }
  | { type: 'meeting'; previous: Meeting | null; next: Meeting; summoned: readonly string[] }
  | { type: 'vote'; previous: VoteReminderState | null; next: VoteReminderState }
  | {
      type: 'recommendation';
      previous: Recommendation | null;
      next: Recommendation;
      /** The consultation before and after (a close ends every reminder of it). */
      consultation: { previous: Pick<Consultation, 'title' | 'status'>; next: Consultation };
      /** The body's heads now (they approve answers and hear when one is late). */
      headIds: readonly string[];
    }
  | { type: 'case'; previous: CitizenCase | null; next: CitizenCase; headIds: readonly string[] }
  | { type: 'disclosure'; previous: Disclosure | null; next: Disclosure }
  /** A body's reporting calendar (reporting-deadlines.ts): planned, replanned or dropped whole. */
  | {
      type: 'reporting';
      previous: ReportingReminderSubject | null;
      next: ReportingReminderSubject | null;
    };

/** What `prepare` wrote, for `confirm` to settle; opaque to use cases. */
export interface ReminderTicket {
  readonly rows: number;
}

/**
 * The due index's side of a change (DESIGN.md: index rows first, the aggregate second).
 * `prepare` runs BEFORE the aggregate is written: it writes the reminders the new state plans and
 * re-marks those only the old state planned, all flagged "check against the aggregate". `confirm`
 * runs AFTER the write succeeded: it clears the flag on the new rows and deletes the old ones.
 * A crash or a lost race anywhere in between leaves only flagged rows, and the sweep checks every
 * flagged row against the aggregate before sending it; unflagged rows were confirmed after the
 * aggregate's last write, so they are sent as they are.
 */
export interface ReminderScheduler {
  prepare(change: ReminderChange): Promise<ReminderTicket>;
  /** Must not throw: the aggregate is already written and the flagged rows stay safe. */
  confirm(ticket: ReminderTicket): Promise<void>;
}

/** Runs the aggregate's `write` between the scheduler's prepare and confirm (no-op without one). */
export async function withReminderSchedule<T>(
  scheduler: ReminderScheduler | undefined,
  change: ReminderChange,
  write: () => Promise<T>,
): Promise<T> {
  if (!scheduler) return write();
  const ticket = await scheduler.prepare(change);
  const result = await write();
  // The write happened; a failed confirm only leaves rows flagged for checking.
  await scheduler.confirm(ticket).catch(() => undefined);
  return result;
}
