import { auditHeadOf, chainAuditEvent, GENESIS_HEAD, type AuditEvent } from '../audit/audit-event';
import { unitCalendarOf } from '../calendar/work-calendar';
import { deadlineFrom, resolveDeadlineRule } from '../cases/deadline-rule-registry';
import { DEADLINE_RULES } from '../cases/deadline-settings';
import type { Consultation, Recommendation } from '../consultations/consultation';
import {
  nextConsultationStatus,
  nextRecommendationStatus,
  type RecommendationTransition,
} from '../consultations/consultation-lifecycle';
import {
  CONSULTATION_LIMITS,
  type TAddRecommendationInput,
  type TApproveResponseInput,
  type TAssignRecommendationInput,
  type TCloseConsultationInput,
  type TCreateConsultationInput,
  type TDraftResponseInput,
  type TSendConsultationInput,
} from '../consultations/consultation-schemas';
import { FRONT_LEAD_TIME_RULES, isSentLate, latestSendDate } from '../consultations/front-rules';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan, can } from '../permissions/permission-table';
import {
  assertNotBefore,
  assertNotFuture,
  assertRecordVersion,
  nextAudited,
  required,
  vietnamToday,
} from './case-change';
import {
  assertConsultationCan,
  loadConsultation,
  loadRecommendation,
  type ConsultationSide,
  type LoadedConsultation,
} from './consultation-change';
import type { UseCaseDeps } from './deps';
import { retryOnWriteRace } from './meeting-change';
import { resolveActorInBody } from './resolve-actor-roles';

type ConsultationDeps = Pick<
  UseCaseDeps,
  'bodies' | 'consultations' | 'cases' | 'clock' | 'ids' | 'calendars'
>;

export interface ConsultationView {
  consultation: Consultation;
  recommendations: Recommendation[];
  side: ConsultationSide;
}

/** Opens a consultation (draft) in the agency's body, optionally linked to the Front's own body. */
export async function createConsultation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  input: TCreateConsultationInput,
): Promise<Consultation> {
  const repo = required(deps.consultations, 'consultations');
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'consultation.manage');
  if (input.frontBodyId) {
    const front = await deps.bodies.getBody(actor.tenantId, input.frontBodyId);
    if (!front || front.kind !== 'fatherlandFront' || front.id === bodyId) {
      throw new DomainError('CONSULTATION.FRONT_BODY_INVALID');
    }
  }
  const id = deps.ids.next();
  const at = deps.clock.now().toISOString();
  const event = chainAuditEvent(GENESIS_HEAD, {
    tenantId: actor.tenantId,
    aggregateType: 'consultation',
    aggregateId: id,
    action: 'consultation.created',
    actorId: actor.userId,
    actorName: actor.displayName,
    at,
    changes: { kind: [null, input.kind], title: [null, input.title] },
  });
  const consultation: Consultation = {
    tenantId: actor.tenantId,
    bodyId,
    id,
    kind: input.kind,
    title: input.title,
    documentTitle: input.documentTitle,
    description: input.description,
    frontName: input.frontName,
    frontBodyId: input.frontBodyId,
    referenceOn: input.referenceOn,
    status: 'draft',
    recommendationCount: 0,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
    audit: auditHeadOf(event),
  };
  await repo.createConsultation(consultation, event);
  return consultation;
}

/**
 * Records that the draft (critique) or report (supervision) went to the Front, and checks the lead
 * time: a draft at least 15 days before it is submitted (Law 75/2015 Art. 36(1)), a report at least
 * 7 days before the session (JR 403/2017). A late send is flagged, not refused: it already happened.
 */
export async function sendConsultation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TSendConsultationInput,
): Promise<Consultation> {
  return changeConsultation(
    deps,
    actor,
    bodyId,
    id,
    input.version,
    'consultation.sent',
    (c, today) => {
      const status = nextConsultationStatus(c.status, 'send');
      const sentOn = input.sentOn ?? today;
      assertNotFuture('sentOn', sentOn, today);
      const referenceOn = input.referenceOn ?? c.referenceOn;
      const rule = FRONT_LEAD_TIME_RULES[c.kind];
      const sendCheck = referenceOn
        ? {
            ruleId: rule.id,
            basis: rule.basis,
            latestOn: latestSendDate(rule, referenceOn),
            late: isSentLate(rule, sentOn, referenceOn),
          }
        : undefined;
      return {
        next: { ...c, status, sentOn, referenceOn, sendCheck },
        changes: {
          status: [c.status, status],
          sentOn: [null, sentOn],
          ...(sendCheck ? { sentLate: [null, sendCheck.late] } : {}),
        },
      };
    },
    'consultation.manage',
  );
}

