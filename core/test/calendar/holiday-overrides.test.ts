import { describe, expect, it } from 'vitest';
import {
  ANNOUNCED_HOLIDAY_OVERRIDES,
  civilDateToIso,
  createWorkCalendar,
  publicHolidays,
  validateHolidayOverrides,
  type HolidayOverrides,
} from '../../src/calendar/index';

describe('announced schedules (holiday-overrides.ts)', () => {
  it('the built-in table is valid', () => {
    expect(() => validateHolidayOverrides(ANNOUNCED_HOLIDAY_OVERRIDES)).not.toThrow();
  });

  it('2025: Tết fixed as 28 tháng Chạp – mùng 3 (27–31 Jan), break 25 Jan – 2 Feb (PM approval)', () => {
    const tet = publicHolidays(2025).filter((day) => day.holiday === 'tet');
    expect(tet.map((day) => [civilDateToIso(day.date), day.kind])).toEqual([
      ['2025-01-27', 'holiday'],
      ['2025-01-28', 'holiday'],
      ['2025-01-29', 'holiday'],
      ['2025-01-30', 'holiday'],
      ['2025-01-31', 'holiday'],
    ]);
    expect(tet[0]?.name.vi).toBe('Tết Âm lịch (28 tháng Chạp)');
    const calendar = createWorkCalendar();
    expect(calendar.isWorkingDay({ year: 2025, month: 2, day: 3 })).toBe(true);
    expect(calendar.isWorkingDay({ year: 2025, month: 2, day: 8 })).toBe(false);
  });

  it('2025: 2 May swapped for Saturday 26 Apr, so 30 Apr – 4 May is off (Government, Mar 2025)', () => {
    const calendar = createWorkCalendar();
    expect(calendar.dayOff({ year: 2025, month: 5, day: 2 })).toMatchObject({
      kind: 'swapped',
      name: { vi: 'Nghỉ hoán đổi dịp Ngày Quốc tế lao động' },
    });
    expect(calendar.isWorkingDay({ year: 2025, month: 4, day: 26 })).toBe(true);
  });

  it('2024: 29 Apr swapped for Saturday 4 May (Government Office 2450/VPCP-KGVX)', () => {
    const calendar = createWorkCalendar();
    expect(calendar.isWorkingDay({ year: 2024, month: 4, day: 29 })).toBe(false);
    expect(calendar.isWorkingDay({ year: 2024, month: 5, day: 4 })).toBe(true);
    expect(
      createWorkCalendar({ overrides: {} }).isWorkingDay({ year: 2024, month: 5, day: 4 }),
    ).toBe(false);
  });

  it('a unit can replace a year with its own schedule', () => {
    const overrides: HolidayOverrides = {
      ...ANNOUNCED_HOLIDAY_OVERRIDES,
      2026: {
        daysOff: [{ date: { year: 2026, month: 2, day: 13 }, holiday: 'tet', source: 'unit' }],
        makeUpWorkingDays: [
          {
            date: { year: 2026, month: 2, day: 28 },
            replacesDayOff: { year: 2026, month: 2, day: 13 },
            source: 'unit',
          },
        ],
      },
    };
    const calendar = createWorkCalendar({ overrides });
    expect(calendar.isWorkingDay({ year: 2026, month: 2, day: 13 })).toBe(false);
    expect(calendar.isWorkingDay({ year: 2026, month: 2, day: 28 })).toBe(true);
    expect(calendar.isWorkingDay({ year: 2025, month: 4, day: 26 })).toBe(true);
  });

  it('rejects a table that would silently shift deadlines', () => {
    const source = 'test';
    const bad: HolidayOverrides[] = [
      // date filed under the wrong year
      {
        2025: { daysOff: [{ date: { year: 2026, month: 1, day: 2 }, holiday: 'newYear', source }] },
      },
      // a "swapped day off" on a Sunday
      {
        2025: { daysOff: [{ date: { year: 2025, month: 1, day: 5 }, holiday: 'newYear', source }] },
      },
      // a make-up day on a weekday
      {
        2025: {
          makeUpWorkingDays: [
            {
              date: { year: 2025, month: 1, day: 6 },
              replacesDayOff: { year: 2025, month: 1, day: 2 },
              source,
            },
          ],
        },
      },
    ];
    for (const overrides of bad) {
      expect(() => validateHolidayOverrides(overrides)).toThrow(RangeError);
      expect(() => createWorkCalendar({ overrides })).toThrow(RangeError);
    }
  });
});
