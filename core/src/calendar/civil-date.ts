/**
 * A date on the wall calendar, with no time and no time zone ("ngày 2/9/2025"). Deadlines, holidays
 * and lunar conversions work on these, so a date never shifts when the viewer's machine is in
 * another time zone. Months and days are 1-based, like people write them.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** 0 = Sunday … 6 = Saturday, the same numbering as `Date.prototype.getUTCDay`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidCivilDate(date: CivilDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Julian Day Number of the date (proleptic Gregorian). One integer per day makes arithmetic,
 * comparison and set membership cheap, and it is the day count the lunar algorithm works in.
 */
export function toDayNumber(date: CivilDate): number {
  if (!isValidCivilDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  const a = Math.floor((14 - date.month) / 12);
  const y = date.year + 4800 - a;
  const m = date.month + 12 * a - 3;
  return (
    date.day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const a = dayNumber + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    year: 100 * b + d - 4800 + Math.floor(m / 10),
    month: m + 3 - 12 * Math.floor(m / 10),
    day: e - Math.floor((153 * m + 2) / 5) + 1,
  };
}

export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Negative, zero or positive, like a sort comparator. */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function dayOfWeek(date: CivilDate): DayOfWeek {
  return ((toDayNumber(date) + 1) % 7) as DayOfWeek;
}

/** 'YYYY-MM-DD', the form dates are stored and exchanged in. */
export function civilDateToIso(date: CivilDate): string {
  if (!isValidCivilDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Reads 'YYYY-MM-DD' and rejects dates that do not exist (e.g. 2025-02-29). */
export function parseCivilDate(iso: string): CivilDate {
  const match = ISO_DATE.exec(iso);
  const date = match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : undefined;
  if (!date || !isValidCivilDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  return date;
}