/** The head closes the consultation; its recommendations can no longer change afterwards. */
export async function closeConsultation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TCloseConsultationInput,
): Promise<Consultation> {
  return changeConsultation(
    deps,
    actor,
    bodyId,
    id,
    input.version,
    'consultation.closed',
    (c, _today, at) => {
      const status = nextConsultationStatus(c.status, 'close');
      return { next: { ...c, status, closedAt: at }, changes: { status: [c.status, status] } };
    },
    'consultation.approve',
  );
}

/**
 * Records one recommendation of the Front (the agency's leadership, or the Front body's). Its answer
 * is due by the unit's rule in force on the day it was received (default 30 days: the law sets none).
 */
export async function addRecommendation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  consultationId: string,
  input: TAddRecommendationInput,
): Promise<Recommendation> {
  const id = deps.ids.next();
  return retryOnWriteRace(async () => {
    const loaded = await loadConsultation(deps, actor, bodyId, consultationId);
    assertConsultationCan(loaded.access, 'consultation.manage', { front: true });
    const c = loaded.stored.value;
    if (c.status === 'closed') throw new DomainError('CONSULTATION.CLOSED');
    if (c.status !== 'sent') throw new DomainError('CONSULTATION.NOT_SENT');
    if (c.recommendationCount >= CONSULTATION_LIMITS.recommendationsMax) {
      throw new DomainError('CONSULTATION.TOO_MANY_RECOMMENDATIONS', {
        max: CONSULTATION_LIMITS.recommendationsMax,
      });
    }
    const now = deps.clock.now();
    const today = vietnamToday(now);
    const receivedOn = input.receivedOn ?? today;
    assertNotFuture('receivedOn', receivedOn, today);
    if (c.sentOn) assertNotBefore('receivedOn', receivedOn, c.sentOn);
    if (input.ownerId) await assertOwnerIsMember(deps, actor, bodyId, input.ownerId);
    const settings = deps.cases
      ? (await deps.cases.getDeadlineSettings(actor.tenantId, loaded.access.agency.body.unitId))
          ?.value
      : undefined;
    const rule = resolveDeadlineRule(
      DEADLINE_RULES,
      'front.recommendationResponse',
      receivedOn,
      settings,
    );
    const at = now.toISOString();
    const number = c.recommendationCount + 1;
    // Counted in the answering unit's calendar, its own days off included.
    const calendar = await unitCalendarOf(
      deps.calendars,
      actor.tenantId,
      loaded.access.agency.body.unitId,
    );
    const deadline = deadlineFrom(receivedOn, rule, calendar);
    const status = input.ownerId ? 'assigned' : 'received';
    const recEvent = chainAuditEvent(GENESIS_HEAD, {
      tenantId: actor.tenantId,
      aggregateType: 'recommendation',
      aggregateId: id,
      action: 'recommendation.received',
      actorId: actor.userId,
      actorName: actor.displayName,
      at,
      changes: {
        consultationId: [null, c.id],
        number: [null, number],
        deadline: [null, deadline],
        status: [null, status],
        ...(input.ownerId ? { ownerId: [null, input.ownerId] } : {}),
      },
    });
    const recommendation: Recommendation = {
      tenantId: actor.tenantId,
      bodyId,
      consultationId: c.id,
      id,
      number,
      text: input.text,
      receivedOn,
      rule,
      deadline,
      ownerId: input.ownerId,
      status,
      createdAt: at,
      updatedAt: at,
      version: 1,
      audit: auditHeadOf(recEvent),
    };
    const change = nextAudited(
      'consultation',
      c,
      { ...c, recommendationCount: number },
      actor,
      at,
      'consultation.recommendationAdded',
      { recommendationCount: [c.recommendationCount, number], recommendationId: [null, id] },
    );
    await loaded.repo.commitConsultationChange({
      consultation: change.value,
      etag: loaded.stored.etag,
      event: change.event,
      recommendation: { value: recommendation, etag: null, event: recEvent },
    });
    return recommendation;
  });
}

