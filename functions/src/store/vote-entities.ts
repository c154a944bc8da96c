import type { TableEntityResult } from '@azure/data-tables';
import type { ElectorateKey, Motion, SecretBallot, VoteAuditEvent, VoterRecord } from '@qcdc/core';

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * Key design of the `votes` table (every key starts from the tenant and the body):
 * - PK tenant~body                                  RK 'motion~<meetingId>~<motionId>' (the motion)
 *                                                      'mevent~<motionId>~<seq>'       (its audit chain)
 * - PK tenant~body~<motionId>~<electorateId>        RK 'voter~<userId>'   (roster row: eligibility, the
 *                                                   open ballot or the secret receipt, and the voter's
 *                                                   own cast events as columns ev000001, ev000002…)
 * - PK tenant~body~<motionId>~<electorateId>~box    RK 'lid~<n>' (sealed flag, ballot count; a few lids
 *                                                   so a few ballot batches can be in flight)
 *                                                      'ballot~<128 random bits>' (a secret ballot: marks only)
 * Receipts and ballots live in different partitions, so no batch (and no single query) pairs them.
 */
export const voteKeys = {
  bodyPartition: (tenantId: string, bodyId: string) => `${tenantId}~${bodyId}`,
  motionRow: (meetingId: string, motionId: string) => `motion~${meetingId}~${motionId}`,
  motionPrefix: (meetingId: string) => `motion~${meetingId}`,
  motionEventRow: (motionId: string, seq: number) =>
    `mevent~${motionId}~${String(seq).padStart(10, '0')}`,
  motionEventPrefix: (motionId: string) => `mevent~${motionId}`,
  voterPartition: (key: ElectorateKey) =>
    `${key.tenantId}~${key.bodyId}~${key.motionId}~${key.electorateId}`,
  voterRow: (userId: string) => `voter~${userId}`,
  /** A voter's cast events are columns of their row: written in the same single-entity write. */
  voterEventColumn: (seq: number) => `ev${String(seq).padStart(6, '0')}`,
  boxPartition: (key: ElectorateKey) =>
    `${key.tenantId}~${key.bodyId}~${key.motionId}~${key.electorateId}~box`,
  lidRow: (index: number) => `lid~${index}`,
  ballotRow: (ballotKey: string) => `ballot~${ballotKey}`,
};

/** Azure caps a string property at 64 KiB (32K UTF-16 units); Azurite does not: check ourselves. */
const MAX_STRING = 32_000;

function json(value: unknown, what: string): string {
  const text = JSON.stringify(value ?? null);
  if (text.length > MAX_STRING) throw new Error(`${what} exceeds the table's property limit`);
  return text;
}

/** The motion row: scalar columns to filter on, the rest as JSON split so no property grows too big. */
export function toMotionEntity(motion: Motion) {
  const { result, roomTally, electorate, ...definition } = motion;
  return {
    partitionKey: voteKeys.bodyPartition(motion.tenantId, motion.bodyId),
    rowKey: voteKeys.motionRow(motion.meetingId, motion.id),
    kind: motion.kind,
    status: motion.status,
    version: motion.version,
    auditSeq: motion.audit.seq,
    auditHash: motion.audit.hash,
    definition: json(definition, 'motion'),
    electorate: json(electorate, 'electorate'),
    roomTally: json(roomTally, 'room tally'),
    result: json(result, 'result'),
  };
}

export function fromMotionEntity(row: Row): Motion {
  const definition = JSON.parse(String(row.definition)) as Motion;
  const parse = <T>(value: unknown): T | undefined =>
    (JSON.parse(String(value ?? 'null')) as T | null) ?? undefined;
  return {
    ...definition,
    electorate: parse(row.electorate),
    roomTally: parse(row.roomTally),
    result: parse(row.result),
  };
}

export function toAuditEventEntity(partitionKey: string, rowKey: string, event: VoteAuditEvent) {
  return {
    partitionKey,
    rowKey,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    seq: event.seq,
    action: event.action,
    actorId: event.actorId,
    actorName: event.actorName,
    at: event.at,
    changes: json(event.changes, 'audit event'),
    prevHash: event.prevHash,
    hash: event.hash,
    tenantId: event.tenantId,
  };
}

/** The cast events kept as columns of a voter's row, in order. */
export function voterEventsOf(row: Row): VoteAuditEvent[] {
  return Object.keys(row)
    .filter((column) => /^ev\d{6}$/.test(column))
    .sort()
    .map((column) => JSON.parse(String(row[column])) as VoteAuditEvent);
}

export function fromAuditEventEntity(row: Row): VoteAuditEvent {
  return {
    tenantId: String(row.tenantId),
    aggregateType: row.aggregateType as VoteAuditEvent['aggregateType'],
    aggregateId: String(row.aggregateId),
    seq: Number(row.seq),
    action: String(row.action),
    actorId: String(row.actorId),
    actorName: String(row.actorName),
    at: String(row.at),
    changes: JSON.parse(String(row.changes)) as VoteAuditEvent['changes'],
    prevHash: String(row.prevHash),
    hash: String(row.hash),
  };
}

/**
 * A roster row. For a secret ballot it is the receipt: who voted, when, a tag recognising retries of
 * the same submission and, only while a cast is in flight, the masked ballot key. Never the choice.
 */
export function toVoterEntity(key: ElectorateKey, voter: VoterRecord) {
  return {
    partitionKey: voteKeys.voterPartition(key),
    rowKey: voteKeys.voterRow(voter.userId),
    userId: voter.userId,
    displayName: voter.displayName,
    roles: JSON.stringify(voter.roles),
    delegateName: voter.delegateName ?? '',
    state: voter.state,
    sealed: voter.sealed,
    marks: voter.marks ? JSON.stringify(voter.marks) : '',
    submissionTag: voter.submissionTag ?? '',
    pendingKey: voter.pendingKey ?? '',
    castAt: voter.castAt ?? '',
    updatedAt: voter.updatedAt ?? '',
    auditSeq: voter.audit.seq,
    auditHash: voter.audit.hash,
  };
}

export function fromVoterEntity(row: Row): VoterRecord {
  const optional = (value: unknown) => (value ? String(value) : undefined);
  return {
    userId: String(row.userId),
    displayName: String(row.displayName),
    roles: JSON.parse(String(row.roles)) as VoterRecord['roles'],
    delegateName: optional(row.delegateName),
    state: row.state as VoterRecord['state'],
    sealed: row.sealed === true,
    marks: row.marks ? (JSON.parse(String(row.marks)) as string[]) : undefined,
    submissionTag: optional(row.submissionTag),
    pendingKey: optional(row.pendingKey),
    castAt: optional(row.castAt),
    updatedAt: optional(row.updatedAt),
    audit: { seq: Number(row.auditSeq), hash: String(row.auditHash) },
  };
}

/** A secret ballot: the random key (in the RowKey) and the marks. Nothing else, on purpose. */
export function toBallotEntity(partitionKey: string, ballot: SecretBallot) {
  return {
    partitionKey,
    rowKey: voteKeys.ballotRow(ballot.key),
    marks: JSON.stringify(ballot.marks),
  };
}

export function fromBallotEntity(row: Row): SecretBallot {
  return {
    key: String(row.rowKey).slice('ballot~'.length),
    marks: JSON.parse(String(row.marks)) as string[],
  };
}
