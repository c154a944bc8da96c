import { toDayNumber, type CivilDate } from './civil-date';
import {
  ANNOUNCED_HOLIDAY_OVERRIDES,
  validateHolidayOverrides,
  type HolidayOverrides,
} from './holiday-overrides';
import { publicHolidays, type DayOff } from './public-holidays';

/**
 * Which days a unit works. Built once per unit and kept: each year's days off are indexed by day
 * number on first use, so the many lookups of a working-day count are a set lookup each.
 * Weekly rest is Saturday and Sunday, the rule for public bodies.
 */
export interface WorkCalendar {
  isWorkingDay(date: CivilDate): boolean;
  /** Why a date is off, when it is a holiday, compensatory or swapped day (not for weekends). */
  dayOff(date: CivilDate): DayOff | undefined;
  daysOff(year: number): readonly DayOff[];
}

/**
 * Where use cases get a unit's calendar (a port: core stays free of I/O). The adapter builds it from
 * the statutory holidays, the Government's announced schedules and the unit's own recorded changes,
 * so a working-day deadline counts the days that unit actually works.
 */
export interface WorkCalendarProvider {
  forUnit(tenantId: string, unitId: string): Promise<WorkCalendar>;
}

/** The unit's calendar when a provider is wired, else the national one (fakes, older callers). */
export async function unitCalendarOf(
  provider: WorkCalendarProvider | undefined,
  tenantId: string,
  unitId: string,
): Promise<WorkCalendar> {
  return provider ? provider.forUnit(tenantId, unitId) : defaultWorkCalendar();
}

export interface CreateWorkCalendarOptions {
  /** Announced schedules; defaults to the Government's, as far as we have them. */
  readonly overrides?: HolidayOverrides;
}

interface YearIndex {
  readonly daysOff: ReadonlyMap<number, DayOff>;
  readonly makeUpWorkingDays: ReadonlySet<number>;
}

export function createWorkCalendar(options: CreateWorkCalendarOptions = {}): WorkCalendar {
  const overrides = options.overrides ?? ANNOUNCED_HOLIDAY_OVERRIDES;
  validateHolidayOverrides(overrides);
  const years = new Map<number, YearIndex>();

  const indexOf = (year: number): YearIndex => {
    let index = years.get(year);
    if (!index) {
      const daysOff = new Map<number, DayOff>();
      // The first entry wins when two fall on one date (a holiday before a swap on it).
      for (const day of publicHolidays(year, overrides)) {
        const dayNumber = toDayNumber(day.date);
        if (!daysOff.has(dayNumber)) daysOff.set(dayNumber, day);
      }
      const makeUp = (overrides[year]?.makeUpWorkingDays ?? []).map((d) => toDayNumber(d.date));
      index = { daysOff, makeUpWorkingDays: new Set(makeUp) };
      years.set(year, index);
    }
    return index;
  };

  return {
    isWorkingDay(date) {
      const dayNumber = toDayNumber(date);
      const index = indexOf(date.year);
      if (index.daysOff.has(dayNumber)) return false;
      if (index.makeUpWorkingDays.has(dayNumber)) return true;
      const weekday = (dayNumber + 1) % 7; // 0 = Sunday, 6 = Saturday
      return weekday !== 0 && weekday !== 6;
    },
    dayOff(date) {
      return indexOf(date.year).daysOff.get(toDayNumber(date));
    },
    daysOff(year) {
      return publicHolidays(year, overrides);
    },
  };
}

let defaultCalendar: WorkCalendar | undefined;

/** The national calendar with the announced schedules, for callers without a unit calendar. */
export function defaultWorkCalendar(): WorkCalendar {
  defaultCalendar ??= createWorkCalendar();
  return defaultCalendar;
}