/** Gives a recommendation an owner in the agency (a member of the body), or another one. */
export async function assignRecommendation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  consultationId: string,
  id: string,
  input: TAssignRecommendationInput,
): Promise<Recommendation> {
  return changeRecommendation(
    deps,
    actor,
    bodyId,
    consultationId,
    id,
    input.version,
    'assign',
    async (loaded, rec) => {
      assertConsultationCan(loaded.access, 'consultation.manage');
      await assertOwnerIsMember(deps, actor, bodyId, input.ownerId);
      return {
        next: { ...rec, ownerId: input.ownerId },
        changes: { ownerId: [rec.ownerId ?? null, input.ownerId] },
      };
    },
  );
}

/** The owner drafts the formal answer: accepted (tiếp thu), explained (giải trình) or partly accepted. */
export async function draftRecommendationResponse(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  consultationId: string,
  id: string,
  input: TDraftResponseInput,
): Promise<Recommendation> {
  return changeRecommendation(
    deps,
    actor,
    bodyId,
    consultationId,
    id,
    input.version,
    'draftResponse',
    async (_loaded, rec, at) => {
      if (rec.ownerId !== actor.userId) {
        throw new DomainError('PERMISSION.DENIED', { action: 'recommendation.draftResponse' });
      }
      const response = {
        kind: input.kind,
        text: input.text,
        draftedBy: actor.userId,
        draftedAt: at,
      };
      return {
        next: { ...rec, response, returnReason: undefined },
        changes: { responseKind: [rec.response?.kind ?? null, input.kind] },
      };
    },
  );
}

/**
 * The head approves the drafted answer (it is then the agency's formal response, dated today) or
 * returns it to the owner with a reason.
 */
export async function approveRecommendationResponse(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  consultationId: string,
  id: string,
  input: TApproveResponseInput,
): Promise<Recommendation> {
  const transition = input.decision === 'approve' ? 'approveResponse' : 'returnResponse';
  return changeRecommendation(
    deps,
    actor,
    bodyId,
    consultationId,
    id,
    input.version,
    transition,
    async (loaded, rec, at, today): Promise<Decision<Recommendation>> => {
      assertConsultationCan(loaded.access, 'consultation.approve');
      if (input.decision === 'return') {
        if (!input.reason) throw new DomainError('RECOMMENDATION.REASON_REQUIRED');
        return {
          next: { ...rec, returnReason: input.reason },
          changes: { reason: [null, input.reason] },
        };
      }
      const response = rec.response && {
        ...rec.response,
        approvedBy: actor.userId,
        approvedAt: at,
      };
      return {
        next: { ...rec, response, respondedAt: at, respondedOn: today },
        changes: {
          respondedOn: [null, today],
          onTime: [null, today <= rec.deadline],
        },
      };
    },
  );
}

/** A consultation with its recommendations: for the agency's members and the Front body's. */
export async function getConsultation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  id: string,
): Promise<ConsultationView> {
  const loaded = await loadConsultation(deps, actor, bodyId, id);
  const c = loaded.stored.value;
  const recommendations = await loaded.repo.listRecommendations(c.tenantId, c.bodyId, c.id);
  return {
    consultation: c,
    recommendations: recommendations.sort((a, b) => a.number - b.number),
    side: loaded.access.side,
  };
}

/**
 * The body's consultations with their recommendations. Members of a linked Front body who are not in
 * the agency's body see the consultations that name their body, and nothing else.
 */
export async function listConsultations(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
): Promise<{
  consultations: Consultation[];
  recommendations: Recommendation[];
  side: ConsultationSide;
}> {
  const repo = required(deps.consultations, 'consultations');
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  let consultations = await repo.listConsultations(actor.tenantId, bodyId);
  let side: ConsultationSide = 'agency';
  if (!can(roles, 'body.read')) {
    const mine = new Set(
      (await deps.bodies.listMemberships(actor.tenantId, actor.userId))
        .filter((m) => m.roles.length > 0)
        .map((m) => m.body.id),
    );
    consultations = consultations.filter((c) => c.frontBodyId && mine.has(c.frontBodyId));
    if (consultations.length === 0) {
      throw new DomainError('PERMISSION.DENIED', { action: 'consultation.read' });
    }
    side = 'front';
  }
  const ids = new Set(consultations.map((c) => c.id));
  const recommendations = (await repo.listBodyRecommendations(actor.tenantId, bodyId)).filter((r) =>
    ids.has(r.consultationId),
  );
  consultations.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { consultations, recommendations, side };
}

