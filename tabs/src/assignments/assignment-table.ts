import { ASSIGNMENT_STATUSES, type AssignmentStatus, type Locale } from '@qcdc/core';
import type { AssignmentRow, AssignmentStatsView } from '../api/api-types';
import { assignmentStatusKey } from '../i18n/labels';
import { translate } from '../i18n/translate';
import { isOverdueAt } from './assignment-dates';
import { sortForTable } from './assignment-groups';

/** The dashboard table's filters; '' means "all". */
export interface TableFilter {
  text: string;
  status: StatusFilter;
  /** Matches the lead owner or a co-owner. */
  personId: string;
}

/** A stored status, or "overdue" (not stored: the deadline passing). */
export type StatusFilter = '' | 'overdue' | AssignmentStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = ['', 'overdue', ...ASSIGNMENT_STATUSES];

export const NO_FILTER: TableFilter = { text: '', status: '', personId: '' };

/** Rows rendered at first, and added by each "show more". */
export const TABLE_PAGE = 50;

/**
 * Lower case without diacritics ("Lương Văn Bình" → "luong van binh"), so "binh" and "Bình" both
 * find him: Vietnamese users often type without tone marks.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The rows shown, in the table's order (overdue first, then by deadline). The text search reads
 * what the table shows, the title and the people (the rows carry no description).
 */
export function filterAssignments<T extends AssignmentRow>(
  assignments: readonly T[],
  filter: TableFilter,
  nameOf: (userId: string) => string,
  now: Date,
): T[] {
  const words = foldForSearch(filter.text).split(' ').filter(Boolean);
  return sortForTable(
    assignments.filter((a) => {
      if (filter.status === 'overdue' && !isOverdueAt(a, now)) return false;
      if (filter.status && filter.status !== 'overdue' && a.status !== filter.status) return false;
      if (filter.personId && a.ownerId !== filter.personId) {
        if (!a.coOwnerIds.includes(filter.personId)) return false;
      }
      if (words.length === 0) return true;
      const haystack = foldForSearch(
        [a.title, nameOf(a.ownerId), ...a.coOwnerIds.map(nameOf)].join(' '),
      );
      return words.every((word) => haystack.includes(word));
    }),
    now,
  );
}

/** One tile of the counts row; tiles add up to the total (overdue work is counted only there). */
export interface StateCount {
  key: 'overdue' | AssignmentStatus;
  count: number;
}

/** Overdue first, then each stored status with the overdue ones taken out. */
export function stateCounts(assignments: readonly AssignmentRow[], now: Date): StateCount[] {
  const counts = new Map<StateCount['key'], number>([
    ['overdue', 0],
    ...ASSIGNMENT_STATUSES.map((status) => [status, 0] as const),
  ]);
  for (const a of assignments) {
    const key = isOverdueAt(a, now) ? 'overdue' : a.status;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** The chart's four bars, from the API's `stats`: open work split by the deadline, done work by it. */
export interface ChartBar {
  key: 'open' | 'overdue' | 'onTime' | 'late';
  value: number;
}

export function chartBars(stats: AssignmentStatsView): ChartBar[] {
  return [
    { key: 'open', value: Math.max(0, stats.open - stats.overdue) },
    { key: 'overdue', value: stats.overdue },
    { key: 'onTime', value: stats.onTime },
    { key: 'late', value: stats.late },
  ];
}

/** The chart's text alternative: every number the bars show. */
export function chartLabel(stats: AssignmentStatsView, locale: Locale): string {
  const [open, overdue, onTime, late] = chartBars(stats).map((bar) => bar.value);
  return translate(locale, 'chart.label', {
    open: open ?? 0,
    overdue: overdue ?? 0,
    onTime: onTime ?? 0,
    late: late ?? 0,
  });
}

/** "100% (1/1)", or null with nothing done yet. */
export function onTimeRateText(stats: AssignmentStatsView): string | null {
  if (stats.onTimeRate === null) return null;
  return `${Math.round(stats.onTimeRate * 100)}% (${stats.onTime}/${stats.done})`;
}

/** The label of a state tile or status filter option. */
export function stateLabel(key: 'overdue' | AssignmentStatus, locale: Locale): string {
  return key === 'overdue'
    ? translate(locale, 'assignments.overdue')
    : translate(locale, assignmentStatusKey(key));
}
