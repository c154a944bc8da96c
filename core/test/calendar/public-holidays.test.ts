import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  civilDateToIso,
  compareCivilDates,
  createWorkCalendar,
  dayOfWeek,
  publicHolidays,
  type CivilDate,
  type DayOff,
} from '../../src/calendar/index';

const d = (year: number, month: number, day: number): CivilDate => ({ year, month, day });
const iso = (days: readonly DayOff[]) => days.map((day) => civilDateToIso(day.date));
const COMPUTED_ONLY = {}; // no announced schedule: the default rules alone

/** Every date from `from` to `to` that is not a working day, weekends included. */
function offDays(from: CivilDate, to: CivilDate, overrides = COMPUTED_ONLY): string[] {
  const calendar = createWorkCalendar({ overrides });
  const result: string[] = [];
  for (let day = from; compareCivilDates(day, to) <= 0; day = addCalendarDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) result.push(civilDateToIso(day));
  }
  return result;
}

function range(from: CivilDate, to: CivilDate): string[] {
  const result: string[] = [];
  for (let day = from; compareCivilDates(day, to) <= 0; day = addCalendarDays(day, 1)) {
    result.push(civilDateToIso(day));
  }
  return result;
}

describe('Labour Code 45/2019/QH14 Art. 112(1): the holidays', () => {
  it('2026: 1 Jan, Tết (last day of Ất Tỵ + mùng 1–4), Hùng Kings, 30/4, 1/5, 2/9 + 1 day', () => {
    const days = publicHolidays(2026, COMPUTED_ONLY);
    expect(
      days
        .filter((day) => day.kind === 'holiday')
        .map((day) => [civilDateToIso(day.date), day.holiday]),
    ).toEqual([
      ['2026-01-01', 'newYear'],
      ['2026-02-16', 'tet'],
      ['2026-02-17', 'tet'],
      ['2026-02-18', 'tet'],
      ['2026-02-19', 'tet'],
      ['2026-02-20', 'tet'],
      ['2026-04-26', 'hungKings'],
      ['2026-04-30', 'victoryDay'],
      ['2026-05-01', 'labourDay'],
      ['2026-09-01', 'nationalDay'],
      ['2026-09-02', 'nationalDay'],
    ]);
    expect(days.find((day) => day.holiday === 'tet')?.name).toEqual({
      vi: 'Tết Âm lịch (29 tháng Chạp)',
      en: 'Lunar New Year (Tết), day 29 of the 12th lunar month',
    });
  });

  it('gives 11 holiday days every year from 2021 (Art. 112(1)), 10 before (2012 Code Art. 115)', () => {
    for (let year = 2014; year <= 2199; year += 1) {
      const holidays = publicHolidays(year, COMPUTED_ONLY).filter((day) => day.kind === 'holiday');
      expect(holidays.length).toBe(year >= 2021 ? 11 : 10);
      expect(new Set(iso(holidays)).size).toBe(holidays.length);
    }
  });

  it('returns days sorted, frozen and cached per year', () => {
    const days = publicHolidays(2027);
    expect(publicHolidays(2027)).toBe(days);
    expect(Object.isFrozen(days) && Object.isFrozen(days[0])).toBe(true);
    const dates = iso(days);
    expect([...dates].sort()).toEqual(dates);
  });

  it('refuses years whose rules are not encoded', () => {
    expect(() => publicHolidays(2013)).toThrow(RangeError);
    expect(() => publicHolidays(2200)).toThrow(RangeError);
  });
});

