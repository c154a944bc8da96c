import type { TableEntityResult } from '@azure/data-tables';
import type { AuditEvent } from '@qcdc/core';
import { keys } from './keys';

/** An audit event as a row beside the aggregate it records (same partition, same batch). */
export function toAuditEntity(partitionKey: string, event: AuditEvent) {
  return {
    partitionKey,
    rowKey: keys.auditRow(event.aggregateId, event.seq),
    kind: 'audit',
    tenantId: event.tenantId,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    seq: event.seq,
    action: event.action,
    actorId: event.actorId,
    actorName: event.actorName,
    at: event.at,
    changes: JSON.stringify(event.changes),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

export function fromAuditEntity(row: TableEntityResult<Record<string, unknown>>): AuditEvent {
  return {
    tenantId: String(row.tenantId),
    aggregateType: row.aggregateType as AuditEvent['aggregateType'],
    aggregateId: String(row.aggregateId),
    seq: Number(row.seq),
    action: String(row.action),
    actorId: String(row.actorId),
    actorName: String(row.actorName),
    at: String(row.at),
    changes: JSON.parse(String(row.changes)) as AuditEvent['changes'],
    prevHash: String(row.prevHash),
    hash: String(row.hash),
  };
}
