import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toVietnamDate, vietnamDateTimeToUtc, vietnamMidnightUtc } from '../../src/calendar/index';

describe('Asia/Ho_Chi_Minh time (fixed UTC+7, no daylight saving since 1975)', () => {
  it('changes date at 17:00 UTC', () => {
    expect(toVietnamDate(new Date('2025-01-28T16:59:59.999Z'))).toEqual({
      year: 2025,
      month: 1,
      day: 28,
    });
    expect(toVietnamDate(new Date('2025-01-28T17:00:00.000Z'))).toEqual({
      year: 2025,
      month: 1,
      day: 29,
    });
  });

  it('gives the UTC instant of a Vietnamese midnight and wall-clock time', () => {
    expect(vietnamMidnightUtc({ year: 2025, month: 1, day: 29 }).toISOString()).toBe(
      '2025-01-28T17:00:00.000Z',
    );
    expect(vietnamDateTimeToUtc({ year: 2026, month: 12, day: 15 }, 8, 0).toISOString()).toBe(
      '2026-12-15T01:00:00.000Z',
    );
    expect(() => vietnamDateTimeToUtc({ year: 2026, month: 12, day: 15 }, 24, 0)).toThrow(
      RangeError,
    );
    expect(() => toVietnamDate(new Date('nonsense'))).toThrow(RangeError);
  });

  it('agrees with the IANA zone Asia/Ho_Chi_Minh for instants since 1976 (property)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const from = Date.UTC(1976, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const instant = new Date(ms);
        const date = toVietnamDate(instant);
        const iso = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
        expect(iso).toBe(zone.format(instant));
        const midnight = vietnamMidnightUtc(date).getTime();
        expect(ms - midnight).toBeGreaterThanOrEqual(0);
        expect(ms - midnight).toBeLessThan(86_400_000);
      }),
    );
  });
});
