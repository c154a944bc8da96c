import { odata, TableClient } from '@azure/data-tables';
import { VOTE_VERBS, type VoteCard, type VoteVerb } from '@qcdc/cards';
import { errorMessage, type Member } from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { DirectoryUser } from '../src/auth/dev-issuer';
import { loadConfig } from '../src/config';
import { createServices } from '../src/create-services';
import type { DevHost } from '../src/dev/host';
import { consoleLogger } from '../src/logger';
import { TableTeamsMeetingLinks } from '../src/graph/teams-meeting-links';
import type { SendOutcome } from '../src/notify/proactive-sender';
import type { SharedCardConnector } from '../src/notify/shared-card-connector';
import { SharedCardThrottle, type ThrottleClock } from '../src/notify/shared-card-throttle';
import { VoteCardPublisher } from '../src/notify/vote-card-publisher';
import { SharedVoteCardStore } from '../src/store/vote-shared-card-store';
import { TableVoteRepository } from '../src/store/vote-store';
import { meetingChatIdOf } from '../src/notify/vote-card-target';
import { TableConversationRepository } from '../src/store/conversation-store';
import { connectionStringTables } from '../src/store/table-client-factory';
import { TABLES } from '../src/store/table-names';
import { addMembersForTesting } from '../src/store/vote-seed';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
} from './support/api-harness';
import { snapshotBody } from './support/storage-snapshot';

/**
 * The vote card in chat at the invoke level on the local host (the Agents Playground does no
 * per-user refresh): `adaptiveCard/action` invokes as Teams sends them are posted to /api/messages,
 * the answers (the card Teams shows the clicking user) and storage are asserted. A connector
 * stand-in records what the bot posts and edits in the meeting chat.
 */

const BOT_ID = '28:qcdc-bot-test';
const CROWD = 100;

interface Sent {
  method: string;
  conversationId: string;
  activityId: string | null;
  /** The id the stand-in answered with (a post's new message id). */
  answeredId: string;
  activity: Record<string, unknown>;
}

