import { MAX_REVIEW_DAYS, type ReviewScope } from '@qcdc/core';
import type { ReviewQuery } from '../api/report-api';
import {
  civilDateFromInput,
  dayDifference,
  formatCivilDate,
  vietnamToday,
} from '../assignments/assignment-dates';
import type { MessageKey } from '../i18n';

/** What the period picker holds: the words typed, checked only when the user asks for a report. */
export interface PeriodChoice {
  mode: 'H1' | 'H2' | 'year' | 'custom';
  /** yyyy, for the presets. */
  year: string;
  /** dd/MM/yyyy, for a custom range (Vietnam civil dates, both ends included). */
  from: string;
  to: string;
}

export type PeriodField = 'year' | 'from' | 'to';

export type PeriodResult =
  | { ok: true; query: ReviewQuery }
  | { ok: false; errors: Partial<Record<PeriodField, MessageKey>> };

/**
 * The last period that has ended, in Vietnam time: in July-December the first half of this year; in
 * January-June last year as a whole (the year-end review is what a body writes then, and it covers
 * the second half too). The custom range starts as that same period, so switching to it is a tweak.
 */
export function defaultPeriodChoice(now: Date): PeriodChoice {
  const today = vietnamToday(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month >= 7) {
    return { mode: 'H1', year: String(year), from: `01/01/${year}`, to: `30/06/${year}` };
  }
  return {
    mode: 'year',
    year: String(year - 1),
    from: `01/01/${year - 1}`,
    to: `31/12/${year - 1}`,
  };
}

/** Checks the choice the same way the API will (docs/reports.md), so most mistakes never travel. */
export function toReviewQuery(choice: PeriodChoice): PeriodResult {
  if (choice.mode !== 'custom') {
    const year = choice.year.trim();
    if (!/^\d{4}$/.test(year) || Number(year) < 1900) {
      return { ok: false, errors: { year: 'report.period.yearInvalid' } };
    }
    return { ok: true, query: { preset: choice.mode, year: Number(year) } };
  }
  const from = civilDateFromInput(choice.from.trim());
  const to = civilDateFromInput(choice.to.trim());
  const errors: Partial<Record<PeriodField, MessageKey>> = {};
  if (!from) errors.from = 'report.period.dateInvalid';
  if (!to) errors.to = 'report.period.dateInvalid';
  if (!from || !to) return { ok: false, errors };
  const days = dayDifference(from, to) + 1;
  if (days < 1) return { ok: false, errors: { to: 'report.period.reversed' } };
  if (days > MAX_REVIEW_DAYS) return { ok: false, errors: { to: 'report.period.tooLong' } };
  return { ok: true, query: { from, to } };
}

/** The period's name as the documents title it: "Sơ kết 6 tháng đầu năm 2026"… */
export function scopeTitle(scope: ReviewScope): { key: MessageKey; params: { year?: number } } {
  switch (scope.kind) {
    case 'H1':
      return { key: 'report.scope.H1', params: { year: scope.year } };
    case 'H2':
      return { key: 'report.scope.H2', params: { year: scope.year } };
    case 'year':
      return { key: 'report.scope.year', params: { year: scope.year } };
    case 'custom':
      return { key: 'report.scope.custom', params: {} };
  }
}

/** "01/01/2026 – 30/06/2026". */
export function periodRange(period: { from: string; to: string }): string {
  return `${formatCivilDate(period.from)} – ${formatCivilDate(period.to)}`;
}
