import { completedOnTime } from '../assignments/assignment-rules';
import type { Assignment, AssignmentStatus } from '../assignments/assignment';
import type { Body, BodyKind, Member } from '../bodies/body';
import { parseCivilDate, toDayNumber } from '../calendar/civil-date';
import { deadlineEndUtc } from '../calendar/deadline';
import { toVietnamDate, vietnamMidnightUtc } from '../calendar/vietnam-time';
import {
  MEETING_KINDS,
  type Meeting,
  type MeetingKind,
  type MeetingStatus,
} from '../meetings/meeting';
import type { CitizenCase } from '../cases/citizen-case';
import type { ReceptionSession } from '../cases/reception';
import type { Recommendation } from '../consultations/consultation';
import type { Disclosure } from '../disclosures/disclosure';
import type { Motion } from '../voting/motion';
import { citizenFigures, type ReviewCitizenFigures } from './citizen-figures';
import { periodInstants, reviewScope, type ReviewPeriod, type ReviewScope } from './review-period';
import { resolutionReviewChecks, type ResolutionReviewCheck } from './resolution-review';

/** A count with the ids of the records behind it, so every number in a report can be traced. */
export interface Figure {
  count: number;
  ids: string[];
}

/** A meeting counts as held once it has ended (ended, minutes in review or approved, archived). */
export const HELD_MEETING_STATUSES: readonly MeetingStatus[] = [
  'ended',
  'minutesInReview',
  'minutesApproved',
  'archived',
];

export interface ReviewMeetingRow {
  id: string;
  title: string;
  kind: MeetingKind;
  startsAt: string;
  status: MeetingStatus;
  minutesApproved: boolean;
}

/**
 * Where an assignment stood at the report's cut-off (`asOf`), rebuilt from its dates: done (handed in
 * before the cut-off and since approved), awaiting approval, open, overdue (deadline ended, still open),
 * cancelled.
 */
export type AssignmentStateAtEnd = 'done' | 'awaitingApproval' | 'open' | 'overdue' | 'cancelled';

export interface ReviewAssignmentRow {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  /** In force at the cut-off (yyyy-MM-dd, Vietnam time; ends at 24:00 that day). */
  deadline: string;
  originalDeadline: string;
  /** The stored status today. */
  status: AssignmentStatus;
  stateAtEnd: AssignmentStateAtEnd;
  /** Done rows only: finished by 24:00 Vietnam time on the deadline day. */
  onTime: boolean | null;
  /** When the owner handed it in (or it was completed), if they did. */
  finishedAt?: string | undefined;
  /** Overdue rows: whole days past the deadline at the cut-off (1 on the day after). */
  daysOverdue?: number | undefined;
  meetingId?: string | undefined;
}

export interface ReviewVoteFigures {
  /** False when no vote store was given: the figures are then all zero and must not be reported. */
  available: boolean;
  /** Closed motions (biểu quyết) in meetings held in the period. */
  motions: Figure;
  adopted: Figure;
  rejected: Figure;
  /** No quorum, or no decision (e.g. a tie). */
  undecided: Figure;
  /** Closed elections (bầu cử). */
  elections: Figure;
  electionsDecided: Figure;
}

/** Law 10/2022 Art. 51(1): the staff conference for a work year is held by 31 March of the next. */
export interface StaffConferenceCheck {
  workYear: number;
  /** yyyy-MM-dd, the last day it may be held. */
  dueBy: string;
  status: 'onTime' | 'late' | 'notHeld' | 'notYetDue';
  meetingIds: string[];
  heldOn?: string | undefined;
  /**
   * Law 10/2022 Art. 52(3): the resolution's six-monthly review, one per conference year touching
   * the period (resolution-review.ts).
   */
  resolutionReviews: ResolutionReviewCheck[];
}

export interface BodyReviewFigures {
  meetings: {
    held: Figure;
    byKind: Record<MeetingKind, Figure>;
    minutesApproved: Figure;
    cancelled: Figure;
  };
  assignments: {
    total: Figure;
    done: Figure;
    onTime: Figure;
    late: Figure;
    awaitingApproval: Figure;
    open: Figure;
    overdue: Figure;
    cancelled: Figure;
    /** Fractions 0..1; null when nothing to divide by. */
    onTimeRate: number | null;
    lateRate: number | null;
    completionRate: number | null;
  };
  votes: ReviewVoteFigures;
  staffConference?: StaffConferenceCheck | undefined;
  /** Front recommendations, citizen reception, cases and disclosures (citizen-figures.ts). */
  citizens: ReviewCitizenFigures;
}

export interface BodyReview {
  body: Pick<Body, 'id' | 'name' | 'unitName' | 'kind'>;
  period: ReviewPeriod;
  scope: ReviewScope;
  /** The cut-off: the end of the period (24:00 Vietnam time on `to`), or now if that is later. */
  asOf: string;
  figures: BodyReviewFigures;
  meetingRows: ReviewMeetingRow[];
  assignmentRows: ReviewAssignmentRow[];
  overdue: ReviewAssignmentRow[];
  /** The body's head, who signs the report (empty when the body has none). */
  signerName: string;
}