/** The Bot Connector's wire protocol for posts and edits (the shared stand-in only posts). */
async function startConnector() {
  const sent: Sent[] = [];
  let next = 0;
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(
        request.url ?? '',
      );
      if (!match) {
        response.writeHead(404).end();
        return;
      }
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
        string,
        unknown
      >;
      const activityId = match[2] ? decodeURIComponent(match[2]) : null;
      const answeredId = activityId ?? `act-${++next}`;
      sent.push({
        method: request.method ?? '',
        conversationId: decodeURIComponent(match[1]!),
        activityId,
        answeredId,
        activity,
      });
      response.writeHead(request.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json',
      });
      response.end(JSON.stringify({ id: answeredId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let host: DevHost;
let connector: Awaited<ReturnType<typeof startConnector>>;
let fixture: TestBody;
let other: TestBody;
let crowd: DirectoryUser[];
const tables = () => connectionStringTables(inject('storageConnection'));

beforeAll(async () => {
  connector = await startConnector();
  host = await startTestHost();
  [fixture, other] = await Promise.all([createTestBody(), createTestBody()]);
  crowd = Array.from({ length: CROWD }, (_, i) => ({
    tenantId: fixture.body.tenantId,
    userId: randomUUID(),
    displayName: `Cán bộ ${i + 1}`,
    title: 'Công chức',
    email: `cb${i}@example.gov.vn`,
  }));
  await addMembersForTesting(
    tables(),
    fixture.body,
    crowd.map((user): Member => ({
      tenantId: user.tenantId,
      bodyId: fixture.body.id,
      userId: user.userId,
      displayName: user.displayName,
      title: user.title,
      roles: ['member'],
    })),
  );
});

afterAll(async () => {
  await host?.stop();
  await connector?.close();
});

const meetingsPath = (body = fixture) => `/api/bodies/${body.body.id}/meetings`;

/** A meeting in progress, everyone present (the crowd too when `withCrowd`). */
async function runningMeeting(withCrowd = false) {
  const { head, secretary, member } = fixture.users;
  const created = await apiAs(host, secretary)(meetingsPath(), {
    method: 'POST',
    body: meetingInput(fixture.users),
  });
  expect(created.status).toBe(201);
  const meeting = created.json.meeting as { id: string; version: number };
  const started = await apiAs(host, head)(`${meetingsPath()}/${meeting.id}/transitions`, {
    method: 'POST',
    body: { transition: 'start', version: meeting.version },
  });
  expect(started.status).toBe(200);
  const people = [head, secretary, member, ...(withCrowd ? crowd : [])];
  for (let i = 0; i < people.length; i += 90) {
    const marked = await apiAs(host, secretary)(`${meetingsPath()}/${meeting.id}/attendance`, {
      method: 'PUT',
      body: {
        marks: people.slice(i, i + 90).map((p) => ({ userId: p.userId, status: 'present' })),
      },
    });
    expect(marked.status).toBe(200);
  }
  return meeting.id;
}

async function openVote(
  meetingId: string,
  input: Record<string, unknown>,
  segment: 'motions' | 'elections' = 'motions',
) {
  const path = `${meetingsPath()}/${meetingId}/${segment}`;
  // The crowd makes the body large: votes of the small meetings open without the meeting quorum.
  const created = await apiAs(host, fixture.users.secretary)(path, {
    method: 'POST',
    body: { quorum: 'none', ...input },
  });
  expect(created.status).toBe(201);
  const id = (created.json.motion ?? created.json.election).id as string;
  const opened = await apiAs(host, fixture.users.head)(`${path}/${id}/open`, { method: 'POST' });
  expect(opened.status).toBe(200);
  return { id, path: `${path}/${id}`, keys: { bodyId: fixture.body.id, meetingId, motionId: id } };
}

/** An `adaptiveCard/action` invoke from `user`, as Teams sends it. */
function invoke(
  user: DirectoryUser,
  verb: VoteVerb,
  data: Record<string, unknown>,
  options: { locale?: string; conversationId?: string } = {},
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'vi-VN',
    from: { id: `29:${user.userId}`, name: user.displayName, aadObjectId: user.userId },
    recipient: { id: BOT_ID, name: 'QCDC' },
    conversation: {
      id: options.conversationId ?? `a:${user.userId}`,
      conversationType: 'personal',
      tenantId: user.tenantId,
    },
    channelData: { tenant: { id: user.tenantId } },
    value: {
      action: { type: 'Action.Execute', verb, data },
      trigger: verb === VOTE_VERBS.refresh ? 'automatic' : 'manual',
    },
  };
}

async function post(activity: unknown) {
  const response = await fetch(`${host.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: (text ? JSON.parse(text) : null) as {
      statusCode: number;
      type: string;
      value: VoteCard & { code: string; message: string };
    } | null,
  };
}

/** The card answered to an invoke (fails the test on an error answer). */
async function cardOf(activity: unknown): Promise<VoteCard> {
  const answer = await post(activity);
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
  });
  return answer.json!.value;
}

const errorAnswer = (code: string, message: string = expect.any(String) as unknown as string) => ({
  status: 200,
  json: {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code, message, innerHttpError: { statusCode: 400, body: null } },
  },
});

/** Every Action.Execute of a card, wherever it sits (card actions, ActionSets, refresh). */
function executeActions(node: unknown, found: Record<string, unknown>[] = []) {
  if (Array.isArray(node)) for (const item of node) executeActions(item, found);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute') found.push(record);
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'fallback') executeActions(value, found);
    }
  }
  return found;
}

/** The data of the card's button titled `title` (what Teams would send on a click). */
function buttonData(card: VoteCard, title: string): Record<string, unknown> {
  const button = executeActions(card.body).find((action) => action.title === title);
  expect(button, `no button "${title}"`).toBeDefined();
  return button!.data as Record<string, unknown>;
}

const text = (card: unknown) => JSON.stringify(card);

/** Every row of the fixture body's vote partitions and body rows, with etags. */
async function snapshot(): Promise<string[]> {
  const prefix = `${fixture.body.tenantId}~${fixture.body.id}`;
  const client = TableClient.fromConnectionString(inject('storageConnection'), TABLES.votes, {
    allowInsecureConnection: true,
  });
  const rows: string[] = [];
  for await (const entity of client.listEntities({
    queryOptions: { filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix}~~`}` },
  })) {
    rows.push(`${entity.partitionKey}/${entity.rowKey}@${entity.etag}`);
  }
  return [...rows.sort(), ...(await snapshotBody(fixture.body.tenantId, fixture.body.id))];
}

const getVote = (path: string, user: DirectoryUser) => apiAs(host, user)(path);

describe('refresh: per-user views', () => {
  it('the chair sees turnout and close, a voter the choices, an observer read-only', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(meetingId, { question: 'Thông qua kế hoạch năm 2027' });
    const { head, member, observer } = fixture.users;

    const chair = await cardOf(invoke(head, VOTE_VERBS.refresh, vote.keys));
    expect(text(chair)).toContain('Thông qua kế hoạch năm 2027');
    expect(text(chair)).toContain('Đã bỏ phiếu: 0/3');
    expect(chair.actions?.[0]).toMatchObject({
      title: 'Kết thúc biểu quyết',
      verb: VOTE_VERBS.close,
    });
    // The chair is present, so also a voter: their own choice buttons.
    expect(executeActions(chair.body).map((a) => a.title)).toEqual([
      'Tán thành',
      'Không tán thành',
      'Không biểu quyết',
    ]);

    const voter = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys, { locale: 'en-US' }));
    expect(buttonData(voter, 'Tán thành')).toMatchObject({
      ...vote.keys,
      voter: member.userId,
      choice: 'for',
      submissionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(voter.actions ?? []).not.toContainEqual(
      expect.objectContaining({ verb: VOTE_VERBS.close }),
    );
    expect(text(voter)).toContain('Your choice:');
    // A click answers in the card's language, whatever the activity says.
    const english = await cardOf(invoke(member, VOTE_VERBS.cast, buttonData(voter, 'Tán thành')));
    expect(text(english)).toContain('You chose: Tán thành');

    const watcher = await cardOf(invoke(observer, VOTE_VERBS.refresh, vote.keys));
    expect(text(watcher)).toContain('Bạn không có trong danh sách biểu quyết lần này');
    expect(executeActions(watcher.body)).toEqual([]);
    expect(executeActions(watcher.actions ?? [])).toEqual([]);
    // The refresh reaches the chair, the secretary, then the voters still to cast (the member has
    // cast by now, but the chair's view was rendered before).
    expect(chair.refresh.userIds).toEqual([
      head.userId,
      fixture.users.secretary.userId,
      member.userId,
    ]);
    const after = await cardOf(invoke(head, VOTE_VERBS.refresh, vote.keys));
    expect(after.refresh.userIds).toEqual([head.userId, fixture.users.secretary.userId]);
    expect(text(after)).toContain('Đã bỏ phiếu: 1/3');
  });
});

describe('casting from the card', () => {
  it('open ballot: the refreshed view shows the recorded choice; a duplicated invoke records one ballot', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(meetingId, { question: 'Biểu quyết công khai', method: 'open' });
    const { member, head } = fixture.users;
    const view = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys));
    const click = invoke(member, VOTE_VERBS.cast, buttonData(view, 'Không tán thành'));

    const answered = await cardOf(click);
    expect(text(answered)).toContain('Bạn đã chọn: Không tán thành');
    const stored = await getVote(vote.path, member);
    expect(stored.json.myBallot).toMatchObject({ status: 'voted', marks: ['against'] });
    expect(stored.json.turnout).toEqual({ voted: 1, eligible: 3 });

    // Teams retries: the same activity, and the same data under a new activity id.
    const before = await snapshot();
    expect(text(await cardOf(click))).toContain('Bạn đã chọn: Không tán thành');
    expect(text(await cardOf({ ...click, id: randomUUID() }))).toContain(
      'Bạn đã chọn: Không tán thành',
    );
    expect(await snapshot()).toEqual(before);
    expect((await getVote(vote.path, head)).json.turnout).toEqual({ voted: 1, eligible: 3 });

    const refreshed = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys));
    expect(text(refreshed)).toContain('Bạn đã chọn: Không tán thành');
  });

  it('secret ballot: "Đã bỏ phiếu" only; concurrent duplicates record one ballot', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(meetingId, { question: 'Bỏ phiếu kín', method: 'secret' });
    const { member, head } = fixture.users;
    const view = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys));
    const click = invoke(member, VOTE_VERBS.cast, buttonData(view, 'Tán thành'));
    const answers = await Promise.all([
      post(click),
      post(click),
      post({ ...click, id: randomUUID() }),
    ]);
    for (const answer of answers) {
      expect(answer.json?.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(text(answer.json?.value)).toContain('"Đã bỏ phiếu"');
      expect(text(answer.json?.value)).not.toContain('Bạn đã chọn');
    }
    const stored = await getVote(vote.path, member);
    expect(stored.json.myBallot).toEqual({
      eligible: true,
      status: 'voted',
      castAt: expect.any(String),
    });
    expect(stored.json.turnout).toEqual({ voted: 1, eligible: 3 });

    // A different choice from a fresh view of the same voter is refused: one ballot per voter.
    const again = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys));
    expect(executeActions(again.body)).toEqual([]);
    const second = await post(
      invoke(member, VOTE_VERBS.cast, {
        ...buttonData(view, 'Không tán thành'),
        submissionId: randomUUID(),
      }),
    );
    expect(second).toEqual(errorAnswer('VOTE.ALREADY_CAST'));

    const closed = await cardOf(invoke(head, VOTE_VERBS.close, vote.keys));
    expect(text(closed)).toContain('{"title":"Tán thành","value":"1"}');
    expect(text(closed)).toContain('{"title":"Số phiếu hợp lệ","value":"1"}');
  });

  it('an election: the marked candidates, at most N of them', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(
      meetingId,
      {
        question: 'Bầu tổ trưởng',
        seats: 1,
        candidates: [
          { name: 'Nguyễn Văn An' },
          { name: 'Lê Thị Bình' },
          { name: 'Trần Văn Cường' },
        ],
        method: 'open',
      },
      'elections',
    );
    const { member } = fixture.users;
    const view = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys));
    const data = buttonData(view, 'Bỏ phiếu');
    const tooMany = await post(invoke(member, VOTE_VERBS.cast, { ...data, marks: 'c1,c2' }));
    expect(tooMany).toEqual(
      errorAnswer(
        'ELECTION.TOO_MANY_MARKS',
        errorMessage('vi', 'ELECTION.TOO_MANY_MARKS', { max: 1 }),
      ),
    );
    const cast = await cardOf(invoke(member, VOTE_VERBS.cast, { ...data, marks: 'c2' }));
    expect(text(cast)).toContain('Bạn đã chọn: Lê Thị Bình');
  });

  it('the Action.Submit fallback casts the same way and answers in the chat', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(meetingId, { question: 'Biểu quyết qua Action.Submit' });
    const { member } = fixture.users;
    const view = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys));
    const conversationId = `a:${randomUUID()}`;
    const activity = invoke(member, VOTE_VERBS.cast, {}, { conversationId });
    const message = {
      ...activity,
      type: 'message',
      name: undefined,
      text: '',
      value: { ...buttonData(view, 'Tán thành'), verb: VOTE_VERBS.cast },
    };
    expect((await post(message)).status).toBe(200);
    expect((await getVote(vote.path, member)).json.myBallot).toMatchObject({ marks: ['for'] });
    const reply = connector.sent.filter((s) => s.conversationId === conversationId).at(-1);
    expect(text(reply?.activity)).toContain('Bạn đã chọn: Tán thành');
  });
});

describe('refused casts change nothing', () => {
  it('after the close, not on the roster, another tenant, someone else’s view, bad data', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(meetingId, { question: 'Biểu quyết rồi kết thúc' });
    const { member, head, observer } = fixture.users;
    const view = await cardOf(invoke(member, VOTE_VERBS.refresh, vote.keys));
    const data = buttonData(view, 'Tán thành');
    const watcherView = await cardOf(invoke(observer, VOTE_VERBS.mine, vote.keys));
    expect(executeActions(watcherView.body)).toEqual([]);

    const closed = await post(invoke(head, VOTE_VERBS.close, vote.keys));
    expect(text(closed.json?.value)).toContain('Kết quả:');
    const before = await snapshot();
    expect(await post(invoke(member, VOTE_VERBS.cast, data))).toEqual(
      errorAnswer('VOTE.CLOSED', errorMessage('vi', 'VOTE.CLOSED', { status: 'closed' })),
    );
    expect(await snapshot()).toEqual(before);

    // The observer forges a cast with their own id on it: not on the roster.
    const open = await openVote(meetingId, { question: 'Biểu quyết thứ hai' });
    const beforeSecond = await snapshot();
    const forged = {
      ...buttonData(await cardOf(invoke(member, VOTE_VERBS.refresh, open.keys)), 'Tán thành'),
    };
    expect(
      await post(invoke(observer, VOTE_VERBS.cast, { ...forged, voter: observer.userId })),
    ).toEqual(errorAnswer('VOTE.NOT_ELIGIBLE'));
    // Someone else's view (a forwarded card): refused before anything is read.
    expect(await post(invoke(fixture.users.secretary, VOTE_VERBS.cast, forged))).toEqual(
      errorAnswer('PERMISSION.DENIED'),
    );
    // Another tenant's user with this tenant's keys: the vote does not exist for them.
    const stranger = other.users.member;
    expect(
      await post(invoke(stranger, VOTE_VERBS.cast, { ...forged, voter: stranger.userId })),
    ).toEqual(errorAnswer('VOTE.NOT_FOUND'));
    expect(await post(invoke(stranger, VOTE_VERBS.refresh, open.keys))).toEqual(
      errorAnswer('BODY.NOT_FOUND'),
    );
    // Malformed data.
    for (const bad of [
      { ...forged, submissionId: 'not-a-uuid' },
      { ...forged, motionId: '../x' },
      { bodyId: 1 },
      { ...forged, choice: undefined, marks: 'x'.repeat(3000) },
    ]) {
      expect(await post(invoke(member, VOTE_VERBS.cast, bad))).toEqual(
        errorAnswer('VALIDATION.FAILED'),
      );
    }
    expect(await post(invoke(member, VOTE_VERBS.close, forged))).toEqual(
      errorAnswer('PERMISSION.DENIED'),
    );
    expect(await snapshot()).toEqual(beforeSecond);
  });
});

/** Links the meeting to a Teams meeting whose chat the bot is in (stored reference). */
async function linkMeetingChat(meetingId: string, serviceUrl = connector.serviceUrl) {
  const chatId = `19:meeting_${randomUUID().replace(/-/g, '')}@thread.v2`;
  const services = createServices(
    loadConfig({ QCDC_STORAGE_CONNECTION: host.storageConnection }),
    consoleLogger(true),
  );
  await new TableTeamsMeetingLinks(services.tables).saveLink({
    tenantId: fixture.body.tenantId,
    bodyId: fixture.body.id,
    meetingId,
    onlineMeetingId: randomUUID(),
    organizerId: fixture.users.head.userId,
    joinWebUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=%7B%7D`,
    linkedAt: new Date().toISOString(),
    linkedBy: fixture.users.head.userId,
  });
  const now = new Date().toISOString();
  await new TableConversationRepository(services.tables).saveInstalled({
    tenantId: fixture.body.tenantId,
    conversationId: chatId,
    conversationType: 'groupChat',
    serviceUrl,
    channelId: 'msteams',
    botId: BOT_ID,
    locale: 'vi',
    installedAt: now,
    updatedAt: now,
  });
  return { chatId, services };
}

