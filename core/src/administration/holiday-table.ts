import { z } from 'zod';
import { civilDateToIso, dayOfWeek, parseCivilDate } from '../calendar/civil-date';
import { HOLIDAY_IDS, type HolidayId, type LocalizedName } from '../calendar/holiday-names';
import {
  ANNOUNCED_HOLIDAY_OVERRIDES,
  validateHolidayOverrides,
  type HolidayOverrides,
  type YearHolidayOverrides,
} from '../calendar/holiday-overrides';
import { publicHolidays, type DayOffKind } from '../calendar/public-holidays';
import { createWorkCalendar, type WorkCalendar } from '../calendar/work-calendar';
import { DomainError } from '../errors/domain-error';

/**
 * What a unit records for one year on top of the computed holidays (Labour Code Art. 112, the
 * lunar ones included) and the Government's announced schedules we already carry: a working day
 * given off around a holiday, and the weekend day worked back for it. Dates are yyyy-MM-dd.
 */
export interface UnitHolidayYear {
  year: number;
  daysOff: { date: string; holiday: HolidayId; note: string }[];
  makeUpWorkingDays: { date: string; replacesDayOff: string; note: string }[];
}

/** Where a line of the yearly table comes from, so the screen can say who decided it. */
export type HolidaySource = 'computed' | 'announced' | 'unit';

export interface HolidayTableRow {
  date: string;
  kind: DayOffKind | 'makeUpWorkingDay';
  holiday: HolidayId | null;
  name: LocalizedName;
  source: HolidaySource;
}

const UNIT_SOURCE = 'Thông báo của đơn vị';

function toYearOverrides(changes: UnitHolidayYear): YearHolidayOverrides {
  return {
    daysOff: changes.daysOff.map((d) => ({
      date: parseCivilDate(d.date),
      holiday: d.holiday,
      source: d.note || UNIT_SOURCE,
    })),
    makeUpWorkingDays: changes.makeUpWorkingDays.map((d) => ({
      date: parseCivilDate(d.date),
      replacesDayOff: parseCivilDate(d.replacesDayOff),
      source: d.note || UNIT_SOURCE,
    })),
  };
}

/**
 * The Government's announced schedules with a unit's own announcements added for their years.
 * This is what createWorkCalendar takes, so the unit's working-day deadlines count them.
 */
export function unitHolidayOverrides(
  years: readonly UnitHolidayYear[],
  base: HolidayOverrides = ANNOUNCED_HOLIDAY_OVERRIDES,
): HolidayOverrides {
  const merged: Record<number, YearHolidayOverrides> = { ...base };
  for (const changes of years) {
    const own = toYearOverrides(changes);
    const announced = base[changes.year] ?? {};
    merged[changes.year] = {
      replacements: announced.replacements ?? [],
      daysOff: [...(announced.daysOff ?? []), ...(own.daysOff ?? [])],
      makeUpWorkingDays: [...(announced.makeUpWorkingDays ?? []), ...(own.makeUpWorkingDays ?? [])],
    };
  }
  return merged;
}

/** The unit's working-day calendar: statutory holidays, announced schedules and its own changes. */
export function unitWorkCalendar(years: readonly UnitHolidayYear[]): WorkCalendar {
  return createWorkCalendar({ overrides: unitHolidayOverrides(years) });
}

/**
 * Refuses a year's changes that would silently shift deadlines (HOLIDAY.INVALID, 400): dates
 * outside the year, a day off on a weekend or on a holiday already, a make-up day on a weekday,
 * a make-up day for a date that is not off, the same date twice.
 */
