import { addCalendarDays, type CivilDate } from './civil-date';
import { vietnamMidnightUtc } from './vietnam-time';
import { defaultWorkCalendar, type WorkCalendar } from './work-calendar';
import { addWorkingDays } from './working-days';

/**
 * How a legal time limit counts (RULES.md): "ngày làm việc" counts working days, a plain "ngày"
 * counts calendar days. The unit is part of each deadline rule, never guessed from the number.
 */
export interface DeadlineRule {
  readonly amount: number;
  readonly unit: 'calendarDays' | 'workingDays';
}

export interface ComputeDeadlineOptions {
  /**
   * Civil Code 91/2015/QH13 Art. 148(5): when the last day of a time limit is a weekly rest day
   * or a holiday, the limit ends at the end of the next working day. On by default; turn it off
   * only where a specific law says the calendar day stands.
   */
  readonly rollForwardOffDays?: boolean;
}

/**
 * The last day of a time limit starting on `start`. Civil Code Art. 147(1): the day of the event
 * is not counted, counting starts the next day, so 10 days from 1 Mar ends on 11 Mar.
 * A working-day limit always ends on a working day, so rolling forward only affects calendar days.
 */
export function computeDeadline(
  start: CivilDate,
  rule: DeadlineRule,
  calendar: WorkCalendar = defaultWorkCalendar(),
  options: ComputeDeadlineOptions = {},
): CivilDate {
  if (!Number.isInteger(rule.amount) || rule.amount < 0) {
    throw new RangeError(`A time limit is a whole number of days ≥ 0, not ${rule.amount}`);
  }
  switch (rule.unit) {
    case 'workingDays':
      return addWorkingDays(start, rule.amount, calendar);
    case 'calendarDays': {
      const end = addCalendarDays(start, rule.amount);
      const roll = options.rollForwardOffDays ?? true;
      return roll ? addWorkingDays(end, 0, calendar) : end;
    }
    default: {
      const unknown: never = rule.unit;
      throw new RangeError(`Unknown deadline unit: ${String(unknown)}`);
    }
  }
}

/**
 * The instant a deadline day ends: Civil Code Art. 148(6) ends the last day at 24:00, i.e. the
 * next day's Vietnamese midnight. Store and compare this instant, not the date.
 */
export function deadlineEndUtc(deadline: CivilDate): Date {
  return vietnamMidnightUtc(addCalendarDays(deadline, 1));
}

/** True once `instant` is past the end of the deadline day (Asia/Ho_Chi_Minh). */
export function isPastDeadline(deadline: CivilDate, instant: Date): boolean {
  return instant.getTime() >= deadlineEndUtc(deadline).getTime();
}
