import {
  minutesApprovalCard,
  MINUTES_VERBS,
  type MinutesApprovalCard,
  type MinutesVerb,
} from '@qcdc/cards';
import { errorMessage, type Meeting } from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesApprovalData, sendMinutesApprovalRequest } from '../src/bot/minutes-approval';
import { loadConfig } from '../src/config';
import { createServices } from '../src/create-services';
import type { DevHost } from '../src/dev/host';
import { consoleLogger } from '../src/logger';
import { TableConversationRepository } from '../src/store/conversation-store';
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
import { snapshotBody } from './support/storage-snapshot';

/**
 * The minutes-approval card's actions at the invoke level on the local host (the Agents Playground
 * does no per-user refresh): `adaptiveCard/action` invokes are posted to /api/messages and the invoke
 * response (the card Teams shows the clicking user) is asserted exactly.
 */

const BOT_ID = '28:qcdc-bot-test';
const CONCLUSIONS = 'Giao Văn phòng tổng hợp ý kiến, báo cáo Ban Chỉ đạo trước ngày 20/12/2026.';

let host: DevHost;
let connector: BotConnectorStandIn;
let fixture: TestBody;
let openAppUrl: string;

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  host = await startTestHost();
  openAppUrl = `${host.baseUrl}/my-tasks`;
  fixture = await createTestBody();
});

afterAll(async () => {
  await host?.stop();
  await connector?.close();
});

/** A meeting chaired by the head, its minutes submitted by the secretary: awaiting approval. */
async function meetingInReview() {
  const { head, secretary } = fixture.users;
  const created = await apiAs(host, secretary)(`/api/bodies/${fixture.body.id}/meetings`, {
    method: 'POST',
    body: meetingInput(fixture.users),
  });
  expect(created.status).toBe(201);
  const meetingId = created.json.meeting.id as string;
  const path = `/api/bodies/${fixture.body.id}/meetings/${meetingId}`;
  const move = async (user: TestUser, transition: string) => {
    const api = apiAs(host, user);
    const current = await api(path);
    const moved = await api(`${path}/transitions`, {
      method: 'POST',
      body: { transition, version: current.json.meeting.version },
    });
    expect(moved.status).toBe(200);
  };
  await move(head, 'start');
  const saved = await apiAs(host, secretary)(`${path}/minutes/sections/conclusions`, {
    method: 'PUT',
    body: { version: 0, text: CONCLUSIONS },
  });
  expect(saved.status).toBe(200);
  await move(head, 'end');
  await move(secretary, 'submitMinutes');
  return { meetingId, path, meeting: await readMeeting(path) };
}

async function readMeeting(path: string): Promise<Meeting> {
  const read = await apiAs(host, fixture.users.head)(path);
  expect(read.status).toBe(200);
  // The API's meeting view leaves out the tenant (the caller's own); core's Meeting carries it.
  return { ...(read.json.meeting as Meeting), tenantId: fixture.body.tenantId };
}

const members = () => Object.values(fixture.users);

/** The card the bot should answer `viewer` with, for the meeting as stored now. */
function expectedCard(meeting: Meeting, viewer: TestUser, locale: 'vi' | 'en' = 'vi') {
  return minutesApprovalCard(
    locale,
    minutesApprovalData(meeting, CONCLUSIONS, members(), { openAppUrl }),
    { userId: viewer.userId },
  );
}

