import {
  addCalendarDays,
  civilDateToIso,
  dayOfWeek,
  parseCivilDate,
  type CivilDate,
} from '../calendar/civil-date';
import type { AuditHead } from '../audit/audit-event';
import type { RuleConfidence } from './deadline-rule-registry';

/**
 * Tiếp công dân and đối thoại: the commune chair's weekly reception day, an agency head's monthly one,
 * and the dialogues with citizens. Issues raised in a session are taken in as cases.
 */
export const RECEPTION_KINDS = ['communeChair', 'agencyHead', 'dialogue'] as const;
export type ReceptionKind = (typeof RECEPTION_KINDS)[number];

export const RECEPTION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type ReceptionStatus = (typeof RECEPTION_STATUSES)[number];

export interface ReceptionSession {
  tenantId: string;
  unitId: string;
  bodyId: string;
  id: string;
  kind: ReceptionKind;
  /** Who receives the citizens (the chair, the head). */
  hostId: string;
  /** yyyy-MM-dd, Vietnam date. */
  date: string;
  location: string;
  status: ReceptionStatus;
  note?: string | undefined;
  createdAt: string;
  updatedAt: string;
  version: number;
  audit: AuditHead;
}

export interface ReceptionCadenceRule {
  readonly id: string;
  readonly kind: ReceptionKind;
  readonly period: 'week' | 'month' | 'year';
  readonly minSessions: number;
  readonly effectiveFrom: string;
  readonly basis: string;
  readonly confidence: RuleConfidence;
}

const RECEPTION_LAW = 'Law 42/2013/QH13 on Citizen Reception';

export const RECEPTION_CADENCE_RULES: readonly ReceptionCadenceRule[] = [
  // The commune chair receives citizens at least 1 day a week.
  {
    id: 'reception.communeChair',
    kind: 'communeChair',
    period: 'week',
    minSessions: 1,
    effectiveFrom: '2014-07-01',
    basis: `${RECEPTION_LAW} Art. 15`,
    confidence: 'high',
  },
  // Heads of agencies receive citizens at least 1 day a month.
  {
    id: 'reception.agencyHead',
    kind: 'agencyHead',
    period: 'month',
    minSessions: 1,
    effectiveFrom: '2014-07-01',
    basis: `${RECEPTION_LAW} Art. 18`,
    confidence: 'high',
  },
  // Yearly dialogue: the article is not confirmed (RULES.md), so it is the unit's default.
  {
    id: 'reception.dialogue',
    kind: 'dialogue',
    period: 'year',
    minSessions: 1,
    effectiveFrom: '2014-07-01',
    basis: 'Law 10/2022/QH15 (yearly dialogue; article to confirm)',
    confidence: 'unitDefault',
  },
];

export function receptionCadenceRule(kind: ReceptionKind): ReceptionCadenceRule {
  const rule = RECEPTION_CADENCE_RULES.find((r) => r.kind === kind);
  if (!rule) throw new RangeError(`No cadence rule for ${kind}`);
  return rule;
}

export interface CadenceGap {
  /** First and last day of a week (Monday–Sunday), month or year without enough sessions. */
  from: string;
  to: string;
  sessions: number;
}

function periodStart(date: CivilDate, period: ReceptionCadenceRule['period']): CivilDate {
  switch (period) {
    case 'week':
      return addCalendarDays(date, -((dayOfWeek(date) + 6) % 7));
    case 'month':
      return { year: date.year, month: date.month, day: 1 };
    case 'year':
      return { year: date.year, month: 1, day: 1 };
  }
}

function nextPeriodStart(start: CivilDate, period: ReceptionCadenceRule['period']): CivilDate {
  switch (period) {
    case 'week':
      return addCalendarDays(start, 7);
    case 'month':
      return start.month === 12
        ? { year: start.year + 1, month: 1, day: 1 }
        : { year: start.year, month: start.month + 1, day: 1 };
    case 'year':
      return { year: start.year + 1, month: 1, day: 1 };
  }
}

/**
 * The weeks, months or years between `from` and `to` (yyyy-MM-dd, whole periods that touch the range)
 * with fewer sessions of `kind` than its rule requires. Cancelled sessions do not count; scheduled ones
 * do (they are the plan), held ones do.
 */
export function receptionCadenceGaps(
  sessions: readonly ReceptionSession[],
  kind: ReceptionKind,
  from: string,
  to: string,
): CadenceGap[] {
  const rule = receptionCadenceRule(kind);
  const counted = sessions.filter((s) => s.kind === kind && s.status !== 'cancelled');
  const gaps: CadenceGap[] = [];
  let start = periodStart(parseCivilDate(from), rule.period);
  for (let guard = 0; civilDateToIso(start) <= to && guard < 1_000; guard += 1) {
    const next = nextPeriodStart(start, rule.period);
    const first = civilDateToIso(start);
    const last = civilDateToIso(addCalendarDays(next, -1));
    const count = counted.filter((s) => s.date >= first && s.date <= last).length;
    if (count < rule.minSessions) gaps.push({ from: first, to: last, sessions: count });
    start = next;
  }
  return gaps;
}
