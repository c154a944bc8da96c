import { ACTIVE_ASSIGNMENT_STATUSES } from '../assignments/assignment-lifecycle';
import type { Assignment } from '../assignments/assignment';
import {
  addCalendarDays,
  parseCivilDate,
  toDayNumber,
  type CivilDate,
} from '../calendar/civil-date';
import { toVietnamDate, VIETNAM_UTC_OFFSET_HOURS } from '../calendar/vietnam-time';
import { defaultWorkCalendar, type WorkCalendar } from '../calendar/work-calendar';
import type { Meeting } from '../meetings/meeting';
import { templateFor } from '../templates/process-templates';
import type { Motion } from '../voting/motion';
import {
  allowedSlotAtOrAfter,
  allowedSlotAtOrBefore,
  isAllowedSlot,
  slotToUtc,
  type LocalSlot,
  type SlotRules,
} from './quiet-hours';
import type {
  AssignmentReminderSubject,
  MeetingReminderSubject,
  PlannedReminder,
  ReminderKind,
  ReminderLabel,
  ReminderMessage,
  ReminderSubject,
  VoteReminderSubject,
} from './reminder';
import {
  DEFAULT_REMINDER_POLICY,
  minutesOfLocalTime,
  type DeadlineOffset,
  type ReminderPolicy,
} from './reminder-policy';
import { planCase, planDisclosure, planRecommendation } from './plan-front-reminders';
import { planReporting } from './reporting-deadlines';

export interface PlanContext {
  calendar: WorkCalendar;
  policy: ReminderPolicy;
}

export function defaultPlanContext(): PlanContext {
  return { calendar: defaultWorkCalendar(), policy: DEFAULT_REMINDER_POLICY };
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MINUTES = VIETNAM_UTC_OFFSET_HOURS * 60;

/** What planning needs of an assignment (the aggregate stays the truth; see isReminderCurrent). */
export function assignmentReminderSubject(
  assignment: Assignment,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): AssignmentReminderSubject {
  const workers = unique([assignment.ownerId, ...assignment.coOwnerIds]);
  const label: ReminderLabel = policy.confidential(assignment)
    ? { kind: 'case', number: policy.caseNumber(assignment) }
    : { kind: 'title', text: assignment.title };
  return {
    type: 'assignment',
    tenantId: assignment.tenantId,
    bodyId: assignment.bodyId,
    id: assignment.id,
    deadline: assignment.deadline,
    urgent: assignment.priority === 'urgent',
    // Submitted work waits for the assigner's judgement: the owner is not nagged meanwhile.
    active:
      ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status) && assignment.status !== 'submitted',
    label,
    workers,
    // Whoever already gets the overdue reminders (e.g. a head who assigned work to themselves) is
    // not told again as the escalation; it also keeps each person's series free of ties.
    escalateTo: unique(policy.escalationRecipients(assignment)).filter(
      (id) => !workers.includes(id),
    ),
  };
}

/** What planning needs of a meeting; `summoned` comes from the body's members (the caller's). */
export function meetingReminderSubject(
  meeting: Meeting,
  summoned: readonly string[],
): MeetingReminderSubject {
  return {
    type: 'meeting',
    tenantId: meeting.tenantId,
    bodyId: meeting.bodyId,
    id: meeting.id,
    meetingKind: meeting.kind,
    startsAt: new Date(meeting.startsAt).toISOString(),
    label: { kind: 'title', text: meeting.title },
    scheduled: meeting.status === 'scheduled',
    minutesInReview: meeting.minutes.status === 'inReview',
    chairId: meeting.chairId,
    summoned: unique([...summoned]),
  };
}

/**
 * What planning needs of a vote; `notVoted` are the roster's voters who have not voted (the caller's:
 * the roster at opening, or the voter rows the sweep reads). Null when the motion has never opened.
 */
