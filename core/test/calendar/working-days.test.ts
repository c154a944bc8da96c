import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  countWorkingDays,
  createWorkCalendar,
  dayOfWeek,
  isWorkingDay,
  nextWorkingDay,
  type CivilDate,
} from '../../src/calendar/index';

const d = (year: number, month: number, day: number): CivilDate => ({ year, month, day });
const calendar = createWorkCalendar();

describe('working days ("ngày làm việc", RULES.md): Mon–Fri except days off', () => {
  it('weekends and holidays are off, ordinary weekdays are working days', () => {
    expect(isWorkingDay(d(2026, 3, 2), calendar)).toBe(true); // Monday
    expect(isWorkingDay(d(2026, 3, 7), calendar)).toBe(false); // Saturday
    expect(isWorkingDay(d(2026, 2, 17), calendar)).toBe(false); // mùng 1 Tết Bính Ngọ
    expect(isWorkingDay(d(2026, 4, 27), calendar)).toBe(false); // compensatory, Hùng Kings on Sunday
  });

  it('a make-up Saturday is a working day (2025: Sat 26 Apr worked for Fri 2 May)', () => {
    expect(dayOfWeek(d(2025, 4, 26))).toBe(6);
    expect(isWorkingDay(d(2025, 4, 26))).toBe(true);
    expect(isWorkingDay(d(2025, 5, 2))).toBe(false);
    // Counting across the swap: Fri 25 Apr + 1 working day = the make-up Saturday.
    expect(addWorkingDays(d(2025, 4, 25), 1)).toEqual(d(2025, 4, 26));
    expect(addWorkingDays(d(2025, 4, 26), 1)).toEqual(d(2025, 4, 28));
    expect(addWorkingDays(d(2025, 4, 29), 1)).toEqual(d(2025, 5, 5));
  });

  it('counts across Tết 2026 (off Sat 14 – Sun 22 Feb)', () => {
    expect(addWorkingDays(d(2026, 2, 13), 1, calendar)).toEqual(d(2026, 2, 23));
    expect(addWorkingDays(d(2026, 2, 12), 5, calendar)).toEqual(d(2026, 2, 26));
    expect(addWorkingDays(d(2026, 2, 23), -1, calendar)).toEqual(d(2026, 2, 13));
    expect(countWorkingDays(d(2026, 2, 13), d(2026, 2, 23), calendar)).toBe(1);
    expect(nextWorkingDay(d(2026, 2, 15), calendar)).toEqual(d(2026, 2, 23));
  });

  it('n = 0 gives the start when it is a working day, otherwise the next one', () => {
    expect(addWorkingDays(d(2026, 2, 12), 0, calendar)).toEqual(d(2026, 2, 12));
    expect(addWorkingDays(d(2026, 2, 14), 0, calendar)).toEqual(d(2026, 2, 23));
    expect(() => addWorkingDays(d(2026, 2, 12), 1.5, calendar)).toThrow(RangeError);
  });

  it('count and add agree, land on working days, and undo each other (property)', () => {
    const start = fc
      .integer({ min: 0, max: 365 * 10 })
      .map((offset) => addCalendarDays(d(2021, 1, 1), offset));
    const n = fc.integer({ min: -60, max: 60 }).filter((value) => value !== 0);
    fc.assert(
      fc.property(start, n, (from, days) => {
        const to = addWorkingDays(from, days, calendar);
        expect(calendar.isWorkingDay(to)).toBe(true);
        expect(countWorkingDays(from, to, calendar)).toBe(days);
        if (calendar.isWorkingDay(from)) {
          expect(addWorkingDays(to, -days, calendar)).toEqual(from);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('indexes each year once per calendar', () => {
    expect(calendar.daysOff(2026)).toBe(calendar.daysOff(2026));
    const started = Date.now();
    for (let i = 0; i < 20_000; i += 1)
      calendar.isWorkingDay(addCalendarDays(d(2026, 1, 1), i % 365));
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
