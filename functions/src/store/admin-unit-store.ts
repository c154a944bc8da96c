import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import {
  DomainError,
  type AuditEvent,
  type Delegation,
  type UnitAdmin,
  type UnitAdministration,
  type UnitBodyEntry,
  type UnitHolidayYear,
  type UnitSettingsVersion,
} from '@qcdc/core';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import { keys, rowKeyRange } from './keys';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * A unit's administration lives in one partition of the `units` table, keyed tenant~unit (the
 * plain `tenant` partition keeps the unit list that upsertUnit writes):
 *   RK 'unit'                   name, province, admins, version, audit head
 *   RK 'body~<bodyId>'          the unit's bodies (an index; the body partition is the truth)
 *   RK 'settings~<yyyy-MM-dd>'  one settings version per effective date
 *   RK 'holidays~<year>'        the unit's announced changes for one year
 *   RK 'delegation~<bodyId>~<id>' a standing delegation (one body's are one RowKey range)
 *   RK 'audit~<unitId>~<seq>'   the unit's hash-chained audit events
 * One partition means one query answers the administration screen, and every change lands with
 * its audit event in one batch, conditional on the unit row's etag.
 */
export interface UnitPartition {
  unit: UnitAdministration;
  etag: string;
  bodies: UnitBodyEntry[];
  settings: UnitSettingsVersion[];
  holidays: UnitHolidayYear[];
  delegations: Delegation[];
}

export interface UnitChange {
  /** The unit as it will be: version and audit head already moved on. */
  unit: UnitAdministration;
  etag: string;
  event: AuditEvent;
  putBodies?: UnitBodyEntry[];
  putSettings?: UnitSettingsVersion[];
  putHolidays?: UnitHolidayYear[];
  putDelegations?: Delegation[];
}

const UNIT_ROW = 'unit';
const BODY = 'body';
/** Row-key prefixes of the settings versions and holiday years (the reminder planner reads them too). */
export const SETTINGS = 'settings';
export const HOLIDAYS = 'holidays';
const DELEGATION = 'delegation';

export class TableUnitAdminStore {
  constructor(private readonly tables: TableClientFactory) {}

  private get client() {
    return this.tables(TABLES.units);
  }

  /** Point read of the unit row: enough to authorize before reading the rest. */
  async getUnit(
    tenantId: string,
    unitId: string,
  ): Promise<{ unit: UnitAdministration; etag: string } | null> {
    try {
      const row = await this.client.getEntity<Record<string, unknown>>(
        unitPartition(tenantId, unitId),
        UNIT_ROW,
      );
      return { unit: toUnit(tenantId, unitId, row), etag: String(row.etag) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Everything but the audit events, in one partition query. */
  async getPartition(tenantId: string, unitId: string): Promise<UnitPartition | null> {
    const partitionKey = unitPartition(tenantId, unitId);
    const rows = this.client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${'body'} and RowKey le ${UNIT_ROW}`,
      },
    });
    let unit: UnitAdministration | null = null;
    let etag = '';
    const bodies: UnitBodyEntry[] = [];
    const settings: UnitSettingsVersion[] = [];
    const holidays: UnitHolidayYear[] = [];
    const delegations: Delegation[] = [];
    for await (const row of rows) {
      const rowKey = String(row.rowKey);
      if (rowKey === UNIT_ROW) {
        unit = toUnit(tenantId, unitId, row);
        etag = String(row.etag);
      } else if (rowKey.startsWith(`${BODY}~`)) {
        bodies.push({
          id: rowKey.slice(BODY.length + 1),
          kind: row.kind as UnitBodyEntry['kind'],
          name: String(row.name),
        });
      } else if (rowKey.startsWith(`${SETTINGS}~`)) {
        settings.push(toSettingsVersion(row));
      } else if (rowKey.startsWith(`${HOLIDAYS}~`)) {
        holidays.push(toHolidayYear(row));
      } else if (rowKey.startsWith(`${DELEGATION}~`)) {
        delegations.push(toDelegation(row));
      }
    }
    if (!unit) return null;
    settings.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    delegations.sort(byStart);
    return { unit, etag, bodies, settings, holidays, delegations };
  }

  /** Settings versions alone (the deadline rules read them on every case intake). */
  async listSettings(tenantId: string, unitId: string): Promise<UnitSettingsVersion[]> {
    const { from, to } = rowKeyRange(SETTINGS);
    const rows = this.client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unitPartition(tenantId, unitId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const versions: UnitSettingsVersion[] = [];
    for await (const row of rows) {
      versions.push({
        effectiveFrom: String(row.rowKey).slice(SETTINGS.length + 1),
        values: JSON.parse(String(row.values)) as UnitSettingsVersion['values'],
        savedAt: String(row.savedAt),
        savedBy: String(row.savedBy),
        savedByName: String(row.savedByName),
      });
    }
    return versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  /**
   * One body's delegations, a RowKey range of the unit partition: what a meeting of that body
   * reads to offer each represented member's delegate (never a table scan).
   */
  async listDelegations(tenantId: string, unitId: string, bodyId: string): Promise<Delegation[]> {
    const { from, to } = rowKeyRange(`${DELEGATION}~${bodyId}`);
    const rows = this.client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unitPartition(tenantId, unitId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const delegations: Delegation[] = [];
    for await (const row of rows) delegations.push(toDelegation(row));
    return delegations.sort(byStart);
  }

  /** The units of a tenant whose admin list names the user: the tenant's unit list, then point reads. */
  async listAdministeredUnits(tenantId: string, userId: string): Promise<UnitAdministration[]> {
    const rows = this.client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${keys.tenant(tenantId)}` },
    });
    const ids: string[] = [];
    for await (const row of rows) ids.push(String(row.rowKey));
    const units = await Promise.all(ids.slice(0, 200).map((id) => this.getUnit(tenantId, id)));
    return units
      .filter((entry) => entry?.unit.admins.some((admin) => admin.userId === userId))
      .map((entry) => entry!.unit);
  }

  /** Creates a unit's administration partition (seeding, tests, first setup); idempotent no. */
  async createUnit(
    unit: UnitAdministration,
    bodies: UnitBodyEntry[],
    event: AuditEvent,
  ): Promise<void> {
    await this.upsertUnitListRow(unit);
    const partitionKey = unitPartition(unit.tenantId, unit.id);
    const actions: TransactionAction[] = [
      ['create', unitEntity(partitionKey, unit)],
      ...bodies.map((body): TransactionAction => ['upsert', bodyEntity(partitionKey, body)]),
      ['create', toAuditEntity(partitionKey, event)],
    ];
    await this.client.submitTransaction(actions);
  }

  /**
   * One change to the unit partition in one batch: the unit row (conditional on its etag), the
   * rows it puts, the audit event. A stale etag answers CONCURRENCY.CONFLICT (retryable).
   */
  async commit(change: UnitChange): Promise<void> {
    const partitionKey = unitPartition(change.unit.tenantId, change.unit.id);
    const actions: TransactionAction[] = [
      ['update', unitEntity(partitionKey, change.unit), 'Replace', { etag: change.etag }],
      ['create', toAuditEntity(partitionKey, change.event)],
    ];
    for (const body of change.putBodies ?? []) {
      actions.push(['upsert', bodyEntity(partitionKey, body), 'Replace']);
    }
    for (const version of change.putSettings ?? []) {
      actions.push([
        'upsert',
        {
          partitionKey,
          rowKey: `${SETTINGS}~${version.effectiveFrom}`,
          values: JSON.stringify(version.values),
          savedAt: version.savedAt,
          savedBy: version.savedBy,
          savedByName: version.savedByName,
        },
        'Replace',
      ]);
    }
    for (const year of change.putHolidays ?? []) {
      actions.push([
        'upsert',
        {
          partitionKey,
          rowKey: `${HOLIDAYS}~${year.year}`,
          daysOff: JSON.stringify(year.daysOff),
          makeUpWorkingDays: JSON.stringify(year.makeUpWorkingDays),
        },
        'Replace',
      ]);
    }
    for (const delegation of change.putDelegations ?? []) {
      actions.push(['upsert', delegationEntity(partitionKey, delegation), 'Replace']);
    }
    try {
      await this.client.submitTransaction(actions);
    } catch (error) {
      if (isWriteConflict(error) || isNotFound(error)) {
        throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
      }
      throw error;
    }
    await this.upsertUnitListRow(change.unit);
  }

  async listAuditEvents(tenantId: string, unitId: string): Promise<AuditEvent[]> {
    const { from, to } = rowKeyRange(`audit~${unitId}`);
    const rows = this.client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unitPartition(tenantId, unitId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const events: AuditEvent[] = [];
    for await (const row of rows) events.push(fromAuditEntity(row));
    return events.sort((a, b) => a.seq - b.seq);
  }

  /** The tenant's unit list row (what upsertUnit writes) follows the unit's name and province. */
  private async upsertUnitListRow(unit: UnitAdministration): Promise<void> {
    await this.client.upsertEntity(
      {
        partitionKey: keys.tenant(unit.tenantId),
        rowKey: unit.id,
        name: unit.name,
        province: unit.province,
      },
      'Replace',
    );
  }
}

export function unitPartition(tenantId: string, unitId: string): string {
  return `${tenantId}~${unitId}`;
}

function unitEntity(partitionKey: string, unit: UnitAdministration) {
  return {
    partitionKey,
    rowKey: UNIT_ROW,
    name: unit.name,
    province: unit.province,
    admins: JSON.stringify(unit.admins),
    version: unit.version,
    updatedAt: unit.updatedAt,
    auditSeq: unit.audit.seq,
    auditHash: unit.audit.hash,
  };
}

function bodyEntity(partitionKey: string, body: UnitBodyEntry) {
  return { partitionKey, rowKey: `${BODY}~${body.id}`, kind: body.kind, name: body.name };
}

/** A `settings~<yyyy-MM-dd>` row. */
export function toSettingsVersion(row: Row): UnitSettingsVersion {
  const rowKey = String(row.rowKey);
  return {
    effectiveFrom: rowKey.slice(SETTINGS.length + 1),
    values: JSON.parse(String(row.values)) as UnitSettingsVersion['values'],
    savedAt: String(row.savedAt),
    savedBy: String(row.savedBy),
    savedByName: String(row.savedByName),
  };
}

/** A `holidays~<year>` row. */
export function toHolidayYear(row: Row): UnitHolidayYear {
  return {
    year: Number(String(row.rowKey).slice(HOLIDAYS.length + 1)),
    daysOff: JSON.parse(String(row.daysOff)) as UnitHolidayYear['daysOff'],
    makeUpWorkingDays: JSON.parse(
      String(row.makeUpWorkingDays),
    ) as UnitHolidayYear['makeUpWorkingDays'],
  };
}

function toUnit(tenantId: string, unitId: string, row: Row): UnitAdministration {
  return {
    tenantId,
    id: unitId,
    name: String(row.name),
    province: String(row.province),
    admins: JSON.parse(String(row.admins)) as UnitAdmin[],
    version: Number(row.version),
    updatedAt: String(row.updatedAt),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}

function delegationEntity(partitionKey: string, d: Delegation) {
  return {
    partitionKey,
    rowKey: `${DELEGATION}~${d.bodyId}~${d.id}`,
    memberId: d.memberId,
    memberName: d.memberName,
    delegate: JSON.stringify(d.delegate),
    from: d.from,
    until: d.until,
    reason: d.reason,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
    createdByName: d.createdByName,
    endedAt: d.endedAt ?? '',
    endedBy: d.endedBy ?? '',
    endedByName: d.endedByName ?? '',
    cancelled: d.cancelled === true,
  };
}

function toDelegation(row: Row): Delegation {
  const [, bodyId = '', id = ''] = String(row.rowKey).split('~');
  const optional = (value: unknown) => (value ? String(value) : undefined);
  return {
    id,
    bodyId,
    memberId: String(row.memberId),
    memberName: String(row.memberName),
    delegate: JSON.parse(String(row.delegate)) as Delegation['delegate'],
    from: String(row.from),
    until: String(row.until),
    reason: String(row.reason),
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy),
    createdByName: String(row.createdByName),
    endedAt: optional(row.endedAt),
    endedBy: optional(row.endedBy),
    endedByName: optional(row.endedByName),
    cancelled: row.cancelled === true ? true : undefined,
  };
}

function byStart(a: Delegation, b: Delegation): number {
  return a.from.localeCompare(b.from) || a.memberName.localeCompare(b.memberName, 'vi');
}
