import type { AuditEvent, Disclosure, DisclosureRepository, StoredRow } from '@qcdc/core';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import { getRow, listRange, submitAtomically } from './case-table-ops';
import { disclosureKeys, fromDisclosureEntity, toDisclosureEntity } from './disclosure-entities';
import { keys } from './keys';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

/** The disclosure register: one partition per body, each change with its audit event in one batch. */
export class TableDisclosureRepository implements DisclosureRepository {
  constructor(private readonly tables: TableClientFactory) {}

  async getDisclosure(
    tenantId: string,
    bodyId: string,
    id: string,
  ): Promise<StoredRow<Disclosure> | null> {
    const row = await getRow(
      this.client(),
      keys.tenantBody(tenantId, bodyId),
      disclosureKeys.disclosureRow(id),
    );
    return row ? { value: fromDisclosureEntity(row), etag: String(row.etag) } : null;
  }

  async listDisclosures(tenantId: string, bodyId: string): Promise<Disclosure[]> {
    const rows = await listRange(this.client(), keys.tenantBody(tenantId, bodyId), 'disclosure');
    return rows.map(fromDisclosureEntity);
  }

  async createDisclosure(disclosure: Disclosure, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(disclosure.tenantId, disclosure.bodyId);
    await submitAtomically(this.client(), [
      ['create', toDisclosureEntity(disclosure)],
      ['create', toAuditEntity(partitionKey, event)],
    ]);
  }

  async commitDisclosure(disclosure: Disclosure, etag: string, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(disclosure.tenantId, disclosure.bodyId);
    await submitAtomically(this.client(), [
      ['update', toDisclosureEntity(disclosure), 'Replace', { etag }],
      ['create', toAuditEntity(partitionKey, event)],
    ]);
  }

  async listDisclosureAudit(tenantId: string, bodyId: string, id: string): Promise<AuditEvent[]> {
    const rows = await listRange(this.client(), keys.tenantBody(tenantId, bodyId), `audit~${id}`);
    return rows.map(fromAuditEntity);
  }

  private client() {
    return this.tables(TABLES.disclosures);
  }
}
