import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultPlanContext,
  planReminders,
  type AssignmentReminderSubject,
  type Clock,
  type PlannedReminder,
} from '@qcdc/core';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { startDevHost, type DevHost } from '../functions/src/dev/host';
import { startPlayground, type Playground } from '../functions/src/dev/playground';
import { TableConversationRepository } from '../functions/src/store/conversation-store';
import { CountingTableClient } from '../functions/src/store/counting-table-client';
import { OutboxStore } from '../functions/src/store/outbox-store';
import { connectionStringTables } from '../functions/src/store/table-client-factory';
import { TABLES } from '../functions/src/store/table-names';
import { apiAs } from './support/api';
import { launchChromium } from './support/chromium';
import { playgroundChat, type PlaygroundChat } from './support/playground-chat';

/**
 * A proactive reminder reaching the Agents Playground's chat by the production path: the bot stores
 * the conversation reference the playground's install and first message carry (its service URL is
 * the playground's connector), an assignment's reminder is planned into the due index, and the
 * host's own timer jobs (reminder sweep, then outbox dispatch) send it with the Bot Connector sender
 * to `{serviceUrl}/v3/conversations/{id}/activities`. The playground's Adaptive Cards renderer shows
 * it. The jobs run when the test says, on a clock moved to the moment the reminder falls due, so the
 * test does not depend on the hour it runs at (nothing is sent in Vietnam's quiet hours).
 *
 * Local mode sends no Bot Framework token (QCDC_BOT_AUTH=anonymous-local: notify/bot-token-provider.ts
 * gives none, and the Teams SDK gets no credentials), and the playground's connector accepts
 * activities without one (its /_connector routes check no Authorization header).
 *
 * The playground says `locale: en-US` in every activity it sends; a command typed in Vietnamese
 * keeps the personal chat in Vietnamese all the same (the language the person speaks to the bot), so
 * the first reminder comes in Vietnamese, and after "help" the next one comes in English.
 */

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const head = DEMO_MEMBERS.head;

/** What time the host's timer jobs see: the real time until the test moves it. */
let jobsTime: number | null = null;
const jobsClock: Clock = { now: () => new Date(jobsTime ?? Date.now()) };

let host: DevHost;
let playground: Playground;
let browser: Browser;
let page: Page;
let chat: PlaygroundChat;
let conversations: TableConversationRepository;
let outbox: OutboxStore;
/** The assignment the reminders are about, and its reminders to the head as the planner has them. */
const title = 'Rà soát danh mục công khai ngân sách xã năm 2025';
let deadline: string;
let assignmentId: string;
let headReminders: PlannedReminder[];

beforeAll(async () => {
  host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    seedDemoData: true,
    quiet: true,
    tabsDir: '/nonexistent', // the bot needs no tabs
    timers: { mode: 'manual', clock: jobsClock },
  });
  playground = await startPlayground({
    endpoint: `${host.baseUrl}/api/messages`,
    tenantId: head.tenantId,
    user: { aadObjectId: head.userId, name: head.displayName, email: head.email },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN' });
  chat = playgroundChat(page, playground);
  const tables = connectionStringTables(host.storageConnection);
  conversations = new TableConversationRepository(tables);
  outbox = new OutboxStore(new CountingTableClient(tables(TABLES.outbox)));
  await page.goto(playground.url);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await host?.stop();
});

/**
 * Moves the jobs' clock forward to `at`, running the host's two timer jobs (sweep, then dispatch) a
 * day apart on the way and at `at`: their schedules run them every few minutes, and a sweep catches
 * up at most 72 hours at a time (reminder-timing.ts), so one jump over days would leave rows behind.
 */
async function runJobsAt(at: number) {
  const DAY_MS = 86_400_000;
  for (let time = jobsTime === null ? at : jobsTime + DAY_MS; ; time += DAY_MS) {
    jobsTime = Math.min(time, at);
    await host.runTimerJob('reminderSweep');
    await host.runTimerJob('outboxDispatch');
    if (jobsTime === at) return;
  }
}

