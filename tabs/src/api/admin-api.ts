import type {
  BodyKind,
  BodyRole,
  Delegation,
  DelegationStatus,
  HolidayId,
  HolidayTableRow,
  UnitAdmin,
  UnitBodyEntry,
  UnitHolidayYear,
  UnitSettingsValues,
  UnitSettingsVersion,
} from '@qcdc/core';
import type { ApiClient } from './api-client';

/** docs/admin.md: a unit as its administrators see it. */
export interface AdminUnitView {
  id: string;
  name: string;
  province: string;
  admins: UnitAdmin[];
  /** Sent back with every change to the unit's settings, holidays or admins. */
  version: number;
  updatedAt: string;
}

export interface AdminMemberView {
  userId: string;
  displayName: string;
  title: string;
  roles: BodyRole[];
}

export interface AdminSettingsView {
  unit: AdminUnitView;
  today: string;
  inForce: { effectiveFrom: string | null; values: UnitSettingsValues };
  versions: (UnitSettingsVersion & { editable: boolean })[];
  defaults: UnitSettingsValues;
  configurableRules: { id: string; amount: number; unit: string; basis: string }[];
}

export interface AdminHolidaysView {
  unit: AdminUnitView;
  year: number;
  days: HolidayTableRow[];
  changes: UnitHolidayYear;
}

export interface AdminAuditEvent {
  seq: number;
  action: string;
  actorId: string;
  actorName: string;
  at: string;
  changes: Record<string, [unknown, unknown]>;
  aggregateType: string;
  aggregateId: string;
  aggregateName: string;
}

/** A standing delegation as the administration lists it (docs/admin.md). */
export interface AdminDelegationView extends Delegation {
  cancelled: boolean;
  status: DelegationStatus;
}

export interface AdminDelegationsView {
  /** Vietnam's today as the server saw it (what "in force" was decided against). */
  today: string;
  delegations: AdminDelegationView[];
}

export interface AddDelegationInput {
  bodyId: string;
  memberId: string;
  delegate: { userId?: string; displayName: string; title: string };
  from: string;
  until: string;
  reason: string;
}

export interface HolidayChangesInput {
  version: number;
  daysOff: { date: string; holiday: HolidayId; note: string }[];
  makeUpWorkingDays: { date: string; replacesDayOff: string; note: string }[];
}

export interface AdminApi {
  listUnits(): Promise<AdminUnitView[]>;
  getUnit(unitId: string): Promise<{ unit: AdminUnitView; bodies: UnitBodyEntry[] }>;
  updateUnit(
    unitId: string,
    input: { version: number; name?: string; province?: string; admins?: UnitAdmin[] },
  ): Promise<{ unit: AdminUnitView; bodies: UnitBodyEntry[] }>;
  createBody(
    unitId: string,
    input: {
      kind: BodyKind;
      name: string;
      head: { userId: string; displayName: string; title: string };
    },
  ): Promise<{ body: UnitBodyEntry }>;
  renameBody(unitId: string, bodyId: string, name: string): Promise<{ body: UnitBodyEntry }>;
  listMembers(unitId: string, bodyId: string): Promise<AdminMemberView[]>;
  putMember(unitId: string, bodyId: string, member: AdminMemberView): Promise<AdminMemberView[]>;
  removeMember(unitId: string, bodyId: string, userId: string): Promise<AdminMemberView[]>;
  getSettings(unitId: string): Promise<AdminSettingsView>;
  putSettingsVersion(
    unitId: string,
    effectiveFrom: string,
    input: { version: number; values: UnitSettingsValues },
  ): Promise<AdminSettingsView>;
  getHolidays(unitId: string, year: number): Promise<AdminHolidaysView>;
  putHolidays(unitId: string, year: number, input: HolidayChangesInput): Promise<AdminHolidaysView>;
  audit(unitId: string): Promise<{ events: AdminAuditEvent[]; verified: boolean }>;
  listDelegations(unitId: string): Promise<AdminDelegationsView>;
  addDelegation(unitId: string, input: AddDelegationInput): Promise<AdminDelegationsView>;
  /** Without `until` it ends today; one not yet begun is cancelled. */
  endDelegation(
    unitId: string,
    delegationId: string,
    until?: string,
  ): Promise<AdminDelegationsView>;
}

const enc = encodeURIComponent;

/** The administration routes, over the session's API client (its token, language and errors). */
export function adminApi(api: Pick<ApiClient, 'call'>): AdminApi {
  const unit = (unitId: string) => `/api/units/${enc(unitId)}/admin`;
  const members = (unitId: string, bodyId: string) =>
    `${unit(unitId)}/bodies/${enc(bodyId)}/members`;
  return {
    listUnits: async () =>
      (await api.call<{ units: AdminUnitView[] }>('GET', '/api/admin/units')).units,
    getUnit: (unitId) => api.call('GET', unit(unitId)),
    updateUnit: (unitId, input) => api.call('PATCH', unit(unitId), input),
    createBody: (unitId, input) => api.call('POST', `${unit(unitId)}/bodies`, input),
    renameBody: (unitId, bodyId, name) =>
      api.call('PATCH', `${unit(unitId)}/bodies/${enc(bodyId)}`, { name }),
    listMembers: async (unitId, bodyId) =>
      (await api.call<{ members: AdminMemberView[] }>('GET', members(unitId, bodyId))).members,
    putMember: async (unitId, bodyId, member) =>
      (
        await api.call<{ members: AdminMemberView[] }>(
          'PUT',
          `${members(unitId, bodyId)}/${enc(member.userId)}`,
          { displayName: member.displayName, title: member.title, roles: member.roles },
        )
      ).members,
    removeMember: async (unitId, bodyId, userId) =>
      (
        await api.call<{ members: AdminMemberView[] }>(
          'DELETE',
          `${members(unitId, bodyId)}/${enc(userId)}`,
        )
      ).members,
    getSettings: (unitId) => api.call('GET', `${unit(unitId)}/settings`),
    putSettingsVersion: (unitId, effectiveFrom, input) =>
      api.call('PUT', `${unit(unitId)}/settings/${enc(effectiveFrom)}`, input),
    getHolidays: (unitId, year) => api.call('GET', `${unit(unitId)}/holidays/${year}`),
    putHolidays: (unitId, year, input) =>
      api.call('PUT', `${unit(unitId)}/holidays/${year}`, input),
    audit: (unitId) => api.call('GET', `${unit(unitId)}/audit`),
    listDelegations: (unitId) => api.call('GET', `${unit(unitId)}/delegations`),
    addDelegation: (unitId, input) => api.call('POST', `${unit(unitId)}/delegations`, input),
    endDelegation: (unitId, delegationId, until) =>
      api.call(
        'POST',
        `${unit(unitId)}/delegations/${enc(delegationId)}/end`,
        until ? { until } : {},
      ),
  };
}
