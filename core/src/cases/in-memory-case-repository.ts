import type { AuditEvent } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { CaseChange, CaseIntake, CaseRepository, StoredRow } from '../ports/case-repository';
import type { CitizenCase, CitizenIdentity } from './citizen-case';
import type { UnitDeadlineSettings } from './deadline-rule-registry';
import type { ReceptionSession } from './reception';

/**
 * A faithful in-memory fake of the case store for core tests: tenant and unit scoped keys, etag checks,
 * the counter taken in the same atomic write as the case, identity kept apart.
 */
export class InMemoryCaseRepository implements CaseRepository {
  readonly rows = new Map<string, { value: unknown; etag: string }>();
  readonly events = new Map<string, AuditEvent[]>();
  private etagCounter = 0;

  async getCounter(tenantId: string, unitId: string, prefix: string, year: number) {
    const row = this.rows.get(`${tenantId}/${unitId}/counter/${prefix}/${year}`);
    return row
      ? { prefix, year, value: row.value as number, etag: row.etag }
      : { prefix, year, value: 0, etag: null };
  }

  async createCase(intake: CaseIntake) {
    const c = intake.case;
    const counterKey = `${c.tenantId}/${c.unitId}/counter/${intake.counter.prefix}/${intake.counter.year}`;
    this.check(counterKey, intake.counter.etag);
    const key = caseKey(c.tenantId, c.unitId, c.bodyId, c.id);
    if (this.rows.has(key)) throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    this.put(counterKey, intake.counter.value);
    this.put(key, c);
    if (intake.identity) this.put(`${c.tenantId}/${c.unitId}/identity/${c.id}`, intake.identity);
    this.events.set(`${c.tenantId}/${c.unitId}/${c.id}`, [intake.event]);
  }

  async getCase(tenantId: string, unitId: string, bodyId: string, caseId: string) {
    return this.get<CitizenCase>(caseKey(tenantId, unitId, bodyId, caseId));
  }

  async listBodyCases(tenantId: string, unitId: string, bodyId: string) {
    return this.values<CitizenCase>(`${tenantId}/${unitId}/case/${bodyId}/`);
  }

  async listUserCases(tenantId: string, userId: string) {
    return this.values<CitizenCase>(`${tenantId}/`).filter(
      (c) =>
        'number' in c &&
        c.tenantId === tenantId &&
        (c.recordedBy === userId || c.handlerIds.includes(userId)),
    );
  }

  async commitCase(change: CaseChange) {
    const c = change.case;
    const key = caseKey(c.tenantId, c.unitId, c.bodyId, c.id);
    this.check(key, change.etag);
    this.put(key, c);
    this.events.get(`${c.tenantId}/${c.unitId}/${c.id}`)!.push(change.event);
  }

  async getIdentity(tenantId: string, unitId: string, caseId: string) {
    return (
      (await this.get<CitizenIdentity>(`${tenantId}/${unitId}/identity/${caseId}`))?.value ?? null
    );
  }

  async listCaseAudit(tenantId: string, unitId: string, caseId: string) {
    return [...(this.events.get(`${tenantId}/${unitId}/${caseId}`) ?? [])];
  }

  async getSession(tenantId: string, unitId: string, bodyId: string, sessionId: string) {
    return this.get<ReceptionSession>(`${tenantId}/${unitId}/session/${bodyId}/${sessionId}`);
  }

  async listBodySessions(tenantId: string, unitId: string, bodyId: string) {
    return this.values<ReceptionSession>(`${tenantId}/${unitId}/session/${bodyId}/`);
  }

  async createSession(session: ReceptionSession, event: AuditEvent) {
    const key = `${session.tenantId}/${session.unitId}/session/${session.bodyId}/${session.id}`;
    this.check(key, null);
    this.put(key, session);
    this.events.set(`${session.tenantId}/${session.unitId}/${session.id}`, [event]);
  }

  async commitSession(session: ReceptionSession, etag: string, event: AuditEvent) {
    const key = `${session.tenantId}/${session.unitId}/session/${session.bodyId}/${session.id}`;
    this.check(key, etag);
    this.put(key, session);
    this.events.get(`${session.tenantId}/${session.unitId}/${session.id}`)!.push(event);
  }

  async getDeadlineSettings(tenantId: string, unitId: string) {
    return this.get<UnitDeadlineSettings>(`${tenantId}/${unitId}/settings`);
  }

  async saveDeadlineSettings(
    settings: UnitDeadlineSettings,
    etag: string | null,
    event: AuditEvent,
  ) {
    const key = `${settings.tenantId}/${settings.unitId}/settings`;
    this.check(key, etag);
    this.put(key, settings);
    const eventsKey = `${settings.tenantId}/${settings.unitId}/settings-audit`;
    this.events.set(eventsKey, [...(this.events.get(eventsKey) ?? []), event]);
  }

  private check(key: string, etag: string | null): void {
    if ((this.rows.get(key)?.etag ?? null) !== etag) {
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    }
  }

  private put(key: string, value: unknown): void {
    this.rows.set(key, { value: clone(value), etag: `W/"c${++this.etagCounter}"` });
  }

  private async get<T>(key: string): Promise<StoredRow<T> | null> {
    const row = this.rows.get(key);
    return row ? { value: clone(row.value) as T, etag: row.etag } : null;
  }

  private values<T>(prefix: string): T[] {
    return [...this.rows.entries()]
      .filter(([key, row]) => key.startsWith(prefix) && typeof row.value === 'object')
      .map(([, row]) => clone(row.value) as T);
  }
}

function caseKey(tenantId: string, unitId: string, bodyId: string, caseId: string): string {
  return `${tenantId}/${unitId}/case/${bodyId}/${caseId}`;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
