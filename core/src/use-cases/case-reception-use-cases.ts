import { auditHeadOf, chainAuditEvent, GENESIS_HEAD } from '../audit/audit-event';
import {
  RECEPTION_KINDS,
  receptionCadenceGaps,
  receptionCadenceRule,
  type CadenceGap,
  type ReceptionCadenceRule,
  type ReceptionKind,
  type ReceptionSession,
  type ReceptionStatus,
} from '../cases/reception';
import type {
  TReceptionRangeQuery,
  TReceptionTransitionInput,
  TScheduleReceptionInput,
} from '../cases/reception-schemas';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import {
  assertNotFuture,
  assertRecordVersion,
  nextAudited,
  required,
  vietnamToday,
} from './case-change';
import type { UseCaseDeps } from './deps';
import { retryOnWriteRace } from './meeting-change';
import { resolveActorInBody } from './resolve-actor-roles';

type ReceptionDeps = Pick<UseCaseDeps, 'bodies' | 'cases' | 'clock' | 'ids'>;

/** Schedules a reception day or a dialogue (it may also be recorded after the fact, then held). */
export async function scheduleReceptionSession(
  deps: ReceptionDeps,
  actor: Actor,
  bodyId: string,
  input: TScheduleReceptionInput,
): Promise<ReceptionSession> {
  const cases = required(deps.cases, 'cases');
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'reception.schedule');
  if (!(await deps.bodies.getMember(actor.tenantId, bodyId, input.hostId))) {
    throw new DomainError('RECEPTION.HOST_NOT_MEMBER');
  }
  const id = deps.ids.next();
  const at = deps.clock.now().toISOString();
  const event = chainAuditEvent(GENESIS_HEAD, {
    tenantId: actor.tenantId,
    aggregateType: 'receptionSession',
    aggregateId: id,
    action: 'reception.scheduled',
    actorId: actor.userId,
    actorName: actor.displayName,
    at,
    changes: { kind: [null, input.kind], date: [null, input.date], hostId: [null, input.hostId] },
  });
  const session: ReceptionSession = {
    tenantId: actor.tenantId,
    unitId: body.unitId,
    bodyId,
    id,
    kind: input.kind,
    hostId: input.hostId,
    date: input.date,
    location: input.location,
    status: 'scheduled',
    note: input.note,
    createdAt: at,
    updatedAt: at,
    version: 1,
    audit: auditHeadOf(event),
  };
  await cases.createSession(session, event);
  return session;
}

const SESSION_TRANSITIONS: Record<
  TReceptionTransitionInput['transition'],
  { from: ReceptionStatus; to: ReceptionStatus; action: string }
> = {
  hold: { from: 'scheduled', to: 'held', action: 'reception.held' },
  cancel: { from: 'scheduled', to: 'cancelled', action: 'reception.cancelled' },
};

/** Marks a session held (on or after its day) or cancelled. */
export async function transitionReceptionSession(
  deps: ReceptionDeps,
  actor: Actor,
  bodyId: string,
  sessionId: string,
  input: TReceptionTransitionInput,
): Promise<ReceptionSession> {
  const cases = required(deps.cases, 'cases');
  const rule = SESSION_TRANSITIONS[input.transition];
  return retryOnWriteRace(async () => {
    const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    assertCan(roles, 'reception.schedule');
    const stored = await cases.getSession(actor.tenantId, body.unitId, bodyId, sessionId);
    if (!stored) throw new DomainError('RECEPTION.NOT_FOUND');
    const current = stored.value;
    if (current.version === input.version + 1 && current.status === rule.to) return current;
    assertRecordVersion(current, input.version);
    if (current.status !== rule.from) {
      throw new DomainError('RECEPTION.TRANSITION_NOT_ALLOWED', {
        transition: input.transition,
        status: current.status,
      });
    }
    const now = deps.clock.now();
    if (input.transition === 'hold') assertNotFuture('date', current.date, vietnamToday(now));
    const change = nextAudited(
      'receptionSession',
      current,
      { ...current, status: rule.to, note: input.note ?? current.note },
      actor,
      now.toISOString(),
      rule.action,
      { status: [current.status, rule.to] },
    );
    await cases.commitSession(change.value, stored.etag, change.event);
    return change.value;
  });
}

export interface ReceptionCadence {
  kind: ReceptionKind;
  rule: Pick<ReceptionCadenceRule, 'id' | 'period' | 'minSessions' | 'basis' | 'confidence'>;
  gaps: CadenceGap[];
}

/**
 * The body's sessions within a range, and for each kind the weeks, months or years in that range
 * that lack the sessions the law asks for (Law 42/2013 Art. 15, 18).
 */
export async function listReceptionSessions(
  deps: ReceptionDeps,
  actor: Actor,
  bodyId: string,
  range: TReceptionRangeQuery,
): Promise<{ sessions: ReceptionSession[]; cadence: ReceptionCadence[] }> {
  const cases = required(deps.cases, 'cases');
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
  const all = await cases.listBodySessions(actor.tenantId, body.unitId, bodyId);
  const sessions = all
    .filter((s) => s.date >= range.from && s.date <= range.to)
    .sort((a, b) => a.date.localeCompare(b.date));
  const cadence = RECEPTION_KINDS.map((kind) => {
    const { id, period, minSessions, basis, confidence } = receptionCadenceRule(kind);
    return {
      kind,
      rule: { id, period, minSessions, basis, confidence },
      gaps: receptionCadenceGaps(all, kind, range.from, range.to),
    };
  });
  return { sessions, cadence };
}
