import { mkdir } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '@qcdc/core';
import type { DirectoryUser } from '../functions/src/auth/dev-issuer';
import { DEMO_BODY, DEMO_MEMBERS, OTHER_BODY, OTHER_MEMBERS } from '../functions/src/dev/demo-data';
import { startDevHost, type DevHost } from '../functions/src/dev/host';
import { launchChromium } from './support/chromium';
import { startPlayground, type Playground } from '../functions/src/dev/playground';

/**
 * The bot through the Microsoft 365 Agents Playground, as a person would use it: the local host with
 * the demo commune, the playground CLI pointed at /api/messages with its current user mapped to the
 * steering committee's head (same tenant, same Entra object id), and its web chat in headless
 * Chromium. The cards are rendered by the playground's Adaptive Cards renderer.
 */

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const head = DEMO_MEMBERS.head;

let host: DevHost;
let playground: Playground;
let browser: Browser;
let page: Page;
let seeded: { title: string; startsAt: string };
let otherTenantTitle: string;

beforeAll(async () => {
  host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    seedDemoData: true,
    quiet: true,
    tabsDir: '/nonexistent', // the bot needs no tabs
  });
  seeded = await firstMeeting(head, DEMO_BODY.id);
  otherTenantTitle = (await firstMeeting(OTHER_MEMBERS.head, OTHER_BODY.id)).title;
  playground = await startPlayground({
    endpoint: `${host.baseUrl}/api/messages`,
    tenantId: head.tenantId,
    user: { aadObjectId: head.userId, name: head.displayName, email: head.email },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN' });
  await page.goto(playground.url);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await host?.stop();
});

/** The seeded meeting as the API shows it to a member (so the test follows the seed, not a copy). */
async function firstMeeting(user: DirectoryUser, bodyId: string) {
  const token = await host.devIssuer.issueToken(user);
  const response = await fetch(`${host.baseUrl}/api/bodies/${bodyId}/meetings`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const { meetings } = (await response.json()) as {
    meetings: { title: string; startsAt: string }[];
  };
  expect(meetings.length).toBeGreaterThan(0);
  return meetings[0]!;
}

/** The rendered Adaptive Cards whose heading is `heading`, oldest first. */
function cards(heading: string): Locator {
  return page
    .locator('.ac-adaptiveCard')
    .filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
}

/** Types into the playground's compose box (a Lexical editor) and sends. */
async function say(text: string) {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Fails with what the playground saw when a card does not show up. */
async function expectVisible(locator: Locator, what: string) {
  try {
    // Generous: under a loaded test run the playground's web chat can take long to open and install.
    await locator.last().waitFor({ state: 'visible', timeout: 60_000 });
  } catch (error) {
    throw new Error(
      `${what} did not render in the playground.\nPlayground log:\n${(await playground.log()).slice(-4000)}`,
      { cause: error },
    );
  }
}

describe('the bot in the Agents Playground', () => {
  it('welcomes the person when the playground installs the app', async () => {
    // The playground's installationUpdate says en-US, so the welcome is in English.
    await expectVisible(cards('Hello! I am the QCDC assistant'), 'The welcome card');
    await expect(cards('Hello! I am the QCDC assistant').last().textContent()).resolves.toContain(
      'cuộc họp',
    );
  });

  it('"trợ giúp" answers with the help card in Vietnamese', async () => {
    await say('trợ giúp');
    const help = cards('Tôi có thể giúp gì?');
    await expectVisible(help, 'The help card');
    const text = await help.last().textContent();
    for (const phrase of ['trợ giúp', 'cuộc họp', 'việc của tôi', 'biểu quyết']) {
      expect(text).toContain(phrase);
    }
    await expect(
      help.last().getByRole('button', { name: 'Xem cuộc họp sắp tới' }).isVisible(),
    ).resolves.toBe(true);
  });

  it('"cuộc họp" lists the seeded meeting of the head\'s body, in Vietnam time', async () => {
    await say('cuộc họp');
    const list = cards('Cuộc họp sắp tới của bạn');
    await expectVisible(list, 'The meeting list card');
    const text = (await list.last().textContent()) ?? '';
    expect(text).toContain(seeded.title);
    expect(text).toContain(formatDateTime(seeded.startsAt, 'vi'));
    expect(text).toContain(DEMO_BODY.name);
    // The other commune (another tenant) never shows.
    expect(text).not.toContain(otherTenantTitle);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}bot-playground-vi.png` });
  });

  it('"viec cua toi" (no diacritics) gets the task list card (the demo head has none open)', async () => {
    await say('viec cua toi');
    await expectVisible(
      cards('Việc của tôi').filter({ hasText: 'Bạn không có nhiệm vụ nào đang thực hiện.' }),
      'The task list card',
    );
  });

  it("the help card's button (Action.Execute) sends the meeting list again", async () => {
    const before = await cards('Cuộc họp sắp tới của bạn').count();
    await cards('Tôi có thể giúp gì?')
      .last()
      .getByRole('button', { name: 'Xem cuộc họp sắp tới' })
      .click();
    await expect
      .poll(() => cards('Cuộc họp sắp tới của bạn').count(), { timeout: 20_000 })
      .toBe(before + 1);
    await expect(cards('Cuộc họp sắp tới của bạn').last().textContent()).resolves.toContain(
      seeded.title,
    );
  });
});
