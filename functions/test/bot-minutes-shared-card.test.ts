import { MINUTES_VERBS, type MinutesApprovalCard, type MinutesVerb } from '@qcdc/cards';
import { formatDateTime, type Meeting } from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createServices } from '../src/create-services';
import type { DevHost } from '../src/dev/host';
import { TableTeamsMeetingLinks } from '../src/graph/teams-meeting-links';
import { consoleLogger } from '../src/logger';
import { MINUTES_CARD_LAYOUT, MinutesCardPublisher } from '../src/notify/minutes-card-publisher';
import { BotConnectorSharedCards } from '../src/notify/shared-card-connector';
import { SharedCardThrottle } from '../src/notify/shared-card-throttle';
import { TableConversationRepository } from '../src/store/conversation-store';
import { SharedCardStore } from '../src/store/shared-card-store';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
  type TestUser,
} from './support/api-harness';
import {
  startBotConnectorStandIn,
  type BotConnectorStandIn,
} from './support/bot-connector-stand-in';

/**
 * The minutes' shared status card in the meeting chat, at the invoke level on the local host: the
 * submission posts it through the Bot Connector stand-in, the chair's refresh (an
 * `adaptiveCard/action` invoke from the meeting chat) answers the view with the buttons, and every
 * decision, from a card or over HTTP, edits the posted message in place (`PUT …/activities/{id}`).
 */

const BOT_ID = '28:qcdc-bot-test';
const CONCLUSIONS = 'Thống nhất dự toán, giao Văn phòng hoàn thiện trước ngày 15/12/2026.';
const COMMENT = 'Bổ sung ý kiến của đồng chí Phó Trưởng ban về mục 2';

let host: DevHost;
let connector: BotConnectorStandIn;
let fixture: TestBody;
let services: ReturnType<typeof createServices>;

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  host = await startTestHost();
  fixture = await createTestBody();
  services = createServices(
    loadConfig({ QCDC_STORAGE_CONNECTION: host.storageConnection }),
    consoleLogger(true),
  );
});

afterAll(async () => {
  await host?.stop();
  await connector?.close();
});

const cardStore = () => new SharedCardStore(services.tables, MINUTES_CARD_LAYOUT);

/** A meeting chaired by the head, ended, minutes written; linked to a Teams meeting chat the bot is in. */
async function endedMeetingInChat() {
  const { head, secretary } = fixture.users;
  const created = await apiAs(host, secretary)(`/api/bodies/${fixture.body.id}/meetings`, {
    method: 'POST',
    body: meetingInput(fixture.users),
  });
  expect(created.status).toBe(201);
  const meetingId = created.json.meeting.id as string;
  const path = `/api/bodies/${fixture.body.id}/meetings/${meetingId}`;
  const chatId = await linkMeetingChat(meetingId);
  await move(path, head, 'start');
  const saved = await apiAs(host, secretary)(`${path}/minutes/sections/conclusions`, {
    method: 'PUT',
    body: { version: 0, text: CONCLUSIONS },
  });
  expect(saved.status).toBe(200);
  await move(path, head, 'end');
  return { meetingId, path, chatId };
}

async function move(path: string, user: TestUser, transition: string, reason?: string) {
  const api = apiAs(host, user);
  const current = await api(path);
  const moved = await api(`${path}/transitions`, {
    method: 'POST',
    body: { transition, version: current.json.meeting.version, ...(reason ? { reason } : {}) },
  });
  expect(moved.status).toBe(200);
  return { ...(moved.json.meeting as Meeting), tenantId: fixture.body.tenantId };
}

/** The Teams meeting link (its join URL names the chat) and the chat's stored conversation. */
async function linkMeetingChat(meetingId: string) {
  const chatId = `19:meeting_${randomUUID().replace(/-/g, '')}@thread.v2`;
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
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    botId: BOT_ID,
    locale: 'vi',
    installedAt: now,
    updatedAt: now,
  });
  return chatId;
}

const cardOf = (activity: Record<string, unknown>) =>
  (activity.attachments as { content: MinutesApprovalCard }[])[0]!.content;
const posts = (chatId: string) => connector.deliveries.filter((d) => d.conversationId === chatId);
const edits = (chatId: string) => connector.edits.filter((e) => e.conversationId === chatId);
const text = (card: unknown) => JSON.stringify(card);

/** Every Action.Execute a person can press (the refresh is Teams', not a button). */
function buttons(card: MinutesApprovalCard) {
  return (card.actions ?? []).filter((action) => action.type === 'Action.Execute');
}

