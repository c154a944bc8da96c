import { addCalendarDays, civilDateToIso, parseCivilDate } from '../calendar/civil-date';
import { currentCaseDeadline } from '../cases/case-rules';
import type { CitizenCase } from '../cases/citizen-case';
import type { Consultation, Recommendation } from '../consultations/consultation';
import type { Disclosure } from '../disclosures/disclosure';
import { narrowSubject, planDeadlineSeries, type PlanContext } from './plan-reminders';
import { allowedSlotAtOrAfter, slotToUtc, type SlotRules } from './quiet-hours';
import type {
  CaseReminderPlanSubject,
  DisclosureReminderSubject,
  PlannedReminder,
  RecommendationReminderSubject,
} from './reminder';
import { minutesOfLocalTime, type DeadlineOffset } from './reminder-policy';

/**
 * Reminders for the Front's recommendations, citizen cases and public disclosures. The deadlines
 * themselves come from their rules (core/src/consultations/front-rules.ts, core/src/cases/
 * case-deadline-rules.ts, core/src/disclosures/disclosure-rules.ts); here only who hears what, when.
 */

// ---------------------------------------------------------------------------------------------
// Front recommendations (kiến nghị): Law 75/2015 Art. 29(6), 36(3) require an answer; the unit's
// rule `front.recommendationResponse` (default 30 days) sets when.

/**
 * What planning needs of a recommendation. `headIds` are the body's heads at planning time: they
 * approve answers, take unowned recommendations and hear once when one is late.
 */
export function recommendationReminderSubject(
  rec: Recommendation,
  consultation: Pick<Consultation, 'title' | 'status'>,
  headIds: readonly string[],
): RecommendationReminderSubject {
  const heads = unique(headIds);
  // Drafting is the owner's (the head's while nobody owns it); a drafted answer waits for the head.
  const workers = rec.status === 'responseDrafted' || !rec.ownerId ? heads : unique([rec.ownerId]);
  return {
    type: 'recommendation',
    tenantId: rec.tenantId,
    bodyId: rec.bodyId,
    consultationId: rec.consultationId,
    id: rec.id,
    deadline: rec.deadline,
    active: rec.status !== 'responded' && consultation.status !== 'closed',
    label: { kind: 'recommendation', number: rec.number, consultation: consultation.title },
    workers,
    escalateTo: heads.filter((id) => !workers.includes(id)),
    heads,
  };
}

export function planRecommendation(
  subject: RecommendationReminderSubject,
  ctx: PlanContext,
): PlannedReminder[] {
  if (!subject.active) return [];
  return planDeadlineSeries(
    {
      keyPrefix: `recommendation:${subject.id}:${subject.deadline}`,
      deadline: subject.deadline,
      urgent: false,
      workers: subject.workers,
      escalateTo: subject.escalateTo,
      kinds: {
        upcoming: 'recommendation.upcoming',
        dueToday: 'recommendation.dueToday',
        overdue: 'recommendation.overdue',
        escalation: 'recommendation.escalation',
      },
      message: { subject: subject.label },
      narrow: (recipientId) => narrowSubject(subject, recipientId),
    },
    ctx,
  );
}

// ---------------------------------------------------------------------------------------------
// Citizen cases: the acceptance decision (Law 02/2011 Art. 27, Law 25/2018 Art. 24, Law 42/2013
// Art. 28) and the resolution (Law 02/2011 Art. 28, 37; Law 25/2018 Art. 30, extensions included).

/**
 * What planning needs of a case: its NUMBER and its current deadline, never a name or the content
 * (Law 25/2018 Art. 47; docs/citizens-and-front.md "Confidentiality"). The handlers are reminded
 * (the head while none is assigned); the head hears once when the stage is overdue.
 */
export function citizenCaseReminderSubject(
  c: CitizenCase,
  headIds: readonly string[],
): CaseReminderPlanSubject {
  const current = currentCaseDeadline(c);
  const heads = unique(headIds);
  const workers = c.handlerIds.length > 0 ? unique(c.handlerIds) : heads;
  return {
    type: 'case',
    tenantId: c.tenantId,
    unitId: c.unitId,
    bodyId: c.bodyId,
    id: c.id,
    caseKind: c.kind,
    stage: current?.stage ?? (c.resolution ? 'resolution' : 'acceptance'),
    deadline: current?.deadline ?? c.resolution?.deadline ?? c.acceptance.deadline,
    active: current !== null,
    label: { kind: 'case', number: c.number },
    workers,
    escalateTo: heads.filter((id) => !workers.includes(id)),
    heads,
  };
}

