import { addCalendarDays, civilDateToIso, parseCivilDate } from '../calendar/civil-date';
import { deadlineEndUtc, isPastDeadline } from '../calendar/deadline';
import { toVietnamDate } from '../calendar/vietnam-time';
import { OPEN_CASE_STATUSES } from './case-lifecycle';
import { CASE_KINDS, CASE_NUMBER_PREFIX, type CaseKind, type CitizenCase } from './citizen-case';

/** KN-2026-0007: kind prefix, the year of registration, the unit's running number that year. */
export function formatCaseNumber(kind: CaseKind, year: number, seq: number): string {
  return `${CASE_NUMBER_PREFIX[kind]}-${year}-${String(seq).padStart(4, '0')}`;
}

export type CaseStage = 'acceptance' | 'resolution';

/** The deadline that matters now: acceptance until decided, then resolution; none once closed. */
export function currentCaseDeadline(c: CitizenCase): { stage: CaseStage; deadline: string } | null {
  if (c.status === 'received') return { stage: 'acceptance', deadline: c.acceptance.deadline };
  if (c.status === 'accepted' && c.resolution) {
    return { stage: 'resolution', deadline: c.resolution.deadline };
  }
  return null;
}

export interface CaseLateness {
  /** Decided after the acceptance deadline, or still undecided past it. */
  acceptanceLate: boolean;
  /** Resolved after the deadline in force (extensions included), or still open past it. */
  resolutionLate: boolean;
  /** Open and past the deadline of its current stage. */
  overdue: boolean;
}

export function caseLateness(c: CitizenCase, now: Date): CaseLateness {
  const acceptanceLate = c.acceptance.decidedOn
    ? c.acceptance.decidedOn > c.acceptance.deadline
    : isPastDeadline(parseCivilDate(c.acceptance.deadline), now);
  const r = c.resolution;
  const resolutionLate = !r
    ? false
    : r.resolvedOn
      ? r.resolvedOn > r.deadline
      : isPastDeadline(parseCivilDate(r.deadline), now);
  const current = currentCaseDeadline(c);
  const overdue = current ? isPastDeadline(parseCivilDate(current.deadline), now) : false;
  return { acceptanceLate, resolutionLate, overdue };
}

export interface CaseStats {
  total: number;
  open: number;
  /** Open, not overdue, current deadline within the next 7 days (Vietnam dates). */
  dueSoon: number;
  overdue: number;
  resolved: number;
  resolvedLate: number;
  rejected: number;
  byKind: Record<CaseKind, { total: number; open: number; overdue: number }>;
}

export const CASE_DUE_SOON_DAYS = 7;

/** Counts only: what the channel dashboard may show (no numbers, names or content). */
export function caseStats(cases: readonly CitizenCase[], now: Date): CaseStats {
  const byKind = Object.fromEntries(
    CASE_KINDS.map((kind) => [kind, { total: 0, open: 0, overdue: 0 }]),
  ) as CaseStats['byKind'];
  const soonLimit = civilDateToIso(addCalendarDays(toVietnamDate(now), CASE_DUE_SOON_DAYS));
  const stats = {
    total: 0,
    open: 0,
    dueSoon: 0,
    overdue: 0,
    resolved: 0,
    resolvedLate: 0,
    rejected: 0,
  };
  for (const c of cases) {
    const kind = byKind[c.kind];
    stats.total += 1;
    kind.total += 1;
    const late = caseLateness(c, now);
    if (OPEN_CASE_STATUSES.includes(c.status)) {
      stats.open += 1;
      kind.open += 1;
      if (late.overdue) {
        stats.overdue += 1;
        kind.overdue += 1;
      } else if ((currentCaseDeadline(c)?.deadline ?? '9999') <= soonLimit) {
        stats.dueSoon += 1;
      }
    } else if (c.status === 'resolved') {
      stats.resolved += 1;
      if (late.resolutionLate) stats.resolvedLate += 1;
    } else {
      stats.rejected += 1;
    }
  }
  return { ...stats, byKind };
}

/**
 * What a reminder or a card may carry about a case: its number, kind, stage and deadline. Never a
 * name, never the content.
 */
export interface CaseReminderSubject {
  caseId: string;
  bodyId: string;
  number: string;
  kind: CaseKind;
  stage: CaseStage;
  deadline: string;
  /** The instant the deadline day ends (24:00 Vietnam time). */
  dueAt: string;
  handlerIds: string[];
}

export function caseReminderSubject(c: CitizenCase): CaseReminderSubject | null {
  const current = currentCaseDeadline(c);
  if (!current) return null;
  return {
    caseId: c.id,
    bodyId: c.bodyId,
    number: c.number,
    kind: c.kind,
    stage: current.stage,
    deadline: current.deadline,
    dueAt: deadlineEndUtc(parseCivilDate(current.deadline)).toISOString(),
    handlerIds: [...c.handlerIds],
  };
}