export interface BodyReviewInput {
  body: Body;
  members: readonly Member[];
  period: ReviewPeriod;
  now: Date;
  meetings: readonly Meeting[];
  assignments: readonly Assignment[];
  /** The motions of the meetings held in the period; undefined when no vote store is available. */
  motions?: readonly Motion[] | undefined;
  /** The body's records of each kind; undefined when that store is not available. */
  recommendations?: readonly Recommendation[] | undefined;
  sessions?: readonly ReceptionSession[] | undefined;
  cases?: readonly CitizenCase[] | undefined;
  disclosures?: readonly Disclosure[] | undefined;
}

const figure = (ids: readonly string[]): Figure => ({ count: ids.length, ids: [...ids] });
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Meetings held in the period: ended (or later) and starting within it, in Vietnam time. */
export function meetingsHeldIn(meetings: readonly Meeting[], period: ReviewPeriod): Meeting[] {
  const { start, end } = periodInstants(period);
  return meetings
    .filter((m) => HELD_MEETING_STATUSES.includes(m.status) && within(m.startsAt, start, end))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
}

function within(iso: string, start: Date, end: Date): boolean {
  const at = Date.parse(iso);
  return at >= start.getTime() && at < end.getTime();
}

/** Pure: the review of one body for one period, from its records. */
export function computeBodyReview(input: BodyReviewInput): BodyReview {
  const { start, end } = periodInstants(input.period);
  const asOf = new Date(Math.min(input.now.getTime(), end.getTime()));
  const names = new Map(input.members.map((m) => [m.userId, m.displayName]));

  const held = meetingsHeldIn(input.meetings, input.period);
  const byKind = Object.fromEntries(
    MEETING_KINDS.map((kind) => [
      kind,
      figure(held.filter((m) => m.kind === kind).map((m) => m.id)),
    ]),
  ) as Record<MeetingKind, Figure>;
  const cancelled = input.meetings
    .filter((m) => m.status === 'cancelled' && within(m.startsAt, start, end))
    .map((m) => m.id)
    .sort();
  const meetingRows: ReviewMeetingRow[] = held.map((m) => ({
    id: m.id,
    title: m.title,
    kind: m.kind,
    startsAt: m.startsAt,
    status: m.status,
    minutesApproved: m.minutes.status === 'approved',
  }));

  const assignmentRows = input.assignments
    .filter((a) => inScope(a, input.period, start, end))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    .map((a) => assignmentRow(a, asOf, names));
  const ids = (pick: (row: ReviewAssignmentRow) => boolean) =>
    assignmentRows.filter(pick).map((row) => row.id);
  const done = ids((r) => r.stateAtEnd === 'done');
  const onTime = ids((r) => r.stateAtEnd === 'done' && r.onTime === true);
  const late = ids((r) => r.stateAtEnd === 'done' && r.onTime === false);
  const cancelledAssignments = ids((r) => r.stateAtEnd === 'cancelled');
  const counted = assignmentRows.length - cancelledAssignments.length;

  return {
    body: {
      id: input.body.id,
      name: input.body.name,
      unitName: input.body.unitName,
      kind: input.body.kind,
    },
    period: { ...input.period },
    scope: reviewScope(input.period),
    asOf: asOf.toISOString(),
    figures: {
      meetings: {
        held: figure(held.map((m) => m.id)),
        byKind,
        minutesApproved: figure(meetingRows.filter((m) => m.minutesApproved).map((m) => m.id)),
        cancelled: figure(cancelled),
      },
      assignments: {
        total: figure(assignmentRows.map((r) => r.id)),
        done: figure(done),
        onTime: figure(onTime),
        late: figure(late),
        awaitingApproval: figure(ids((r) => r.stateAtEnd === 'awaitingApproval')),
        open: figure(ids((r) => r.stateAtEnd === 'open')),
        overdue: figure(ids((r) => r.stateAtEnd === 'overdue')),
        cancelled: figure(cancelledAssignments),
        onTimeRate: ratio(onTime.length, done.length),
        lateRate: ratio(late.length, done.length),
        completionRate: ratio(done.length, counted),
      },
      votes: voteFigures(input.motions, new Set(held.map((m) => m.id))),
      staffConference: staffConferenceCheck(input.body.kind, input.meetings, input.period, asOf),
      citizens: citizenFigures({
        period: input.period,
        asOf,
        recommendations: input.recommendations,
        sessions: input.sessions,
        cases: input.cases,
        disclosures: input.disclosures,
      }),
    },
    meetingRows,
    assignmentRows,
    overdue: assignmentRows.filter((r) => r.stateAtEnd === 'overdue'),
    signerName: input.members.find((m) => m.roles.includes('head'))?.displayName ?? '',
  };
}