describe('the shared card in the meeting chat', () => {
  it('posted at opening (refresh ≤ 60), casts coalesced, the close edits it once for everyone', async () => {
    const meetingId = await runningMeeting(true);
    const { chatId } = await linkMeetingChat(meetingId);

    const vote = await openVote(meetingId, { question: 'Thông qua dự toán năm 2027' });
    const inChat = () => connector.sent.filter((s) => s.conversationId === chatId);
    expect(inChat()).toHaveLength(1);
    const [posted] = inChat();
    expect(posted!.method).toBe('POST');
    const shared = (posted!.activity.attachments as { content: VoteCard }[])[0]!.content;
    const { head, secretary } = fixture.users;
    expect(shared.refresh.userIds).toHaveLength(60);
    expect(shared.refresh.userIds.slice(0, 2)).toEqual([head.userId, secretary.userId]);
    expect(text(shared)).toContain('Đã bỏ phiếu: 0/103');
    expect(shared.actions?.[0]).toMatchObject({ title: 'Mở phiếu của tôi', verb: VOTE_VERBS.mine });
    expect(executeActions(shared.body)).toEqual([]);

    // Opening again (a retried request) posts nothing more.
    expect((await apiAs(host, head)(`${vote.path}/open`, { method: 'POST' })).status).toBe(200);
    expect(inChat()).toHaveLength(1);

    // Someone outside the refresh list opens their ballot from the shared card.
    const late = crowd.find((user) => !shared.refresh.userIds.includes(user.userId))!;
    const mine = await cardOf(invoke(late, VOTE_VERBS.mine, vote.keys, { conversationId: chatId }));
    await cardOf(invoke(late, VOTE_VERBS.cast, buttonData(mine, 'Tán thành')));
    for (const voter of crowd.filter((user) => user !== late).slice(0, 3)) {
      const view = await cardOf(invoke(voter, VOTE_VERBS.refresh, vote.keys));
      await cardOf(invoke(voter, VOTE_VERBS.cast, buttonData(view, 'Tán thành')));
    }
    // Four ballots within the edit interval of the post: no edit yet, one trailing edit pending.
    expect(inChat()).toHaveLength(1);
    expect((await getVote(vote.path, head)).json.turnout).toEqual({ voted: 4, eligible: 103 });

    const chairView = await cardOf(invoke(head, VOTE_VERBS.close, vote.keys));
    expect(text(chairView)).toContain('Kết quả: Không thông qua');
    const edits = inChat().slice(1);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ method: 'PUT', activityId: posted!.answeredId });
    const closedCard = (edits[0]!.activity.attachments as { content: VoteCard }[])[0]!.content;
    expect(text(closedCard)).toContain('Kết quả: Không thông qua');
    expect(text(closedCard)).toContain('{"title":"Tán thành","value":"4"}');
    expect(executeActions(closedCard.body)).toEqual([]);
    expect(executeActions(closedCard.actions ?? [])).toEqual([]);
    // The trailing turnout edit was absorbed by the close: still one edit after the interval.
    expect(inChat()).toHaveLength(2);
  });
});

