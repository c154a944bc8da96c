import {
  addCalendarDays,
  dayOfWeek,
  fromDayNumber,
  toDayNumber,
  type CivilDate,
} from './civil-date';
import {
  ANNOUNCED_HOLIDAY_OVERRIDES,
  validateHolidayOverrides,
  type HolidayOverrides,
} from './holiday-overrides';
import {
  compensatoryName,
  holidayName,
  swappedDayOffName,
  tetDayName,
  type HolidayId,
  type LocalizedName,
} from './holiday-names';
import { fromLunar, toLunar } from './lunar-calendar';

/**
 * `holiday`: a day of Labour Code Art. 112(1). `compensatory`: the day off owed when a holiday
 * falls on a weekly rest day (Art. 111(3)). `swapped`: a working day the Government gave off in
 * exchange for a make-up Saturday (see holiday-overrides.ts).
 */
export type DayOffKind = 'holiday' | 'compensatory' | 'swapped';

export interface DayOff {
  readonly date: CivilDate;
  readonly holiday: HolidayId;
  readonly name: LocalizedName;
  readonly kind: DayOffKind;
}

/**
 * Years we encode: Labour Code 10/2012/QH13 Art. 115 (in force 1 May 2013; 2014 is its first
 * full year) until 2020, then Labour Code 45/2019/QH14 Art. 112 from 1 Jan 2021. The upper bound
 * is the lunar conversion's.
 */
const FIRST_YEAR = 2014;
const LAST_YEAR = 2199;
/** Art. 112(1)(đ) adds a day next to 2 Sep from the 2019 Code's entry into force. */
const NATIONAL_DAY_TWO_DAYS_FROM = 2021;

interface StatutoryDay {
  readonly date: CivilDate;
  readonly holiday: HolidayId;
}

/**
 * The day next to 2 Sep when no schedule has been announced: the one that joins the weekend,
 * which is what the Government chose each year since 2021 (2021 Thu → 3 Sep, 2022 Fri → 1 Sep,
 * 2023 Sat → 1 Sep, 2024 Mon → 3 Sep, 2025 Tue → 1 Sep). Wednesday has no precedent: 1 Sep.
 */
function nationalDayAdjacent(year: number): CivilDate {
  const weekday = dayOfWeek({ year, month: 9, day: 2 });
  const day = weekday === 0 || weekday === 1 || weekday === 4 ? 3 : 1;
  return { year, month: 9, day };
}

/**
 * Tết default: the last day of the old lunar year (29 or 30 tháng Chạp) and mùng 1 to mùng 4,
 * the split of most schedules (2020–2024); Art. 112(3) lets the Prime Minister choose, and an
 * announced schedule replaces this (2025: 28 tháng Chạp to mùng 3).
 */
function tetDays(year: number): CivilDate[] {
  const newYear = fromLunar({ year, month: 1, day: 1, leap: false });
  return [-1, 0, 1, 2, 3].map((offset) => addCalendarDays(newYear, offset));
}

function statutoryDays(year: number): StatutoryDay[] {
  const days: StatutoryDay[] = [
    { date: { year, month: 1, day: 1 }, holiday: 'newYear' },
    ...tetDays(year).map((date) => ({ date, holiday: 'tet' as const })),
    { date: fromLunar({ year, month: 3, day: 10, leap: false }), holiday: 'hungKings' },
    { date: { year, month: 4, day: 30 }, holiday: 'victoryDay' },
    { date: { year, month: 5, day: 1 }, holiday: 'labourDay' },
    { date: { year, month: 9, day: 2 }, holiday: 'nationalDay' },
  ];
  if (year >= NATIONAL_DAY_TWO_DAYS_FROM) {
    days.push({ date: nationalDayAdjacent(year), holiday: 'nationalDay' });
  }
  return days;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = (dayNumber + 1) % 7;
  return weekday === 0 || weekday === 6;
}

/**
 * Art. 111(3): a holiday on a weekly rest day (Saturday or Sunday in public bodies) gives a day
 * off on the next working day. Taken in date order, so 30/4 and 1/5 on a weekend get Monday and
 * Tuesday, and a compensatory day never lands on another holiday or announced day off.
 *
 * Tết differs, because the Prime Minister places its days (Art. 112(3)): the schedules we checked
 * (2020, 2023, 2024, 2025) gave a Tết Saturday back on the working day before the break and a Tết
 * Sunday on the working day after it, keeping the break in one piece (2024: 8–14 Feb).
 */