/** The recommendations the caller must answer, across bodies, earliest deadline first. */
export async function listMyRecommendations(
  deps: ConsultationDeps,
  actor: Actor,
): Promise<Recommendation[]> {
  const repo = required(deps.consultations, 'consultations');
  const recs = await repo.listUserRecommendations(actor.tenantId, actor.userId);
  return recs.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

async function assertOwnerIsMember(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  ownerId: string,
): Promise<void> {
  const member = await deps.bodies.getMember(actor.tenantId, bodyId, ownerId);
  if (!member || member.roles.length === 0) {
    throw new DomainError('RECOMMENDATION.OWNER_NOT_MEMBER');
  }
}

interface Decision<T> {
  next: T;
  changes: AuditEvent['changes'];
}

async function changeConsultation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  id: string,
  version: number,
  action: string,
  decide: (c: Consultation, today: string, at: string) => Decision<Consultation>,
  permission: 'consultation.manage' | 'consultation.approve',
): Promise<Consultation> {
  return retryOnWriteRace(async () => {
    const loaded = await loadConsultation(deps, actor, bodyId, id);
    const c = loaded.stored.value;
    if (await isReplay(loaded, c.id, c.version, version, actor, action)) return c;
    assertConsultationCan(loaded.access, permission);
    assertRecordVersion(c, version);
    const now = deps.clock.now();
    const at = now.toISOString();
    const decision = decide(c, vietnamToday(now), at);
    const change = nextAudited(
      'consultation',
      c,
      decision.next,
      actor,
      at,
      action,
      decision.changes,
    );
    await loaded.repo.commitConsultationChange({
      consultation: change.value,
      etag: loaded.stored.etag,
      event: change.event,
    });
    return change.value;
  });
}

/**
 * A recommendation change: permission, then "closed" (409 CONSULTATION.CLOSED), then version, then
 * the lifecycle. The consultation row is rewritten unchanged under its etag in the same batch, so a
 * concurrent close and answer cannot both land.
 */
async function changeRecommendation(
  deps: ConsultationDeps,
  actor: Actor,
  bodyId: string,
  consultationId: string,
  id: string,
  version: number,
  transition: RecommendationTransition,
  decide: (
    loaded: LoadedConsultation,
    rec: Recommendation,
    at: string,
    today: string,
  ) => Promise<Decision<Recommendation>>,
): Promise<Recommendation> {
  const action = `recommendation.${transition}`;
  return retryOnWriteRace(async () => {
    const loaded = await loadConsultation(deps, actor, bodyId, consultationId);
    const stored = await loadRecommendation(loaded, id);
    const rec = stored.value;
    if (await isReplay(loaded, rec.id, rec.version, version, actor, action)) return rec;
    if (loaded.access.side !== 'agency') {
      throw new DomainError('PERMISSION.DENIED', { action });
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const decision = await decide(loaded, rec, at, vietnamToday(now));
    if (loaded.stored.value.status === 'closed') throw new DomainError('CONSULTATION.CLOSED');
    assertRecordVersion(rec, version);
    const status = nextRecommendationStatus(rec.status, transition);
    const change = nextAudited(
      'recommendation',
      rec,
      { ...decision.next, status },
      actor,
      at,
      action,
      { ...(status !== rec.status ? { status: [rec.status, status] } : {}), ...decision.changes },
    );
    await loaded.repo.commitConsultationChange({
      consultation: loaded.stored.value,
      etag: loaded.stored.etag,
      recommendation: { value: change.value, etag: stored.etag, event: change.event },
    });
    return change.value;
  });
}

/** A retried request: one version past what the caller sent, written by this caller doing this. */
async function isReplay(
  loaded: LoadedConsultation,
  aggregateId: string,
  currentVersion: number,
  version: number,
  actor: Actor,
  action: string,
): Promise<boolean> {
  if (currentVersion !== version + 1) return false;
  const c = loaded.stored.value;
  const last = (await loaded.repo.listAudit(c.tenantId, c.bodyId, aggregateId)).at(-1);
  return last !== undefined && last.actorId === actor.userId && last.action === action;
}

export type { ConsultationSide } from './consultation-change';
