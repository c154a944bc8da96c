import type { TableEntityResult } from '@azure/data-tables';
import type {
  CitizenCase,
  CitizenIdentity,
  ReceptionSession,
  UnitDeadlineSettings,
} from '@qcdc/core';
import { caseKeys } from './case-keys';

type Row = TableEntityResult<Record<string, unknown>>;

const optional = (value: unknown) => (value ? String(value) : undefined);
const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));
function parse<T>(value: unknown): T | undefined {
  return value ? (JSON.parse(String(value)) as T) : undefined;
}

/** Scalars for what a query or a person reading the table needs; JSON for the nested parts. */
export function toCaseEntity(c: CitizenCase) {
  return {
    partitionKey: caseKeys.tenantUnit(c.tenantId, c.unitId),
    rowKey: caseKeys.caseRow(c.bodyId, c.id),
    kind: 'case',
    caseKind: c.kind,
    tenantId: c.tenantId,
    unitId: c.unitId,
    bodyId: c.bodyId,
    caseId: c.id,
    number: c.number,
    channel: c.channel,
    sessionId: c.sessionId ?? '',
    summary: c.summary,
    receivedOn: c.receivedOn,
    instance: c.instance ?? '',
    remoteArea: c.remoteArea,
    complexity: c.complexity,
    decisionKnownOn: c.decisionKnownOn ?? '',
    filing: json(c.filing),
    status: c.status,
    recordedBy: c.recordedBy,
    handlerIds: JSON.stringify(c.handlerIds),
    hasIdentity: c.hasIdentity,
    acceptance: JSON.stringify(c.acceptance),
    resolution: json(c.resolution),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
    auditSeq: c.audit.seq,
    auditHash: c.audit.hash,
  };
}

export function fromCaseEntity(row: Row): CitizenCase {
  return {
    tenantId: String(row.tenantId),
    unitId: String(row.unitId),
    bodyId: String(row.bodyId),
    id: String(row.caseId),
    number: String(row.number),
    kind: row.caseKind as CitizenCase['kind'],
    channel: row.channel as CitizenCase['channel'],
    sessionId: optional(row.sessionId),
    summary: String(row.summary),
    receivedOn: String(row.receivedOn),
    instance: optional(row.instance) as CitizenCase['instance'],
    remoteArea: row.remoteArea === true,
    complexity: row.complexity as CitizenCase['complexity'],
    decisionKnownOn: optional(row.decisionKnownOn),
    filing: parse<CitizenCase['filing']>(row.filing),
    status: row.status as CitizenCase['status'],
    recordedBy: String(row.recordedBy),
    handlerIds: JSON.parse(String(row.handlerIds)) as string[],
    hasIdentity: row.hasIdentity === true,
    acceptance: JSON.parse(String(row.acceptance)) as CitizenCase['acceptance'],
    resolution: parse<CitizenCase['resolution']>(row.resolution),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}

/** The citizen's identity: its own row, never read by a list. */
export function toIdentityEntity(c: CitizenCase, identity: CitizenIdentity) {
  return {
    partitionKey: caseKeys.tenantUnit(c.tenantId, c.unitId),
    rowKey: caseKeys.identityRow(c.id),
    kind: 'identity',
    fullName: identity.fullName,
    address: identity.address ?? '',
    phone: identity.phone ?? '',
    idNumber: identity.idNumber ?? '',
  };
}

export function fromIdentityEntity(row: Row): CitizenIdentity {
  return {
    fullName: String(row.fullName),
    address: optional(row.address),
    phone: optional(row.phone),
    idNumber: optional(row.idNumber),
  };
}

export function toSessionEntity(s: ReceptionSession) {
  return {
    partitionKey: caseKeys.tenantUnit(s.tenantId, s.unitId),
    rowKey: caseKeys.sessionRow(s.bodyId, s.id),
    kind: 'session',
    tenantId: s.tenantId,
    unitId: s.unitId,
    bodyId: s.bodyId,
    sessionId: s.id,
    sessionKind: s.kind,
    hostId: s.hostId,
    date: s.date,
    location: s.location,
    status: s.status,
    note: s.note ?? '',
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: s.version,
    auditSeq: s.audit.seq,
    auditHash: s.audit.hash,
  };
}

export function fromSessionEntity(row: Row): ReceptionSession {
  return {
    tenantId: String(row.tenantId),
    unitId: String(row.unitId),
    bodyId: String(row.bodyId),
    id: String(row.sessionId),
    kind: row.sessionKind as ReceptionSession['kind'],
    hostId: String(row.hostId),
    date: String(row.date),
    location: String(row.location),
    status: row.status as ReceptionSession['status'],
    note: optional(row.note),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}

export function toSettingsEntity(s: UnitDeadlineSettings) {
  return {
    partitionKey: caseKeys.tenantUnit(s.tenantId, s.unitId),
    rowKey: caseKeys.settingsRow,
    kind: 'settings',
    tenantId: s.tenantId,
    unitId: s.unitId,
    overrides: JSON.stringify(s.overrides),
    updatedAt: s.updatedAt,
    version: s.version,
    auditSeq: s.audit.seq,
    auditHash: s.audit.hash,
  };
}

export function fromSettingsEntity(row: Row): UnitDeadlineSettings {
  return {
    tenantId: String(row.tenantId),
    unitId: String(row.unitId),
    overrides: JSON.parse(String(row.overrides)) as UnitDeadlineSettings['overrides'],
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}
