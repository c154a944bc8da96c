import { z } from 'zod';
import {
  civilDateToIso,
  isValidCivilDate,
  parseCivilDate,
  toDayNumber,
  type CivilDate,
} from '../calendar/civil-date';
import { deadlineEndUtc } from '../calendar/deadline';
import { vietnamMidnightUtc } from '../calendar/vietnam-time';
import { DomainError } from '../errors/domain-error';

/** Half-year review (sơ kết 6 tháng): H1, H2; year-end review (tổng kết năm): year. */
export const REVIEW_PRESETS = ['H1', 'H2', 'year'] as const;
export type ReviewPreset = (typeof REVIEW_PRESETS)[number];

/** A review period: both ends are Vietnam civil dates (yyyy-MM-dd), inclusive. */
export interface ReviewPeriod {
  from: string;
  to: string;
}

/** What the period is, for the document's title: "Sơ kết 6 tháng đầu năm", "Tổng kết năm"… */
export type ReviewScope =
  | { kind: 'H1'; year: number }
  | { kind: 'H2'; year: number }
  | { kind: 'year'; year: number }
  | { kind: 'custom' };

/** At most this many days from `from` to `to` inclusive (two years with a leap day). */
export const MAX_REVIEW_DAYS = 731;

export function presetPeriod(year: number, preset: ReviewPreset): ReviewPeriod {
  const y = String(year).padStart(4, '0');
  switch (preset) {
    case 'H1':
      return { from: `${y}-01-01`, to: `${y}-06-30` };
    case 'H2':
      return { from: `${y}-07-01`, to: `${y}-12-31` };
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

export function reviewScope(period: ReviewPeriod): ReviewScope {
  const year = Number(period.from.slice(0, 4));
  for (const preset of REVIEW_PRESETS) {
    const candidate = presetPeriod(year, preset);
    if (candidate.from === period.from && candidate.to === period.to) return { kind: preset, year };
  }
  return { kind: 'custom' };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query a client sends: either from/to, or a preset with its year. */
export const ZReviewPeriodQuery = z.union([
  z.strictObject({
    from: z.string().regex(ISO_DATE, 'expected yyyy-MM-dd'),
    to: z.string().regex(ISO_DATE, 'expected yyyy-MM-dd'),
  }),
  z.strictObject({
    preset: z.enum(REVIEW_PRESETS),
    year: z.string().regex(/^\d{4}$/, 'expected a year'),
  }),
]);

/**
 * Reads and checks a review period. Stable codes: REPORT.PERIOD_INVALID (missing or not a calendar
 * date), REPORT.PERIOD_REVERSED (from after to), REPORT.PERIOD_TOO_LONG (more than 731 days).
 */
export function parseReviewPeriod(query: unknown): ReviewPeriod {
  const parsed = ZReviewPeriodQuery.safeParse(query);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new DomainError('REPORT.PERIOD_INVALID', { issues });
  }
  const period =
    'preset' in parsed.data
      ? presetPeriod(Number(parsed.data.year), parsed.data.preset)
      : { from: parsed.data.from, to: parsed.data.to };
  const from = civilOrNull(period.from);
  const to = civilOrNull(period.to);
  if (!from || !to) {
    throw new DomainError('REPORT.PERIOD_INVALID', { issues: 'not a calendar date' });
  }
  const days = toDayNumber(to) - toDayNumber(from) + 1;
  if (days < 1) throw new DomainError('REPORT.PERIOD_REVERSED', { ...period });
  if (days > MAX_REVIEW_DAYS) {
    throw new DomainError('REPORT.PERIOD_TOO_LONG', { days, max: MAX_REVIEW_DAYS });
  }
  return { from: civilDateToIso(from), to: civilDateToIso(to) };
}

function civilOrNull(iso: string): CivilDate | null {
  try {
    const date = parseCivilDate(iso);
    return isValidCivilDate(date) ? date : null;
  } catch {
    return null;
  }
}

/** The period as instants: [00:00 Vietnam time on `from`, 24:00 Vietnam time on `to`). */
export function periodInstants(period: ReviewPeriod): { start: Date; end: Date } {
  return {
    start: vietnamMidnightUtc(parseCivilDate(period.from)),
    end: deadlineEndUtc(parseCivilDate(period.to)),
  };
}
