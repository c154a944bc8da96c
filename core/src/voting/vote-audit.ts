import {
  auditHeadOf,
  canonicalJson,
  chainAuditEvent,
  GENESIS_HEAD,
  sha256Hex,
  verifyAuditChain,
  type AuditEvent,
  type AuditEventDraft,
  type AuditHead,
} from '../audit/audit-event';
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
/** Vote events are ordinary audit events (aggregate 'motion' or 'voter'): one chain implementation. */
export type VoteAuditEvent = AuditEvent;
export type VoteAuditDraft = AuditEventDraft;
export const chainVoteEvent = chainAuditEvent;
export const voteEventHead = auditHeadOf;

/** Checks numbering, links and hashes of one chain in seq order, answering its head when sound. */
export function verifyVoteChain(
  events: readonly VoteAuditEvent[],
): { ok: true; head: AuditHead } | { ok: false; seq: number } {
  const verdict = verifyAuditChain(events);
  if (!verdict.ok) return verdict;
  const last = events.at(-1);
  return { ok: true, head: last ? auditHeadOf(last) : GENESIS_HEAD };
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