function compensatoryDays(
  holidays: readonly StatutoryDay[],
  otherDaysOff: readonly CivilDate[],
): StatutoryDay[] {
  const taken = new Set([...holidays.map((h) => h.date), ...otherDaysOff].map(toDayNumber));
  const result: StatutoryDay[] = [];
  const take = (from: number, direction: 1 | -1, holiday: HolidayId) => {
    let candidate = from + direction;
    while (isWeekend(candidate) || taken.has(candidate)) candidate += direction;
    taken.add(candidate);
    result.push({ date: fromDayNumber(candidate), holiday });
  };

  const tet = holidays
    .filter((h) => h.holiday === 'tet')
    .map((h) => toDayNumber(h.date))
    .sort((a, b) => a - b);
  const firstTetDay = tet[0];
  const lastTetDay = tet[tet.length - 1];
  if (firstTetDay !== undefined && lastTetDay !== undefined) {
    for (const day of tet) {
      const weekday = (day + 1) % 7;
      if (weekday === 6) take(firstTetDay, -1, 'tet');
      if (weekday === 0) take(lastTetDay, 1, 'tet');
    }
  }

  const others = holidays
    .filter((h) => h.holiday !== 'tet')
    .map((h) => ({ dayNumber: toDayNumber(h.date), holiday: h.holiday }))
    .sort((a, b) => a.dayNumber - b.dayNumber);
  for (const { dayNumber, holiday } of others) {
    if (isWeekend(dayNumber)) take(dayNumber, 1, holiday);
  }
  return result;
}

function holidayDay({ date, holiday }: StatutoryDay): DayOff {
  const name = holiday === 'tet' ? tetDayName(toLunar(date)) : holidayName(holiday);
  return { date, holiday, name, kind: 'holiday' };
}

function computeYear(year: number, overrides: HolidayOverrides): DayOff[] {
  const announced = overrides[year] ?? {};
  const replaced = new Set((announced.replacements ?? []).map((r) => r.holiday));
  const statutory = statutoryDays(year).filter((day) => !replaced.has(day.holiday));
  const announcedDays = [
    ...(announced.replacements ?? []).flatMap((r) => [...r.holidays, ...(r.compensatory ?? [])]),
    ...(announced.daysOff ?? []).map((d) => d.date),
  ];
  const compensatory = compensatoryDays(statutory, announcedDays);
  const days: DayOff[] = [
    ...statutory.map(holidayDay),
    ...compensatory.map(({ date, holiday }) => ({
      date,
      holiday,
      name: compensatoryName(holiday),
      kind: 'compensatory' as const,
    })),
  ];
  for (const replacement of announced.replacements ?? []) {
    const { holiday } = replacement;
    for (const date of replacement.holidays) days.push(holidayDay({ date: { ...date }, holiday }));
    for (const date of replacement.compensatory ?? []) {
      days.push({
        date: { ...date },
        holiday,
        name: compensatoryName(holiday),
        kind: 'compensatory',
      });
    }
  }
  for (const { date, holiday } of announced.daysOff ?? []) {
    days.push({ date: { ...date }, holiday, name: swappedDayOffName(holiday), kind: 'swapped' });
  }
  return days.sort((a, b) => toDayNumber(a.date) - toDayNumber(b.date));
}

/** Cached lists are shared by every caller, so nobody may edit them. Dates are our own copies. */
function deepFreeze(days: DayOff[]): readonly DayOff[] {
  for (const day of days) {
    Object.freeze(day.date);
    Object.freeze(day.name);
    Object.freeze(day);
  }
  return Object.freeze(days);
}

/** Results per overrides table and year: each year is computed once, then shared (frozen). */
const cache = new WeakMap<HolidayOverrides, Map<number, readonly DayOff[]>>();

/**
 * Days off of a Gregorian year, sorted by date: Art. 112(1) holidays (computed defaults as
 * documented above), Art. 111(3) compensatory days, then the announced schedule applied on top.
 * Pass `{}` as `overrides` to see the pure computation.
 */
export function publicHolidays(
  year: number,
  overrides: HolidayOverrides = ANNOUNCED_HOLIDAY_OVERRIDES,
): readonly DayOff[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`Holidays are encoded for ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`);
  }
  let byYear = cache.get(overrides);
  if (!byYear) {
    validateHolidayOverrides(overrides);
    byYear = new Map();
    cache.set(overrides, byYear);
  }
  let days = byYear.get(year);
  if (!days) {
    days = deepFreeze(computeYear(year, overrides));
    byYear.set(year, days);
  }
  return days;
}