/** An `adaptiveCard/action` invoke from `user`'s personal chat, as Teams sends it. */
function invoke(
  user: TestUser,
  verb: MinutesVerb,
  data: Record<string, unknown>,
  locale = 'vi-VN',
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    locale,
    from: { id: `29:${user.userId}`, name: user.displayName, aadObjectId: user.userId },
    recipient: { id: BOT_ID, name: 'QCDC' },
    conversation: { id: `a:${user.userId}`, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
    value: {
      action: { type: 'Action.Execute', verb, data },
      trigger: verb === MINUTES_VERBS.refresh ? 'automatic' : 'manual',
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
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

const cardAnswer = (card: MinutesApprovalCard) => ({
  status: 200,
  json: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
});

const errorAnswer = (code: string, message: string) => ({
  status: 200,
  json: {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code, message, innerHttpError: { statusCode: 400, body: null } },
  },
});

const snapshot = () => snapshotBody(fixture.body.tenantId, fixture.body.id);

const dataOf = (meeting: Meeting) => ({
  bodyId: meeting.bodyId,
  meetingId: meeting.id,
  version: meeting.version,
});

describe('refresh (per-user views)', () => {
  it('shows the chair the approve and return buttons, everyone else the status only', async () => {
    const { meeting } = await meetingInReview();
    const { head, member } = fixture.users;

    const asChair = await post(invoke(head, MINUTES_VERBS.refresh, dataOf(meeting)));
    expect(asChair).toEqual(cardAnswer(expectedCard(meeting, head)));
    const chairCard = (asChair.json as { value: MinutesApprovalCard }).value;
    expect(chairCard.actions?.map((action) => action.title)).toEqual([
      'Duyệt biên bản',
      'Trả lại',
      'Mở biên bản trong ứng dụng',
    ]);
    expect(chairCard.refresh.userIds).toEqual([head.userId]);
    expect(JSON.stringify(chairCard)).toContain(CONCLUSIONS);
    expect(JSON.stringify(chairCard)).toContain(
      `${host.baseUrl}/meetings/${meeting.bodyId}/${meeting.id}/panel`,
    );

    const asMember = await post(invoke(member, MINUTES_VERBS.refresh, dataOf(meeting), 'en-US'));
    expect(asMember).toEqual(cardAnswer(expectedCard(meeting, member, 'en')));
    const memberCard = (asMember.json as { value: MinutesApprovalCard }).value;
    expect(memberCard.actions?.map((action) => action.type)).toEqual(['Action.OpenUrl']);
    expect(JSON.stringify(memberCard)).toContain("Awaiting the chair's approval");
    expect(JSON.stringify(memberCard)).not.toContain('Input.Text');
  });
});

describe('approve and return', () => {
  it('approve as the chair: the approved status card, minutes sealed; a retry answers the same', async () => {
    const { meeting, path } = await meetingInReview();
    const { head } = fixture.users;
    const activity = invoke(head, MINUTES_VERBS.approve, dataOf(meeting));

    const first = await post(activity);
    const approved = await readMeeting(path);
    expect(approved.status).toBe('minutesApproved');
    expect(approved.minutes).toMatchObject({ status: 'approved', approvedBy: head.userId });
    expect(approved.minutes.approvedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first).toEqual(cardAnswer(expectedCard(approved, head)));
    const card = (first.json as { value: MinutesApprovalCard }).value;
    expect(JSON.stringify(card)).toContain(`bởi ${head.displayName}`);
    expect(card.actions?.map((action) => action.type)).toEqual(['Action.OpenUrl']);

    // Teams retries a slow invoke: same card, no second transition.
    const before = await snapshot();
    expect(await post(activity)).toEqual(first);
    expect(await post({ ...activity, id: randomUUID() })).toEqual(first);
    expect(await snapshot()).toEqual(before);
    const audit = await apiAs(host, head)(`${path}/audit`);
    expect(audit.json.verified).toBe(true);
    const approvals = (audit.json.events as { action: string }[]).filter(
      (event) => event.action === 'meeting.approveMinutes',
    );
    expect(approvals).toHaveLength(1);
  });

  it('return without a comment: a card-level error in Vietnamese, nothing changed', async () => {
    const { meeting } = await meetingInReview();
    const before = await snapshot();
    for (const data of [dataOf(meeting), { ...dataOf(meeting), comment: '   ' }]) {
      const response = await post(invoke(fixture.users.head, MINUTES_VERBS.return, data));
      expect(response).toEqual(
        errorAnswer(
          'MEETING.REASON_REQUIRED',
          errorMessage('vi', 'MEETING.REASON_REQUIRED', { transition: 'returnMinutes' }),
        ),
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('return with a comment: the minutes go back to the secretary with it', async () => {
    const { meeting, path } = await meetingInReview();
    const { head } = fixture.users;
    const response = await post(
      invoke(head, MINUTES_VERBS.return, { ...dataOf(meeting), comment: ' Bổ sung ý kiến mục 2 ' }),
    );
    const returned = await readMeeting(path);
    expect(returned).toMatchObject({
      status: 'ended',
      minutes: { status: 'drafting', lastComment: 'Bổ sung ý kiến mục 2' },
    });
    expect(response).toEqual(cardAnswer(expectedCard(returned, head)));
    expect(JSON.stringify(response.json)).toContain('Đã trả lại: Bổ sung ý kiến mục 2');
  });

  it('approve by anyone but the chair is refused and changes nothing', async () => {
    const { meeting, path } = await meetingInReview();
    const before = await snapshot();
    for (const user of [fixture.users.secretary, fixture.users.member]) {
      const response = await post(invoke(user, MINUTES_VERBS.approve, dataOf(meeting)));
      expect(response).toEqual(
        errorAnswer('PERMISSION.DENIED', expect.any(String) as unknown as string),
      );
    }
    expect(await snapshot()).toEqual(before);
    expect((await readMeeting(path)).status).toBe('minutesInReview');
  });

  it('a stale card (the meeting moved on) and bad data are card-level errors', async () => {
    const { meeting } = await meetingInReview();
    const before = await snapshot();
    const stale = await post(
      invoke(fixture.users.head, MINUTES_VERBS.approve, {
        ...dataOf(meeting),
        version: meeting.version - 1,
      }),
    );
    expect(stale).toEqual(
      errorAnswer('CONCURRENCY.CONFLICT', expect.any(String) as unknown as string),
    );
    const bad = await post(
      invoke(fixture.users.head, MINUTES_VERBS.approve, { meetingId: meeting.id, version: 'x' }),
    );
    expect(bad).toEqual(errorAnswer('VALIDATION.FAILED', expect.any(String) as unknown as string));
    expect(await snapshot()).toEqual(before);
  });
});

describe('Action.Submit fallback', () => {
  it('a message carrying the button data approves the same way and replies with the card', async () => {
    const { meeting, path } = await meetingInReview();
    const { head } = fixture.users;
    const activity = invoke(head, MINUTES_VERBS.approve, dataOf(meeting));
    const message = {
      ...activity,
      type: 'message',
      name: undefined,
      text: '',
      value: { ...dataOf(meeting), verb: MINUTES_VERBS.approve },
    };
    expect((await post(message)).status).toBe(200);
    const approved = await readMeeting(path);
    expect(approved.status).toBe('minutesApproved');
    const replies = connector.deliveries.filter((d) => d.conversationId === `a:${head.userId}`);
    expect(replies.at(-1)?.activity).toMatchObject({
      attachments: [{ content: expectedCard(approved, head) }],
    });
  });
});

describe('sendMinutesApprovalRequest', () => {
  it("sends the chair's card to their personal chat from the stored reference", async () => {
    const { meeting } = await meetingInReview();
    const head = fixture.users.head;
    const log = consoleLogger(true);
    const services = createServices(
      loadConfig({ QCDC_STORAGE_CONNECTION: host.storageConnection }),
      { ...log, warn: () => {}, error: () => {} },
    );
    const conversations = new TableConversationRepository(services.tables);
    const bot = { config: { auth: 'anonymous-local' as const, openAppUrl }, conversations };
    const target = { deps: services.deps, bot };

    expect(await sendMinutesApprovalRequest(target, meeting)).toEqual({
      sent: false,
      reason: 'notInstalled',
    });

    const conversationId = `a:${randomUUID()}`;
    const now = new Date().toISOString();
    await conversations.saveInstalled({
      tenantId: head.tenantId,
      conversationId,
      conversationType: 'personal',
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      botId: BOT_ID,
      userAadObjectId: head.userId,
      userId: `29:${head.userId}`,
      locale: 'vi',
      installedAt: now,
      updatedAt: now,
    });
    const result = await sendMinutesApprovalRequest(target, meeting);
    expect(result).toMatchObject({ sent: true, conversationId });
    const delivered = connector.deliveries.filter((d) => d.conversationId === conversationId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.activity).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: expectedCard(meeting, head),
        },
      ],
    });
  });
});

describe('submitting the minutes through the API', () => {
  it("sends the chair the approval card in their chat (the host's own bot services)", async () => {
    const { head, secretary } = fixture.users;
    const conversationId = `a:${randomUUID()}`;
    const now = new Date().toISOString();
    await new TableConversationRepository(
      createServices(
        loadConfig({ QCDC_STORAGE_CONNECTION: host.storageConnection }),
        consoleLogger(true),
      ).tables,
    ).saveInstalled({
      tenantId: head.tenantId,
      conversationId,
      conversationType: 'personal',
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      botId: BOT_ID,
      userAadObjectId: head.userId,
      userId: `29:${head.userId}`,
      locale: 'vi',
      installedAt: now,
      updatedAt: now,
    });
    const created = await apiAs(host, secretary)(`/api/bodies/${fixture.body.id}/meetings`, {
      method: 'POST',
      body: meetingInput(fixture.users),
    });
    const path = `/api/bodies/${fixture.body.id}/meetings/${created.json.meeting.id}`;
    for (const [user, transition] of [
      [head, 'start'],
      [head, 'end'],
      [secretary, 'submitMinutes'],
    ] as const) {
      const current = await apiAs(host, user)(path);
      const moved = await apiAs(host, user)(`${path}/transitions`, {
        method: 'POST',
        body: { transition, version: current.json.meeting.version },
      });
      expect(moved.status).toBe(200);
    }
    const delivered = connector.deliveries.filter((d) => d.conversationId === conversationId);
    expect(delivered).toHaveLength(1);
    const card = (delivered[0]!.activity as { attachments: { content: MinutesApprovalCard }[] })
      .attachments[0]!.content;
    expect(card.refresh?.userIds).toEqual([head.userId]);
  });
});
