import type { AuditEvent } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { StoredRow } from '../ports/case-repository';
import type { DisclosureRepository } from '../ports/disclosure-repository';
import type { Disclosure } from './disclosure';

/** In-memory fake of the disclosure store (etag checks, change and audit together). */
export class InMemoryDisclosureRepository implements DisclosureRepository {
  private readonly rows = new Map<string, StoredRow<Disclosure>>();
  private readonly events = new Map<string, AuditEvent[]>();
  private etagCounter = 0;

  async getDisclosure(tenantId: string, bodyId: string, id: string) {
    const row = this.rows.get(`${tenantId}/${bodyId}/${id}`);
    return row ? clone(row) : null;
  }

  async listDisclosures(tenantId: string, bodyId: string) {
    return [...this.rows.values()]
      .map((row) => row.value)
      .filter((d) => d.tenantId === tenantId && d.bodyId === bodyId)
      .map(clone);
  }

  async createDisclosure(disclosure: Disclosure, event: AuditEvent) {
    const key = `${disclosure.tenantId}/${disclosure.bodyId}/${disclosure.id}`;
    if (this.rows.has(key)) throw new DomainError('CONCURRENCY.CONFLICT');
    this.rows.set(key, { value: clone(disclosure), etag: `W/"d${++this.etagCounter}"` });
    this.events.set(key, [event]);
  }

  async commitDisclosure(disclosure: Disclosure, etag: string, event: AuditEvent) {
    const key = `${disclosure.tenantId}/${disclosure.bodyId}/${disclosure.id}`;
    if (this.rows.get(key)?.etag !== etag) {
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
    }
    this.rows.set(key, { value: clone(disclosure), etag: `W/"d${++this.etagCounter}"` });
    this.events.get(key)!.push(event);
  }

  async listDisclosureAudit(tenantId: string, bodyId: string, id: string) {
    return [...(this.events.get(`${tenantId}/${bodyId}/${id}`) ?? [])];
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
