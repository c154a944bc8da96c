import type { AuditEvent } from '../audit/audit-event';
import type { Consultation, Recommendation } from '../consultations/consultation';
import type { StoredRow } from './case-repository';

/**
 * One atomic change in a consultation's partition. The consultation row is always written
 * (conditional on its etag), so closing it and answering one of its recommendations can never both
 * land; a recommendation change carries its own etag (null: new) and its own audit event.
 */
export interface ConsultationChange {
  consultation: Consultation;
  etag: string;
  event?: AuditEvent | undefined;
  recommendation?: { value: Recommendation; etag: string | null; event: AuditEvent } | undefined;
}

export interface ConsultationRepository {
  getConsultation(
    tenantId: string,
    bodyId: string,
    id: string,
  ): Promise<StoredRow<Consultation> | null>;
  listConsultations(tenantId: string, bodyId: string): Promise<Consultation[]>;
  getRecommendation(
    tenantId: string,
    bodyId: string,
    consultationId: string,
    id: string,
  ): Promise<StoredRow<Recommendation> | null>;
  listRecommendations(
    tenantId: string,
    bodyId: string,
    consultationId: string,
  ): Promise<Recommendation[]>;
  /** Every recommendation of the body's consultations: one partition range. */
  listBodyRecommendations(tenantId: string, bodyId: string): Promise<Recommendation[]>;
  /** The recommendations a person owns, from the per-person index (orphans dropped). */
  listUserRecommendations(tenantId: string, userId: string): Promise<Recommendation[]>;
  createConsultation(consultation: Consultation, event: AuditEvent): Promise<void>;
  /** Throws DomainError CONCURRENCY.CONFLICT (retryable) when an etag no longer matches. */
  commitConsultationChange(change: ConsultationChange): Promise<void>;
  listAudit(tenantId: string, bodyId: string, aggregateId: string): Promise<AuditEvent[]>;
}