export function voteReminderSubject(
  motion: Motion,
  notVoted: readonly string[],
): VoteReminderSubject | null {
  if (!motion.electorate || !motion.closesAt) return null;
  return {
    type: 'vote',
    tenantId: motion.tenantId,
    bodyId: motion.bodyId,
    meetingId: motion.meetingId,
    id: motion.id,
    electorateId: motion.electorate.id,
    openedAt: new Date(motion.electorate.openedAt).toISOString(),
    closesAt: new Date(motion.closesAt).toISOString(),
    // The question only: never a choice (a secret ballot's reminder must reveal nothing).
    label: { kind: 'title', text: motion.question },
    open: motion.status === 'open' && motion.mode === 'electronic',
    notVoted: unique([...notVoted]),
  };
}

/**
 * True when a reminder about this subject can no longer be of use at `now` (a vote that has closed
 * by its time): the sweep drops it rather than send it late.
 */
export function isReminderExpired(subject: ReminderSubject, now: Date): boolean {
  return subject.type === 'vote' && now.getTime() >= Date.parse(subject.closesAt);
}

/**
 * Every reminder the subject will ever get, sorted by due time (overdue reminders stop after
 * `policy.overdueMaxDays`). Pure: the same subject, calendar and policy always give the same list,
 * which is what lets the sweep check an index row against its aggregate.
 */
export function planReminders(subject: ReminderSubject, ctx: PlanContext): PlannedReminder[] {
  const planned = planBySubject(subject, ctx);
  return planned.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}

function planBySubject(subject: ReminderSubject, ctx: PlanContext): PlannedReminder[] {
  switch (subject.type) {
    case 'assignment':
      return planAssignment(subject, ctx);
    case 'meeting':
      return planMeeting(subject, ctx);
    case 'vote':
      return planVote(subject, ctx);
    case 'recommendation':
      return planRecommendation(subject, ctx);
    case 'case':
      return planCase(subject, ctx);
    case 'disclosure':
      return planDisclosure(subject, ctx);
    case 'reporting':
      return planReporting(subject, ctx);
    default: {
      const unknown: never = subject;
      throw new RangeError(`Unknown reminder subject ${JSON.stringify(unknown)}`);
    }
  }
}