/** Due in the period, or given in it (created before its end). */
function inScope(a: Assignment, period: ReviewPeriod, start: Date, end: Date): boolean {
  if (Date.parse(a.createdAt) >= end.getTime()) return false;
  const dueInPeriod = a.deadline >= period.from && a.deadline <= period.to;
  return dueInPeriod || Date.parse(a.createdAt) >= start.getTime();
}

function assignmentRow(
  a: Assignment,
  asOf: Date,
  names: ReadonlyMap<string, string>,
): ReviewAssignmentRow {
  const finishedAt = a.submittedAt ?? a.completedAt;
  const handedIn = finishedAt !== undefined && Date.parse(finishedAt) < asOf.getTime();
  const deadlineEnd = deadlineEndUtc(parseCivilDate(a.deadline));
  let stateAtEnd: AssignmentStateAtEnd;
  if (a.status === 'cancelled' && Date.parse(a.updatedAt) < asOf.getTime())
    stateAtEnd = 'cancelled';
  else if (a.status === 'done' && handedIn) stateAtEnd = 'done';
  else if (a.status === 'submitted' && handedIn) stateAtEnd = 'awaitingApproval';
  // The deadline ends at 24:00 Vietnam time: at that very instant the assignment is overdue.
  else if (asOf.getTime() >= deadlineEnd.getTime()) stateAtEnd = 'overdue';
  else stateAtEnd = 'open';
  const row: ReviewAssignmentRow = {
    id: a.id,
    title: a.title,
    ownerId: a.ownerId,
    ownerName: names.get(a.ownerId) ?? a.ownerId,
    deadline: a.deadline,
    originalDeadline: a.originalDeadline,
    status: a.status,
    stateAtEnd,
    onTime: stateAtEnd === 'done' ? completedOnTime(a) : null,
    finishedAt,
    meetingId: a.source.meetingId,
  };
  if (stateAtEnd === 'overdue') {
    row.daysOverdue = toDayNumber(toVietnamDate(asOf)) - toDayNumber(parseCivilDate(a.deadline));
  }
  return row;
}

function voteFigures(
  motions: readonly Motion[] | undefined,
  heldIds: ReadonlySet<string>,
): ReviewVoteFigures {
  const closed = (motions ?? [])
    .filter((m) => heldIds.has(m.meetingId) && m.status === 'closed' && m.result)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const motionRows = closed.filter((m) => m.kind === 'motion');
  const elections = closed.filter((m) => m.kind === 'election');
  const outcome = (m: Motion) => m.result?.decision.outcome;
  return {
    available: motions !== undefined,
    motions: figure(motionRows.map((m) => m.id)),
    adopted: figure(motionRows.filter((m) => outcome(m) === 'adopted').map((m) => m.id)),
    rejected: figure(motionRows.filter((m) => outcome(m) === 'rejected').map((m) => m.id)),
    undecided: figure(
      motionRows
        .filter((m) => outcome(m) === 'noQuorum' || outcome(m) === 'noDecision')
        .map((m) => m.id),
    ),
    elections: figure(elections.map((m) => m.id)),
    electionsDecided: figure(elections.filter((m) => outcome(m) === 'elected').map((m) => m.id)),
  };
}

/**
 * Law 10/2022 Art. 51(1): the staff conference is held once a year after the work year ends, no later
 * than 3 months into the next year. Checked for the work year before the period's first year.
 */
export function staffConferenceCheck(
  bodyKind: BodyKind,
  meetings: readonly Meeting[],
  period: ReviewPeriod,
  asOf: Date,
): StaffConferenceCheck | undefined {
  if (bodyKind !== 'staffConference') return undefined;
  const year = Number(period.from.slice(0, 4));
  const dueBy = `${String(year).padStart(4, '0')}-03-31`;
  const opens = vietnamMidnightUtc({ year, month: 1, day: 1 }).getTime();
  const due = deadlineEndUtc(parseCivilDate(dueBy)).getTime();
  const heldAfterYear = meetings
    .filter(
      (m) =>
        m.kind === 'staffConference' &&
        HELD_MEETING_STATUSES.includes(m.status) &&
        Date.parse(m.startsAt) >= opens &&
        Date.parse(m.startsAt) < asOf.getTime(),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const first = heldAfterYear[0];
  const resolutionReviews = resolutionReviewChecks(meetings, period, asOf);
  const base = { workYear: year - 1, dueBy, resolutionReviews };
  if (!first) {
    return { ...base, status: asOf.getTime() < due ? 'notYetDue' : 'notHeld', meetingIds: [] };
  }
  return {
    ...base,
    status: Date.parse(first.startsAt) < due ? 'onTime' : 'late',
    meetingIds: [first.id],
    heldOn: first.startsAt,
  };
}
