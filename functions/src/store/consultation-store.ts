import type { TransactionAction } from '@azure/data-tables';
import type {
  AuditEvent,
  Consultation,
  ConsultationChange,
  ConsultationRepository,
  Recommendation,
  StoredRow,
} from '@qcdc/core';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import { getRow, listPartition, listRange, submitAtomically } from './case-table-ops';
import {
  consultationKeys,
  fromConsultationEntity,
  fromRecommendationEntity,
  toConsultationEntity,
  toRecommendationEntity,
} from './consultation-entities';
import { keys } from './keys';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

/**
 * Consultations live in the agency body's partition with their recommendations and every audit
 * event, so a change and its events land in one batch. Owners are indexed per person (written first;
 * readers drop rows the recommendation no longer confirms).
 */
export class TableConsultationRepository implements ConsultationRepository {
  constructor(private readonly tables: TableClientFactory) {}

  async getConsultation(
    tenantId: string,
    bodyId: string,
    id: string,
  ): Promise<StoredRow<Consultation> | null> {
    const row = await getRow(
      this.client(),
      keys.tenantBody(tenantId, bodyId),
      consultationKeys.consultationRow(id),
    );
    return row ? { value: fromConsultationEntity(row), etag: String(row.etag) } : null;
  }

  async listConsultations(tenantId: string, bodyId: string): Promise<Consultation[]> {
    const rows = await listRange(this.client(), keys.tenantBody(tenantId, bodyId), 'consultation');
    return rows.map(fromConsultationEntity);
  }

  async getRecommendation(
    tenantId: string,
    bodyId: string,
    consultationId: string,
    id: string,
  ): Promise<StoredRow<Recommendation> | null> {
    const row = await getRow(
      this.client(),
      keys.tenantBody(tenantId, bodyId),
      consultationKeys.recommendationRow(consultationId, id),
    );
    return row ? { value: fromRecommendationEntity(row), etag: String(row.etag) } : null;
  }

  async listRecommendations(
    tenantId: string,
    bodyId: string,
    consultationId: string,
  ): Promise<Recommendation[]> {
    const rows = await listRange(
      this.client(),
      keys.tenantBody(tenantId, bodyId),
      consultationKeys.recommendationsPrefix(consultationId),
    );
    return rows.map(fromRecommendationEntity);
  }

  async listBodyRecommendations(tenantId: string, bodyId: string): Promise<Recommendation[]> {
    const rows = await listRange(
      this.client(),
      keys.tenantBody(tenantId, bodyId),
      consultationKeys.recommendationsPrefix(),
    );
    return rows.map(fromRecommendationEntity);
  }

  async listUserRecommendations(tenantId: string, userId: string): Promise<Recommendation[]> {
    const index = await listPartition(
      this.tables(TABLES.userRecommendations),
      keys.tenantUser(tenantId, userId),
    );
    const found = await Promise.all(
      index.map((row) =>
        this.getRecommendation(
          tenantId,
          String(row.bodyId),
          String(row.consultationId),
          String(row.recommendationId),
        ),
      ),
    );
    return found
      .map((stored) => stored?.value)
      .filter((r): r is Recommendation => r !== undefined && r.ownerId === userId);
  }

  async createConsultation(consultation: Consultation, event: AuditEvent): Promise<void> {
    const partitionKey = keys.tenantBody(consultation.tenantId, consultation.bodyId);
    await submitAtomically(this.client(), [
      ['create', toConsultationEntity(consultation)],
      ['create', toAuditEntity(partitionKey, event)],
    ]);
  }

  async commitConsultationChange(change: ConsultationChange): Promise<void> {
    const c = change.consultation;
    const partitionKey = keys.tenantBody(c.tenantId, c.bodyId);
    const rec = change.recommendation;
    if (rec?.value.ownerId) {
      const r = rec.value;
      await this.tables(TABLES.userRecommendations).upsertEntity(
        {
          partitionKey: keys.tenantUser(r.tenantId, rec.value.ownerId),
          rowKey: consultationKeys.userRecommendationRow(r.bodyId, r.consultationId, r.id),
          bodyId: r.bodyId,
          consultationId: r.consultationId,
          recommendationId: r.id,
        },
        'Replace',
      );
    }
    const actions: TransactionAction[] = [
      ['update', toConsultationEntity(c), 'Replace', { etag: change.etag }],
    ];
    if (change.event) actions.push(['create', toAuditEntity(partitionKey, change.event)]);
    if (rec) {
      const entity = toRecommendationEntity(rec.value);
      actions.push(
        rec.etag === null ? ['create', entity] : ['update', entity, 'Replace', { etag: rec.etag }],
        ['create', toAuditEntity(partitionKey, rec.event)],
      );
    }
    await submitAtomically(this.client(), actions);
  }

  async listAudit(tenantId: string, bodyId: string, aggregateId: string): Promise<AuditEvent[]> {
    const rows = await listRange(
      this.client(),
      keys.tenantBody(tenantId, bodyId),
      `audit~${aggregateId}`,
    );
    return rows.map(fromAuditEntity);
  }

  private client() {
    return this.tables(TABLES.consultations);
  }
}