/** The subject as one recipient sees it (what an index row stores to plan that person's next one). */
export function narrowSubject(subject: ReminderSubject, recipientId: string): ReminderSubject {
  const only = (ids: readonly string[]) => ids.filter((id) => id === recipientId);
  switch (subject.type) {
    case 'assignment':
    case 'recommendation':
    case 'case':
      return { ...subject, workers: only(subject.workers), escalateTo: only(subject.escalateTo) };
    case 'meeting':
      return { ...subject, summoned: only(subject.summoned) };
    case 'vote':
      return { ...subject, notVoted: only(subject.notVoted) };
    case 'disclosure':
    case 'reporting':
      return { ...subject, workers: only(subject.workers) };
    default: {
      const unknown: never = subject;
      throw new RangeError(`Unknown reminder subject ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * What the due index holds for a subject at `now`: per recipient, the reminders due in the last
 * `lookbackMs` (a change must be able to reach rows the sweep may not have taken yet) and the first
 * one after `now`. The sweep plans each recipient's following reminder when it takes one, so the
 * index holds about one row per person and subject, not the whole series.
 */
export function scheduledReminders(
  subject: ReminderSubject,
  now: Date,
  lookbackMs: number,
  ctx: PlanContext,
): PlannedReminder[] {
  const nowIso = now.toISOString();
  const fromIso = new Date(now.getTime() - lookbackMs).toISOString();
  const nextTaken = new Set<string>();
  return planReminders(subject, ctx).filter((reminder) => {
    if (reminder.dueAt < fromIso) return false;
    if (reminder.dueAt <= nowIso) return true;
    if (nextTaken.has(reminder.recipientId)) return false;
    nextTaken.add(reminder.recipientId);
    return true;
  });
}

/** The recipient's first reminder due strictly after `after`, or null when the series is over. */
export function nextReminderAfter(
  subject: ReminderSubject,
  recipientId: string,
  after: string,
  ctx: PlanContext,
): PlannedReminder | null {
  return (
    planReminders(narrowSubject(subject, recipientId), ctx).find(
      (reminder) => reminder.recipientId === recipientId && reminder.dueAt > after,
    ) ?? null
  );
}

/** Still planned, with the same key and time, for the aggregate as it is now? */
export function isReminderCurrent(
  subject: ReminderSubject,
  reminder: Pick<PlannedReminder, 'key' | 'dueAt' | 'recipientId'>,
  ctx: PlanContext,
): boolean {
  return planReminders(narrowSubject(subject, reminder.recipientId), ctx).some(
    (planned) =>
      planned.recipientId === reminder.recipientId &&
      planned.key === reminder.key &&
      planned.dueAt === reminder.dueAt,
  );
}

/** Two plans that would put exactly the same rows in the index. */
export function samePlan(a: readonly PlannedReminder[], b: readonly PlannedReminder[]): boolean {
  if (a.length !== b.length) return false;
  const seen = new Map(a.map((reminder) => [reminder.key, reminderFingerprint(reminder)]));
  return b.every((reminder) => seen.get(reminder.key) === reminderFingerprint(reminder));
}

export function reminderFingerprint(reminder: PlannedReminder): string {
  return JSON.stringify([reminder.dueAt, reminder.message, reminder.subject]);
}

// ---------------------------------------------------------------------------------------------
// Assignments

function planAssignment(subject: AssignmentReminderSubject, ctx: PlanContext): PlannedReminder[] {
  if (!subject.active) return [];
  return planDeadlineSeries(
    {
      keyPrefix: `assignment:${subject.id}:${subject.deadline}`,
      deadline: subject.deadline,
      urgent: subject.urgent,
      workers: subject.workers,
      escalateTo: subject.escalateTo,
      kinds: {
        upcoming: 'assignment.upcoming',
        dueToday: 'assignment.dueToday',
        overdue: 'assignment.overdue',
        escalation: 'assignment.escalation',
      },
      message: { subject: subject.label },
      narrow: (recipientId) => narrowSubject(subject, recipientId),
    },
    ctx,
  );
}

/** One deadline's reminders: before it, each day it is overdue, and one escalation. */
export interface DeadlineSeries {
  /** Names the subject in its current version (id and deadline): a moved deadline gives new keys. */
  keyPrefix: string;
  /** yyyy-MM-dd, Vietnam civil date. */
  deadline: string;
  /** Days off allowed too (never quiet hours). */
  urgent: boolean;
  workers: readonly string[];
  escalateTo: readonly string[];
  kinds: {
    upcoming: ReminderKind;
    dueToday: ReminderKind;
    overdue: ReminderKind;
    escalation: ReminderKind;
  };
  /** What every message of the series carries besides kind, deadline and day counts. */
  message: Omit<ReminderMessage, 'kind' | 'deadline' | 'daysLeft' | 'daysOverdue'>;
  narrow(recipientId: string): ReminderSubject;
  /** Before-deadline offsets (default: the policy's assignment offsets). */
  offsets?: readonly DeadlineOffset[];
  /** False: no overdue reminders and no escalation (e.g. a reporting date). */
  overdue?: boolean;
}

/**
 * The deadline rule shared by assignments, Front recommendations and citizen cases (DESIGN.md,
 * "Time, deadlines and reminders"): reminders before the deadline are moved EARLIER out of quiet
 * hours and days off (never past the deadline, so a deadline after Tết is announced before Tết);
 * overdue reminders go out each allowed day from the day after the deadline; the escalation goes
 * once, to people not already reminded, `policy.escalateAfterDays` after it.
 */
export function planDeadlineSeries(series: DeadlineSeries, ctx: PlanContext): PlannedReminder[] {
  const { policy, calendar } = ctx;
  const deadline = parseCivilDate(series.deadline);
  const rules: SlotRules = {
    quietHours: policy.quietHours,
    // Days off are quiet too, unless the matter is urgent (quiet hours at night always hold).
    isAllowedDay: (date) => series.urgent || calendar.isWorkingDay(date),
  };
  const result: PlannedReminder[] = [];
  const keyOf = (label: string, recipientId: string) =>
    `${series.keyPrefix}:${label}:${recipientId}`;
  const base = { ...series.message, deadline: series.deadline };

  for (const recipientId of series.workers) {
    const narrowed = series.narrow(recipientId);
    // Two offsets landing on one slot (e.g. 3 and 1 days before a Monday both on Friday) become
    // one reminder, the one nearest the deadline.
    const before = new Map<string, PlannedReminder>();
    const offsets = [...(series.offsets ?? policy.assignmentOffsets)].sort(
      (a, b) => b.days - a.days,
    );
    for (const offset of offsets) {
      const target: LocalSlot = {
        date: addCalendarDays(deadline, -offset.days),
        minute: minutesOfLocalTime(offset.at),
      };
      const slot = allowedSlotAtOrBefore(target, rules);
      const daysLeft = daysBetween(slot.date, deadline);
      const dueAt = slotToUtc(slot).toISOString();
      before.set(dueAt, {
        key: keyOf(offset.days === 0 ? 'd0' : `d-${offset.days}`, recipientId),
        dueAt,
        recipientId,
        subject: narrowed,
        message: {
          ...base,
          kind: daysLeft === 0 ? series.kinds.dueToday : series.kinds.upcoming,
          daysLeft,
        },
      });
    }
    result.push(...before.values());
    if (series.overdue === false) continue;

    // Overdue: every allowed day at the overdue time, from the day after the deadline.
    const overdueMinute = minutesOfLocalTime(policy.overdueAt);
    for (let day = 1; day <= policy.overdueMaxDays; day++) {
      const date = addCalendarDays(deadline, day);
      if (!rules.isAllowedDay(date)) continue;
      const slot = allowedSlotAtOrAfter({ date, minute: overdueMinute }, rules);
      if (daysBetween(date, slot.date) !== 0) continue; // an overdue time inside quiet hours
      result.push({
        key: keyOf(`od+${day}`, recipientId),
        dueAt: slotToUtc(slot).toISOString(),
        recipientId,
        subject: narrowed,
        message: { ...base, kind: series.kinds.overdue, daysOverdue: day },
      });
    }
  }
  if (series.overdue === false) return result;

  // Escalation: once, to the assigner (or head), the first allowed slot N days after the deadline.
  const escalation = allowedSlotAtOrAfter(
    {
      date: addCalendarDays(deadline, policy.escalateAfterDays),
      minute: minutesOfLocalTime(policy.escalateAt),
    },
    rules,
  );
  for (const recipientId of series.escalateTo) {
    result.push({
      key: keyOf(`esc+${policy.escalateAfterDays}`, recipientId),
      dueAt: slotToUtc(escalation).toISOString(),
      recipientId,
      subject: series.narrow(recipientId),
      message: {
        ...base,
        kind: series.kinds.escalation,
        daysOverdue: daysBetween(deadline, escalation.date),
      },
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Meetings

/** A reminder before a meeting comes at least this long before it starts. */
const BEFORE_START_MINUTES = 60;
/** Minutes in review: reminded each working day for this many days from the template's day. */
const MINUTES_APPROVAL_REMINDER_DAYS = 14;

function planMeeting(subject: MeetingReminderSubject, ctx: PlanContext): PlannedReminder[] {
  const { policy, calendar } = ctx;
  const start = new Date(subject.startsAt);
  const startDate = toVietnamDate(start);
  const rules: SlotRules = {
    quietHours: policy.quietHours,
    // A meeting held on a day off makes that day a working occasion for its own reminders.
    isAllowedDay: (date) => calendar.isWorkingDay(date) || daysBetween(date, startDate) === 0,
  };
  const latestBefore = toLocalSlot(
    new Date(start.getTime() - BEFORE_START_MINUTES * MS_PER_MINUTE),
  );
  const result: PlannedReminder[] = [];
  const message = (kind: PlannedReminder['message']['kind']) => ({
    kind,
    subject: subject.label,
    startsAt: subject.startsAt,
  });
  const push = (
    label: string,
    slot: LocalSlot,
    recipients: readonly string[],
    kind: PlannedReminder['message']['kind'],
  ) => {
    const dueAt = slotToUtc(slot).toISOString();
    for (const recipientId of recipients) {
      result.push({
        key: `meeting:${subject.id}:${subject.startsAt}:${label}:${recipientId}`,
        dueAt,
        recipientId,
        subject: narrowSubject(subject, recipientId),
        message: message(kind),
      });
    }
  };
  for (const offset of templateFor(subject.meetingKind).reminders) {
    const minute = minutesOfLocalTime(offset.atLocalTime);
    if (offset.purpose === 'minutesApproval') {
      // Minutes awaiting approval: the chair hears about it each working day from the template's
      // day on, for two weeks, for as long as they stay in review (whenever they were submitted).
      if (!subject.minutesInReview) continue;
      for (let day = offset.days; day < offset.days + MINUTES_APPROVAL_REMINDER_DAYS; day++) {
        const date = addCalendarDays(startDate, day);
        if (!calendar.isWorkingDay(date)) continue;
        const slot = allowedSlotAtOrAfter({ date, minute }, rules);
        if (daysBetween(date, slot.date) !== 0) continue;
        push(`minutesApproval+${day}`, slot, [subject.chairId], 'minutes.awaitingApproval');
      }
      continue;
    }
    if (!subject.scheduled) continue;
    let target: LocalSlot = { date: addCalendarDays(startDate, offset.days), minute };
    if (compareSlots(target, latestBefore) > 0) target = latestBefore;
    const label = `${offset.purpose}${offset.days >= 0 ? '+' : ''}${offset.days}`;
    push(
      label,
      allowedSlotAtOrBefore(target, rules),
      subject.summoned,
      offset.purpose === 'agenda' ? 'meeting.agenda' : 'meeting.start',
    );
  }
  // The same person summoned twice at one slot (two offsets moved together) hears it once.
  const byKeyTime = new Map<string, PlannedReminder>();
  for (const reminder of result)
    byKeyTime.set(`${reminder.recipientId}@${reminder.dueAt}`, reminder);
  return [...byKeyTime.values()];
}

// ---------------------------------------------------------------------------------------------
// Votes

/**
 * One reminder per voter who has not voted, `policy.voteClosingOffsetMinutes` before the close.
 * Quiet hours hold on every day (a vote runs on a day off too): a time inside them moves to the end
 * of them when that is still before the close, otherwise (the vote closes within them) EARLIER, to
 * the last allowed slot before them. Never at or after the close, never before the vote opened.
 */
function planVote(subject: VoteReminderSubject, ctx: PlanContext): PlannedReminder[] {
  if (!subject.open) return [];
  const { policy } = ctx;
  const rules: SlotRules = { quietHours: policy.quietHours, isAllowedDay: () => true };
  const closesMs = Date.parse(subject.closesAt);
  const target = toLocalSlot(new Date(closesMs - policy.voteClosingOffsetMinutes * MS_PER_MINUTE));
  let slot = target;
  if (!isAllowedSlot(target, rules)) {
    const after = allowedSlotAtOrAfter(target, rules);
    slot = slotToUtc(after).getTime() < closesMs ? after : allowedSlotAtOrBefore(target, rules);
  }
  const due = slotToUtc(slot);
  if (due.getTime() >= closesMs || due.getTime() < Date.parse(subject.openedAt)) return [];
  const dueAt = due.toISOString();
  const label = `close-${policy.voteClosingOffsetMinutes}`;
  return subject.notVoted.map((recipientId) => ({
    key: `vote:${subject.id}:${subject.electorateId}:${subject.closesAt}:${label}:${recipientId}`,
    dueAt,
    recipientId,
    subject: narrowSubject(subject, recipientId),
    message: { kind: 'vote.closing', subject: subject.label, closesAt: subject.closesAt },
  }));
}

// ---------------------------------------------------------------------------------------------

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

function toLocalSlot(instant: Date): LocalSlot {
  const localMinutes = Math.floor(instant.getTime() / MS_PER_MINUTE) + OFFSET_MINUTES;
  const minute = ((localMinutes % (MS_PER_DAY / MS_PER_MINUTE)) + 1440) % 1440;
  return { date: toVietnamDate(instant), minute };
}

function compareSlots(a: LocalSlot, b: LocalSlot): number {
  return daysBetween(b.date, a.date) * 1440 + (a.minute - b.minute);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(Boolean))];
}
