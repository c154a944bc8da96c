import { addCalendarDays, civilDateToIso, parseCivilDate } from '../calendar/civil-date';
import { isPastDeadline } from '../calendar/deadline';
import { toVietnamDate } from '../calendar/vietnam-time';
import { CASE_DUE_SOON_DAYS, caseStats } from '../cases/case-rules';
import type { CitizenCase } from '../cases/citizen-case';
import { recommendationLateness } from '../consultations/consultation-rules';
import type { Recommendation } from '../consultations/consultation';
import { disclosureFlags } from '../disclosures/disclosure-rules';
import type { Disclosure } from '../disclosures/disclosure';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { UseCaseDeps } from '../use-cases/deps';
import { resolveActorInBody } from '../use-cases/resolve-actor-roles';

/**
 * What the channel dashboard shows of the Front, citizen and disclosure work: counts of what is due
 * soon and late, nothing else. Cases in particular are counts only (no number, name or content:
 * a channel tab is seen by every member, and a case is visible to its head and handlers only).
 * "Due soon": open, not overdue, deadline within the next 7 days (Vietnam dates), as case stats.
 */
export interface CitizenDashboard {
  /** UTC ISO: when it was computed. */
  asOf: string;
  dueSoonDays: number;
  /** Null when the store is not available. */
  recommendations: {
    open: number;
    dueSoon: number;
    overdue: number;
    /** Answered after their deadline (ever). */
    answeredLate: number;
  } | null;
  cases: { open: number; dueSoon: number; overdue: number } | null;
  disclosures: {
    planned: number;
    /** Planned, to start within the due-soon window (not yet overdue). */
    startDueSoon: number;
    startOverdue: number;
    posted: number;
    /** Posted, the period ending within the window (not yet over). */
    endingSoon: number;
    periodOver: number;
  } | null;
}

export function citizenDashboardCounts(
  input: {
    recommendations?: readonly Recommendation[] | undefined;
    cases?: readonly CitizenCase[] | undefined;
    disclosures?: readonly Disclosure[] | undefined;
  },
  now: Date,
): CitizenDashboard {
  const soon = civilDateToIso(addCalendarDays(toVietnamDate(now), CASE_DUE_SOON_DAYS));
  const recs = input.recommendations;
  const open = recs?.filter((r) => r.status !== 'responded') ?? [];
  const overdue = (date: string) => isPastDeadline(parseCivilDate(date), now);
  const stats = input.cases ? caseStats(input.cases, now) : null;
  const list = input.disclosures ?? [];
  const flags = list.map((d) => ({ d, f: disclosureFlags(d, now) }));
  return {
    asOf: now.toISOString(),
    dueSoonDays: CASE_DUE_SOON_DAYS,
    recommendations: recs
      ? {
          open: open.length,
          dueSoon: open.filter((r) => !overdue(r.deadline) && r.deadline <= soon).length,
          overdue: open.filter((r) => overdue(r.deadline)).length,
          answeredLate: recs.filter(
            (r) => r.status === 'responded' && recommendationLateness(r, now).late,
          ).length,
        }
      : null,
    cases: stats ? { open: stats.open, dueSoon: stats.dueSoon, overdue: stats.overdue } : null,
    disclosures: input.disclosures
      ? {
          planned: flags.filter(({ d }) => d.status === 'planned').length,
          startDueSoon: flags.filter(
            ({ d, f }) => d.status === 'planned' && !f.startOverdue && d.startOn <= soon,
          ).length,
          startOverdue: flags.filter(({ f }) => f.startOverdue).length,
          posted: flags.filter(({ d }) => d.status === 'posted').length,
          endingSoon: flags.filter(
            ({ d, f }) => d.status === 'posted' && !f.periodOver && d.endOn <= soon,
          ).length,
          periodOver: flags.filter(({ f }) => f.periodOver).length,
        }
      : null,
  };
}

/** For any member of the body (`body.read`): partition reads of its recommendations, cases, disclosures. */
export async function citizenDashboard(
  deps: Pick<UseCaseDeps, 'bodies' | 'clock' | 'consultations' | 'cases' | 'disclosures'>,
  actor: Actor,
  bodyId: string,
): Promise<CitizenDashboard> {
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
  const [recommendations, cases, disclosures] = await Promise.all([
    deps.consultations?.listBodyRecommendations(actor.tenantId, bodyId),
    deps.cases?.listBodyCases(actor.tenantId, body.unitId, bodyId),
    deps.disclosures?.listDisclosures(actor.tenantId, bodyId),
  ]);
  return citizenDashboardCounts({ recommendations, cases, disclosures }, deps.clock.now());
}