/** dd/MM/yyyy of a yyyy-MM-dd date. */
function ddMMyyyy(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** yyyy-MM-dd, `days` after today in Vietnam (UTC+7 all year). */
function vietnamDatePlus(days: number): string {
  const vietnamNow = new Date(Date.now() + 7 * 3_600_000);
  vietnamNow.setUTCDate(vietnamNow.getUTCDate() + days);
  return vietnamNow.toISOString().slice(0, 10);
}

/** The assignment as the reminder planner sees it: the head's own work, not urgent, open. */
function headAssignment(id: string, deadline: string): AssignmentReminderSubject {
  return {
    type: 'assignment',
    tenantId: head.tenantId,
    bodyId: DEMO_BODY.id,
    id,
    deadline,
    urgent: false,
    active: true,
    label: { kind: 'title', text: title },
    workers: [head.userId],
    escalateTo: [], // the head assigned it to themselves
  };
}

/** The head's reminders due after `after`, as the planner has them. */
function remindersAfter(subject: AssignmentReminderSubject, after: string): PlannedReminder[] {
  return planReminders(subject, defaultPlanContext()).filter(
    (reminder) => reminder.recipientId === head.userId && reminder.dueAt > after,
  );
}

/**
 * A deadline ten days ahead or more whose first two reminders from now both say "deadline coming",
 * on two days: days off (Tết above all) can fold a deadline's reminders into one working day, and
 * the planner is what says where they land.
 */
function deadlineWithTwoUpcomingReminders(): string {
  const now = new Date().toISOString();
  for (let days = 10; days < 60; days++) {
    const deadline = vietnamDatePlus(days);
    const next = remindersAfter(headAssignment('probe', deadline), now).slice(0, 2);
    if (next.length === 2 && next.every((r) => r.message.kind === 'assignment.upcoming')) {
      return deadline;
    }
  }
  throw new Error('No deadline in the next 60 days gets two reminders before it');
}

describe('a proactive reminder in the Agents Playground', () => {
  it('stores the conversation reference at install, at the playground connector', async () => {
    // The playground installs the app when its web chat opens (the welcome card is bot.test.ts's).
    await expect
      .poll(() => conversations.getPersonal(head.tenantId, head.userId), { timeout: 60_000 })
      .not.toBeNull();
    // The first message keeps it current; typed in Vietnamese, it keeps the chat in Vietnamese
    // although the playground's client says en-US.
    await chat.say('trợ giúp');
    await chat.expectVisible(chat.cards('Tôi có thể giúp gì?'), 'The help card');
    expect(await conversations.getPersonal(head.tenantId, head.userId)).toMatchObject({
      conversationType: 'personal',
      serviceUrl: `${playground.url}/_connector`,
      locale: 'vi',
    });
  });

  it("sends the head's assignment reminder through the playground's connector when it falls due", async () => {
    deadline = deadlineWithTwoUpcomingReminders();
    const createdFrom = new Date().toISOString();
    const created = await apiAs(host.baseUrl, head)<{ assignment: { id: string } }>(
      `/api/bodies/${DEMO_BODY.id}/assignments`,
      { method: 'POST', body: { title, ownerId: head.userId, deadline } },
    );
    expect(created.status).toBe(201);
    assignmentId = created.json.assignment.id;
    // The head's reminders from now on, as the planner puts them in the due index one at a time
    // ("deadline coming" ones at 08:00 Vietnam time on working days).
    headReminders = remindersAfter(headAssignment(assignmentId, deadline), createdFrom);
    const first = headReminders[0]!;
    expect(first.message.kind).toBe('assignment.upcoming');

    // A minute before it falls due the jobs queue nothing; a minute after, they send it.
    await runJobsAt(Date.parse(first.dueAt) - 60_000);
    expect(await outbox.getMessage(first.key)).toBeNull();
    await runJobsAt(Date.parse(first.dueAt) + 60_000);
    const sent = await outbox.getMessage(first.key);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent?.activityId).not.toBe(''); // the id the playground's connector answered with

    const reminders = chat.cards('Nhắc hạn nhiệm vụ').filter({ hasText: title });
    await chat.expectVisible(reminders, 'The reminder card');
    await expect(reminders.last().textContent()).resolves.toContain(
      `Nhiệm vụ “${title}” đến hạn ngày ${ddMMyyyy(deadline)} (còn ${first.message.daysLeft} ngày).`,
    );

    // The jobs running again (a timer may fire twice) send no second copy.
    await runJobsAt(Date.parse(first.dueAt) + 120_000);
    expect(await outbox.getMessage(first.key)).toMatchObject({ status: 'sent', attempts: 1 });
    await page.waitForTimeout(1_000);
    await expect(reminders.count()).resolves.toBe(1);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}bot-proactive-reminder-vi.png` });
  });

  it('comes in English once the person speaks English to the bot', async () => {
    await chat.say('help');
    await chat.expectVisible(chat.cards('What can I do?'), 'The English help card');
    await expect
      .poll(async () => (await conversations.getPersonal(head.tenantId, head.userId))?.locale)
      .toBe('en');

    // The next reminder in the series (the sweep planned it when it took the first one).
    const next = headReminders[1]!;
    expect(next.message.kind).toBe('assignment.upcoming');
    await runJobsAt(Date.parse(next.dueAt) + 60_000);
    expect(await outbox.getMessage(next.key)).toMatchObject({ status: 'sent' });

    const reminders = chat.cards('Deadline reminder').filter({ hasText: title });
    await chat.expectVisible(reminders, 'The English reminder card');
    await expect(reminders.last().textContent()).resolves.toContain(
      `The assignment “${title}” is due on ${ddMMyyyy(deadline)} ` +
        `(${next.message.daysLeft} days left).`,
    );
    // Nothing about this assignment was parked as undeliverable.
    const parked = await apiAs(
      host.baseUrl,
      head,
    )<{ messages: { key: string }[] }>(`/api/bodies/${DEMO_BODY.id}/outbox?status=parked`);
    expect(parked.status).toBe(200);
    expect(parked.json.messages.filter((m) => m.key.includes(assignmentId))).toEqual([]);
    await reminders.last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}bot-proactive-reminder-en.png` });
  });
});
