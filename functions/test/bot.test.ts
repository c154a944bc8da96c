import { TableClient } from '@azure/data-tables';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import {
  helpCard,
  meetingListCard,
  assignmentListCard,
  personalOnlyCard,
  voteListCard,
  welcomeCard,
  type AdaptiveCard,
  type CardLinks,
} from '@qcdc/cards';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotHandler } from '../src/bot/bot-handler';
import { loadConfig } from '../src/config';
import { createServices } from '../src/create-services';
import type { DevHost } from '../src/dev/host';
import { createNodeHttpServer } from '../src/dev/node-http-server';
import { consoleLogger } from '../src/logger';
import { conversationKeys, TableConversationRepository } from '../src/store/conversation-store';
import { TABLES } from '../src/store/table-names';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
  type TestUser,
} from './support/api-harness';

/**
 * The bot end to end on the local host (same route table as production, real Azurite): real Bot
 * Framework activities are posted to /api/messages, and the replies arrive where Teams would take
 * them, at the activity's serviceUrl, here a stand-in Bot Connector speaking the v3 REST protocol.
 */

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** A stand-in Bot Connector: `POST /v3/conversations/{id}/activities` answers 201 `{ id }`. */
class ConnectorStandIn {
  readonly received: Received[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        this.received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        });
        if (
          req.method === 'POST' &&
          /^\/v3\/conversations\/[^/]+\/activities\/?$/.test(req.url ?? '')
        ) {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
          return;
        }
        res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The Adaptive Cards sent into one conversation, in order. */
  cardsSentTo(conversationId: string): AdaptiveCard[] {
    return this.sentTo(conversationId).flatMap((activity) =>
      ((activity.body.attachments as { contentType: string; content: AdaptiveCard }[]) ?? [])
        .filter(
          (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
        )
        .map((attachment) => attachment.content),
    );
  }

  sentTo(conversationId: string): Received[] {
    return this.received.filter((request) => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec(request.path);
      return request.method === 'POST' && match && decodeURIComponent(match[1]!) === conversationId;
    });
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const BOT_ID = '28:qcdc-bot-test';

interface ChatUser {
  tenantId: string;
  userId: string;
  displayName: string;
}

/** A personal chat between one person and the bot, as Teams describes it in activities. */
function personalChat(user: ChatUser, locale = 'vi-VN') {
  const conversationId = `a:${randomUUID()}`;
  const base = (serviceUrl: string) => ({
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale,
    from: { id: `29:${user.userId}`, name: user.displayName, aadObjectId: user.userId },
    recipient: { id: BOT_ID, name: 'QCDC' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
  });
  return {
    conversationId,
    installed: (serviceUrl: string) => ({
      ...base(serviceUrl),
      type: 'conversationUpdate',
      id: randomUUID(),
      membersAdded: [{ id: BOT_ID }, { id: `29:${user.userId}`, aadObjectId: user.userId }],
    }),
    installationUpdate: (serviceUrl: string) => ({
      ...base(serviceUrl),
      type: 'installationUpdate',
      id: randomUUID(),
      action: 'add',
    }),
    message: (serviceUrl: string, text: string, extra: Record<string, unknown> = {}) => ({
      ...base(serviceUrl),
      type: 'message',
      id: randomUUID(),
      text,
      textFormat: 'plain',
      ...extra,
    }),
    cardAction: (serviceUrl: string, verb: string, data: Record<string, unknown>) => ({
      ...base(serviceUrl),
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: randomUUID(),
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  };
}

let host: DevHost;
let connector: ConnectorStandIn;
let fixture: TestBody;
let links: CardLinks;
let upcoming: { title: string; startsAt: string; endsAt: string; location: string };
let conversations: TableClient;

async function post(
  activity: unknown,
  headers: Record<string, string> = {},
  baseUrl = host.baseUrl,
) {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

const inDays = (days: number, hour = 8) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour - 7, 0, 0, 0); // hh:00 Vietnam time
  return date.toISOString();
};

beforeAll(async () => {
  connector = new ConnectorStandIn();
  await connector.start();
  host = await startTestHost();
  links = { openAppUrl: `${host.baseUrl}/my-tasks` };
  fixture = await createTestBody();
  conversations = TableClient.fromConnectionString(host.storageConnection, TABLES.conversations, {
    allowInsecureConnection: true,
  });
  const secretary = apiAs(host, fixture.users.secretary);
  const meetingsPath = `/api/bodies/${fixture.body.id}/meetings`;
  upcoming = {
    title: 'Họp Ban Chỉ đạo: chuẩn bị đối thoại với Nhân dân',
    startsAt: inDays(5, 8),
    endsAt: inDays(5, 10),
    location: 'Hội trường UBND xã',
  };
  const later = {
    ...upcoming,
    title: 'Họp Ban Chỉ đạo sơ kết 6 tháng',
    startsAt: inDays(20, 14),
    endsAt: inDays(20, 16),
  };
  const past = {
    ...upcoming,
    title: 'Họp Ban Chỉ đạo tháng trước',
    startsAt: inDays(-30),
    endsAt: inDays(-30, 10),
  };
  // Created out of order: the card sorts by start time.
  for (const meeting of [later, past, upcoming]) {
    const response = await secretary(meetingsPath, {
      method: 'POST',
      body: meetingInput(fixture.users, meeting),
    });
    expect(response.status).toBe(201);
  }
});

afterAll(async () => {
  await host?.stop();
  await connector?.stop();
});

beforeEach(() => {
  connector.received.length = 0;
});

async function storedReference(partitionKey: string, rowKey: string) {
  try {
    return await conversations.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch {
    return null;
  }
}

describe('install', () => {
  it('stores the conversation reference and welcomes the person once, in Vietnamese', async () => {
    const user: TestUser = fixture.users.member;
    const chat = personalChat(user);
    const response = await post(chat.installed(connector.url));
    expect(response.status).toBe(200);

    const sent = connector.sentTo(chat.conversationId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      type: 'message',
      from: { id: BOT_ID },
      conversation: { id: chat.conversationId },
    });
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([welcomeCard('vi', links)]);

    const key = conversationKeys.personal(user.tenantId, user.userId);
    expect(await storedReference(key.partitionKey, key.rowKey)).toMatchObject({
      tenantId: user.tenantId,
      conversationId: chat.conversationId,
      conversationType: 'personal',
      serviceUrl: connector.url,
      channelId: 'msteams',
      botId: BOT_ID,
      userAadObjectId: user.userId,
      userId: `29:${user.userId}`,
      locale: 'vi',
    });

    // Teams also sends installationUpdate for the same install, and retries: no second welcome.
    expect((await post(chat.installationUpdate(connector.url))).status).toBe(200);
    expect((await post(chat.installed(connector.url))).status).toBe(200);
    expect(connector.sentTo(chat.conversationId)).toHaveLength(1);
  });

  it('welcomes in English when Teams says the person reads English', async () => {
    const chat = personalChat(fixture.users.observer, 'en-US');
    expect((await post(chat.installationUpdate(connector.url))).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([welcomeCard('en', links)]);
    const key = conversationKeys.personal(
      fixture.users.observer.tenantId,
      fixture.users.observer.userId,
    );
    expect(await storedReference(key.partitionKey, key.rowKey)).toMatchObject({ locale: 'en' });
  });

  it('keys a group chat by its conversation id and forgets it when the bot is removed', async () => {
    const chat = personalChat(fixture.users.head);
    const groupId = `19:${randomUUID()}@thread.v2`;
    const inGroup = (activity: Record<string, unknown>) => ({
      ...activity,
      conversation: {
        id: groupId,
        conversationType: 'groupChat',
        isGroup: true,
        tenantId: fixture.body.tenantId,
      },
    });
    expect((await post(inGroup(chat.installed(connector.url)))).status).toBe(200);
    expect(connector.cardsSentTo(groupId)).toEqual([welcomeCard('vi', links)]);
    const key = conversationKeys.conversation(fixture.body.tenantId, groupId);
    expect(key.partitionKey).toBe(`${fixture.body.tenantId}~${encodeURIComponent(groupId)}`);
    expect(await storedReference(key.partitionKey, key.rowKey)).toMatchObject({
      conversationId: groupId,
      conversationType: 'groupChat',
      userAadObjectId: '',
    });

    const removed = {
      ...inGroup(chat.installed(connector.url)),
      membersAdded: [],
      membersRemoved: [{ id: BOT_ID }],
    };
    expect((await post(removed)).status).toBe(200);
    expect(await storedReference(key.partitionKey, key.rowKey)).toBeNull();
  });
});

describe('commands', () => {
  it('"cuộc họp" lists the caller\'s upcoming meetings across their bodies, soonest first', async () => {
    const chat = personalChat(fixture.users.secretary);
    expect((await post(chat.message(connector.url, 'cuộc họp'))).status).toBe(200);
    const [card, ...others] = connector.cardsSentTo(chat.conversationId);
    expect(others).toEqual([]);
    expect(card).toEqual(
      meetingListCard(
        'vi',
        [
          { ...upcoming, bodyName: fixture.body.name, status: 'scheduled' },
          {
            title: 'Họp Ban Chỉ đạo sơ kết 6 tháng',
            bodyName: fixture.body.name,
            startsAt: inDays(20, 14),
            endsAt: inDays(20, 16),
            location: upcoming.location,
            status: 'scheduled',
          },
        ],
        { ...links, memberOfAnyBody: true, moreCount: 0 },
      ),
    );
    expect(JSON.stringify(card)).not.toContain('tháng trước');
  });

  it('"help" answers with the help card in English', async () => {
    const chat = personalChat(fixture.users.member);
    expect((await post(chat.message(connector.url, 'help'))).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([helpCard('en', links)]);
  });

  it('"viec cua toi" (no diacritics) lists the open tasks, overdue first', async () => {
    const { secretary, member } = fixture.users;
    const assign = (title: string, deadline: string) =>
      apiAs(host, secretary)(`/api/bodies/${fixture.body.id}/assignments`, {
        method: 'POST',
        body: { title, ownerId: member.userId, deadline },
      });
    expect((await assign('Tổng hợp kiến nghị của cử tri', '2099-12-20')).status).toBe(201);
    expect((await assign('Niêm yết công khai dự toán', '2099-12-10')).status).toBe(201);
    const chat = personalChat(member);
    expect((await post(chat.message(connector.url, 'viec cua toi'))).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([
      assignmentListCard(
        'vi',
        [
          {
            title: 'Niêm yết công khai dự toán',
            bodyName: fixture.body.name,
            deadline: '2099-12-10',
            status: 'open',
            overdue: false,
          },
          {
            title: 'Tổng hợp kiến nghị của cử tri',
            bodyName: fixture.body.name,
            deadline: '2099-12-20',
            status: 'open',
            overdue: false,
          },
        ],
        links,
      ),
    ]);
  });

  it('answers personal commands in a group chat with a privacy notice, not the data', async () => {
    const chat = personalChat(fixture.users.head);
    const groupId = `19:${randomUUID()}@thread.v2`;
    const message = {
      ...chat.message(connector.url, 'cuộc họp'),
      conversation: {
        id: groupId,
        conversationType: 'groupChat',
        isGroup: true,
        tenantId: fixture.body.tenantId,
      },
    };
    expect((await post(message)).status).toBe(200);
    expect(connector.cardsSentTo(groupId)).toEqual([personalOnlyCard('vi', 'cuộc họp')]);
  });

  it('"Biểu quyết" lists the open votes (none here) in a personal chat, never in a group', async () => {
    const chat = personalChat(fixture.users.member);
    expect((await post(chat.message(connector.url, 'Biểu quyết'))).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([voteListCard('vi', [], links)]);
    const groupId = `19:${randomUUID()}@thread.v2`;
    const inGroup = {
      ...chat.message(connector.url, 'biểu quyết'),
      conversation: {
        id: groupId,
        conversationType: 'groupChat',
        isGroup: true,
        tenantId: fixture.body.tenantId,
      },
    };
    expect((await post(inGroup)).status).toBe(200);
    expect(connector.cardsSentTo(groupId)).toEqual([personalOnlyCard('vi', 'biểu quyết')]);
  });

  it('a mention in a group chat is stripped before matching', async () => {
    const chat = personalChat(fixture.users.member);
    const activity = chat.message(connector.url, '<at>QCDC</at> trợ giúp', {
      entities: [
        { type: 'mention', text: '<at>QCDC</at>', mentioned: { id: BOT_ID, name: 'QCDC' } },
      ],
    });
    expect((await post(activity)).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([helpCard('vi', links)]);
  });

  it("anything else gets help in the activity's language", async () => {
    const chat = personalChat(fixture.users.member, 'en-GB');
    expect((await post(chat.message(connector.url, 'xin chào'))).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([helpCard('en', links)]);
  });

  it('someone in no body is told so, not shown an empty list', async () => {
    const chat = personalChat(fixture.outsider, 'en-US');
    expect((await post(chat.message(connector.url, 'meetings'))).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([
      meetingListCard('en', [], { ...links, memberOfAnyBody: false }),
    ]);
  });

  it('a message keeps the stored reference current (the locale changed)', async () => {
    const user = fixture.users.head;
    const chat = personalChat(user, 'vi-VN');
    await post(chat.installed(connector.url));
    const key = conversationKeys.personal(user.tenantId, user.userId);
    const before = await storedReference(key.partitionKey, key.rowKey);
    expect(before).toMatchObject({ locale: 'vi' });
    await post({ ...chat.message(connector.url, 'help'), locale: 'en-US' });
    const after = await storedReference(key.partitionKey, key.rowKey);
    expect(after).toMatchObject({ locale: 'en', installedAt: before!.installedAt });
    // Unchanged on the next message: no write (same etag).
    await post({ ...chat.message(connector.url, 'help'), locale: 'en-US' });
    expect((await storedReference(key.partitionKey, key.rowKey))!.etag).toBe(after!.etag);
  });

  it('a command typed in Vietnamese on an English client keeps the personal chat in Vietnamese, a group chat follows its client', async () => {
    const user = fixture.users.member;
    const chat = personalChat(user, 'en-US');
    await post(chat.installed(connector.url));
    const key = conversationKeys.personal(user.tenantId, user.userId);
    expect(await storedReference(key.partitionKey, key.rowKey)).toMatchObject({ locale: 'en' });
    await post({ ...chat.message(connector.url, 'việc của tôi'), locale: 'en-US' });
    expect(await storedReference(key.partitionKey, key.rowKey)).toMatchObject({ locale: 'vi' });
    // Text that is no command says nothing about the language: the client's locale stands.
    await post({ ...chat.message(connector.url, 'xin chào'), locale: 'en-US' });
    expect(await storedReference(key.partitionKey, key.rowKey)).toMatchObject({ locale: 'en' });

    const groupId = `19:${randomUUID()}@thread.v2`;
    const inGroup = (activity: Record<string, unknown>) => ({
      ...activity,
      conversation: {
        id: groupId,
        conversationType: 'groupChat',
        isGroup: true,
        tenantId: fixture.body.tenantId,
      },
    });
    await post(inGroup({ ...chat.installed(connector.url), locale: 'en-US' }));
    await post(inGroup({ ...chat.message(connector.url, 'trợ giúp'), locale: 'en-US' }));
    const group = conversationKeys.conversation(fixture.body.tenantId, groupId);
    expect(await storedReference(group.partitionKey, group.rowKey)).toMatchObject({ locale: 'en' });
  });

  it('a card button (Action.Execute) runs its command and acknowledges the invoke', async () => {
    const chat = personalChat(fixture.users.secretary, 'en-US');
    const response = await post(
      chat.cardAction(connector.url, 'qcdc.command', { command: 'meetings', locale: 'vi' }),
    );
    expect(response).toEqual({
      status: 200,
      json: {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Đã gửi.',
      },
    });
    const [card] = connector.cardsSentTo(chat.conversationId);
    expect(card?.lang).toBe('vi');
    expect(JSON.stringify(card)).toContain(upcoming.title);
  });

  it('the Action.Submit fallback (a message carrying the button data) works the same', async () => {
    const chat = personalChat(fixture.users.member);
    const activity = chat.message(connector.url, '', {
      value: { verb: 'qcdc.command', command: 'votes', locale: 'en' },
    });
    expect((await post(activity)).status).toBe(200);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([voteListCard('en', [], links)]);
  });

  it('refuses a body that is not a JSON activity', async () => {
    expect((await post('not json')).status).toBe(400);
    expect((await post('[1, 2]')).status).toBe(400);
    expect(connector.received).toEqual([]);
  });
});

/**
 * Production mode: the SDK validates the Bot Framework JWT. Login and the token issuer's keys are
 * stand-ins (the `cloud` override the SDK offers for sovereign clouds), so the real validation code
 * runs offline; outbound replies carry the bot's own token.
 */
describe('production auth (Bot Framework tokens)', () => {
  const CLIENT_ID = randomUUID();
  const TENANT_ID = randomUUID();
  let keys: Server;
  let botServer: Server;
  let botUrl = '';
  let signingKey: CryptoKey;
  let outboundToken = '';

  /** A token shaped like the Bot Connector's (iss api.botframework.com, aud = the bot, serviceurl). */
  const sign = (options: { key?: CryptoKey; audience?: string; serviceUrl?: string } = {}) =>
    new SignJWT({ serviceurl: options.serviceUrl ?? connector.url })
      .setProtectedHeader({ alg: 'RS256', kid: 'stand-in' })
      .setIssuer('https://api.botframework.com')
      .setAudience(options.audience ?? CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(options.key ?? signingKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    const jwk: JWK = {
      ...(await exportJWK(pair.publicKey)),
      kid: 'stand-in',
      use: 'sig',
      alg: 'RS256',
    };
    keys = createServer((req, res) => {
      res.writeHead(req.url === '/v1/.well-known/keys' ? 200 : 404, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    const keysUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
    outboundToken = await new SignJWT({ appid: CLIENT_ID })
      .setProtectedHeader({ alg: 'RS256' })
      .setAudience('https://api.botframework.com')
      .setExpirationTime('1h')
      .sign(signingKey);

    const log = consoleLogger(true);
    const services = createServices(
      loadConfig({ QCDC_STORAGE_CONNECTION: host.storageConnection }),
      { ...log, warn: () => {}, error: () => {} },
    );
    const handler = createBotHandler(services, {
      config: {
        auth: 'entra',
        clientId: CLIENT_ID,
        tenantId: TENANT_ID,
        openAppUrl: links.openAppUrl,
        cloud: withOverrides(PUBLIC, {
          loginEndpoint: keysUrl,
          openIdMetadataUrl: `${keysUrl}/v1/.well-known/openidconfiguration`,
        }),
        token: async () => outboundToken,
      },
      conversations: new TableConversationRepository(services.tables),
    });
    botServer = createNodeHttpServer({
      apiRoutes: [{ name: 'messages', methods: ['POST'], route: 'messages', handler }],
      rootRoutes: [],
      tabsDir: '/nonexistent',
      log,
    });
    await new Promise<void>((resolve) => botServer.listen(0, '127.0.0.1', resolve));
    botUrl = `http://127.0.0.1:${(botServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    botServer?.closeAllConnections();
    await new Promise((resolve) => botServer?.close(resolve));
    await new Promise((resolve) => keys?.close(resolve));
  });

  it('refuses an activity without a token, stores nothing and sends nothing', async () => {
    const user = { ...fixture.users.observer, userId: randomUUID() };
    const chat = personalChat(user);
    const response = await post(chat.installed(connector.url), {}, botUrl);
    expect(response.status).toBe(401);
    expect(connector.received).toEqual([]);
    const key = conversationKeys.personal(user.tenantId, user.userId);
    expect(await storedReference(key.partitionKey, key.rowKey)).toBeNull();
  });

  it('refuses a token signed by another key, for another bot, or for another service URL', async () => {
    const chat = personalChat(fixture.users.member);
    const stranger = (await generateKeyPair('RS256')).privateKey;
    for (const token of [
      await sign({ key: stranger }),
      await sign({ audience: 'another-bot' }),
      await sign({ serviceUrl: 'https://smba.example.invalid/' }),
    ]) {
      const response = await post(
        chat.message(connector.url, 'help'),
        { authorization: `Bearer ${token}` },
        botUrl,
      );
      expect(response.status).toBe(401);
    }
    expect(connector.received).toEqual([]);
  });

  it("accepts a valid Bot Framework token and replies with the bot's own token", async () => {
    const chat = personalChat(fixture.users.member);
    const token = await sign();
    const response = await post(
      chat.message(connector.url, 'trợ giúp'),
      { authorization: `Bearer ${token}` },
      botUrl,
    );
    expect(response.status).toBe(200);
    const [reply] = connector.sentTo(chat.conversationId);
    expect(reply?.headers.authorization).toBe(`Bearer ${outboundToken}`);
    expect(connector.cardsSentTo(chat.conversationId)).toEqual([helpCard('vi', links)]);
  });
});
