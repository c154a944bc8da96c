import { fromDayNumber, toDayNumber, type CivilDate } from './civil-date';
import { defaultWorkCalendar, type WorkCalendar } from './work-calendar';

/**
 * Working days: Monday to Friday except holidays, compensatory and announced days off; a make-up
 * Saturday counts. This is what "ngày làm việc" means in the deadlines of RULES.md.
 */
export function isWorkingDay(
  date: CivilDate,
  calendar: WorkCalendar = defaultWorkCalendar(),
): boolean {
  return calendar.isWorkingDay(date);
}

/** Years without a single working day do not exist; this bounds a runaway search. */
const MAX_SEARCH_DAYS = 366;

function step(dayNumber: number, direction: 1 | -1, calendar: WorkCalendar): number {
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    dayNumber += direction;
    if (calendar.isWorkingDay(fromDayNumber(dayNumber))) return dayNumber;
  }
  throw new RangeError('No working day within a year');
}

/**
 * The n-th working day after `start` (before it when n is negative); `start` itself is never
 * counted, like "within 5 working days of receipt". n = 0 gives `start` when it is a working day,
 * otherwise the next one.
 */
export function addWorkingDays(
  start: CivilDate,
  n: number,
  calendar: WorkCalendar = defaultWorkCalendar(),
): CivilDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  if (n === 0) return calendar.isWorkingDay(start) ? start : nextWorkingDay(start, calendar);
  const direction = n > 0 ? 1 : -1;
  let dayNumber = toDayNumber(start);
  for (let i = 0; i < Math.abs(n); i += 1) dayNumber = step(dayNumber, direction, calendar);
  return fromDayNumber(dayNumber);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(
  date: CivilDate,
  calendar: WorkCalendar = defaultWorkCalendar(),
): CivilDate {
  return fromDayNumber(step(toDayNumber(date), 1, calendar));
}

/**
 * Working days between two dates, signed, counted like `addWorkingDays` so that
 * countWorkingDays(d, addWorkingDays(d, n)) = n: the days in (from, to] going forward, and minus
 * the days in [to, from) going backward.
 */
export function countWorkingDays(
  from: CivilDate,
  to: CivilDate,
  calendar: WorkCalendar = defaultWorkCalendar(),
): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [first, last, sign] = start <= end ? [start + 1, end, 1] : [end, start - 1, -1];
  let count = 0;
  for (let day = first; day <= last; day += 1) {
    if (calendar.isWorkingDay(fromDayNumber(day))) count += 1;
  }
  return sign * count;
}
