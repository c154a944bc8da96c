import type { AuditHead } from '../audit/audit-event';
import type { BodyKind } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';

/** A person who administers a unit: its bodies, members, settings and holiday table. */
export interface UnitAdmin {
  userId: string;
  displayName: string;
}

/** A body as the unit's own index lists it (the body partition stays the truth). */
export interface UnitBodyEntry {
  id: string;
  kind: BodyKind;
  name: string;
}

/**
 * A unit as its administrators see it. Unit administration is a unit-level role, apart from body
 * roles: the head of one body is not thereby allowed to reshape the others or the unit's settings.
 */
export interface UnitAdministration {
  tenantId: string;
  id: string;
  name: string;
  province: string;
  admins: UnitAdmin[];
  /** Bumped by every change to the unit partition; the caller sends the one last seen. */
  version: number;
  updatedAt: string;
  audit: AuditHead;
}

/**
 * What a unit administrator may do. Body roles never grant these (see permission-table.ts for body
 * actions); only the unit's admin list does.
 */
export const UNIT_ACTIONS = [
  'unit.read',
  'unit.update',
  'body.administer',
  'settings.update',
  'holidays.update',
  'delegations.update',
] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

export function isUnitAdmin(unit: Pick<UnitAdministration, 'admins'>, userId: string): boolean {
  return unit.admins.some((admin) => admin.userId === userId);
}

/** Every unit action needs the admin list today; one function so a finer rule has one home. */
export function canAdministerUnit(
  unit: Pick<UnitAdministration, 'admins'>,
  actor: Pick<Actor, 'userId'>,
  _action: UnitAction,
): boolean {
  return isUnitAdmin(unit, actor.userId);
}

export function assertCanAdministerUnit(
  unit: Pick<UnitAdministration, 'admins'>,
  actor: Pick<Actor, 'userId'>,
  action: UnitAction,
): void {
  if (!canAdministerUnit(unit, actor, action)) {
    throw new DomainError('PERMISSION.DENIED', { action });
  }
}

/** An admin list with nobody on it would lock the unit out of its own administration. */
export function assertAdminsRemain(admins: readonly UnitAdmin[]): void {
  if (admins.length === 0) throw new DomainError('ADMIN.LAST_ADMIN');
}