describe('Art. 111(3): a holiday on a weekly rest day gives a compensatory day off', () => {
  it('2 Sep 2023 (Saturday): 1 Sep next to it, compensatory Monday 4 Sep (announced 1–4 Sep)', () => {
    expect(dayOfWeek(d(2023, 9, 2))).toBe(6);
    expect(offDays(d(2023, 8, 31), d(2023, 9, 5))).toEqual([
      '2023-09-01',
      '2023-09-02',
      '2023-09-03',
      '2023-09-04',
    ]);
    const compensatory = publicHolidays(2023, COMPUTED_ONLY).find(
      (day) => day.kind === 'compensatory' && day.holiday === 'nationalDay',
    );
    expect(compensatory?.date).toEqual(d(2023, 9, 4));
    expect(compensatory?.name.vi).toBe('Nghỉ bù Quốc khánh');
  });

  it('2 Sep 2029 (Sunday): 3 Sep next to it, compensatory Tuesday 4 Sep', () => {
    expect(dayOfWeek(d(2029, 9, 2))).toBe(0);
    expect(offDays(d(2029, 8, 31), d(2029, 9, 5))).toEqual([
      '2029-09-01',
      '2029-09-02',
      '2029-09-03',
      '2029-09-04',
    ]);
  });

  it('2022: Hùng Kings on Sunday 10 Apr → 11 Apr; 30/4 and 1/5 on the weekend → 2 and 3 May (MOLISA)', () => {
    expect(offDays(d(2022, 4, 8), d(2022, 4, 12))).toEqual([
      '2022-04-09',
      '2022-04-10',
      '2022-04-11',
    ]);
    expect(offDays(d(2022, 4, 29), d(2022, 5, 4))).toEqual([
      '2022-04-30',
      '2022-05-01',
      '2022-05-02',
      '2022-05-03',
    ]);
  });

  it('2023: Hùng Kings Sat 29 Apr and 30/4 Sunday → off 29 Apr – 3 May (announced)', () => {
    expect(offDays(d(2023, 4, 28), d(2023, 5, 4))).toEqual(range(d(2023, 4, 29), d(2023, 5, 3)));
  });

  it('1 Jan 2022 (Saturday) → off 1–3 Jan 2022 (announced)', () => {
    expect(offDays(d(2021, 12, 31), d(2022, 1, 4))).toEqual([
      '2022-01-01',
      '2022-01-02',
      '2022-01-03',
    ]);
  });

  it('a holiday on a weekend always gets a compensatory weekday that is not a holiday', () => {
    for (let year = 2021; year <= 2100; year += 1) {
      const days = publicHolidays(year, COMPUTED_ONLY);
      const weekendHolidays = days.filter(
        (day) => day.kind === 'holiday' && [0, 6].includes(dayOfWeek(day.date)),
      );
      const compensatory = days.filter((day) => day.kind === 'compensatory');
      expect(compensatory.length).toBe(weekendHolidays.length);
      for (const day of compensatory) expect([0, 6]).not.toContain(dayOfWeek(day.date));
      expect(new Set(iso(days)).size).toBe(days.length);
    }
  });
});

describe('Tết default (Art. 112(3) leaves the days to the Prime Minister)', () => {
  // Announced schedules reproduced by the default rule: last day of the year + mùng 1–4, a Tết
  // Saturday given back before the break, a Tết Sunday after it.
  it.each([
    ['2020 (vietnamnet, 23–29 Jan 2020)', d(2020, 1, 23), d(2020, 1, 29)],
    ['2022 (MOLISA, 31 Jan – 4 Feb 2022 plus weekends)', d(2022, 1, 29), d(2022, 2, 6)],
    ['2023 (Government plan, 20–26 Jan 2023, Art. 111(3))', d(2023, 1, 20), d(2023, 1, 26)],
    ['2024 (Government plan, 8–14 Feb 2024)', d(2024, 2, 8), d(2024, 2, 14)],
    ['2025 (PM approval, 25 Jan – 2 Feb 2025)', d(2025, 1, 25), d(2025, 2, 2)],
    ['2026 (Mon 16 – Fri 20 Feb 2026 plus weekends)', d(2026, 2, 14), d(2026, 2, 22)],
  ])('%s', (_, first, last) => {
    const around = (date: CivilDate, days: number) => addCalendarDays(date, days);
    const off = offDays(around(first, -1), around(last, 1));
    expect(off).toEqual(range(first, last));
  });
});

describe('National Day: the day next to 2 Sep (Art. 112(1)(đ)), default when not announced', () => {
  // Announced: 2021 2–3 Sep, 2022 1–2 Sep, 2023 1–2 Sep, 2024 2–3 Sep, 2025 1–2 Sep.
  it.each([
    [2021, 3],
    [2022, 1],
    [2023, 1],
    [2024, 3],
    [2025, 1],
  ])('%i: %i Sep', (year, day) => {
    const nationalDay = publicHolidays(year, COMPUTED_ONLY).filter(
      (entry) => entry.holiday === 'nationalDay' && entry.kind === 'holiday',
    );
    expect(nationalDay.map((entry) => entry.date.day).sort()).toEqual([day, 2].sort());
  });

  it('only 2 Sep before 2021 (Labour Code 10/2012 Art. 115; 2019 off 31 Aug – 2 Sep)', () => {
    expect(offDays(d(2019, 8, 30), d(2019, 9, 3))).toEqual([
      '2019-08-31',
      '2019-09-01',
      '2019-09-02',
    ]);
  });
});
