import {
  auditHeadOf,
  chainAuditEvent,
  type AuditEvent,
  type AuditHead,
} from '../audit/audit-event';
import type { Actor } from '../permissions/actor';

/** What every audited aggregate carries: its id, a version clients send back, its chain head. */
export interface Versioned {
  id: string;
  version: number;
  updatedAt: string;
  audit: AuditHead;
}

/**
 * The next state of an aggregate: version bumped, `updatedAt` set, and its audit chain extended by one
 * event that records who did what. The caller writes both in one atomic batch.
 */
export function nextVersion<T extends Versioned>(
  aggregateType: AuditEvent['aggregateType'],
  current: T,
  next: T,
  actor: Actor,
  at: string,
  action: string,
  changes: AuditEvent['changes'],
): { value: T; event: AuditEvent } {
  const event = chainAuditEvent(current.audit, {
    tenantId: actor.tenantId,
    aggregateType,
    aggregateId: current.id,
    action,
    actorId: actor.userId,
    actorName: actor.displayName,
    at,
    changes,
  });
  return {
    value: { ...next, updatedAt: at, version: current.version + 1, audit: auditHeadOf(event) },
    event,
  };
}
