import { civilDateToIso } from '../calendar/civil-date';
import { toVietnamDate } from '../calendar/vietnam-time';
import { casePartiesOf, type CaseParty } from '../cases/case-lifecycle';
import type { CitizenCase } from '../cases/citizen-case';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import type { CaseRepository, StoredRow } from '../ports/case-repository';
import { auditHeadOf, chainAuditEvent, type AuditEvent } from '../audit/audit-event';
import { nextVersion } from './aggregate-change';
import type { UseCaseDeps } from './deps';
import { resolveActorInBody, type ActorInBody } from './resolve-actor-roles';

/** The next state: version bumped, `updatedAt` set, the audit chain extended by one event. */
export const nextAudited = nextVersion;

/** Today's date in Vietnam, yyyy-MM-dd. */
export function vietnamToday(now: Date): string {
  return civilDateToIso(toVietnamDate(now));
}

/** A date the caller says something happened on: never after today (Vietnam). */
export function assertNotFuture(field: string, value: string, today: string): void {
  if (value > today) throw new DomainError('DATE.IN_FUTURE', { field, value, today });
}

export function assertNotBefore(field: string, value: string, start: string): void {
  if (value < start) throw new DomainError('DATE.BEFORE_START', { field, value, start });
}

/**
 * The caller edited version `expected`; anything else is a conflict carrying the fresh record (under
 * `currentRecord`: the edge maps it with the record's own allow-list).
 */
export function assertRecordVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) {
    throw new DomainError('CONCURRENCY.CONFLICT', {}, { currentRecord: current });
  }
}

/** The slice's ports are optional in UseCaseDeps (older fakes lack them); these use cases need them. */
export function required<T>(port: T | undefined, name: string): T {
  if (!port) throw new Error(`The ${name} repository is not configured`);
  return port;
}

/** Audit actions that only record a reading: they extend the chain but leave the version alone. */
export const CASE_READ_ACTIONS: ReadonlySet<string> = new Set([
  'case.viewed',
  'case.identityViewed',
]);

export interface LoadedCase extends ActorInBody {
  stored: StoredRow<CitizenCase>;
  parties: Set<CaseParty>;
  cases: CaseRepository;
}

/**
 * Loads a case for someone entitled to it: the body's head, its handlers, its recorder. Anyone else,
 * member of the body or not, is told it does not exist (a case's existence is confidential too).
 */
export async function loadCase(
  deps: Pick<UseCaseDeps, 'bodies' | 'cases'>,
  actor: Actor,
  bodyId: string,
  caseId: string,
): Promise<LoadedCase> {
  const cases = required(deps.cases, 'cases');
  const inBody = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await cases.getCase(actor.tenantId, inBody.body.unitId, bodyId, caseId);
  if (!stored) throw new DomainError('CASE.NOT_FOUND');
  const isHead = inBody.roles.bodyRoles.includes('head');
  const parties = casePartiesOf(stored.value, actor.userId, isHead);
  if (parties.size === 0) throw new DomainError('CASE.NOT_FOUND');
  return { ...inBody, stored, parties, cases };
}

/**
 * A retried request: the case is exactly one version past what the caller sent, and the last change
 * (views aside) was this caller doing this action.
 */
export async function isCaseReplay(
  cases: CaseRepository,
  current: CitizenCase,
  actor: Actor,
  version: number,
  action: string,
): Promise<boolean> {
  if (current.version !== version + 1) return false;
  const events = await cases.listCaseAudit(current.tenantId, current.unitId, current.id);
  const last = events.filter((event) => !CASE_READ_ACTIONS.has(event.action)).at(-1);
  return last !== undefined && last.actorId === actor.userId && last.action === action;
}

/** Records a reading in the case's chain (same partition, same batch as the head moves). */
export function readEvent(
  current: CitizenCase,
  actor: Actor,
  at: string,
  action: 'case.viewed' | 'case.identityViewed',
): { value: CitizenCase; event: AuditEvent } {
  const event = chainAuditEvent(current.audit, {
    tenantId: current.tenantId,
    aggregateType: 'case',
    aggregateId: current.id,
    action,
    actorId: actor.userId,
    actorName: actor.displayName,
    at,
    changes: {},
  });
  return { value: { ...current, audit: auditHeadOf(event) }, event };
}
