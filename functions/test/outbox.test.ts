import { TableClient } from '@azure/data-tables';
import type { Clock, ReminderMessage } from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DevHost } from '../src/dev/host';
import { runOutboxDispatch, type DispatchDeps } from '../src/jobs/outbox-dispatcher';
import type { Logger } from '../src/logger';
import { BotConnectorSender, IDEMPOTENCY_HEADER } from '../src/notify/bot-connector-sender';
import type { BotTokenProvider } from '../src/notify/bot-token-provider';
import { TableConversationDirectory } from '../src/notify/conversation-directory';
import { SendRateLimiter } from '../src/notify/rate-limiter';
import { conversationKeys } from '../src/store/conversation-store';
import {
  assertPartitionScoped,
  CountingTableClient,
  newTableStats,
} from '../src/store/counting-table-client';
import { OutboxStore, type OutboxMessage } from '../src/store/outbox-store';
import { apiAs, createTestBody, startTestHost } from './support/api-harness';
import {
  startBotConnectorStandIn,
  type BotConnectorStandIn,
} from './support/bot-connector-stand-in';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const TOKEN = 'test-bot-token';
const tokens: BotTokenProvider = { getToken: async () => TOKEN, invalidate: () => undefined };

let connector: BotConnectorStandIn;
beforeAll(async () => {
  connector = await startBotConnectorStandIn({ requireToken: TOKEN });
});
afterAll(async () => {
  await connector?.close();
});

interface Rig {
  outbox: OutboxStore;
  conversations: TableClient;
  tenantId: string;
  bodyId: string;
  setNow(instant: Date): void;
  clock: Clock;
  stats: ReturnType<typeof newTableStats>;
  deps(overrides?: Partial<DispatchDeps>): DispatchDeps;
  /** A person with a 1:1 conversation at the stand-in. */
  person(): Promise<{ userId: string; conversationId: string }>;
  message(recipientId: string): OutboxMessage;
}