export function assertValidHolidayYear(changes: UnitHolidayYear): void {
  const fail = (issue: string): never => {
    throw new DomainError('HOLIDAY.INVALID', { year: changes.year, issue });
  };
  const dates = [
    ...changes.daysOff.map((d) => d.date),
    ...changes.makeUpWorkingDays.map((d) => d.date),
  ];
  for (const date of dates) {
    if (!date.startsWith(`${changes.year}-`)) fail(`${date} is outside ${changes.year}`);
  }
  if (new Set(dates).size !== dates.length) fail('a date appears twice');
  const withoutUnit = publicHolidays(changes.year);
  for (const { date } of changes.daysOff) {
    const weekday = dayOfWeek(parseCivilDate(date));
    if (weekday === 0 || weekday === 6) fail(`${date} is a weekend day, already off`);
    if (withoutUnit.some((day) => civilDateToIso(day.date) === date)) {
      fail(`${date} is already a day off`);
    }
  }
  const offDates = new Set(changes.daysOff.map((d) => d.date));
  for (const { date, replacesDayOff } of changes.makeUpWorkingDays) {
    const weekday = dayOfWeek(parseCivilDate(date));
    if (weekday !== 0 && weekday !== 6) fail(`${date} is a weekday, not a day to make up on`);
    const announced = withoutUnit.some((day) => civilDateToIso(day.date) === replacesDayOff);
    if (!offDates.has(replacesDayOff) && !announced) {
      fail(`${replacesDayOff} is not a day off to make up for`);
    }
  }
  try {
    validateHolidayOverrides(unitHolidayOverrides([changes]));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The yearly table as the administration screen shows it: every day off (statutory, compensatory,
 * announced or the unit's) and every make-up working day, by date, each with where it comes from.
 */
export function holidayTable(
  year: number,
  changes: UnitHolidayYear | null,
  base: HolidayOverrides = ANNOUNCED_HOLIDAY_OVERRIDES,
): HolidayTableRow[] {
  const overrides = changes ? unitHolidayOverrides([changes], base) : base;
  const announcedDates = new Set<string>();
  const announced = base[year];
  for (const replacement of announced?.replacements ?? []) {
    for (const date of [...replacement.holidays, ...(replacement.compensatory ?? [])]) {
      announcedDates.add(civilDateToIso(date));
    }
  }
  for (const day of announced?.daysOff ?? []) announcedDates.add(civilDateToIso(day.date));
  const unitDates = new Set(changes?.daysOff.map((d) => d.date) ?? []);
  const rows: HolidayTableRow[] = publicHolidays(year, overrides).map((day) => {
    const date = civilDateToIso(day.date);
    return {
      date,
      kind: day.kind,
      holiday: day.holiday,
      name: day.name,
      source: unitDates.has(date) ? 'unit' : announcedDates.has(date) ? 'announced' : 'computed',
    };
  });
  const makeUp = [
    ...(announced?.makeUpWorkingDays ?? []).map((d) => ({
      date: civilDateToIso(d.date),
      replaces: civilDateToIso(d.replacesDayOff),
      source: 'announced' as const,
    })),
    ...(changes?.makeUpWorkingDays ?? []).map((d) => ({
      date: d.date,
      replaces: d.replacesDayOff,
      source: 'unit' as const,
    })),
  ];
  for (const day of makeUp) {
    rows.push({
      date: day.date,
      kind: 'makeUpWorkingDay',
      holiday: null,
      name: {
        vi: `Làm bù cho ngày ${formatVi(day.replaces)}`,
        en: `Working day, making up for ${formatVi(day.replaces)}`,
      },
      source: day.source,
    });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

function formatVi(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

const ZDate = z.iso.date();

export const ZPutHolidayYearInput = z.strictObject({
  /** The unit version last seen (optimistic concurrency). */
  version: z.number().int().min(0),
  daysOff: z
    .array(
      z.strictObject({
        date: ZDate,
        holiday: z.enum(HOLIDAY_IDS),
        note: z.string().trim().max(300).default(''),
      }),
    )
    .max(20),
  makeUpWorkingDays: z
    .array(
      z.strictObject({
        date: ZDate,
        replacesDayOff: ZDate,
        note: z.string().trim().max(300).default(''),
      }),
    )
    .max(20),
});
export type TPutHolidayYearInput = z.infer<typeof ZPutHolidayYearInput>;

/** Years the lunar conversion and the Labour Code encoding cover (public-holidays.ts). */
export const ZHolidayYear = z.coerce.number().int().min(2014).max(2199);
