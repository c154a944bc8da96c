import { civilDateToIso, parseCivilDate } from '../calendar/civil-date';
import { deadlineEndUtc } from '../calendar/deadline';
import { toVietnamDate } from '../calendar/vietnam-time';
import { CASE_KINDS, type CaseKind, type CitizenCase } from '../cases/citizen-case';
import {
  RECEPTION_KINDS,
  receptionCadenceGaps,
  receptionCadenceRule,
  type ReceptionKind,
  type ReceptionSession,
} from '../cases/reception';
import type { Recommendation } from '../consultations/consultation';
import type { Disclosure } from '../disclosures/disclosure';
import type { ReviewPeriod } from './review-period';

/** A count with the ids of the records behind it (same shape as review-figures.ts). */
interface Figure {
  count: number;
  ids: string[];
}

const figure = (ids: readonly string[]): Figure => ({ count: ids.length, ids: [...ids].sort() });

/**
 * The Front's recommendations (Law 75/2015 Art. 29(6), 36(3)): received in the period, answered in
 * it on time or late, and those still unanswered past their deadline at the cut-off. On time means
 * the approved answer is dated no later than the deadline day (answered by 24:00 Vietnam time);
 * unanswered at 24:00 on the deadline day is overdue (the rule assignments follow).
 */
export interface ReviewFrontFigures {
  available: boolean;
  received: Figure;
  answered: Figure;
  answeredOnTime: Figure;
  answeredLate: Figure;
  openOverdue: Figure;
  onTimeRate: number | null;
}

/** One reception kind against its legal minimum (Law 42/2013 Art. 15, 18; dialogues: unit default). */
export interface ReviewReceptionKind {
  kind: ReceptionKind;
  ruleId: string;
  basis: string;
  /** Per week, month or year. */
  cadence: 'week' | 'month' | 'year';
  minSessions: number;
  /** Sessions held (status `held`) in the period up to the cut-off. */
  held: Figure;
  /** Weeks / months / years touching the period up to the cut-off, times the minimum. */
  required: number;
  /** Of those, how many had fewer held sessions than the minimum. */
  periodsShort: number;
  met: boolean;
}

export interface ReviewReceptionFigures {
  available: boolean;
  held: Figure;
  /**
   * Kinds reported: the dialogue always (every unit owes one a year), the commune chair's and the
   * agency head's days when the body records sessions of that kind (a body is one or the other, and
   * which the app cannot tell from the body alone).
   */
  kinds: ReviewReceptionKind[];
}

/**
 * Complaints, denunciations and feedback: counts with opaque ids only (no number, name or content;
 * docs/citizens-and-front.md "Confidentiality"). Resolved on time: the resolution is dated no later
 * than the deadline in force (extensions included).
 */
export interface ReviewCaseFigures {
  available: boolean;
  received: Figure;
  resolved: Figure;
  resolvedOnTime: Figure;
  resolvedLate: Figure;
  rejected: Figure;
  /** Open at the cut-off with the deadline of the stage it was in already ended. */
  openOverdue: Figure;
  byKind: Record<
    CaseKind,
    { received: number; resolvedOnTime: number; resolvedLate: number; openOverdue: number }
  >;
}

/** Public disclosures made (posting started) in the period, and those whose start was missed. */
export interface ReviewDisclosureFigures {
  available: boolean;
  made: Figure;
  /** Ended in the period (taken down, or ended by recording it). */
  ended: Figure;
  /** Still not posted at the cut-off although the start day had passed. */
  startOverdue: Figure;
}

export interface CitizenFiguresInput {
  period: ReviewPeriod;
  /** The cut-off (end of the period, or now while it runs). */
  asOf: Date;
  recommendations?: readonly Recommendation[] | undefined;
  sessions?: readonly ReceptionSession[] | undefined;
  cases?: readonly CitizenCase[] | undefined;
  disclosures?: readonly Disclosure[] | undefined;
}

