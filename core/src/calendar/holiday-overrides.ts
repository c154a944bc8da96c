import { dayOfWeek, type CivilDate } from './civil-date';
import type { HolidayId } from './holiday-names';

/**
 * What the Government announces each year on top of Labour Code Art. 112(1): the exact Tết and
 * National Day dates (Art. 112(3) leaves them to the Prime Minister), and swaps that turn a
 * working day between a holiday and a weekend into a day off, worked back on a Saturday.
 * These schedules bind public bodies (Saturday and Sunday off); other employers may follow them.
 */

/** Replaces every computed day of one holiday (its compensatory days too) by the announced ones. */
export interface HolidayReplacement {
  readonly holiday: HolidayId;
  readonly holidays: readonly CivilDate[];
  readonly compensatory?: readonly CivilDate[];
  /** The announcing document, or the body that announced it when we lack the number. */
  readonly source: string;
}

/** A working day given off, belonging to the break around `holiday`. */
export interface AnnouncedDayOff {
  readonly date: CivilDate;
  readonly holiday: HolidayId;
  readonly source: string;
}

/** A weekend day worked to make up for an announced day off. */
export interface MakeUpWorkingDay {
  readonly date: CivilDate;
  readonly replacesDayOff: CivilDate;
  readonly source: string;
}

/**
 * One year's announcements. Every date lies in that year: a swap across New Year (e.g. 31 Dec
 * off, made up on a Saturday in January) is written as entries in both years.
 */
export interface YearHolidayOverrides {
  readonly replacements?: readonly HolidayReplacement[];
  readonly daysOff?: readonly AnnouncedDayOff[];
  readonly makeUpWorkingDays?: readonly MakeUpWorkingDay[];
}

/** Keyed by Gregorian year. A unit with its own schedule passes `{ ...ANNOUNCED, 2026: own }`. */
export type HolidayOverrides = Readonly<Record<number, YearHolidayOverrides>>;

const TET_2025 =
  'Tết Ất Tỵ 2025: Prime Minister’s approval of the Ministry of Labour, Invalids and Social ' +
  'Affairs’ proposal, conveyed by the Government Office on 26 Nov 2024';
const APRIL_2025 =
  '30/4–1/5/2025 for public servants, announced by the Government in March 2025: work on ' +
  'Sat 26 Apr in exchange for Fri 2 May';
const NATIONAL_DAY_2025 =
  'National Day 2025 schedule announced by the Ministry of Home Affairs (Aug 2025)';
const APRIL_2024 =
  'Government Office document 2450/VPCP-KGVX (Apr 2024), Prime Minister’s approval';

/** Only schedules we are sure of. Add a year when the Government announces it. */
export const ANNOUNCED_HOLIDAY_OVERRIDES: HolidayOverrides = {
  2024: {
    // 27 Apr – 1 May 2024 off: Mon 29 Apr given off, worked back on Sat 4 May.
    daysOff: [
      { date: { year: 2024, month: 4, day: 29 }, holiday: 'victoryDay', source: APRIL_2024 },
    ],
    makeUpWorkingDays: [
      {
        date: { year: 2024, month: 5, day: 4 },
        replacesDayOff: { year: 2024, month: 4, day: 29 },
        source: APRIL_2024,
      },
    ],
  },
  2025: {
    replacements: [
      // The five Tết days were fixed as 28 tháng Chạp to mùng 3 (Mon 27 – Fri 31 Jan); with the
      // weekends the break ran Sat 25 Jan – Sun 2 Feb, with no make-up day.
      {
        holiday: 'tet',
        holidays: [
          { year: 2025, month: 1, day: 27 },
          { year: 2025, month: 1, day: 28 },
          { year: 2025, month: 1, day: 29 },
          { year: 2025, month: 1, day: 30 },
          { year: 2025, month: 1, day: 31 },
        ],
        source: TET_2025,
      },
      // Mon 1 Sep as the day next to 2 Sep; with the weekend the break ran 30 Aug – 2 Sep.
      {
        holiday: 'nationalDay',
        holidays: [
          { year: 2025, month: 9, day: 1 },
          { year: 2025, month: 9, day: 2 },
        ],
        source: NATIONAL_DAY_2025,
      },
    ],
    // 30 Apr – 4 May 2025 off.
    daysOff: [{ date: { year: 2025, month: 5, day: 2 }, holiday: 'labourDay', source: APRIL_2025 }],
    makeUpWorkingDays: [
      {
        date: { year: 2025, month: 4, day: 26 },
        replacesDayOff: { year: 2025, month: 5, day: 2 },
        source: APRIL_2025,
      },
    ],
  },
};

function isWeekend(date: CivilDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/**
 * Catches table mistakes before they silently shift deadlines: dates outside their year, a swap
 * that gives a weekend off, or a make-up day on a weekday.
 */
export function validateHolidayOverrides(overrides: HolidayOverrides): void {
  for (const [key, entry] of Object.entries(overrides)) {
    const year = Number(key);
    const fail = (message: string, date: CivilDate) => {
      throw new RangeError(`Holiday overrides ${year}: ${message} (${JSON.stringify(date)})`);
    };
    const inYear = (date: CivilDate) => {
      if (date.year !== year) fail('date outside its year', date);
    };
    for (const replacement of entry.replacements ?? []) {
      replacement.holidays.forEach(inYear);
      replacement.compensatory?.forEach(inYear);
    }
    for (const { date } of entry.daysOff ?? []) {
      inYear(date);
      if (isWeekend(date)) fail('a swapped day off must be a weekday', date);
    }
    for (const { date } of entry.makeUpWorkingDays ?? []) {
      inYear(date);
      if (!isWeekend(date)) fail('a make-up working day must be a Saturday or Sunday', date);
    }
  }
}