describe('shared card sends that Teams throttles', () => {
  it('are retried: the post with the same key, the edit with the state at retry time', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(meetingId, { question: 'Biểu quyết khi Teams bận' });
    // Linked after opening: the host's own publisher found no chat; this one is tested alone.
    const { chatId, services } = await linkMeetingChat(meetingId);
    const calls: { kind: 'post' | 'update'; key?: string; card: VoteCard }[] = [];
    const answers: SendOutcome[] = [
      { ok: false, kind: 'throttled', status: 429, retryAfterMs: 5, error: 'HTTP 429' },
      { ok: true, activityId: 'posted-1' },
      { ok: false, kind: 'transient', status: 502, retryAfterMs: null, error: 'HTTP 502' },
      { ok: true, activityId: 'posted-1' },
    ];
    const connectorFake: SharedCardConnector = {
      post: async (_target, message, key) => {
        calls.push({ kind: 'post', key, card: message.card as VoteCard });
        return answers.shift()!;
      },
      update: async (_target, _id, message) => {
        calls.push({ kind: 'update', card: message.card as VoteCard });
        return answers.shift()!;
      },
    };
    const votes = new TableVoteRepository(services.tables);
    const publisher = new VoteCardPublisher({
      deps: { ...services.deps, votes },
      bot: {
        config: { auth: 'anonymous-local' },
        conversations: new TableConversationRepository(services.tables),
      },
      tables: services.tables,
      connector: connectorFake,
      throttle: new SharedCardThrottle(60_000),
      log: { ...consoleLogger(true), warn: () => {} },
      links: {},
      retryTimer: (run) => void setTimeout(run, 1),
    });
    const motion = (await votes.getMotion(
      fixture.body.tenantId,
      fixture.body.id,
      meetingId,
      vote.id,
    ))!.motion;
    expect(await publisher.opened(motion)).toBe('failed');
    const store = new SharedVoteCardStore(services.tables);
    const key = { tenantId: motion.tenantId, bodyId: motion.bodyId, meetingId, motionId: vote.id };
    await expect
      .poll(async () => (await store.get(key))?.activityId, { timeout: 5_000 })
      .toBe('posted-1');
    expect(calls.map((call) => [call.kind, call.key])).toEqual([
      ['post', `vote-card:${motion.tenantId}:${vote.id}`],
      ['post', `vote-card:${motion.tenantId}:${vote.id}`],
    ]);
    expect((await store.get(key))?.conversationId).toBe(chatId);
    // A second opening (another instance, a retry) posts nothing.
    expect(await publisher.opened(motion)).toBe('exists');

    const closed = await apiAs(host, fixture.users.head)(`${vote.path}/close`, { method: 'POST' });
    expect(closed.status).toBe(200);
    await publisher.changed(motion, { final: true });
    await expect.poll(() => calls.length, { timeout: 5_000 }).toBe(4);
    expect(calls.slice(2).map((call) => call.kind)).toEqual(['update', 'update']);
    expect(text(calls[3]!.card)).toContain('Kết quả:');
  });
});