/** The Vietnam civil date of the last instant before the cut-off. */
function cutDateOf(asOf: Date): string {
  return civilDateToIso(toVietnamDate(new Date(asOf.getTime() - 1)));
}

const inPeriod = (date: string | undefined, period: ReviewPeriod, cutDate: string) =>
  date !== undefined && date >= period.from && date <= period.to && date <= cutDate;

const deadlineEnded = (deadline: string, asOf: Date) =>
  asOf.getTime() >= deadlineEndUtc(parseCivilDate(deadline)).getTime();

export function frontFigures(
  recs: readonly Recommendation[] | undefined,
  period: ReviewPeriod,
  asOf: Date,
): ReviewFrontFigures {
  const cutDate = cutDateOf(asOf);
  const list = recs ?? [];
  // Answered by the cut-off: approved, and the approval happened before it.
  const answeredBy = (r: Recommendation) =>
    r.status === 'responded' &&
    r.respondedOn !== undefined &&
    (r.respondedAt === undefined || Date.parse(r.respondedAt) < asOf.getTime());
  const answered = list.filter((r) => answeredBy(r) && inPeriod(r.respondedOn, period, cutDate));
  const onTime = answered.filter((r) => r.respondedOn! <= r.deadline);
  const late = answered.filter((r) => r.respondedOn! > r.deadline);
  const openOverdue = list.filter(
    (r) =>
      r.receivedOn <= cutDate &&
      Date.parse(r.createdAt) < asOf.getTime() &&
      !answeredBy(r) &&
      deadlineEnded(r.deadline, asOf),
  );
  return {
    available: recs !== undefined,
    received: figure(list.filter((r) => inPeriod(r.receivedOn, period, cutDate)).map((r) => r.id)),
    answered: figure(answered.map((r) => r.id)),
    answeredOnTime: figure(onTime.map((r) => r.id)),
    answeredLate: figure(late.map((r) => r.id)),
    openOverdue: figure(openOverdue.map((r) => r.id)),
    onTimeRate: answered.length === 0 ? null : onTime.length / answered.length,
  };
}

export function receptionFigures(
  sessions: readonly ReceptionSession[] | undefined,
  period: ReviewPeriod,
  asOf: Date,
): ReviewReceptionFigures {
  const cutDate = cutDateOf(asOf);
  const to = cutDate < period.to ? cutDate : period.to;
  const list = sessions ?? [];
  const held = list.filter((s) => s.status === 'held' && inPeriod(s.date, period, cutDate));
  const kinds = RECEPTION_KINDS.filter(
    (kind) => kind === 'dialogue' || list.some((s) => s.kind === kind),
  ).map((kind): ReviewReceptionKind => {
    const rule = receptionCadenceRule(kind);
    const ofKind = held.filter((s) => s.kind === kind);
    // Every week / month / year touching the range, then those short of the minimum.
    const periods = to < period.from ? [] : receptionCadenceGaps([], kind, period.from, to);
    const short = to < period.from ? [] : receptionCadenceGaps(ofKind, kind, period.from, to);
    return {
      kind,
      ruleId: rule.id,
      basis: rule.basis,
      cadence: rule.period,
      minSessions: rule.minSessions,
      held: figure(ofKind.map((s) => s.id)),
      required: periods.length * rule.minSessions,
      periodsShort: short.length,
      met: short.length === 0,
    };
  });
  return { available: sessions !== undefined, held: figure(held.map((s) => s.id)), kinds };
}

/** The resolution deadline in force at the cut-off: the last extension decided by then. */
function resolutionDeadlineAt(c: CitizenCase, cutDate: string): string | undefined {
  const r = c.resolution;
  if (!r) return undefined;
  const extensions = r.extensions.filter((e) => e.decidedOn <= cutDate);
  return extensions.at(-1)?.toDeadline ?? r.originalDeadline;
}