/** An `adaptiveCard/action` invoke from the meeting chat, as Teams sends it. */
function invoke(user: TestUser, verb: MinutesVerb, data: unknown, chatId: string) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'vi-VN',
    from: { id: `29:${user.userId}`, name: user.displayName, aadObjectId: user.userId },
    recipient: { id: BOT_ID, name: 'QCDC' },
    conversation: { id: chatId, conversationType: 'groupChat', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
    value: {
      action: { type: 'Action.Execute', verb, data },
      trigger: verb === MINUTES_VERBS.refresh ? 'automatic' : 'manual',
    },
  };
}

async function answerOf(activity: unknown) {
  const response = await fetch(`${host.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { statusCode: number; type: string; value: unknown };
}

async function viewOf(activity: unknown) {
  const answer = await answerOf(activity);
  expect(answer).toMatchObject({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
  });
  return answer.value as MinutesApprovalCard;
}

describe('the minutes status card in the meeting chat', () => {
  it('is posted once at submission; the chair refreshes to the buttons; approving from it edits it for everyone', async () => {
    const { path, chatId, meetingId } = await endedMeetingInChat();
    const { head, secretary, member } = fixture.users;
    expect(posts(chatId)).toHaveLength(0);

    const submitted = await move(path, secretary, 'submitMinutes');
    expect(posts(chatId)).toHaveLength(1);
    const [posted] = posts(chatId);
    expect(posted!.activityKey).toBe(`minutes-card:${fixture.body.tenantId}:${meetingId}:1`);
    expect(posted!.headerKey).toBe(posted!.activityKey);
    const shared = cardOf(posted!.activity);
    expect(posted!.activity.summary).toContain('Chờ chủ trì duyệt');
    expect(text(shared)).toContain('Biên bản cuộc họp');
    expect(text(shared)).toContain('Chờ chủ trì duyệt');
    expect(text(shared)).toContain('Bản thứ 1');
    expect(text(shared)).toContain(secretary.displayName);
    expect(text(shared)).toContain(formatDateTime(submitted.updatedAt, 'vi'));
    // The draft's conclusions stay out of the chat; nobody has buttons on the shared view.
    expect(text(shared)).not.toContain(CONCLUSIONS);
    expect(buttons(shared)).toEqual([]);
    expect(shared.refresh.userIds).toEqual([head.userId, secretary.userId]);
    expect(shared.refresh.action.data).toMatchObject({ view: 'shared', meetingId });

    // A retried submission: core refuses the second transition, and the publisher (another
    // instance, a replay) finds the claim row: still one post.
    const retried = await apiAs(host, secretary)(`${path}/transitions`, {
      method: 'POST',
      body: { transition: 'submitMinutes', version: submitted.version - 1 },
    });
    expect(retried.status).toBeGreaterThanOrEqual(400);
    const replay = new MinutesCardPublisher({
      deps: services.deps,
      bot: {
        config: { auth: 'anonymous-local' },
        conversations: new TableConversationRepository(services.tables),
      },
      tables: services.tables,
      connector: new BotConnectorSharedCards({ getToken: async () => null, invalidate: () => {} }),
      throttle: new SharedCardThrottle(15_000),
      log: consoleLogger(true),
      links: {},
      retryTimer: (run) => void setTimeout(run, 1),
    });
    expect(await replay.submitted(submitted)).toBe('exists');
    expect(posts(chatId)).toHaveLength(1);
    expect(edits(chatId)).toHaveLength(0);

    // The chair's refreshed view has the buttons (and the draft); a member's has none.
    const refresh = shared.refresh.action.data;
    const chairView = await viewOf(invoke(head, MINUTES_VERBS.refresh, refresh, chatId));
    expect(buttons(chairView).map((action) => action.title)).toEqual(['Duyệt biên bản', 'Trả lại']);
    expect(text(chairView)).toContain(CONCLUSIONS);
    expect(chairView.refresh.userIds).toEqual([head.userId, secretary.userId]);
    const memberView = await viewOf(invoke(member, MINUTES_VERBS.refresh, refresh, chatId));
    expect(buttons(memberView)).toEqual([]);
    expect(text(memberView)).toContain('Chờ chủ trì duyệt');
    expect(text(memberView)).not.toContain(CONCLUSIONS);
    expect(text(memberView)).not.toContain(MINUTES_VERBS.approve);

    // Approving from the chair's view: their answer and everyone's shared card say approved.
    const approve = buttons(chairView).find((action) => action.verb === MINUTES_VERBS.approve)!;
    const approvedView = await viewOf(invoke(head, MINUTES_VERBS.approve, approve.data, chatId));
    expect(text(approvedView)).toContain(`bởi ${head.displayName}`);
    expect(buttons(approvedView)).toEqual([]);
    expect(edits(chatId)).toHaveLength(1);
    const [edit] = edits(chatId);
    const row = await cardStore().get({
      tenantId: fixture.body.tenantId,
      bodyId: fixture.body.id,
      meetingId,
      cardId: '1',
    });
    expect(edit!.activityId).toBe(row!.activityId);
    expect(edit!.activityId).toBeTruthy();
    const approvedCard = cardOf(edit!.activity);
    const stored = await apiAs(host, head)(path);
    const hash = stored.json.meeting.minutes.approvedHash as string;
    expect(text(approvedCard)).toContain(`Đã duyệt lúc`);
    expect(text(approvedCard)).toContain(`bởi ${head.displayName}`);
    expect(text(approvedCard)).toContain(`SHA-256: ${hash.slice(0, 16)}…`);
    expect(buttons(approvedCard)).toEqual([]);
    expect(posts(chatId)).toHaveLength(1);

    // Teams retries the slow invoke: the same answer, no second transition, no second edit.
    expect(await viewOf(invoke(head, MINUTES_VERBS.approve, approve.data, chatId))).toEqual(
      approvedView,
    );
    expect(edits(chatId)).toHaveLength(1);
  });

  it('over HTTP: a return edits the card (the comment stays out), a re-submission and the approval edit the same card', async () => {
    const { path, chatId } = await endedMeetingInChat();
    const { head, secretary } = fixture.users;
    await move(path, secretary, 'submitMinutes');
    expect(posts(chatId)).toHaveLength(1);
    const activityId = (await cardStore().get({
      tenantId: fixture.body.tenantId,
      bodyId: fixture.body.id,
      meetingId: path.split('/').at(-1)!,
      cardId: '1',
    }))!.activityId;

    await move(path, head, 'returnMinutes', COMMENT);
    expect(edits(chatId)).toHaveLength(1);
    const returned = cardOf(edits(chatId)[0]!.activity);
    expect(text(returned)).toContain('Chủ trì đã trả lại biên bản kèm ý kiến');
    expect(text(returned)).not.toContain(COMMENT);
    // The secretary's refreshed view reads the comment.
    const secretaryView = await viewOf(
      invoke(secretary, MINUTES_VERBS.refresh, returned.refresh.action.data, chatId),
    );
    expect(text(secretaryView)).toContain(COMMENT);

    const again = await move(path, secretary, 'submitMinutes');
    expect(posts(chatId)).toHaveLength(1);
    expect(edits(chatId)).toHaveLength(2);
    const resubmitted = cardOf(edits(chatId)[1]!.activity);
    expect(text(resubmitted)).toContain('Chờ chủ trì duyệt');
    expect(text(resubmitted)).toContain(formatDateTime(again.updatedAt, 'vi'));

    await move(path, head, 'approveMinutes');
    expect(edits(chatId)).toHaveLength(3);
    expect(edits(chatId).map((e) => e.activityId)).toEqual([activityId, activityId, activityId]);
    expect(text(cardOf(edits(chatId)[2]!.activity))).toContain('Đã duyệt lúc');
  });

  it("a return from the chair's personal card edits the shared card too", async () => {
    const { path, chatId, meetingId } = await endedMeetingInChat();
    const { head, secretary } = fixture.users;
    const submitted = await move(path, secretary, 'submitMinutes');
    expect(posts(chatId)).toHaveLength(1);
    // The personal card's buttons carry no `view`: the answer is the personal layout.
    const data = {
      bodyId: fixture.body.id,
      meetingId,
      version: submitted.version,
      comment: COMMENT,
    };
    const answer = await viewOf(invoke(head, MINUTES_VERBS.return, data, `a:${head.userId}`));
    expect(text(answer)).toContain(`Đã trả lại: ${COMMENT}`);
    expect(edits(chatId)).toHaveLength(1);
    const shared = cardOf(edits(chatId)[0]!.activity);
    expect(text(shared)).toContain('Chủ trì đã trả lại biên bản kèm ý kiến');
    expect(text(shared)).not.toContain(COMMENT);
  });

  it('an edit Teams throttles (429) is retried until it goes through', async () => {
    const { path, chatId } = await endedMeetingInChat();
    await move(path, fixture.users.secretary, 'submitMinutes');
    connector.fail({
      respond: { kind: 'status', status: 429, retryAfterSeconds: 1 },
      match: (request) => request.method === 'PUT' && request.conversationId === chatId,
      times: 1,
    });
    const throttledBefore = connector.throttled;
    await move(path, fixture.users.head, 'approveMinutes');
    // The approval stands at once; the card follows after Teams' Retry-After (1 s).
    expect((await apiAs(host, fixture.users.head)(path)).json.meeting.status).toBe(
      'minutesApproved',
    );
    expect(edits(chatId)).toHaveLength(0);
    await expect.poll(() => edits(chatId).length, { timeout: 5_000 }).toBe(1);
    expect(text(cardOf(edits(chatId)[0]!.activity))).toContain('Đã duyệt lúc');
    expect(connector.throttled).toBe(throttledBefore); // the injected 429 is a fault, not a window
    connector.clearFaults();
  });
});
