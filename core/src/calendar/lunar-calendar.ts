import { fromDayNumber, toDayNumber, type CivilDate } from './civil-date';
import { NEW_MOON_EPOCH, SYNODIC_MONTH, newMoon, sunLongitude } from './lunar-astronomy';
import { VIETNAM_UTC_OFFSET_HOURS } from './vietnam-time';

/**
 * Conversion by Hồ Ngọc Đức's published algorithm: a month starts on the day (local time) of a
 * new moon; month 11 is the one containing the winter solstice; when 13 months lie between two
 * months 11, the first one without a major solar term (trung khí) is the leap month.
 *
 * Everything is computed for a time zone: Vietnam uses UTC+7, China UTC+8, and the one-hour
 * difference moves a new moon or a solar term across midnight in some years (Tết 1985 and 2007
 * differ). `utcOffsetHours` exists so tests can show that; the app always uses the default.
 * Vietnam itself followed the UTC+8 calendar until 1967, so dates before 1968 are the modern
 * UTC+7 reckoning, not what Vietnamese calendars printed then.
 */

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch). `year` is the Gregorian year in which
 * the lunar year starts (Tết Ất Tỵ = 29 Jan 2025, so Ất Tỵ is 2025); `leap` marks a leap month
 * (tháng nhuận), which repeats the number of the month before it.
 */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

/** The range the algorithm's published tables cover; the truncated series drift beyond it. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

function newMoonDay(k: number, utcOffsetHours: number): number {
  return Math.floor(newMoon(k) + 0.5 + utcOffsetHours / 24);
}

/** Which 30° sector (0–11) of its path the sun is in at local midnight starting this day. */
function sunSector(dayNumber: number, utcOffsetHours: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - utcOffsetHours / 24) / Math.PI) * 6);
}

/** Day number of the first day of lunar month 11 (the month of the winter solstice) of `year`. */
function month11Start(year: number, utcOffsetHours: number): number {
  const k = Math.floor((toDayNumber({ year, month: 12, day: 31 }) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, utcOffsetHours);
  // Sector 9 starts at 270° (the solstice): a month starting after it is month 12, step back.
  return sunSector(start, utcOffsetHours) >= 9 ? newMoonDay(k - 1, utcOffsetHours) : start;
}

/**
 * In a 13-month year starting at month 11 (`a11`), how many months after it the leap month comes:
 * the first month in which the sun does not enter a new sector (no major solar term).
 */
function leapMonthOffset(a11: number, utcOffsetHours: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i, utcOffsetHours), utcOffsetHours);
  let previous: number;
  do {
    previous = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i, utcOffsetHours), utcOffsetHours);
  } while (sector !== previous && i < 14);
  return i - 1;
}

function assertSupportedYear(year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Lunar conversion supports years ${MIN_YEAR}–${MAX_YEAR}, not ${year}`);
  }
}

export function toLunar(
  date: CivilDate,
  utcOffsetHours: number = VIETNAM_UTC_OFFSET_HOURS,
): LunarDate {
  assertSupportedYear(date.year);
  const dayNumber = toDayNumber(date);
  // The month starts at the last new moon on or before the day. Mean months give a first guess,
  // but a true new moon strays up to ~14 h from the mean one and can fall after the day, so step
  // back until one does not. The published code tries only two guesses and returns day 0 on four
  // dates in 1800–2199 (e.g. 7 May 2054, 9 Apr 2062).
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, utcOffsetHours);
  while (monthStart > dayNumber) {
    k -= 1;
    monthStart = newMoonDay(k, utcOffsetHours);
  }

  let a11 = month11Start(date.year, utcOffsetHours);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = date.year;
    a11 = month11Start(date.year - 1, utcOffsetHours);
  } else {
    year = date.year + 1;
    b11 = month11Start(date.year + 1, utcOffsetHours);
  }

  const day = dayNumber - monthStart + 1;
  const monthsAfter11 = Math.floor((monthStart - a11) / 29);
  let month = monthsAfter11 + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, utcOffsetHours);
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10;
      leap = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 right after a11 belong to the lunar year that started the January before.
  if (month >= 11 && monthsAfter11 < 4) year -= 1;
  return { year, month, day, leap };
}

export function fromLunar(
  lunar: LunarDate,
  utcOffsetHours: number = VIETNAM_UTC_OFFSET_HOURS,
): CivilDate {
  const { year, month, day, leap } = lunar;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`Not a lunar date: ${JSON.stringify(lunar)}`);
  }
  assertSupportedYear(year);
  if (month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`Not a lunar date: ${JSON.stringify(lunar)}`);
  }
  const a11 = month11Start(month < 11 ? year - 1 : year, utcOffsetHours);
  const b11 = month11Start(month < 11 ? year : year + 1, utcOffsetHours);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = (month + 1) % 12; // months after month 11: 11 → 0, 12 → 1, 1 → 2 …
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, utcOffsetHours);
    const leapMonth = ((leapOffset + 10 - 1) % 12) + 1;
    if (leap && month !== leapMonth) {
      throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    }
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + offset, utcOffsetHours);
  const monthLength = newMoonDay(k + offset + 1, utcOffsetHours) - monthStart;
  if (day > monthLength) {
    throw new RangeError(`Lunar month ${month}/${year} has ${monthLength} days, not ${day}`);
  }
  return fromDayNumber(monthStart + day - 1);
}
