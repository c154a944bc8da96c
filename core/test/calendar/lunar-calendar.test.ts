import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  compareCivilDates,
  fromLunar,
  toLunar,
  type CivilDate,
  type LunarDate,
} from '../../src/calendar/index';

const date = (year: number, month: number, day: number): CivilDate => ({ year, month, day });
const lunar = (year: number, month: number, day: number, leap = false): LunarDate => ({
  year,
  month,
  day,
  leap,
});
const CHINA_UTC_OFFSET_HOURS = 8;

describe('Tết (1/1 lunar), Vietnamese calendar', () => {
  // Published Vietnamese calendars (lịch vạn niên; the same dates are in python-holidays'
  // Vietnam tests, and the recent ones were the announced Tết of each year).
  const tet: readonly [number, number, number][] = [
    [1997, 2, 7],
    [2008, 2, 7],
    [2009, 1, 26],
    [2010, 2, 14],
    [2011, 2, 3],
    [2012, 1, 23],
    [2013, 2, 10],
    [2014, 1, 31],
    [2015, 2, 19],
    [2016, 2, 8],
    [2017, 1, 28],
    [2018, 2, 16],
    [2019, 2, 5],
    [2020, 1, 25],
    [2021, 2, 12],
    [2022, 2, 1],
    [2023, 1, 22],
    [2024, 2, 10],
    [2025, 1, 29],
    [2026, 2, 17],
    [2027, 2, 6],
  ];

  it.each(tet)('Tết %i is %i/%i', (year, month, day) => {
    expect(fromLunar(lunar(year, 1, 1))).toEqual(date(year, month, day));
    expect(toLunar(date(year, month, day))).toEqual(lunar(year, 1, 1));
  });
});

describe("Hùng Kings' day (10/3 lunar, Labour Code Art. 112(1)(e))", () => {
  // Announced holidays: 2 Apr 2020, 21 Apr 2021, 10 Apr 2022, 18 Apr 2024, 7 Apr 2025; 26 Apr 2026
  // from the published calendar.
  it.each([
    [2020, 4, 2],
    [2021, 4, 21],
    [2022, 4, 10],
    [2024, 4, 18],
    [2025, 4, 7],
    [2026, 4, 26],
  ])('%i: %i/%i', (year, month, day) => {
    expect(fromLunar(lunar(year, 3, 10))).toEqual(date(year, month, day));
  });
});

describe('Vietnam (UTC+7) and China (UTC+8) calendars differ in some years', () => {
  // Known facts, discussed in Hồ Ngọc Đức's notes on the Vietnamese calendar: Tết 1985 was 21 Jan
  // in Vietnam but 20 Feb in China, and Tết 2007 17 Feb in Vietnam but 18 Feb in China (that new
  // moon came at 23:14 Vietnam time, 00:14 Beijing time). Same algorithm, one hour apart.
  it('Tết 1985: 21 Jan 1985 in Vietnam, 20 Feb 1985 in China', () => {
    expect(fromLunar(lunar(1985, 1, 1))).toEqual(date(1985, 1, 21));
    expect(fromLunar(lunar(1985, 1, 1), CHINA_UTC_OFFSET_HOURS)).toEqual(date(1985, 2, 20));
    expect(toLunar(date(1985, 1, 21)).month).toBe(1);
    expect(toLunar(date(1985, 1, 21), CHINA_UTC_OFFSET_HOURS).month).toBe(12);
  });

  it('Tết 2007: 17 Feb 2007 in Vietnam, 18 Feb 2007 in China', () => {
    expect(fromLunar(lunar(2007, 1, 1))).toEqual(date(2007, 2, 17));
    expect(fromLunar(lunar(2007, 1, 1), CHINA_UTC_OFFSET_HOURS)).toEqual(date(2007, 2, 18));
    expect(toLunar(date(2007, 2, 17))).toEqual(lunar(2007, 1, 1));
    expect(toLunar(date(2007, 2, 17), CHINA_UTC_OFFSET_HOURS)).toEqual(lunar(2006, 12, 30));
  });
});

