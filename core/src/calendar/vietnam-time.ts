import { fromDayNumber, toDayNumber, type CivilDate } from './civil-date';

/**
 * Asia/Ho_Chi_Minh is a fixed UTC+7 with no daylight saving (the whole country since 1975; the
 * south used UTC+8 before). A fixed offset lets us convert without the Intl time-zone database,
 * which keeps these helpers exact and identical in Node and every browser.
 */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 60 * MS_PER_MINUTE;
/** Julian Day Number of 1970-01-01, to turn epoch days into day numbers. */
const UNIX_EPOCH_DAY_NUMBER = 2_440_588;

/** The date a clock in Vietnam shows at this instant. */
export function toVietnamDate(instant: Date): CivilDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return fromDayNumber(Math.floor((ms + OFFSET_MS) / MS_PER_DAY) + UNIX_EPOCH_DAY_NUMBER);
}

/** The instant a day starts in Vietnam (00:00 UTC+7 = 17:00 UTC the day before). */
export function vietnamMidnightUtc(date: CivilDate): Date {
  return vietnamDateTimeToUtc(date, 0, 0);
}

/** The instant of a Vietnamese wall-clock time, e.g. a meeting at 08:00 on 15/12/2026. */
export function vietnamDateTimeToUtc(date: CivilDate, hour: number, minute: number): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`Bad hour: ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Bad minute: ${minute}`);
  }
  const epochDays = toDayNumber(date) - UNIX_EPOCH_DAY_NUMBER;
  return new Date(epochDays * MS_PER_DAY + (hour * 60 + minute) * MS_PER_MINUTE - OFFSET_MS);
}
