import {
  auditHeadOf,
  chainAuditEvent,
  GENESIS_HEAD,
  type Unit,
  type UnitAdmin,
  type UnitBodyEntry,
} from '@qcdc/core';
import type { TableUnitAdminStore } from './admin-unit-store';

/**
 * Sets up a unit's administration partition (its first admins and the bodies it already has) the
 * first time; a unit that has one is left alone, so running it on every start is safe.
 */
export async function ensureUnitAdministration(
  store: TableUnitAdminStore,
  unit: Unit,
  admins: UnitAdmin[],
  bodies: UnitBodyEntry[],
  now: Date,
  by: { actorId: string; actorName: string } = {
    actorId: 'system',
    actorName: 'Dữ liệu mẫu (demo)',
  },
): Promise<boolean> {
  if (await store.getUnit(unit.tenantId, unit.id)) return false;
  const event = chainAuditEvent(GENESIS_HEAD, {
    tenantId: unit.tenantId,
    aggregateType: 'unit',
    aggregateId: unit.id,
    action: 'unit.administrationCreated',
    ...by,
    at: now.toISOString(),
    changes: {
      name: [null, unit.name],
      admins: [null, admins.map((admin) => admin.displayName)],
      bodies: [null, bodies.map((body) => body.name)],
    },
  });
  await store.createUnit(
    { ...unit, admins, version: 1, updatedAt: event.at, audit: auditHeadOf(event) },
    bodies,
    event,
  );
  return true;
}
