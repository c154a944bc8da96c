import type { CaseKind } from '../cases/citizen-case';
import type { MeetingKind } from '../meetings/meeting';

/** What a reminder says; each kind has a text in every language (reminder-messages.ts). */
export const REMINDER_KINDS = [
  'assignment.upcoming',
  'assignment.dueToday',
  'assignment.overdue',
  'assignment.escalation',
  'meeting.agenda',
  'meeting.start',
  'minutes.awaitingApproval',
  'vote.closing',
  'recommendation.upcoming',
  'recommendation.dueToday',
  'recommendation.overdue',
  'recommendation.escalation',
  'case.upcoming',
  'case.dueToday',
  'case.overdue',
  'case.escalation',
  'disclosure.mustStart',
  'disclosure.ending',
  'disclosure.periodOver',
  'report.due',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * How a reminder names its subject. Where confidentiality matters (a citizen's complaint, a
 * denunciation: Law 25/2018 Art. 47 protects the denouncer) it carries a case number, never a title
 * that might name a person: a chat notification is read over shoulders and on lock screens.
 */
export type ReminderLabel =
  | { kind: 'title'; text: string }
  | { kind: 'case'; number: string }
  /** A Front recommendation: its number in the consultation and the consultation's title. */
  | { kind: 'recommendation'; number: number; consultation: string };

/** Which deadline of a citizen case a reminder is about (core/src/cases/case-rules.ts). */
export type ReminderCaseStage = 'acceptance' | 'resolution';

/** The reporting duties reminded of before their dates (reporting-deadlines.ts). */
export const REPORTING_DUTIES = [
  'staffConference',
  'resolutionReview',
  'halfYearReview',
  'yearEndReview',
] as const;
export type ReportingDuty = (typeof REPORTING_DUTIES)[number];

/** A message key with its parameters; rendered in the recipient's language when sent. */
export interface ReminderMessage {
  kind: ReminderKind;
  subject: ReminderLabel;
  /** yyyy-MM-dd, Vietnam civil date. */
  deadline?: string | undefined;
  daysLeft?: number | undefined;
  daysOverdue?: number | undefined;
  /** UTC ISO instant, shown in Vietnam time. */
  startsAt?: string | undefined;
  /** UTC ISO instant a vote closes, shown as HH:mm in Vietnam time. */
  closesAt?: string | undefined;
  /** Case reminders: which deadline (acceptance decision or resolution). */
  stage?: ReminderCaseStage | undefined;
  /** Reporting reminders: which duty, and the work year it is about. */
  duty?: ReportingDuty | undefined;
  year?: number | undefined;
}

/** What planning needs to know about an assignment; a snapshot small enough to store per reminder. */
export interface AssignmentReminderSubject {
  type: 'assignment';
  tenantId: string;
  bodyId: string;
  id: string;
  /** The deadline in force (yyyy-MM-dd); an approved extension changes it and with it every key. */
  deadline: string;
  /** Urgent work may be reminded of on days off too (never in quiet hours). */
  urgent: boolean;
  /** False once submitted, done or cancelled: nothing is planned. */
  active: boolean;
  label: ReminderLabel;
  /** Owner and co-owners: reminded before the deadline and while overdue. */
  workers: string[];
  /** The assigner (or chair): told when it is overdue. */
  escalateTo: string[];
}

export interface MeetingReminderSubject {
  type: 'meeting';
  tenantId: string;
  bodyId: string;
  id: string;
  meetingKind: MeetingKind;
  /** UTC ISO; a rescheduled meeting changes it and with it every key. */
  startsAt: string;
  label: ReminderLabel;
  /** Agenda and start reminders go out only for a scheduled meeting. */
  scheduled: boolean;
  /** Minutes submitted and awaiting the chair's approval. */
  minutesInReview: boolean;
  chairId: string;
  /** Who is summoned: they get the agenda and start reminders. */
  summoned: string[];
}

/**
 * What planning needs of an open motion or election with a closing time. It names the question and
 * the closing time only: never a choice, so a secret ballot's reminder reveals nothing.
 */
export interface VoteReminderSubject {
  type: 'vote';
  tenantId: string;
  bodyId: string;
  meetingId: string;
  /** The motion's id. */
  id: string;
  /** The roster the voters were fixed in (a point read of a voter's row needs it). */
  electorateId: string;
  /** UTC ISO; when the vote was opened (no reminder is planned before it). */
  openedAt: string;
  /** UTC ISO; the keys name it, so a changed closing time makes old rows stale. */
  closesAt: string;
  label: ReminderLabel;
  /** Open for electronic ballots: reminders are planned only then. */
  open: boolean;
  /** Eligible voters who have not voted (yet): the only recipients. */
  notVoted: string[];
}

/**
 * A Front recommendation (kiến nghị) awaiting its answer. Workers: the owner while it is to be
 * drafted (the head while nobody owns it), the head while the drafted answer awaits approval;
 * the head hears once when it is late.
 */
export interface RecommendationReminderSubject {
  type: 'recommendation';
  tenantId: string;
  bodyId: string;
  consultationId: string;
  /** The recommendation's id. */
  id: string;
  /** yyyy-MM-dd; the keys name it. */
  deadline: string;
  /** False once the answer is approved (or the consultation is closed). */
  active: boolean;
  label: ReminderLabel;
  workers: string[];
  escalateTo: string[];
  /**
   * The body's head(s) when the reminders were planned, kept whole in every narrowed copy: the
   * sweep rebuilds the subject from the aggregate and these (membership is not re-read).
   */
  heads: string[];
}

/**
 * A citizen case at its current stage. Its label is the case number only: no name, no content
 * (Law 25/2018 Art. 47 protects a denouncer; a chat line is read on lock screens).
 */
export interface CaseReminderPlanSubject {
  type: 'case';
  tenantId: string;
  /** Cases are partitioned by unit (the case number is unique per unit). */
  unitId: string;
  bodyId: string;
  id: string;
  caseKind: CaseKind;
  stage: ReminderCaseStage;
  /** yyyy-MM-dd of the current stage (an extension moves it, and with it every key). */
  deadline: string;
  /** False once decided (acceptance) or resolved, or rejected. */
  active: boolean;
  label: ReminderLabel;
  /** The handlers; the head while none is assigned. */
  workers: string[];
  escalateTo: string[];
  /** The body's head(s) at planning time, kept whole in every narrowed copy. */
  heads: string[];
}

/** A public disclosure: its responsible person is reminded before it must start and before it ends. */
export interface DisclosureReminderSubject {
  type: 'disclosure';
  tenantId: string;
  bodyId: string;
  id: string;
  status: 'planned' | 'posted' | 'ended';
  /** yyyy-MM-dd: first day of posting; last day of the period. The keys name them. */
  startOn: string;
  endOn: string;
  label: ReminderLabel;
  /** Who registered it (and posts it). */
  workers: string[];
}

/**
 * A body's recurring reporting duties (staff conference by 31 March, the Art. 52(3) six-monthly
 * review, the half-year and year-end reviews). `fromYear` is the first work year planned; the
 * series is yearly and never ends, the index holds only each person's next one.
 */
export interface ReportingReminderSubject {
  type: 'reporting';
  tenantId: string;
  bodyId: string;
  /** The body's id again (one series per body): the sweep's ref needs an id. */
  id: string;
  duties: ReportingDuty[];
  fromYear: number;
  /** The head and the secretary. */
  workers: string[];
}

export type ReminderSubject =
  | AssignmentReminderSubject
  | MeetingReminderSubject
  | VoteReminderSubject
  | RecommendationReminderSubject
  | CaseReminderPlanSubject
  | DisclosureReminderSubject
  | ReportingReminderSubject;

/** Where the sweep finds a reminder's aggregate to check it against. */
export interface ReminderSubjectRef {
  type: ReminderSubject['type'];
  tenantId: string;
  bodyId: string;
  id: string;
}

/** One message to one person at one instant. */
export interface PlannedReminder {
  /**
   * Deterministic idempotency key, e.g. `assignment:<id>:<deadline>:d-3:<recipient>`. It names
   * what the reminder is about in its current version (deadline, meeting start), so a rescheduled
   * deadline yields new keys and the old ones no longer match anything planned.
   */
  key: string;
  /** UTC ISO instant, already moved out of quiet hours and days off. */
  dueAt: string;
  recipientId: string;
  message: ReminderMessage;
  /** The subject narrowed to this recipient: enough to plan their next reminder from. */
  subject: ReminderSubject;
}

export function subjectRef(subject: ReminderSubject): ReminderSubjectRef {
  return { type: subject.type, tenantId: subject.tenantId, bodyId: subject.bodyId, id: subject.id };
}
