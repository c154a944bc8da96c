import {
  deadlineOverridesOf,
  GENESIS_HEAD,
  type CaseRepository,
  type UnitDeadlineOverride,
  type UnitDeadlineSettings,
} from '@qcdc/core';
import type { TableUnitAdminStore } from './admin-unit-store';

/**
 * Etag handed out when the unit has settings versions but no row of its own in the cases table
 * yet; saving with it creates that row.
 */
const NO_ROW_YET = 'unit-settings:no-row';

/**
 * Lets the deadline rules the cases and Front consultations resolve (resolveDeadlineRule, through
 * `getDeadlineSettings`) see the unit's dated settings versions from the administration, without
 * touching those use cases: the versions become dated overrides beside the ones set per rule.
 *
 * The older per-rule setter (`setDeadlineOverride`) reads and saves through the same repository;
 * overrides derived here are remembered by identity and stripped on save, so they are never copied
 * into the cases table (the settings versions stay their only home).
 */
export function withUnitSettingsDeadlines(
  cases: CaseRepository,
  settings: Pick<TableUnitAdminStore, 'listSettings'>,
): CaseRepository {
  const derived = new WeakSet<UnitDeadlineOverride>();
  const getDeadlineSettings: CaseRepository['getDeadlineSettings'] = async (tenantId, unitId) => {
    const [stored, versions] = await Promise.all([
      cases.getDeadlineSettings(tenantId, unitId),
      settings.listSettings(tenantId, unitId),
    ]);
    const fromVersions = deadlineOverridesOf(versions);
    if (fromVersions.length === 0) return stored;
    fromVersions.forEach((override) => derived.add(override));
    const base: UnitDeadlineSettings = stored?.value ?? {
      tenantId,
      unitId,
      overrides: [],
      version: 0,
      updatedAt: new Date(0).toISOString(),
      audit: GENESIS_HEAD,
    };
    return {
      value: { ...base, overrides: [...fromVersions, ...base.overrides] },
      etag: stored?.etag ?? NO_ROW_YET,
    };
  };
  const saveDeadlineSettings: CaseRepository['saveDeadlineSettings'] = (value, etag, event) =>
    cases.saveDeadlineSettings(
      { ...value, overrides: value.overrides.filter((override) => !derived.has(override)) },
      etag === NO_ROW_YET ? null : etag,
      event,
    );
  return new Proxy(cases, {
    get(target, property, receiver) {
      if (property === 'getDeadlineSettings') return getDeadlineSettings;
      if (property === 'saveDeadlineSettings') return saveDeadlineSettings;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
