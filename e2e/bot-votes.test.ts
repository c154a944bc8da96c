import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { startDevHost, type DevHost } from '../functions/src/dev/host';
import { startPlayground, type Playground } from '../functions/src/dev/playground';
import { apiAs, type MeetingsAnswer } from './support/api';
import { launchChromium } from './support/chromium';
import { playgroundChat, type PlaygroundChat } from './support/playground-chat';

/**
 * Voting from the chat card, through the Microsoft 365 Agents Playground as a person would: the
 * demo commune's head, present at the running steering-committee meeting, asks "biểu quyết", opens
 * their ballot from the list, clicks a choice and sees the card answer with the recorded choice.
 * (The playground does no per-user refresh: the per-user views are covered at the invoke level in
 * functions/test/bot-votes.test.ts.)
 */

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const head = DEMO_MEMBERS.head;
const QUESTION = 'Thông qua Kế hoạch thực hiện dân chủ ở cơ sở năm 2027';

let host: DevHost;
let playground: Playground;
let browser: Browser;
let page: Page;
let chat: PlaygroundChat;
let votePath: string;

beforeAll(async () => {
  host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    seedDemoData: true,
    quiet: true,
    tabsDir: '/nonexistent', // the bot needs no tabs
  });
  votePath = await openDemoVote();
  playground = await startPlayground({
    endpoint: `${host.baseUrl}/api/messages`,
    tenantId: head.tenantId,
    user: { aadObjectId: head.userId, name: head.displayName, email: head.email },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN' });
  await page.goto(playground.url);
  chat = playgroundChat(page, playground);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await host?.stop();
});

/** Starts the seeded meeting, marks the members present and opens an electronic vote (the API). */
async function openDemoVote(): Promise<string> {
  const asHead = apiAs(host.baseUrl, head);
  const meetings = `/api/bodies/${DEMO_BODY.id}/meetings`;
  const listed = await asHead<MeetingsAnswer>(meetings);
  expect(listed.status).toBe(200);
  const meeting = listed.json.meetings[0]!;
  const started = await asHead(`${meetings}/${meeting.id}/transitions`, {
    method: 'POST',
    body: { transition: 'start', version: meeting.version },
  });
  expect(started.status).toBe(200);
  const present = [
    DEMO_MEMBERS.head,
    DEMO_MEMBERS.deputyHead,
    DEMO_MEMBERS.secretary,
    DEMO_MEMBERS.frontChair,
    DEMO_MEMBERS.womenUnionChair,
  ];
  const marked = await asHead(`${meetings}/${meeting.id}/attendance`, {
    method: 'PUT',
    body: { marks: present.map((p) => ({ userId: p.userId, status: 'present' })) },
  });
  expect(marked.status).toBe(200);
  const created = await asHead<{ motion: { id: string } }>(`${meetings}/${meeting.id}/motions`, {
    method: 'POST',
    body: { question: QUESTION, method: 'open' },
  });
  expect(created.status).toBe(201);
  const path = `${meetings}/${meeting.id}/motions/${created.json.motion.id}`;
  const opened = await asHead(`${path}/open`, { method: 'POST' });
  expect(opened.status).toBe(200);
  return path;
}

describe('voting from the chat card in the Agents Playground', () => {
  it('"biểu quyết" lists the open vote; a choice clicked on the card is recorded and shown', async () => {
    // The playground installs the app when its web chat opens; its log panel says when the bot
    // answered that, so our message follows the install (the welcome card is bot.test.ts's).
    await page
      .getByText(/installationUpdate 200/)
      .first()
      .waitFor({ timeout: 60_000 });
    await chat.say('biểu quyết');
    const list = chat.cards('Biểu quyết đang mở').filter({ hasText: QUESTION });
    await chat.expectVisible(list, 'The open votes list');

    await list.last().getByRole('button', { name: 'Mở phiếu của tôi' }).click();
    // The invoke's answer (the head's own view) replaces the list card in place.
    const ballot = chat.cards('Biểu quyết').filter({ hasText: QUESTION });
    await chat.expectVisible(ballot.filter({ hasText: 'Bạn chọn:' }), 'The ballot card');
    const text = (await ballot.last().textContent()) ?? '';
    expect(text).toContain('Đã bỏ phiếu: 0/5');
    await expect(
      ballot.last().getByRole('button', { name: 'Kết thúc biểu quyết' }).isVisible(),
    ).resolves.toBe(true);

    await ballot.last().getByRole('button', { name: 'Tán thành', exact: true }).click();
    await chat.expectVisible(
      chat.cards('Biểu quyết').filter({ hasText: 'Bạn đã chọn: Tán thành' }),
      'The card with the recorded choice',
    );
    await expect(
      chat.cards('Biểu quyết').filter({ hasText: 'Bạn đã chọn: Tán thành' }).last().textContent(),
    ).resolves.toContain('Đã bỏ phiếu: 1/5');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}bot-vote-playground-vi.png` });

    // The ballot is what the API records for the head.
    const stored = await apiAs(
      host.baseUrl,
      head,
    )<{
      myBallot: { status: string; marks?: string[] };
      turnout?: { voted: number; eligible: number };
    }>(votePath);
    expect(stored.json.myBallot).toMatchObject({ status: 'voted', marks: ['for'] });
    expect(stored.json.turnout).toEqual({ voted: 1, eligible: 5 });
  });
});
