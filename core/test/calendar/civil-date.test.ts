import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  civilDateToIso,
  compareCivilDates,
  dayOfWeek,
  isValidCivilDate,
  parseCivilDate,
} from '../../src/calendar/index';

describe('civil dates', () => {
  it('parses and prints YYYY-MM-DD (the stored form, DESIGN.md "Time")', () => {
    expect(parseCivilDate('2025-09-02')).toEqual({ year: 2025, month: 9, day: 2 });
    expect(civilDateToIso({ year: 2025, month: 9, day: 2 })).toBe('2025-09-02');
  });

  it('rejects dates that do not exist (Gregorian leap-year rule)', () => {
    expect(parseCivilDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '25-01-01', '']) {
      expect(() => parseCivilDate(bad)).toThrow(RangeError);
    }
    expect(isValidCivilDate({ year: 2000, month: 2, day: 29 })).toBe(true);
    expect(isValidCivilDate({ year: 2025, month: 1, day: 1.5 })).toBe(false);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({
      year: 2026,
      month: 1,
      day: 1,
    });
    expect(addCalendarDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
    expect(() => addCalendarDays({ year: 2025, month: 1, day: 1 }, 0.5)).toThrow(RangeError);
  });

  it('knows the weekday (2 Sep 1945, Independence Day, was a Sunday; 2 Sep 2025 a Tuesday)', () => {
    expect(dayOfWeek({ year: 1945, month: 9, day: 2 })).toBe(0);
    expect(dayOfWeek({ year: 2025, month: 9, day: 2 })).toBe(2);
  });

  it('agrees with Date for ISO round-trips, ordering and weekdays (property)', () => {
    const days = fc.integer({ min: -25_000, max: 50_000 });
    fc.assert(
      fc.property(days, days, (a, b) => {
        const epoch = { year: 1970, month: 1, day: 1 };
        const x = addCalendarDays(epoch, a);
        const y = addCalendarDays(epoch, b);
        const iso = civilDateToIso(x);
        expect(iso).toBe(new Date(a * 86_400_000).toISOString().slice(0, 10));
        expect(parseCivilDate(iso)).toEqual(x);
        expect(dayOfWeek(x)).toBe(new Date(a * 86_400_000).getUTCDay());
        expect(compareCivilDates(x, y)).toBe(Math.sign(a - b));
        expect(addCalendarDays(x, b - a)).toEqual(y);
      }),
    );
  });
});