export function planCase(subject: CaseReminderPlanSubject, ctx: PlanContext): PlannedReminder[] {
  if (!subject.active) return [];
  return planDeadlineSeries(
    {
      // The stage and the deadline in force name the keys: a decision or an extension replans.
      keyPrefix: `case:${subject.id}:${subject.stage}:${subject.deadline}`,
      deadline: subject.deadline,
      urgent: false,
      workers: subject.workers,
      escalateTo: subject.escalateTo,
      kinds: {
        upcoming: 'case.upcoming',
        dueToday: 'case.dueToday',
        overdue: 'case.overdue',
        escalation: 'case.escalation',
      },
      message: { subject: subject.label, stage: subject.stage },
      narrow: (recipientId) => narrowSubject(subject, recipientId),
    },
    ctx,
  );
}

// ---------------------------------------------------------------------------------------------
// Public disclosures: the period must start on its start day and runs `days` calendar days
// (disclosureEndOn); whoever registered it posts it and takes it down.

/** Before the start day (while planned): 3 and 1 days before and on the day, 08:00. */
export const DISCLOSURE_START_OFFSETS: readonly DeadlineOffset[] = [
  { days: 3, at: '08:00' },
  { days: 1, at: '08:00' },
  { days: 0, at: '08:00' },
];
/** Before the period ends (planned or posted): the day before and the last day, 08:00. */
export const DISCLOSURE_END_OFFSETS: readonly DeadlineOffset[] = [
  { days: 1, at: '08:00' },
  { days: 0, at: '08:00' },
];

export function disclosureReminderSubject(disclosure: Disclosure): DisclosureReminderSubject {
  return {
    type: 'disclosure',
    tenantId: disclosure.tenantId,
    bodyId: disclosure.bodyId,
    id: disclosure.id,
    status: disclosure.status,
    startOn: disclosure.startOn,
    endOn: disclosure.endOn,
    // Disclosures are public by nature: the title may be shown.
    label: { kind: 'title', text: disclosure.title },
    workers: [disclosure.createdBy],
  };
}

export function planDisclosure(
  subject: DisclosureReminderSubject,
  ctx: PlanContext,
): PlannedReminder[] {
  if (subject.status === 'ended') return [];
  const narrow = (recipientId: string) => narrowSubject(subject, recipientId);
  const result: PlannedReminder[] = [];
  if (subject.status === 'planned') {
    result.push(
      ...planDeadlineSeries(
        {
          keyPrefix: `disclosure:${subject.id}:start:${subject.startOn}`,
          deadline: subject.startOn,
          urgent: false,
          workers: subject.workers,
          escalateTo: [],
          kinds: sameKind('disclosure.mustStart'),
          message: { subject: subject.label },
          narrow,
          offsets: DISCLOSURE_START_OFFSETS,
          overdue: false,
        },
        ctx,
      ),
    );
  }
  result.push(
    ...planDeadlineSeries(
      {
        keyPrefix: `disclosure:${subject.id}:end:${subject.endOn}`,
        deadline: subject.endOn,
        urgent: false,
        workers: subject.workers,
        escalateTo: [],
        kinds: sameKind('disclosure.ending'),
        message: { subject: subject.label },
        narrow,
        offsets: DISCLOSURE_END_OFFSETS,
        overdue: false,
      },
      ctx,
    ),
  );
  if (subject.status === 'posted') {
    // Still posted after the last day: once, the next working day, so the register gets closed.
    const rules: SlotRules = {
      quietHours: ctx.policy.quietHours,
      isAllowedDay: (date) => ctx.calendar.isWorkingDay(date),
    };
    const slot = allowedSlotAtOrAfter(
      {
        date: addCalendarDays(parseCivilDate(subject.endOn), 1),
        minute: minutesOfLocalTime(ctx.policy.overdueAt),
      },
      rules,
    );
    for (const recipientId of subject.workers) {
      result.push({
        key: `disclosure:${subject.id}:end:${subject.endOn}:over:${recipientId}`,
        dueAt: slotToUtc(slot).toISOString(),
        recipientId,
        subject: narrow(recipientId),
        message: {
          kind: 'disclosure.periodOver',
          subject: subject.label,
          deadline: subject.endOn,
          daysOverdue: dayCount(subject.endOn, civilDateToIso(slot.date)),
        },
      });
    }
  }
  return result;
}

function sameKind(kind: PlannedReminder['message']['kind']) {
  return { upcoming: kind, dueToday: kind, overdue: kind, escalation: kind };
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(Boolean))];
}
