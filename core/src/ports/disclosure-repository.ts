import type { AuditEvent } from '../audit/audit-event';
import type { Disclosure } from '../disclosures/disclosure';
import type { StoredRow } from './case-repository';

export interface DisclosureRepository {
  getDisclosure(
    tenantId: string,
    bodyId: string,
    id: string,
  ): Promise<StoredRow<Disclosure> | null>;
  listDisclosures(tenantId: string, bodyId: string): Promise<Disclosure[]>;
  createDisclosure(disclosure: Disclosure, event: AuditEvent): Promise<void>;
  /** Conditional on etag, with the audit event in the same batch. */
  commitDisclosure(disclosure: Disclosure, etag: string, event: AuditEvent): Promise<void>;
  listDisclosureAudit(tenantId: string, bodyId: string, id: string): Promise<AuditEvent[]>;
}
