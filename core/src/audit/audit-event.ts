import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Where an aggregate's hash chain stands; kept on the aggregate so the next event can link to it. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export const GENESIS_HEAD: AuditHead = { seq: 0, hash: '0'.repeat(64) };

export interface AuditEvent {
  tenantId: string;
  aggregateType:
    | 'body'
    | 'meeting'
    | 'assignment'
    | 'consultation'
    | 'recommendation'
    | 'case'
    | 'receptionSession'
    | 'deadlineSettings'
    | 'unit'
    | 'disclosure'
    | 'motion'
    | 'voter';
  aggregateId: string;
  /** 1, 2, 3… per aggregate, no gaps: a missing number is visible tampering. */
  seq: number;
  action: string;
  actorId: string;
  actorName: string;
  at: string;
  /** What changed, as field -> [before, after]; never secrets. */
  changes: Record<string, [unknown, unknown]>;
  prevHash: string;
  hash: string;
}

export type AuditEventDraft = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

/** Appends an event to the chain: the hash covers the event and the previous hash. */
export function chainAuditEvent(head: AuditHead, draft: AuditEventDraft): AuditEvent {
  const seq = head.seq + 1;
  const body = { ...draft, seq, prevHash: head.hash };
  return { ...body, hash: hashAuditEvent(body) };
}

export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  return sha256Hex(canonicalJson(event));
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Verifies a whole chain in seq order: links, hashes and numbering. Returns the first broken seq. */
export function verifyAuditChain(
  events: readonly AuditEvent[],
): { ok: true } | { ok: false; seq: number } {
  let head = GENESIS_HEAD;
  for (const event of events) {
    const { hash, ...rest } = event;
    if (
      event.seq !== head.seq + 1 ||
      event.prevHash !== head.hash ||
      hashAuditEvent(rest) !== hash
    ) {
      return { ok: false, seq: event.seq };
    }
    head = { seq: event.seq, hash };
  }
  return { ok: true };
}

export function auditHeadOf(event: AuditEvent): AuditHead {
  return { seq: event.seq, hash: event.hash };
}

/** JSON with sorted keys and no undefined members, so the same value always hashes the same. */
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

/** Field-level diff for the audit trail. */
export function diffFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of fields) {
    if (canonicalJson(before[field]) !== canonicalJson(after[field])) {
      changes[field] = [before[field] ?? null, after[field] ?? null];
    }
  }
  return changes;
}
