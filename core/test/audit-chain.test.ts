import { describe, expect, it } from 'vitest';
import {
  auditHeadOf,
  chainAuditEvent,
  GENESIS_HEAD,
  verifyAuditChain,
  type AuditEvent,
} from '../src/index';

function chainOf(count: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let head = GENESIS_HEAD;
  for (let i = 1; i <= count; i++) {
    const event = chainAuditEvent(head, {
      tenantId: 't',
      aggregateType: 'meeting',
      aggregateId: 'm1',
      action: i === 1 ? 'meeting.scheduled' : 'meeting.updated',
      actorId: 'u1',
      actorName: 'Hoàng Minh Tuấn',
      at: `2026-11-0${i}T01:00:00.000Z`,
      changes: { title: [`Cuộc họp ${i - 1}`, `Cuộc họp ${i}`] },
    });
    events.push(event);
    head = auditHeadOf(event);
  }
  return events;
}

describe('audit hash chain (DESIGN.md: append-only, hash-chained per aggregate)', () => {
  it('numbers events 1, 2, 3 and links each to the previous hash', () => {
    const events = chainOf(3);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe(GENESIS_HEAD.hash);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyAuditChain(events)).toEqual({ ok: true });
  });

  it('detects an edited event, a removed event and a reordering', () => {
    const events = chainOf(4);
    const edited = events.map((e) =>
      e.seq === 2 ? { ...e, changes: { title: ['x', 'y'] as [unknown, unknown] } } : e,
    );
    expect(verifyAuditChain(edited)).toEqual({ ok: false, seq: 2 });
    expect(verifyAuditChain([events[0]!, events[2]!, events[3]!])).toEqual({ ok: false, seq: 3 });
    expect(verifyAuditChain([events[1]!, events[0]!])).toEqual({ ok: false, seq: 2 });
  });

  it('hashes the same content the same way whatever the key order', () => {
    const [event] = chainOf(1);
    const reordered = Object.fromEntries(Object.entries(event!).reverse()) as AuditEvent;
    expect(verifyAuditChain([reordered])).toEqual({ ok: true });
  });
});
