import { TableClient } from '@azure/data-tables';
import type { Clock, ReminderMessage } from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadGraphConfig } from '../src/graph/graph-config';
import { createGraphServices, type GraphServices } from '../src/graph/graph-services';
import { runOutboxDispatch, type DispatchDeps } from '../src/jobs/outbox-dispatcher';
import type { Logger } from '../src/logger';
import { BotConnectorSender } from '../src/notify/bot-connector-sender';
import type { BotTokenProvider } from '../src/notify/bot-token-provider';
import { TableConversationDirectory } from '../src/notify/conversation-directory';
import { SendRateLimiter } from '../src/notify/rate-limiter';
import { conversationKeys } from '../src/store/conversation-store';
import { CountingTableClient } from '../src/store/counting-table-client';
import {
  NotificationSettingsStore,
  notificationSettingsKeys,
} from '../src/store/notification-settings-store';
import { channelKey, OutboxStore, type OutboxMessage } from '../src/store/outbox-store';
import { TABLES } from '../src/store/table-names';
import { connectionStringTables } from '../src/store/table-client-factory';
import { apiAs, createTestBody, type TestUser } from './support/api-harness';
import {
  startBotConnectorStandIn,
  type BotConnectorStandIn,
} from './support/bot-connector-stand-in';
import { standInUser, startGraphTestHost } from './support/graph-stand-in';

const TOKEN = 'test-bot-token';
const tokens: BotTokenProvider = { getToken: async () => TOKEN, invalidate: () => undefined };
const warnings: { message: string; data?: Record<string, unknown> }[] = [];
const log: Logger = {
  info: () => undefined,
  warn: (message, data) => warnings.push({ message, data }),
  error: () => undefined,
};

let env: Awaited<ReturnType<typeof startGraphTestHost>>;
let connector: BotConnectorStandIn;
let graph: GraphServices;

beforeAll(async () => {
  [env, connector] = await Promise.all([
    startGraphTestHost(),
    startBotConnectorStandIn({ requireToken: TOKEN }),
  ]);
  // Built from configuration as production builds it, pointed at the stand-in.
  const config = loadGraphConfig({
    QCDC_GRAPH_MODE: 'standIn',
    QCDC_DEV_AUTH: 'enabled',
    QCDC_GRAPH_CLIENT_ID: env.standIn.app.clientId,
    QCDC_GRAPH_CLIENT_SECRET: env.standIn.app.clientSecret,
    QCDC_GRAPH_AUTHORITY_HOST: env.standIn.origin,
    QCDC_GRAPH_BASE_URL: env.standIn.origin,
  })!;
  graph = createGraphServices(config, connectionStringTables(inject('storageConnection')), log);
});
afterAll(async () => {
  await Promise.all([env?.stop(), connector?.close()]);
});

const OPEN_APP_URL = 'https://teams.microsoft.com/l/entity/qcdc-app/my-tasks';

/** Outbox and conversations of its own (the host's timers never see them); the host's settings. */
async function rig() {
  const connection = inject('storageConnection');
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const client = (name: string) =>
    TableClient.fromConnectionString(connection, name, { allowInsecureConnection: true });
  const outboxTable = client(`outboxfeed${suffix}`);
  const conversations = client(`convfeed${suffix}`);
  await Promise.all([outboxTable.createTable(), conversations.createTable()]);
  const outbox = new OutboxStore(new CountingTableClient(outboxTable));
  const settingsTable = client(TABLES.notificationSettings);
  const settings = new NotificationSettingsStore(new CountingTableClient(settingsTable));
  const test = await createTestBody();
  for (const user of Object.values(test.users)) env.standIn.addUser(standInUser(user));
  let now = new Date('2031-05-06T01:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  return {
    test,
    outbox,
    settingsTable,
    clock,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    deps: (overrides: Partial<DispatchDeps> = {}): DispatchDeps => ({
      outbox,
      directory: new TableConversationDirectory(new CountingTableClient(conversations)),
      sender: new BotConnectorSender({ tokens, requestTimeoutMs: 400 }),
      activityFeed: graph.activityFeed,
      settings,
      limiter: new SendRateLimiter(),
      clock,
      log,
      links: { openAppUrl: OPEN_APP_URL },
      random: () => 0.5,
      options: { quickBackoffMs: 20, requeueBackoffMs: 1_000 },
      ...overrides,
    }),
    /** The person's 1:1 conversation with the bot, at the Bot Connector stand-in. */
    async converse(user: TestUser) {
      const conversationId = `a:${randomUUID()}`;
      await conversations.upsertEntity({
        ...conversationKeys.personal(user.tenantId, user.userId),
        tenantId: user.tenantId,
        conversationId,
        conversationType: 'personal',
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        botId: '28:bot',
        userAadObjectId: user.userId,
        locale: 'vi',
      });
      return conversationId;
    },
    message(user: TestUser, reminder?: Partial<ReminderMessage>): OutboxMessage {
      const message: ReminderMessage = {
        kind: 'assignment.upcoming',
        subject: { kind: 'title', text: 'Báo cáo sơ kết 6 tháng' },
        deadline: '2031-05-09',
        daysLeft: 3,
        ...reminder,
      };
      return {
        key: `assignment:${randomUUID()}:2031-05-09:up-3:${user.userId}`,
        tenantId: user.tenantId,
        bodyId: test.body.id,
        recipientId: user.userId,
        dueAt: now.toISOString(),
        message,
        subject: {
          type: message.kind === 'minutes.awaitingApproval' ? 'meeting' : 'assignment',
          tenantId: user.tenantId,
          bodyId: test.body.id,
          id: randomUUID(),
        },
      };
    },
  };
}

