import type { TransactionAction } from '@azure/data-tables';
import type {
  AuditEvent,
  CaseChange,
  CaseCounter,
  CaseIntake,
  CaseRepository,
  CitizenCase,
  CitizenIdentity,
  ReceptionSession,
  StoredRow,
  UnitDeadlineSettings,
} from '@qcdc/core';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import {
  fromCaseEntity,
  fromIdentityEntity,
  fromSessionEntity,
  fromSettingsEntity,
  toCaseEntity,
  toIdentityEntity,
  toSessionEntity,
  toSettingsEntity,
} from './case-entities';
import { caseKeys } from './case-keys';
import { getRow, listPartition, listRange, submitAtomically } from './case-table-ops';
import { keys } from './keys';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

/**
 * Citizen cases in their unit's partition (see case-keys.ts for why per unit), with the citizen's
 * identity in a row of its own and the audit events beside them. The per-person index (recorder,
 * handlers) is written first; the case is the truth, so readers drop index rows it does not confirm.
 */
export class TableCaseRepository implements CaseRepository {
  constructor(private readonly tables: TableClientFactory) {}

  async getCounter(
    tenantId: string,
    unitId: string,
    prefix: string,
    year: number,
  ): Promise<CaseCounter> {
    const row = await getRow(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      caseKeys.counterRow(prefix, year),
    );
    return row
      ? { prefix, year, value: Number(row.value), etag: String(row.etag) }
      : { prefix, year, value: 0, etag: null };
  }

  async createCase(intake: CaseIntake): Promise<void> {
    const c = intake.case;
    const partitionKey = caseKeys.tenantUnit(c.tenantId, c.unitId);
    await this.writeIndex(c, [c.recordedBy]);
    const counter = {
      partitionKey,
      rowKey: caseKeys.counterRow(intake.counter.prefix, intake.counter.year),
      kind: 'counter',
      value: intake.counter.value,
    };
    const actions: TransactionAction[] = [
      intake.counter.etag === null
        ? ['create', counter]
        : ['update', counter, 'Replace', { etag: intake.counter.etag }],
      ['create', toCaseEntity(c)],
      ['create', toAuditEntity(partitionKey, intake.event)],
    ];
    if (intake.identity) actions.push(['create', toIdentityEntity(c, intake.identity)]);
    await submitAtomically(this.client(), actions);
  }

  async getCase(
    tenantId: string,
    unitId: string,
    bodyId: string,
    caseId: string,
  ): Promise<StoredRow<CitizenCase> | null> {
    const row = await getRow(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      caseKeys.caseRow(bodyId, caseId),
    );
    return row ? { value: fromCaseEntity(row), etag: String(row.etag) } : null;
  }

  async listBodyCases(tenantId: string, unitId: string, bodyId: string): Promise<CitizenCase[]> {
    const rows = await listRange(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      caseKeys.bodyCasesPrefix(bodyId),
    );
    return rows.map(fromCaseEntity);
  }

  async listUserCases(tenantId: string, userId: string): Promise<CitizenCase[]> {
    const index = await listPartition(
      this.tables(TABLES.userCases),
      keys.tenantUser(tenantId, userId),
    );
    const found = await Promise.all(
      index.map((row) =>
        this.getCase(tenantId, String(row.unitId), String(row.bodyId), String(row.caseId)),
      ),
    );
    return found
      .map((stored) => stored?.value)
      .filter(
        (c): c is CitizenCase =>
          c !== undefined && (c.recordedBy === userId || c.handlerIds.includes(userId)),
      );
  }

  async commitCase(change: CaseChange): Promise<void> {
    const c = change.case;
    if (change.indexUserIds?.length) await this.writeIndex(c, change.indexUserIds);
    await submitAtomically(this.client(), [
      ['update', toCaseEntity(c), 'Replace', { etag: change.etag }],
      ['create', toAuditEntity(caseKeys.tenantUnit(c.tenantId, c.unitId), change.event)],
    ]);
  }

  async getIdentity(
    tenantId: string,
    unitId: string,
    caseId: string,
  ): Promise<CitizenIdentity | null> {
    const row = await getRow(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      caseKeys.identityRow(caseId),
    );
    return row ? fromIdentityEntity(row) : null;
  }

  async listCaseAudit(tenantId: string, unitId: string, caseId: string): Promise<AuditEvent[]> {
    const rows = await listRange(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      `audit~${caseId}`,
    );
    return rows.map(fromAuditEntity);
  }

  async getSession(
    tenantId: string,
    unitId: string,
    bodyId: string,
    sessionId: string,
  ): Promise<StoredRow<ReceptionSession> | null> {
    const row = await getRow(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      caseKeys.sessionRow(bodyId, sessionId),
    );
    return row ? { value: fromSessionEntity(row), etag: String(row.etag) } : null;
  }

  async listBodySessions(
    tenantId: string,
    unitId: string,
    bodyId: string,
  ): Promise<ReceptionSession[]> {
    const rows = await listRange(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      caseKeys.bodySessionsPrefix(bodyId),
    );
    return rows.map(fromSessionEntity);
  }

  async createSession(session: ReceptionSession, event: AuditEvent): Promise<void> {
    const partitionKey = caseKeys.tenantUnit(session.tenantId, session.unitId);
    await submitAtomically(this.client(), [
      ['create', toSessionEntity(session)],
      ['create', toAuditEntity(partitionKey, event)],
    ]);
  }

  async commitSession(session: ReceptionSession, etag: string, event: AuditEvent): Promise<void> {
    const partitionKey = caseKeys.tenantUnit(session.tenantId, session.unitId);
    await submitAtomically(this.client(), [
      ['update', toSessionEntity(session), 'Replace', { etag }],
      ['create', toAuditEntity(partitionKey, event)],
    ]);
  }

  async getDeadlineSettings(
    tenantId: string,
    unitId: string,
  ): Promise<StoredRow<UnitDeadlineSettings> | null> {
    const row = await getRow(
      this.client(),
      caseKeys.tenantUnit(tenantId, unitId),
      caseKeys.settingsRow,
    );
    return row ? { value: fromSettingsEntity(row), etag: String(row.etag) } : null;
  }

  async saveDeadlineSettings(
    settings: UnitDeadlineSettings,
    etag: string | null,
    event: AuditEvent,
  ): Promise<void> {
    const partitionKey = caseKeys.tenantUnit(settings.tenantId, settings.unitId);
    const entity = toSettingsEntity(settings);
    await submitAtomically(this.client(), [
      etag === null ? ['create', entity] : ['update', entity, 'Replace', { etag }],
      ['create', toAuditEntity(partitionKey, event)],
    ]);
  }

  private client() {
    return this.tables(TABLES.cases);
  }

  /** Index rows first: a reader may find one before its case exists, and drops it then. */
  private async writeIndex(c: CitizenCase, userIds: readonly string[]): Promise<void> {
    await Promise.all(
      [...new Set(userIds)].map((userId) =>
        this.tables(TABLES.userCases).upsertEntity(
          {
            partitionKey: keys.tenantUser(c.tenantId, userId),
            rowKey: caseKeys.userCaseRow(c.unitId, c.bodyId, c.id),
            unitId: c.unitId,
            bodyId: c.bodyId,
            caseId: c.id,
          },
          'Replace',
        ),
      ),
    );
  }
}