export function caseFigures(
  cases: readonly CitizenCase[] | undefined,
  period: ReviewPeriod,
  asOf: Date,
): ReviewCaseFigures {
  const cutDate = cutDateOf(asOf);
  const list = (cases ?? []).filter((c) => Date.parse(c.createdAt) < asOf.getTime());
  const byKind = Object.fromEntries(
    CASE_KINDS.map((kind) => [
      kind,
      { received: 0, resolvedOnTime: 0, resolvedLate: 0, openOverdue: 0 },
    ]),
  ) as ReviewCaseFigures['byKind'];
  const received: string[] = [];
  const resolved: string[] = [];
  const onTime: string[] = [];
  const late: string[] = [];
  const rejected: string[] = [];
  const openOverdue: string[] = [];
  for (const c of list) {
    const kind = byKind[c.kind];
    if (inPeriod(c.receivedOn, period, cutDate)) {
      received.push(c.id);
      kind.received += 1;
    }
    const decided = c.acceptance.decidedOn !== undefined && c.acceptance.decidedOn <= cutDate;
    const resolvedOn = c.resolution?.resolvedOn;
    const resolvedBy = c.status === 'resolved' && resolvedOn !== undefined && resolvedOn <= cutDate;
    if (c.status === 'rejected' && decided) {
      if (inPeriod(c.acceptance.decidedOn, period, cutDate)) rejected.push(c.id);
      continue;
    }
    if (resolvedBy) {
      if (!inPeriod(resolvedOn, period, cutDate)) continue;
      resolved.push(c.id);
      // Judged by the deadline in force when it was resolved (extensions included).
      if (resolvedOn <= c.resolution!.deadline) {
        onTime.push(c.id);
        kind.resolvedOnTime += 1;
      } else {
        late.push(c.id);
        kind.resolvedLate += 1;
      }
      continue;
    }
    // Open at the cut-off: at the acceptance stage until decided, then at the resolution stage.
    const deadline = decided ? resolutionDeadlineAt(c, cutDate) : c.acceptance.deadline;
    if (deadline !== undefined && deadlineEnded(deadline, asOf)) {
      openOverdue.push(c.id);
      kind.openOverdue += 1;
    }
  }
  return {
    available: cases !== undefined,
    received: figure(received),
    resolved: figure(resolved),
    resolvedOnTime: figure(onTime),
    resolvedLate: figure(late),
    rejected: figure(rejected),
    openOverdue: figure(openOverdue),
    byKind,
  };
}

export function disclosureFigures(
  disclosures: readonly Disclosure[] | undefined,
  period: ReviewPeriod,
  asOf: Date,
): ReviewDisclosureFigures {
  const cutDate = cutDateOf(asOf);
  const list = disclosures ?? [];
  const postedBy = (d: Disclosure) =>
    d.status !== 'planned' && d.postedAt !== undefined && Date.parse(d.postedAt) < asOf.getTime();
  return {
    available: disclosures !== undefined,
    made: figure(
      list.filter((d) => postedBy(d) && inPeriod(d.startOn, period, cutDate)).map((d) => d.id),
    ),
    ended: figure(
      list
        .filter((d) => d.status === 'ended' && inPeriod(d.endedOn, period, cutDate))
        .map((d) => d.id),
    ),
    startOverdue: figure(
      list
        .filter(
          (d) =>
            Date.parse(d.createdAt) < asOf.getTime() &&
            !postedBy(d) &&
            deadlineEnded(d.startOn, asOf) &&
            d.startOn >= period.from,
        )
        .map((d) => d.id),
    ),
  };
}

/** Everything citizen- and Front-related for the review; each part `available` only when loaded. */
export interface ReviewCitizenFigures {
  front: ReviewFrontFigures;
  reception: ReviewReceptionFigures;
  cases: ReviewCaseFigures;
  disclosures: ReviewDisclosureFigures;
}

export function citizenFigures(input: CitizenFiguresInput): ReviewCitizenFigures {
  return {
    front: frontFigures(input.recommendations, input.period, input.asOf),
    reception: receptionFigures(input.sessions, input.period, input.asOf),
    cases: caseFigures(input.cases, input.period, input.asOf),
    disclosures: disclosureFigures(input.disclosures, input.period, input.asOf),
  };
}