describe('the "biểu quyết" command', () => {
  it('lists the open votes with "open my ballot", which answers the own view', async () => {
    const meetingId = await runningMeeting();
    const vote = await openVote(meetingId, {
      question: `Biểu quyết liệt kê ${randomUUID().slice(0, 4)}`,
    });
    const { member } = fixture.users;
    const conversationId = `a:${randomUUID()}`;
    const message = {
      ...invoke(member, VOTE_VERBS.mine, {}, { conversationId }),
      type: 'message',
      name: undefined,
      text: 'biểu quyết',
      value: undefined,
    };
    expect((await post(message)).status).toBe(200);
    const reply = connector.sent.filter((s) => s.conversationId === conversationId).at(-1);
    const list = (reply?.activity.attachments as { content: unknown }[])[0]!.content;
    expect(text(list)).toContain(vote.keys.motionId);
    const open = executeActions(list).find(
      (action) => (action.data as { motionId: string }).motionId === vote.id,
    );
    expect(open).toMatchObject({ title: 'Mở phiếu của tôi', verb: VOTE_VERBS.mine });
    const view = await cardOf(
      invoke(member, VOTE_VERBS.mine, open!.data as Record<string, unknown>),
    );
    expect(buttonData(view, 'Tán thành')).toMatchObject({ voter: member.userId });
  });
});

