import type { AuditEvent } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { StoredRow } from '../ports/case-repository';
import type { ConsultationChange, ConsultationRepository } from '../ports/consultation-repository';
import type { Consultation, Recommendation } from './consultation';

/** In-memory fake of the consultation store: etag checks, one atomic change, audit per aggregate. */
export class InMemoryConsultationRepository implements ConsultationRepository {
  private readonly consultations = new Map<string, StoredRow<Consultation>>();
  private readonly recommendations = new Map<string, StoredRow<Recommendation>>();
  private readonly events = new Map<string, AuditEvent[]>();
  private etagCounter = 0;

  async getConsultation(tenantId: string, bodyId: string, id: string) {
    const row = this.consultations.get(`${tenantId}/${bodyId}/${id}`);
    return row ? clone(row) : null;
  }

  async listConsultations(tenantId: string, bodyId: string) {
    return [...this.consultations.values()]
      .map((row) => row.value)
      .filter((c) => c.tenantId === tenantId && c.bodyId === bodyId)
      .map(clone);
  }

  async getRecommendation(tenantId: string, bodyId: string, consultationId: string, id: string) {
    const row = this.recommendations.get(`${tenantId}/${bodyId}/${consultationId}/${id}`);
    return row ? clone(row) : null;
  }

  async listRecommendations(tenantId: string, bodyId: string, consultationId: string) {
    return (await this.listBodyRecommendations(tenantId, bodyId)).filter(
      (r) => r.consultationId === consultationId,
    );
  }

  async listBodyRecommendations(tenantId: string, bodyId: string) {
    return [...this.recommendations.values()]
      .map((row) => row.value)
      .filter((r) => r.tenantId === tenantId && r.bodyId === bodyId)
      .map(clone);
  }

  async listUserRecommendations(tenantId: string, userId: string) {
    return [...this.recommendations.values()]
      .map((row) => row.value)
      .filter((r) => r.tenantId === tenantId && r.ownerId === userId)
      .map(clone);
  }

  async createConsultation(consultation: Consultation, event: AuditEvent) {
    const key = `${consultation.tenantId}/${consultation.bodyId}/${consultation.id}`;
    if (this.consultations.has(key)) throw new DomainError('CONCURRENCY.CONFLICT');
    this.consultations.set(key, { value: clone(consultation), etag: this.nextEtag() });
    this.events.set(`${consultation.tenantId}/${consultation.id}`, [event]);
  }

  async commitConsultationChange(change: ConsultationChange) {
    const c = change.consultation;
    const key = `${c.tenantId}/${c.bodyId}/${c.id}`;
    const rec = change.recommendation;
    const recKey = rec && `${c.tenantId}/${c.bodyId}/${c.id}/${rec.value.id}`;
    const stale =
      this.consultations.get(key)?.etag !== change.etag ||
      (recKey !== undefined && (this.recommendations.get(recKey)?.etag ?? null) !== rec?.etag);
    if (stale) throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    this.consultations.set(key, { value: clone(c), etag: this.nextEtag() });
    if (change.event) this.events.get(`${c.tenantId}/${c.id}`)!.push(change.event);
    if (rec && recKey) {
      this.recommendations.set(recKey, { value: clone(rec.value), etag: this.nextEtag() });
      const eventsKey = `${c.tenantId}/${rec.value.id}`;
      this.events.set(eventsKey, [...(this.events.get(eventsKey) ?? []), rec.event]);
    }
  }

  async listAudit(tenantId: string, _bodyId: string, aggregateId: string) {
    return [...(this.events.get(`${tenantId}/${aggregateId}`) ?? [])];
  }

  private nextEtag(): string {
    return `W/"k${++this.etagCounter}"`;
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
