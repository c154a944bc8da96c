import { addCalendarDays, civilDateToIso, parseCivilDate } from '../calendar/civil-date';
import type { VersionedDeadlineRule } from '../cases/deadline-rule-registry';

const FRONT_LAW = 'Law 75/2015/QH13 on the Vietnam Fatherland Front';
/** Law 75/2015 in force 1 Jan 2016; Joint Resolution 403/2017 from 2017. */
const FRONT_LAW_FROM = '2016-01-01';
const JOINT_RESOLUTION_403 = 'Joint Resolution 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN';

/**
 * Front supervision and social critique (shared/RULES.md). The law sets no time for answering a
 * recommendation (Art. 29(6), 36(3)): the unit configures it, 30 days by default.
 */
export const FRONT_DEADLINE_RULES: readonly VersionedDeadlineRule[] = [
  {
    id: 'front.recommendationResponse',
    amount: 30,
    unit: 'calendarDays',
    effectiveFrom: FRONT_LAW_FROM,
    basis: `${FRONT_LAW} Art. 29(6), 36(3) (no time limit set)`,
    configurable: true,
    confidence: 'unitDefault',
  },
];

/**
 * Lead times: a document must reach the Front at least so many days before a date. Social critique:
 * the draft at least 15 days before it is submitted (Art. 36(1)). Supervision: the supervised body's
 * report at least 7 days before the supervision session (Joint Resolution 403/2017).
 */
export interface LeadTimeRule {
  readonly id: string;
  readonly days: number;
  readonly effectiveFrom: string;
  readonly basis: string;
}

export const FRONT_LEAD_TIME_RULES = {
  socialCritique: {
    id: 'front.critiqueDraftLeadTime',
    days: 15,
    effectiveFrom: FRONT_LAW_FROM,
    basis: `${FRONT_LAW} Art. 36(1)`,
  },
  supervision: {
    id: 'front.supervisionReportLeadTime',
    days: 7,
    effectiveFrom: '2017-01-01',
    basis: JOINT_RESOLUTION_403,
  },
} as const satisfies Record<string, LeadTimeRule>;

/** The last day the document may be sent: `days` calendar days before the reference date. */
export function latestSendDate(rule: LeadTimeRule, referenceOn: string): string {
  return civilDateToIso(addCalendarDays(parseCivilDate(referenceOn), -rule.days));
}

/** Sent later than the lead time allows: flagged, not refused (the send already happened). */
export function isSentLate(rule: LeadTimeRule, sentOn: string, referenceOn: string): boolean {
  return sentOn > latestSendDate(rule, referenceOn);
}
