import type { TableEntityResult } from '@azure/data-tables';
import type { Consultation, Recommendation } from '@qcdc/core';
import { keys } from './keys';

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * Keys of the `consultations` table: PK tenant~body, RK 'consultation~<id>' |
 * 'rec~<consultationId>~<recommendationId>' | 'audit~<aggregateId>~<seq>'. The per-person index
 * `userrecommendations`: PK tenant~user, RK '<bodyId>~<consultationId>~<recommendationId>'.
 */
export const consultationKeys = {
  consultationRow: (id: string) => `consultation~${id}`,
  recommendationRow: (consultationId: string, id: string) => `rec~${consultationId}~${id}`,
  recommendationsPrefix: (consultationId?: string) =>
    consultationId ? `rec~${consultationId}` : 'rec',
  userRecommendationRow: (bodyId: string, consultationId: string, id: string) =>
    `${bodyId}~${consultationId}~${id}`,
};

const optional = (value: unknown) => (value ? String(value) : undefined);

export function toConsultationEntity(c: Consultation) {
  return {
    partitionKey: keys.tenantBody(c.tenantId, c.bodyId),
    rowKey: consultationKeys.consultationRow(c.id),
    kind: 'consultation',
    tenantId: c.tenantId,
    bodyId: c.bodyId,
    consultationId: c.id,
    consultationKind: c.kind,
    title: c.title,
    documentTitle: c.documentTitle,
    description: c.description,
    frontName: c.frontName,
    frontBodyId: c.frontBodyId ?? '',
    referenceOn: c.referenceOn ?? '',
    status: c.status,
    sentOn: c.sentOn ?? '',
    sendCheck: c.sendCheck ? JSON.stringify(c.sendCheck) : '',
    closedAt: c.closedAt ?? '',
    recommendationCount: c.recommendationCount,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
    auditSeq: c.audit.seq,
    auditHash: c.audit.hash,
  };
}

export function fromConsultationEntity(row: Row): Consultation {
  return {
    tenantId: String(row.tenantId),
    bodyId: String(row.bodyId),
    id: String(row.consultationId),
    kind: row.consultationKind as Consultation['kind'],
    title: String(row.title),
    documentTitle: String(row.documentTitle),
    description: String(row.description ?? ''),
    frontName: String(row.frontName),
    frontBodyId: optional(row.frontBodyId),
    referenceOn: optional(row.referenceOn),
    status: row.status as Consultation['status'],
    sentOn: optional(row.sentOn),
    sendCheck: row.sendCheck
      ? (JSON.parse(String(row.sendCheck)) as Consultation['sendCheck'])
      : undefined,
    closedAt: optional(row.closedAt),
    recommendationCount: Number(row.recommendationCount),
    createdBy: String(row.createdBy),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}

export function toRecommendationEntity(r: Recommendation) {
  return {
    partitionKey: keys.tenantBody(r.tenantId, r.bodyId),
    rowKey: consultationKeys.recommendationRow(r.consultationId, r.id),
    kind: 'recommendation',
    tenantId: r.tenantId,
    bodyId: r.bodyId,
    consultationId: r.consultationId,
    recommendationId: r.id,
    number: r.number,
    text: r.text,
    receivedOn: r.receivedOn,
    rule: JSON.stringify(r.rule),
    deadline: r.deadline,
    ownerId: r.ownerId ?? '',
    status: r.status,
    response: r.response ? JSON.stringify(r.response) : '',
    returnReason: r.returnReason ?? '',
    respondedAt: r.respondedAt ?? '',
    respondedOn: r.respondedOn ?? '',
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    auditSeq: r.audit.seq,
    auditHash: r.audit.hash,
  };
}

export function fromRecommendationEntity(row: Row): Recommendation {
  return {
    tenantId: String(row.tenantId),
    bodyId: String(row.bodyId),
    consultationId: String(row.consultationId),
    id: String(row.recommendationId),
    number: Number(row.number),
    text: String(row.text),
    receivedOn: String(row.receivedOn),
    rule: JSON.parse(String(row.rule)) as Recommendation['rule'],
    deadline: String(row.deadline),
    ownerId: optional(row.ownerId),
    status: row.status as Recommendation['status'],
    response: row.response
      ? (JSON.parse(String(row.response)) as Recommendation['response'])
      : undefined,
    returnReason: optional(row.returnReason),
    respondedAt: optional(row.respondedAt),
    respondedOn: optional(row.respondedOn),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}
