import { describe, expect, it } from 'vitest';
import {
  civilDateFromInput,
  daysUntil,
  deadlineState,
  deadlineText,
  formatCivilDate,
  isOverdueAt,
  vietnamToday,
} from '../src/assignments/assignment-dates';
import { vietnam } from './fixtures';

describe('deadlines in Vietnam civil days', () => {
  it('takes today from a clock in Vietnam, not the machine zone', () => {
    // 23:30 UTC on 14/12 is already 06:30 on 15/12 in Vietnam.
    expect(vietnamToday(new Date('2026-12-14T23:30:00Z'))).toBe('2026-12-15');
    expect(vietnamToday(new Date('2026-12-14T16:59:59Z'))).toBe('2026-12-14');
    expect(vietnamToday(new Date('2026-12-14T17:00:00Z'))).toBe('2026-12-15');
  });

  it('counts whole days to the deadline, across months and years', () => {
    expect(daysUntil('2026-12-15', vietnam('2026-12-12'))).toBe(3);
    expect(daysUntil('2026-12-15', vietnam('2026-12-15', '23:59'))).toBe(0);
    expect(daysUntil('2026-12-15', vietnam('2026-12-16', '00:00'))).toBe(-1);
    expect(daysUntil('2027-01-02', vietnam('2026-12-30'))).toBe(3);
    expect(daysUntil('2028-03-01', vietnam('2028-02-28'))).toBe(2); // 2028 is a leap year
  });

  it('is overdue from 24:00 Vietnam time on the deadline day, while the work goes on', () => {
    const work = { status: 'inProgress' as const, deadline: '2026-12-15' };
    expect(isOverdueAt(work, vietnam('2026-12-15', '23:59'))).toBe(false);
    expect(isOverdueAt(work, vietnam('2026-12-16', '00:00'))).toBe(true);
    // Handed-in, done or cancelled work is never overdue (core's isOverdue).
    for (const status of ['submitted', 'done', 'cancelled'] as const) {
      expect(isOverdueAt({ ...work, status }, vietnam('2027-01-10'))).toBe(false);
    }
    expect(isOverdueAt({ ...work, status: 'returned' }, vietnam('2027-01-10'))).toBe(true);
  });

  it('says "còn n ngày", "hết hạn hôm nay" and "quá n ngày", in English too', () => {
    const open = { status: 'open' as const, deadline: '2026-12-15' };
    const at = (date: string) => deadlineState(open, vietnam(date));
    expect(at('2026-12-10')).toEqual({ kind: 'daysLeft', days: 5 });
    expect(deadlineText(at('2026-12-10')!, 'vi')).toBe('còn 5 ngày');
    expect(deadlineText(at('2026-12-14')!, 'en')).toBe('1 day left');
    expect(deadlineText(at('2026-12-10')!, 'en')).toBe('5 days left');
    expect(deadlineText(at('2026-12-15')!, 'vi')).toBe('hết hạn hôm nay');
    expect(deadlineText(at('2026-12-15')!, 'en')).toBe('due today');
    expect(deadlineText(at('2026-12-18')!, 'vi')).toBe('quá 3 ngày');
    expect(deadlineText(at('2026-12-16')!, 'en')).toBe('1 day overdue');
    expect(deadlineState({ ...open, status: 'submitted' }, vietnam('2026-12-18'))).toBeNull();
    expect(deadlineState({ ...open, status: 'done' }, vietnam('2026-12-10'))).toBeNull();
  });

  it('writes and reads dates as dd/MM/yyyy', () => {
    expect(formatCivilDate('2026-02-05')).toBe('05/02/2026');
    expect(civilDateFromInput('5/2/2026')).toBe('2026-02-05');
    expect(civilDateFromInput(' 15/12/2026 ')).toBe('2026-12-15');
    expect(civilDateFromInput('29/02/2026')).toBeNull();
    expect(civilDateFromInput('2026-12-15')).toBeNull();
    expect(civilDateFromInput('')).toBeNull();
  });
});