describe('leap months (tháng nhuận)', () => {
  // Published calendar: Quý Mão 2023 has a leap 2nd month, 22 Mar – 19 Apr 2023.
  it('2023: leap month 2 runs 22 Mar – 19 Apr 2023', () => {
    expect(toLunar(date(2023, 3, 21))).toEqual(lunar(2023, 2, 30));
    expect(toLunar(date(2023, 3, 22))).toEqual(lunar(2023, 2, 1, true));
    expect(toLunar(date(2023, 4, 19))).toEqual(lunar(2023, 2, 29, true));
    expect(toLunar(date(2023, 4, 20))).toEqual(lunar(2023, 3, 1));
    expect(fromLunar(lunar(2023, 2, 1, true))).toEqual(date(2023, 3, 22));
  });

  // Published calendars: Canh Tý 2020 leap month 4 from 23 May 2020; Ất Tỵ 2025 leap month 6
  // from 25 Jul 2025; 2033 leap month 11 in the Vietnamese calendar (the "2033 problem").
  it.each([
    [2020, 4, date(2020, 5, 23)],
    [2025, 6, date(2025, 7, 25)],
    [2033, 11, date(2033, 12, 22)],
  ])('%i: leap month %i starts %o', (year, month, start) => {
    expect(fromLunar(lunar(year, month, 1, true))).toEqual(start);
    expect(toLunar(start)).toEqual(lunar(year, month, 1, true));
  });

  it('rejects a leap month the year does not have, and a day past the month end', () => {
    expect(() => fromLunar(lunar(2024, 2, 1, true))).toThrow(RangeError);
    expect(() => fromLunar(lunar(2023, 3, 1, true))).toThrow(RangeError);
    // Month 12 of Giáp Thìn (2024) has 29 days: Tết Ất Tỵ follows 29 tháng Chạp.
    expect(fromLunar(lunar(2024, 12, 29))).toEqual(date(2025, 1, 28));
    expect(() => fromLunar(lunar(2024, 12, 30))).toThrow(RangeError);
    expect(() => fromLunar(lunar(2024, 13, 1))).toThrow(RangeError);
  });
});

describe('structure over 1900–2100', () => {
  const FIRST = date(1900, 1, 1);
  const DAYS = 73_413; // 1 Jan 1900 to 31 Dec 2100

  it('round-trips every sampled day: fromLunar(toLunar(d)) = d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DAYS }), (offset) => {
        const day = addCalendarDays(FIRST, offset);
        expect(fromLunar(toLunar(day))).toEqual(day);
      }),
      { numRuns: 3000 },
    );
  });

  // Exhaustive, every day 1900–2100 (about 0.4 s): catches the rare dates where a month search
  // that tries only two new moons returns day 0.
  it('advances one lunar day per solar day, every day', () => {
    let today = toLunar(FIRST);
    for (let offset = 1; offset <= DAYS; offset += 1) {
      const day = addCalendarDays(FIRST, offset);
      const tomorrow = toLunar(day);
      if (tomorrow.day === 1) {
        expect([29, 30]).toContain(today.day);
      } else {
        expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
      }
      today = tomorrow;
    }
  });

  it('handles the dates where the published two-guess month search fails', () => {
    // Here the true new moon comes after the day although the mean one comes before it.
    for (const day of [date(2054, 5, 7), date(2062, 4, 9)]) {
      const result = toLunar(day);
      expect([29, 30]).toContain(result.day);
      expect(fromLunar(result)).toEqual(day);
    }
  });

  // The calendar's rules: months of 29 or 30 days, 12 or 13 months a year, months in order with
  // at most one leap month repeating the number before it.
  it('every lunar year 1901–2100 has 12 or 13 well-formed months', () => {
    for (let year = 1901; year <= 2100; year += 1) {
      let start = fromLunar(lunar(year, 1, 1));
      const nextTet = fromLunar(lunar(year + 1, 1, 1));
      const months: LunarDate[] = [];
      while (compareCivilDates(start, nextTet) < 0) {
        const month = toLunar(start);
        expect(month.day).toBe(1);
        expect(fromLunar(month)).toEqual(start);
        months.push(month);
        const after29 = addCalendarDays(start, 29);
        start = toLunar(after29).day === 1 ? after29 : addCalendarDays(start, 30);
        expect(toLunar(start).day).toBe(1);
      }
      const leaps = months.filter((m) => m.leap);
      expect(months.length).toBe(12 + leaps.length);
      expect(leaps.length).toBeLessThanOrEqual(1);
      expect(months.filter((m) => !m.leap).map((m) => m.month)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
      ]);
    }
  });
});