async function rig(tableNames?: { outbox: string; conversations: string }): Promise<Rig> {
  const connection = inject('storageConnection');
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const client = (name: string) =>
    TableClient.fromConnectionString(connection, name, { allowInsecureConnection: true });
  const outboxTable = client(tableNames?.outbox ?? `outbox${suffix}`);
  const conversations = client(tableNames?.conversations ?? `conversations${suffix}`);
  await Promise.all([outboxTable.createTable(), conversations.createTable()]);
  const stats = newTableStats();
  const outbox = new OutboxStore(new CountingTableClient(outboxTable, stats));
  let now = new Date('2031-05-06T01:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  const tenantId = randomUUID();
  const bodyId = `b-${suffix}`;
  const limiter = new SendRateLimiter();
  return {
    outbox,
    conversations,
    tenantId,
    bodyId,
    clock,
    stats,
    setNow: (instant) => {
      now = instant;
    },
    deps: (overrides = {}) => ({
      outbox,
      directory: new TableConversationDirectory(new CountingTableClient(conversations, stats)),
      sender: new BotConnectorSender({ tokens, requestTimeoutMs: 400 }),
      limiter,
      clock,
      log: quiet,
      random: () => 0.5,
      options: { quickBackoffMs: 20, requeueBackoffMs: 1_000 },
      ...overrides,
    }),
    async person() {
      const userId = randomUUID();
      const conversationId = `a:${randomUUID()}`;
      await conversations.upsertEntity({
        ...conversationKeys.personal(tenantId, userId),
        tenantId,
        conversationId,
        conversationType: 'personal',
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        botId: '28:bot',
        userAadObjectId: userId,
        locale: 'vi',
      });
      return { userId, conversationId };
    },
    message(recipientId) {
      const message: ReminderMessage = {
        kind: 'assignment.overdue',
        subject: { kind: 'case', number: 'TC-2031-007' },
        deadline: '2031-05-01',
        daysOverdue: 5,
      };
      return {
        key: `assignment:${randomUUID()}:2031-05-01:od+5:${recipientId}`,
        tenantId,
        bodyId,
        recipientId,
        dueAt: now.toISOString(),
        message,
        subject: { type: 'assignment', tenantId, bodyId, id: randomUUID() },
      };
    },
  };
}

const deliveriesOf = (key: string) =>
  connector.deliveries.filter((d) => d.activityKey === key || d.headerKey === key);

describe('outbox dispatcher against the Bot Connector stand-in (Azurite)', () => {
  it('enqueue is insert-if-absent: a reminder claimed twice is one message', async () => {
    const r = await rig();
    const { userId } = await r.person();
    const message = r.message(userId);
    expect(await r.outbox.enqueue(message, r.clock.now())).toBe('created');
    expect(await r.outbox.enqueue(message, r.clock.now())).toBe('exists');
    const result = await runOutboxDispatch(r.deps());
    expect(result.sent).toBe(1);
    expect(deliveriesOf(message.key)).toHaveLength(1);
    const [delivery] = deliveriesOf(message.key);
    // The real wire shape: bearer token, the key in a header and in the activity, one Adaptive Card.
    expect(delivery?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(delivery?.headerKey).toBe(message.key);
    expect(delivery?.activity).toMatchObject({
      type: 'message',
      locale: 'vi-VN',
      channelData: { qcdc: { idempotencyKey: message.key }, tenant: { id: r.tenantId } },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
    expect(String(delivery?.activity.summary)).toContain('hồ sơ số TC-2031-007');
    expect(IDEMPOTENCY_HEADER).toBe('Idempotency-Key');
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('the table layer refuses a query that is not scoped to one partition, and counts reads', async () => {
    expect(() => assertPartitionScoped(`RowKey ge 'q~'`)).toThrow(/PartitionKey equality/);
    expect(() => assertPartitionScoped(`PartitionKey eq 'a' or PartitionKey eq 'b'`)).toThrow();
    expect(() =>
      assertPartitionScoped(`PartitionKey eq 'a' and RowKey ge 'x' or PartitionKey eq 'b'`),
    ).toThrow(/'or'/);
    expect(() => assertPartitionScoped(`PartitionKey ge 'a'`)).toThrow();
    expect(() =>
      assertPartitionScoped(`PartitionKey eq 'o''r' and (status eq 'x' or status eq 'y')`),
    ).not.toThrow();
    const r = await rig();
    const { userId } = await r.person();
    await r.outbox.enqueue(r.message(userId), r.clock.now());
    const before = r.stats.entitiesRead;
    const due = await r.outbox.listDue('o~0', r.clock.now(), 10);
    const others = await Promise.all(
      ['o~1', 'o~2', 'o~3'].map((pk) => r.outbox.listDue(pk, r.clock.now(), 10)),
    );
    expect(due.length + others.flat().length).toBe(1);
    expect(r.stats.entitiesRead - before).toBe(1);
  });

  it('sends nothing in quiet hours: a message retried into the night waits for 07:00', async () => {
    const r = await rig();
    const { userId } = await r.person();
    const message = r.message(userId);
    r.setNow(new Date('2031-05-06T14:30:00.000Z')); // 21:30 in Vietnam
    await r.outbox.enqueue(message, r.clock.now());
    const quietHours = { start: '21:00', end: '07:00', marginMinutes: 30 };
    expect(await runOutboxDispatch(r.deps({ quietHours }))).toMatchObject({ quiet: true, sent: 0 });
    r.setNow(new Date('2031-05-06T23:59:00.000Z')); // 06:59
    expect(await runOutboxDispatch(r.deps({ quietHours }))).toMatchObject({ quiet: true, sent: 0 });
    r.setNow(new Date('2031-05-07T00:00:00.000Z')); // 07:00
    expect(await runOutboxDispatch(r.deps({ quietHours }))).toMatchObject({
      quiet: false,
      sent: 1,
    });
    expect(deliveriesOf(message.key)).toHaveLength(1);
  });

  it('a crash between send and record leads to at most one resend, with the same idempotency key', async () => {
    const r = await rig();
    const { userId } = await r.person();
    const message = r.message(userId);
    await r.outbox.enqueue(message, r.clock.now());
    const crash = await runOutboxDispatch(
      r.deps({
        afterSend: () => {
          throw new Error('process killed after the send');
        },
      }),
    );
    expect(crash).toMatchObject({ sent: 0, failed: 1 });
    expect(deliveriesOf(message.key)).toHaveLength(1);
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'pending' });
    // While the dead dispatcher's lease runs, nobody sends it again.
    r.setNow(new Date(r.clock.now().getTime() + 60_000));
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 0, held: 1 });
    // After the lease: one resend, then it is recorded and never sent again.
    r.setNow(new Date(r.clock.now().getTime() + 5 * 60_000));
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 1 });
    r.setNow(new Date(r.clock.now().getTime() + 60 * 60_000));
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 0, attempts: 0 });
    const deliveries = deliveriesOf(message.key);
    expect(deliveries).toHaveLength(2);
    expect(
      deliveries.every((d) => d.headerKey === message.key && d.activityKey === message.key),
    ).toBe(true);
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'sent' });
  });

  it('a send the service accepted but never answered (timeout) is resent once with the same key', async () => {
    const r = await rig();
    const { userId, conversationId } = await r.person();
    const message = r.message(userId);
    connector.fail({
      respond: { kind: 'hang-after-accept' },
      match: (request) => request.conversationId === conversationId,
      times: 1,
    });
    await r.outbox.enqueue(message, r.clock.now());
    const result = await runOutboxDispatch(r.deps());
    expect(result).toMatchObject({ sent: 1, attempts: 2 });
    expect(deliveriesOf(message.key).map((d) => d.activityKey)).toEqual([message.key, message.key]);
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('honours 429 Retry-After, and paces one conversation under Teams limits without any 429', async () => {
    const r = await rig();
    const { userId, conversationId } = await r.person();
    connector.fail({
      respond: { kind: 'status', status: 429, retryAfterSeconds: 1 },
      match: (request) => request.conversationId === conversationId,
      times: 1,
    });
    const first = r.message(userId);
    await r.outbox.enqueue(first, r.clock.now());
    const started = performance.now();
    const throttled = await runOutboxDispatch(r.deps());
    expect(throttled).toMatchObject({ sent: 1, throttled: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(deliveriesOf(first.key)).toHaveLength(1);

    // Twelve messages to one person at once: 7/s, 8/2 s, 60/30 s are kept by the limiter.
    const { userId: busy } = await r.person();
    const burst = Array.from({ length: 12 }, () => r.message(busy));
    for (const message of burst) await r.outbox.enqueue(message, r.clock.now());
    const throttledBefore = connector.throttled;
    const result = await runOutboxDispatch(r.deps({ limiter: new SendRateLimiter() }));
    expect(result).toMatchObject({ sent: 12, throttled: 0 });
    expect(connector.throttled).toBe(throttledBefore);
  }, 30_000);

  it('a Retry-After longer than it can wait requeues the message for after that time, then sends it once', async () => {
    const r = await rig();
    const { userId, conversationId } = await r.person();
    connector.fail({
      respond: { kind: 'status', status: 429, retryAfterSeconds: 120 },
      match: (request) => request.conversationId === conversationId,
      times: 1,
    });
    const message = r.message(userId);
    await r.outbox.enqueue(message, r.clock.now());
    const started = performance.now();
    // A fresh limiter per run, as each timer invocation has: the test is about the stored retry time.
    const throttled = await runOutboxDispatch(r.deps({ limiter: new SendRateLimiter() }));
    expect(throttled).toMatchObject({ sent: 0, throttled: 1, requeued: 1 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'pending' });

    // Before the server's time is up nothing is sent; after it, the message goes once.
    r.setNow(new Date(r.clock.now().getTime() + 60_000));
    expect(await runOutboxDispatch(r.deps({ limiter: new SendRateLimiter() }))).toMatchObject({
      sent: 0,
      attempts: 0,
    });
    r.setNow(new Date(r.clock.now().getTime() + 61_000));
    expect(await runOutboxDispatch(r.deps({ limiter: new SendRateLimiter() }))).toMatchObject({
      sent: 1,
    });
    expect(deliveriesOf(message.key)).toHaveLength(1);
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'sent' });
  });

  it('parks a message that keeps failing (502), with attempts and last error; 403 is parked at once', async () => {
    const r = await rig();
    const { userId, conversationId } = await r.person();
    connector.fail({
      respond: { kind: 'status', status: 502, body: 'Bad Gateway' },
      match: (request) => request.conversationId === conversationId,
    });
    const failing = r.message(userId);
    await r.outbox.enqueue(failing, r.clock.now());
    const options = {
      quickBackoffMs: 10,
      requeueBackoffMs: 1_000,
      maxAttempts: 5,
      quickRetries: 2,
    };
    const first = await runOutboxDispatch(r.deps({ options }));
    expect(first).toMatchObject({ sent: 0, requeued: 1, attempts: 3 });
    expect(await r.outbox.getMessage(failing.key)).toMatchObject({
      status: 'pending',
      attempts: 3,
    });
    r.setNow(new Date(r.clock.now().getTime() + 10 * 60_000));
    const second = await runOutboxDispatch(r.deps({ options }));
    expect(second).toMatchObject({ parked: 1, attempts: 2 });
    const stored = await r.outbox.getMessage(failing.key);
    expect(stored).toMatchObject({ status: 'parked', attempts: 5, parkedReason: 'failing' });
    expect(stored?.lastError).toContain('HTTP 502');

    const { userId: gone, conversationId: goneConversation } = await r.person();
    connector.fail({
      respond: { kind: 'status', status: 403, body: 'Bot is not part of the conversation' },
      match: (request) => request.conversationId === goneConversation,
    });
    const refused = r.message(gone);
    await r.outbox.enqueue(refused, r.clock.now());
    expect(await runOutboxDispatch(r.deps({ options }))).toMatchObject({ parked: 1, attempts: 1 });

    const parked = await r.outbox.listParked(r.tenantId, r.bodyId);
    expect(parked.map((m) => [m.key, m.reason, m.attempts]).sort()).toEqual(
      [
        [failing.key, 'failing', 5],
        [refused.key, 'rejected', 1],
      ].sort(),
    );
    expect(deliveriesOf(failing.key)).toHaveLength(0);
  });

  it('an unreachable recipient is parked and listed by GET /api/bodies/{bodyId}/outbox?status=parked', async () => {
    let host: DevHost | undefined;
    try {
      host = await startTestHost();
      const fixture = await createTestBody();
      // The host's own outbox and conversations tables, as production would have them.
      const r = await rig({ outbox: 'outbox', conversations: 'conversations' });
      const message = {
        ...r.message(fixture.users.member.userId),
        tenantId: fixture.body.tenantId,
        bodyId: fixture.body.id,
      };
      // A clock far ahead of the host's own timers, so only this run handles it.
      r.setNow(new Date('2099-01-05T01:00:00.000Z'));
      await r.outbox.enqueue(message, r.clock.now());
      const result = await runOutboxDispatch(r.deps());
      expect(result.parked).toBeGreaterThanOrEqual(1);
      const head = apiAs(host, fixture.users.head);
      const listed = await head(`/api/bodies/${fixture.body.id}/outbox?status=parked`);
      expect(listed.status).toBe(200);
      expect(listed.json.messages).toMatchObject([
        {
          key: message.key,
          reason: 'unreachable',
          status: 'parked',
          attempts: 0,
          kind: 'assignment.overdue',
        },
      ]);
      expect(
        (await apiAs(host, fixture.users.member)(`/api/bodies/${fixture.body.id}/outbox`)).status,
      ).toBe(403);
      expect((await head(`/api/bodies/${fixture.body.id}/outbox?status=sent`)).status).toBe(400);
    } finally {
      await host?.stop();
    }
  });
});
