import type { Body, Member } from '../bodies/body';
import { narrowSubject, planDeadlineSeries, type PlanContext } from './plan-reminders';
import type { PlannedReminder, ReportingDuty, ReportingReminderSubject } from './reminder';
import type { DeadlineOffset } from './reminder-policy';

/**
 * A body's reporting duties and the day each is due for work year Y. Only the staff conference's
 * date is in the law; the others are the unit's (product defaults, "theo cấu hình của đơn vị").
 */
export interface ReportingDeadlineRule {
  duty: ReportingDuty;
  /** Due date for work year `year` (yyyy-MM-dd, Vietnam civil date). */
  dueOn(year: number): string;
  basis: string;
  source: 'law' | 'default';
}

export const REPORTING_DEADLINE_RULES: Record<ReportingDuty, ReportingDeadlineRule> = {
  // Law 10/2022 Art. 51(1): held after the work year, no later than 3 months into the next one.
  staffConference: {
    duty: 'staffConference',
    dueOn: (year) => `${year + 1}-03-31`,
    basis: 'Luật 10/2022/QH15 Điều 51 khoản 1',
    source: 'law',
  },
  // Art. 52(3): the head and the union review the resolution every 6 months. The law fixes no
  // date: six months after the conference's latest date (30 September); the other half-yearly
  // review falls at the next conference, which reviews the whole year.
  resolutionReview: {
    duty: 'resolutionReview',
    dueOn: (year) => `${year + 1}-09-30`,
    basis: 'Luật 10/2022/QH15 Điều 52 khoản 3',
    source: 'default',
  },
  // Sơ kết 6 tháng / tổng kết năm: no date in law; the last day of the period the review covers
  // (the same H1 / year presets the review report uses, docs/reports.md).
  halfYearReview: {
    duty: 'halfYearReview',
    dueOn: (year) => `${year}-06-30`,
    basis: 'Sơ kết 6 tháng (đơn vị quy định)',
    source: 'default',
  },
  yearEndReview: {
    duty: 'yearEndReview',
    dueOn: (year) => `${year}-12-31`,
    basis: 'Tổng kết năm (đơn vị quy định)',
    source: 'default',
  },
};

/** 30, 14, 7 and 1 days before, 08:00, moved earlier out of days off. */
export const REPORTING_OFFSETS: readonly DeadlineOffset[] = [
  { days: 30, at: '08:00' },
  { days: 14, at: '08:00' },
  { days: 7, at: '08:00' },
  { days: 1, at: '08:00' },
];

/** The duties by body kind: the staff conference's own, and the steering committee's reviews. */
export function reportingDutiesOf(body: Pick<Body, 'kind'>): ReportingDuty[] {
  if (body.kind === 'staffConference') return ['staffConference', 'resolutionReview'];
  if (body.kind === 'steeringCommittee') return ['halfYearReview', 'yearEndReview'];
  return [];
}

/**
 * The body's reporting reminders as a subject: the head(s) and secretary(ies) are reminded.
 * Null when the body has no such duty or nobody to remind.
 */
export function reportingReminderSubject(
  body: Pick<Body, 'tenantId' | 'id' | 'kind'>,
  members: readonly Pick<Member, 'userId' | 'roles'>[],
  fromYear: number,
): ReportingReminderSubject | null {
  const duties = reportingDutiesOf(body);
  const workers = [
    ...new Set(
      members
        .filter((m) => m.roles.includes('head') || m.roles.includes('secretary'))
        .map((m) => m.userId),
    ),
  ];
  if (duties.length === 0 || workers.length === 0) return null;
  return {
    type: 'reporting',
    tenantId: body.tenantId,
    bodyId: body.id,
    id: body.id,
    duties,
    fromYear,
    workers,
  };
}

/** Work years planned ahead of `fromYear` (a year's last date is in the year after it). */
const YEARS_AHEAD = 2;

/**
 * The yearly series, for work years fromYear…fromYear+2. Each reminder carries the subject with
 * `fromYear` set to its own work year, so the sweep chaining "the next one" rolls the window on
 * forever while planning stays a few dozen entries.
 */
export function planReporting(
  subject: ReportingReminderSubject,
  ctx: PlanContext,
): PlannedReminder[] {
  const result: PlannedReminder[] = [];
  for (let year = subject.fromYear; year <= subject.fromYear + YEARS_AHEAD; year++) {
    for (const duty of subject.duties) {
      const deadline = REPORTING_DEADLINE_RULES[duty].dueOn(year);
      result.push(
        ...planDeadlineSeries(
          {
            keyPrefix: `reporting:${subject.bodyId}:${duty}:${year}`,
            deadline,
            urgent: false,
            workers: subject.workers,
            escalateTo: [],
            kinds: {
              upcoming: 'report.due',
              dueToday: 'report.due',
              overdue: 'report.due',
              escalation: 'report.due',
            },
            message: { subject: { kind: 'title', text: '' }, duty, year },
            narrow: (recipientId) => ({
              ...(narrowSubject(subject, recipientId) as ReportingReminderSubject),
              fromYear: year,
            }),
            offsets: REPORTING_OFFSETS,
            overdue: false,
          },
          ctx,
        ),
      );
    }
  }
  return result;
}

/** yyyy-MM-dd of the due date of `duty` for work year `year` (for screens and tests). */
export function reportingDueOn(duty: ReportingDuty, year: number): string {
  return REPORTING_DEADLINE_RULES[duty].dueOn(year);
}
