import type { AuditEvent } from '../audit/audit-event';
import type { CitizenCase, CitizenIdentity } from '../cases/citizen-case';
import type { UnitDeadlineSettings } from '../cases/deadline-rule-registry';
import type { ReceptionSession } from '../cases/reception';

/** A stored row with the storage's concurrency token for the next conditional write. */
export interface StoredRow<T> {
  value: T;
  etag: string;
}

/** The unit's running number for one kind and year; etag null while no case has used it. */
export interface CaseCounter {
  prefix: string;
  year: number;
  value: number;
  etag: string | null;
}

/**
 * A new case: the counter's next value (conditional on the counter's etag, so two intakes never get
 * one number), the case, the citizen's identity in its own row, and the first audit event. All of it
 * lands, or none of it.
 */
export interface CaseIntake {
  case: CitizenCase;
  identity?: CitizenIdentity | undefined;
  counter: CaseCounter;
  event: AuditEvent;
}

/**
 * A change to a case with its audit event, conditional on the etag. `indexUserIds` names people who
 * must find the case in their own list from now on (their index rows are written first).
 */
export interface CaseChange {
  case: CitizenCase;
  etag: string;
  event: AuditEvent;
  indexUserIds?: readonly string[];
}

/** Citizen cases, reception sessions and the unit's deadline settings: every key from tenant and unit. */
export interface CaseRepository {
  getCounter(tenantId: string, unitId: string, prefix: string, year: number): Promise<CaseCounter>;
  /** Throws DomainError CONCURRENCY.CONFLICT (retryable) when the counter moved meanwhile. */
  createCase(intake: CaseIntake): Promise<void>;
  getCase(
    tenantId: string,
    unitId: string,
    bodyId: string,
    caseId: string,
  ): Promise<StoredRow<CitizenCase> | null>;
  listBodyCases(tenantId: string, unitId: string, bodyId: string): Promise<CitizenCase[]>;
  /** Cases a person handles or recorded, from the per-person index (orphans dropped). */
  listUserCases(tenantId: string, userId: string): Promise<CitizenCase[]>;
  commitCase(change: CaseChange): Promise<void>;
  getIdentity(tenantId: string, unitId: string, caseId: string): Promise<CitizenIdentity | null>;
  listCaseAudit(tenantId: string, unitId: string, caseId: string): Promise<AuditEvent[]>;

  getSession(
    tenantId: string,
    unitId: string,
    bodyId: string,
    sessionId: string,
  ): Promise<StoredRow<ReceptionSession> | null>;
  listBodySessions(tenantId: string, unitId: string, bodyId: string): Promise<ReceptionSession[]>;
  createSession(session: ReceptionSession, event: AuditEvent): Promise<void>;
  commitSession(session: ReceptionSession, etag: string, event: AuditEvent): Promise<void>;

  getDeadlineSettings(
    tenantId: string,
    unitId: string,
  ): Promise<StoredRow<UnitDeadlineSettings> | null>;
  /** etag null creates the settings row. */
  saveDeadlineSettings(
    settings: UnitDeadlineSettings,
    etag: string | null,
    event: AuditEvent,
  ): Promise<void>;
}