async function choose(user: TestUser, channel: string) {
  return apiAs(env.host, user)('/api/me/notification-settings', {
    method: 'PUT',
    body: { channel },
  });
}

const chatFor = (key: string) =>
  connector.deliveries.filter((d) => d.activityKey === key || d.headerKey === key);
const chatStartingWith = (key: string) =>
  connector.deliveries.filter((d) => String(d.headerKey ?? '').startsWith(key));
const feedFor = (user: TestUser) =>
  env.standIn.notifications.filter((n) => n.tenantId === user.tenantId && n.userId === user.userId);

describe('outbox dispatcher: chat, activity feed or both, per person (Azurite + stand-ins)', () => {
  it('activityFeed: exactly one activity notification and no chat message', async () => {
    const r = await rig();
    const user = r.test.users.member;
    await r.converse(user);
    const chosen = await choose(user, 'activityFeed');
    expect(chosen.status).toBe(200);
    expect(chosen.json.settings.channel).toBe('activityFeed');
    const message = r.message(user);
    await r.outbox.enqueue(message, r.clock.now());
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 1, split: 0, parked: 0 });
    expect(chatStartingWith(message.key)).toHaveLength(0);
    const feed = feedFor(user);
    expect(feed).toHaveLength(1);
    expect(feed[0]?.body).toMatchObject({
      activityType: 'taskReminder',
      topic: { source: 'text', value: 'QCDC', webUrl: OPEN_APP_URL },
      templateParameters: [{ name: 'taskTitle', value: '“Báo cáo sơ kết 6 tháng”' }],
    });
    expect(String((feed[0]?.body.previewText as { content: string }).content)).toContain(
      '09/05/2031',
    );
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'sent', attempts: 1 });
    // Sent once: later runs send nothing on either channel.
    r.advance(60 * 60_000);
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 0, attempts: 0 });
    expect(feedFor(user)).toHaveLength(1);
  });

  it('an approval request goes to the feed as approvalRequested, linked to the meeting panel', async () => {
    const r = await rig();
    const user = r.test.users.head;
    expect((await choose(user, 'activityFeed')).status).toBe(200);
    // No conversation with the bot: the feed does not need one.
    const message = r.message(user, {
      kind: 'minutes.awaitingApproval',
      subject: { kind: 'title', text: 'Họp quý II' },
      startsAt: '2031-05-05T01:00:00.000Z',
    });
    await r.outbox.enqueue(message, r.clock.now());
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 1, parked: 0 });
    const [notification] = feedFor(user);
    expect(notification?.body).toMatchObject({
      activityType: 'approvalRequested',
      templateParameters: [{ name: 'itemTitle', value: '“Họp quý II”' }],
    });
    const webUrl = (notification?.body.topic as { webUrl: string }).webUrl;
    expect(new URL(webUrl).searchParams.get('context')).toContain(
      `/meetings/${r.test.body.id}/${message.subject.id}/panel`,
    );
  });

  it('both: one chat message and one activity notification, each with its own key', async () => {
    const r = await rig();
    const user = r.test.users.secretary;
    await r.converse(user);
    expect((await choose(user, 'both')).status).toBe(200);
    const message = r.message(user);
    await r.outbox.enqueue(message, r.clock.now());
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ split: 1, sent: 2, parked: 0 });
    expect(chatStartingWith(message.key)).toHaveLength(1);
    expect(chatFor(channelKey(message.key, 'chat'))).toHaveLength(1);
    expect(feedFor(user)).toHaveLength(1);
    expect(await r.outbox.getMessage(message.key)).toMatchObject({ status: 'split' });
    expect(await r.outbox.getMessage(channelKey(message.key, 'chat'))).toMatchObject({
      status: 'sent',
      channel: 'chat',
    });
    expect(await r.outbox.getMessage(channelKey(message.key, 'feed'))).toMatchObject({
      status: 'sent',
      channel: 'feed',
    });
    // Enqueuing the same reminder again is still one message.
    expect(await r.outbox.enqueue(message, r.clock.now())).toBe('exists');
  });

  it('both: a failing feed is retried on its own; the chat message is never resent', async () => {
    const r = await rig();
    const user = r.test.users.observer;
    await r.converse(user);
    expect((await choose(user, 'both')).status).toBe(200);
    env.standIn.inject({
      method: 'POST',
      path: new RegExp(`/users/${user.userId}/teamwork/sendActivityNotification$`),
      times: 9,
      status: 503,
    });
    const message = r.message(user);
    await r.outbox.enqueue(message, r.clock.now());
    const first = await runOutboxDispatch(r.deps());
    expect(first).toMatchObject({ split: 1, sent: 1, requeued: 1 });
    expect(chatStartingWith(message.key)).toHaveLength(1);
    expect(feedFor(user)).toHaveLength(0);
    expect(await r.outbox.getMessage(channelKey(message.key, 'feed'))).toMatchObject({
      status: 'pending',
      attempts: 3,
    });
    r.advance(10 * 60_000);
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 1, split: 0 });
    expect(feedFor(user)).toHaveLength(1);
    expect(chatStartingWith(message.key)).toHaveLength(1);
  });

  it('default (never chosen): chat only', async () => {
    const r = await rig();
    const user = r.test.users.member;
    await r.converse(user);
    const read = await apiAs(env.host, user)('/api/me/notification-settings');
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      settings: { channel: 'chat', updatedAt: '' },
      activityFeedAvailable: true,
    });
    const message = r.message(user);
    await r.outbox.enqueue(message, r.clock.now());
    expect(await runOutboxDispatch(r.deps())).toMatchObject({ sent: 1, split: 0 });
    expect(chatFor(message.key)).toHaveLength(1);
    expect(feedFor(user)).toHaveLength(0);
  });

  it('without Graph, activityFeed falls back to chat with a logged warning', async () => {
    const r = await rig();
    const user = r.test.users.head;
    await r.converse(user);
    expect((await choose(user, 'both')).status).toBe(200);
    const message = r.message(user);
    await r.outbox.enqueue(message, r.clock.now());
    const before = warnings.length;
    expect(await runOutboxDispatch(r.deps({ activityFeed: undefined }))).toMatchObject({
      sent: 1,
      split: 0,
    });
    expect(chatFor(message.key)).toHaveLength(1);
    expect(feedFor(user)).toHaveLength(0);
    expect(warnings.slice(before).map((w) => w.message)).toContainEqual(
      expect.stringContaining('Graph is not configured'),
    );
  });

  it('an invalid setting is refused with 400 and nothing is stored', async () => {
    const r = await rig();
    const user = r.test.users.member;
    const api = apiAs(env.host, user);
    for (const body of [{ channel: 'email' }, { channel: 'chat', extra: true }, {}, 'chat']) {
      const refused = await api('/api/me/notification-settings', { method: 'PUT', body });
      expect(refused.status).toBe(400);
      expect(refused.json.error.code).toBe('VALIDATION.FAILED');
    }
    await expect(
      r.settingsTable.getEntity(
        notificationSettingsKeys.partition(user.tenantId, user.userId),
        'settings',
      ),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect((await api('/api/me/notification-settings')).json.settings).toEqual({
      channel: 'chat',
      updatedAt: '',
    });
    // A valid choice is stored, keyed tenant~user, and read back.
    expect((await choose(user, 'both')).status).toBe(200);
    expect((await api('/api/me/notification-settings')).json.settings.channel).toBe('both');
  });
});
