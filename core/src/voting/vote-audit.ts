import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { GENESIS_HEAD, type AuditHead } from '../audit/audit-event';
import type { SecretBallot, VoteResult, VoterRecord } from './motion';

/**
 * Audit events of votes. Two kinds of chain, so 1,000 voters never queue behind one row:
 * - the motion's own chain (created, opened, tally entered/confirmed, closing, closed, cancelled),
 *   written in the same batch as the motion row that holds its head;
 * - one short chain per voter (cast, changed), written in the same batch as the voter's row, which
 *   holds its head. A cast therefore touches only its own voter's rows.
 * The closing event seals both: it carries the result hash and a digest over every voter chain head.
 * For a secret ballot no event ever carries the choice.
 */
export interface VoteAuditEvent {
  tenantId: string;
  aggregateType: 'motion' | 'voter';
  /** The motion id, or `<motionId>/<userId>` for a voter's chain. */
  aggregateId: string;
  seq: number;
  action: string;
  actorId: string;
  actorName: string;
  at: string;
  changes: Record<string, [unknown, unknown]>;
  prevHash: string;
  hash: string;
}

export type VoteAuditDraft = Omit<VoteAuditEvent, 'seq' | 'prevHash' | 'hash'>;

export function chainVoteEvent(head: AuditHead, draft: VoteAuditDraft): VoteAuditEvent {
  const body = { ...draft, seq: head.seq + 1, prevHash: head.hash };
  return { ...body, hash: sha256Hex(canonicalJson(body)) };
}

export function voteEventHead(event: VoteAuditEvent): AuditHead {
  return { seq: event.seq, hash: event.hash };
}

/** Checks numbering, links and hashes of one chain in seq order. */
export function verifyVoteChain(
  events: readonly VoteAuditEvent[],
): { ok: true; head: AuditHead } | { ok: false; seq: number } {
  let head = GENESIS_HEAD;
  for (const event of events) {
    const { hash, ...rest } = event;
    if (
      event.seq !== head.seq + 1 ||
      event.prevHash !== head.hash ||
      sha256Hex(canonicalJson(rest)) !== hash
    ) {
      return { ok: false, seq: event.seq };
    }
    head = { seq: event.seq, hash };
  }
  return { ok: true, head };
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** JSON with sorted keys and no undefined members: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The announced result's hash, kept on the motion and in its closing audit event. */
export function hashVoteResult(result: VoteResult): string {
  return sha256Hex(canonicalJson(result));
}

/** Digest of the counted ballots, independent of storage order (sorted lines). */
export function ballotsDigest(
  ballots: readonly { id: string; marks: readonly string[] }[],
): string {
  const lines = ballots.map((ballot) => `${ballot.id}:${[...ballot.marks].sort().join(',')}`);
  return sha256Hex(lines.sort().join('\n'));
}

export function openBallotsDigest(voters: readonly VoterRecord[]): string {
  return ballotsDigest(
    voters
      .filter((voter) => voter.state === 'voted')
      .map((voter) => ({ id: voter.userId, marks: voter.marks ?? [] })),
  );
}

export function secretBallotsDigest(ballots: readonly SecretBallot[]): string {
  return ballotsDigest(ballots.map((ballot) => ({ id: ballot.key, marks: ballot.marks })));
}

/** Digest over every voter's cast-chain head: any later edit of a voter's trail changes it. */
export function castDigest(voters: readonly VoterRecord[]): string {
  const lines = voters
    .filter((voter) => voter.audit.seq > 0)
    .map((voter) => `${voter.userId}:${voter.audit.seq}:${voter.audit.hash}`);
  return sha256Hex(lines.sort().join('\n'));
}
