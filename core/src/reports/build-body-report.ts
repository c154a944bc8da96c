import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { UseCaseDeps } from '../use-cases/deps';
import { resolveActorInBody } from '../use-cases/resolve-actor-roles';
import type { Motion } from '../voting/motion';
import type { VoteRepository } from '../voting/vote-repository';
import { computeBodyReview, meetingsHeldIn, type BodyReview } from './review-figures';
import { parseReviewPeriod, type ReviewPeriod } from './review-period';

export type ReportDeps = Pick<
  UseCaseDeps,
  'bodies' | 'meetings' | 'assignments' | 'clock' | 'consultations' | 'cases' | 'disclosures'
> & {
  /** Without a vote store the review leaves votes out (figures.votes.available is false). */
  votes?: VoteRepository | undefined;
};

/**
 * The half-year or year-end review of a body (sơ kết, tổng kết) for `report.read` holders (head,
 * deputy head, secretary). Loads by partition only: the body's meetings, assignments and members,
 * then the motions of each meeting held in the period; the body's recommendations and disclosures
 * (its partition), its cases and reception sessions (RowKey ranges of the unit's partition).
 */
export async function buildBodyReport(
  deps: ReportDeps,
  actor: Actor,
  bodyId: string,
  period: ReviewPeriod,
): Promise<BodyReview> {
  const checked = parseReviewPeriod({ from: period.from, to: period.to });
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'report.read');
  const [meetings, assignments, members, recommendations, sessions, cases, disclosures] =
    await Promise.all([
      deps.meetings.listMeetings(actor.tenantId, bodyId),
      deps.assignments.listBodyAssignments(actor.tenantId, bodyId),
      deps.bodies.listMembers(actor.tenantId, bodyId),
      deps.consultations?.listBodyRecommendations(actor.tenantId, bodyId),
      deps.cases?.listBodySessions(actor.tenantId, body.unitId, bodyId),
      deps.cases?.listBodyCases(actor.tenantId, body.unitId, bodyId),
      deps.disclosures?.listDisclosures(actor.tenantId, bodyId),
    ]);
  const votes = deps.votes;
  let motions: Motion[] | undefined;
  if (votes) {
    const perMeeting = await Promise.all(
      meetingsHeldIn(meetings, checked).map((m) => votes.listMotions(actor.tenantId, bodyId, m.id)),
    );
    motions = perMeeting.flat();
  }
  return computeBodyReview({
    body,
    members,
    period: checked,
    now: deps.clock.now(),
    meetings,
    assignments,
    motions,
    recommendations,
    sessions,
    cases,
    disclosures,
  });
}
