import type { Assignment } from '../assignments/assignment';
import type { AuditEvent } from '../audit/audit-event';
import { nextVersion } from './aggregate-change';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import type { UseCaseDeps } from './deps';
import { resolveActorInBody } from './resolve-actor-roles';

export function nextAssignmentVersion(
  current: Assignment,
  next: Assignment,
  actor: Actor,
  at: string,
  action: string,
  changes: AuditEvent['changes'],
): { assignment: Assignment; event: AuditEvent } {
  const { value, event } = nextVersion('assignment', current, next, actor, at, action, changes);
  return { assignment: value, event };
}

/** Loads an assignment the actor may see: any member of its body, or anyone working on it. */
export async function loadAssignment(
  deps: Pick<UseCaseDeps, 'bodies' | 'assignments'>,
  actor: Actor,
  bodyId: string,
  id: string,
) {
  const inBody = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await deps.assignments.getAssignment(actor.tenantId, bodyId, id);
  if (!stored) throw new DomainError('ASSIGNMENT.NOT_FOUND');
  const a = stored.assignment;
  const involved = a.ownerId === actor.userId || a.coOwnerIds.includes(actor.userId);
  if (inBody.roles.bodyRoles.length === 0 && !involved) {
    throw new DomainError('PERMISSION.DENIED', { action: 'assignment.read' });
  }
  return { ...inBody, stored, isHead: inBody.roles.bodyRoles.includes('head') };
}

export function assertAssignmentVersion(current: Assignment, expected: number): void {
  if (current.version !== expected) {
    throw new DomainError('CONCURRENCY.CONFLICT', {}, { currentAssignment: current });
  }
}