describe('shared card throttle', () => {
  function fakeClock() {
    let now = 0;
    const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
    const clock: ThrottleClock = {
      now: () => now,
      setTimer(run, ms) {
        const timer = { at: now + ms, run, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    };
    const advance = async (ms: number) => {
      now += ms;
      for (const timer of timers.filter((t) => !t.cancelled && t.at <= now)) {
        timer.cancelled = true;
        timer.run();
      }
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { clock, advance };
  }

  it('coalesces a burst into one immediate and one trailing edit per interval', async () => {
    const { clock, advance } = fakeClock();
    const throttle = new SharedCardThrottle(10_000, clock);
    const edits: string[] = [];
    const edit = (label: string) => async () => void edits.push(label);
    await throttle.request('card', edit('a'));
    expect(edits).toEqual(['a']);
    const waits = ['b', 'c', 'd'].map((label) => throttle.request('card', edit(label)));
    await advance(5_000);
    expect(edits).toEqual(['a']);
    await advance(5_000);
    await Promise.all(waits);
    // One trailing edit, rendering the latest request.
    expect(edits).toEqual(['a', 'd']);
    // Another card is throttled on its own.
    await throttle.request('other', edit('x'));
    expect(edits).toEqual(['a', 'd', 'x']);
  });

  it('a final edit goes at once and absorbs the trailing one; a fresh post counts as an edit', async () => {
    const { clock, advance } = fakeClock();
    const throttle = new SharedCardThrottle(10_000, clock);
    const edits: string[] = [];
    throttle.touched('card');
    const trailing = throttle.request('card', async () => void edits.push('turnout'));
    await advance(1_000);
    expect(edits).toEqual([]);
    await throttle.request('card', async () => void edits.push('result'), { final: true });
    await trailing;
    await advance(20_000);
    expect(edits).toEqual(['result']);
  });
});

describe('meeting chat id from a Teams join link', () => {
  it('reads the thread id, and nothing from other links', () => {
    expect(
      meetingChatIdOf(
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA2%40thread.v2/0?context=%7b%7d',
      ),
    ).toBe('19:meeting_NjA2@thread.v2');
    expect(meetingChatIdOf('https://teams.microsoft.com/l/meetup-join/test')).toBeNull();
    expect(meetingChatIdOf('https://example.com/l/chat/19%3ax%40thread.v2')).toBeNull();
    expect(meetingChatIdOf('not a url')).toBeNull();
  });
});
