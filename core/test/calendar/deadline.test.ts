import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  createWorkCalendar,
  deadlineEndUtc,
  isPastDeadline,
  type CivilDate,
} from '../../src/calendar/index';

const d = (year: number, month: number, day: number): CivilDate => ({ year, month, day });
const calendar = createWorkCalendar();

describe('computeDeadline', () => {
  it('Civil Code 91/2015 Art. 147(1): the start day is not counted', () => {
    expect(computeDeadline(d(2026, 3, 2), { amount: 10, unit: 'calendarDays' }, calendar)).toEqual(
      d(2026, 3, 12),
    );
  });

  it('Art. 148(5): a calendar-day limit ending on a day off ends on the next working day', () => {
    // Complaint acceptance, 10 days (Law 02/2011 Art. 27), received Wed 21 Jan 2026:
    // day 10 is Saturday 31 Jan → Monday 2 Feb.
    const rule = { amount: 10, unit: 'calendarDays' } as const;
    expect(computeDeadline(d(2026, 1, 21), rule, calendar)).toEqual(d(2026, 2, 2));
    expect(computeDeadline(d(2026, 1, 21), rule, calendar, { rollForwardOffDays: false })).toEqual(
      d(2026, 1, 31),
    );
    // Ending on mùng 1 Tết (17 Feb 2026) → first day back, Monday 23 Feb.
    expect(computeDeadline(d(2026, 2, 7), rule, calendar)).toEqual(d(2026, 2, 23));
  });

  it('"ngày làm việc" counts working days (Law 25/2018 Art. 24: 7 working days)', () => {
    // Denunciation received Thu 12 Feb 2026, before Tết: 13, 23, 24, 25, 26, 27 Feb, 2 Mar.
    expect(computeDeadline(d(2026, 2, 12), { amount: 7, unit: 'workingDays' }, calendar)).toEqual(
      d(2026, 3, 2),
    );
    // Decree 59/2023 Art. 21: the union confirms an election within 5 working days.
    expect(computeDeadline(d(2026, 1, 23), { amount: 5, unit: 'workingDays' }, calendar)).toEqual(
      d(2026, 1, 30),
    );
  });

  it('rejects a negative or fractional amount', () => {
    expect(() => computeDeadline(d(2026, 1, 1), { amount: -1, unit: 'calendarDays' })).toThrow(
      RangeError,
    );
    expect(() => computeDeadline(d(2026, 1, 1), { amount: 1.5, unit: 'workingDays' })).toThrow(
      RangeError,
    );
  });

  it('Art. 148(6): the last day ends at 24:00 Vietnam time', () => {
    expect(deadlineEndUtc(d(2026, 3, 2)).toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(isPastDeadline(d(2026, 3, 2), new Date('2026-03-02T16:59:59.999Z'))).toBe(false);
    expect(isPastDeadline(d(2026, 3, 2), new Date('2026-03-02T17:00:00.000Z'))).toBe(true);
  });
});
