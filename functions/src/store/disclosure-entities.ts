import type { TableEntityResult } from '@azure/data-tables';
import type { Disclosure } from '@qcdc/core';
import { keys } from './keys';

type Row = TableEntityResult<Record<string, unknown>>;

/** `disclosures` table: PK tenant~body, RK 'disclosure~<id>' | 'audit~<id>~<seq>'. */
export const disclosureKeys = {
  disclosureRow: (id: string) => `disclosure~${id}`,
};

const optional = (value: unknown) => (value ? String(value) : undefined);

export function toDisclosureEntity(d: Disclosure) {
  return {
    partitionKey: keys.tenantBody(d.tenantId, d.bodyId),
    rowKey: disclosureKeys.disclosureRow(d.id),
    kind: 'disclosure',
    tenantId: d.tenantId,
    bodyId: d.bodyId,
    disclosureId: d.id,
    title: d.title,
    description: d.description,
    basis: d.basis,
    channels: JSON.stringify(d.channels),
    days: d.days,
    startOn: d.startOn,
    endOn: d.endOn,
    status: d.status,
    postedAt: d.postedAt ?? '',
    postedBy: d.postedBy ?? '',
    endedOn: d.endedOn ?? '',
    endedAt: d.endedAt ?? '',
    endedBy: d.endedBy ?? '',
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
    auditSeq: d.audit.seq,
    auditHash: d.audit.hash,
  };
}

export function fromDisclosureEntity(row: Row): Disclosure {
  return {
    tenantId: String(row.tenantId),
    bodyId: String(row.bodyId),
    id: String(row.disclosureId),
    title: String(row.title),
    description: String(row.description ?? ''),
    basis: String(row.basis ?? ''),
    channels: JSON.parse(String(row.channels)) as Disclosure['channels'],
    days: Number(row.days),
    startOn: String(row.startOn),
    endOn: String(row.endOn),
    status: row.status as Disclosure['status'],
    postedAt: optional(row.postedAt),
    postedBy: optional(row.postedBy),
    endedOn: optional(row.endedOn),
    endedAt: optional(row.endedAt),
    endedBy: optional(row.endedBy),
    createdBy: String(row.createdBy),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    version: Number(row.version),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}
