import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { apiAs } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const SNAPSHOT = '#qcdc-first-paint';
/** The app's own chunk (the first paint imports it once it has painted). */
const APP_CHUNK = /\/assets\/main-[^/]+\.js$/;

const ASSIGNMENT_TITLES = [
  'Niêm yết công khai dự toán ngân sách xã năm 2027',
  'Tổng hợp ý kiến của Nhân dân về dự thảo hương ước',
  'Chuẩn bị hội nghị đối thoại với Nhân dân quý I',
];

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
  // A few assignments for the table (the demo body starts with none), due over the next weeks.
  const api = apiAs(suite.baseUrl, DEMO_MEMBERS.head);
  for (const [index, title] of ASSIGNMENT_TITLES.entries()) {
    const deadline = new Date(Date.now() + (index + 3) * 86_400_000).toISOString().slice(0, 10);
    const created = await api(`/api/bodies/${DEMO_BODY.id}/assignments`, {
      method: 'POST',
      body: { title, ownerId: DEMO_MEMBERS.secretary.userId, deadline },
    });
    if (created.status !== 201) throw new Error(`assignment not created: ${created.status}`);
  }
});
afterAll(async () => {
  await suite?.stop();
});

/** Holds the app's script until `release()`: what the screen shows meanwhile is the first paint. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(APP_CHUNK, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

const tableTitles = (page: Page) =>
  page
    .getByRole('table', { name: vi('assignments.table') })
    .getByRole('link')
    .allTextContents();

describe('the dashboard first paint', () => {
  it('shows the body, its assignments and meetings before the app runs, then hands over', async () => {
    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.head);
    const release = await holdApp(page);
    await page.goto(`/?body=${DEMO_BODY.id}`);

    // Painted from the early answers while the app's script is still held back.
    const snapshot = page.locator(SNAPSHOT);
    await snapshot.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    expect(await page.locator('#root').isHidden()).toBe(true);
    const firstTitles = await tableTitles(page);
    expect([...firstTitles].sort()).toEqual([...ASSIGNMENT_TITLES].sort());
    const counts = snapshot.getByRole('list', {
      name: vi('assignments.counts', { total: ASSIGNMENT_TITLES.length }),
    });
    expect(await counts.getByRole('listitem').count()).toBeGreaterThan(1);
    const meetingLinks = snapshot
      .getByRole('region', { name: vi('dashboard.meetings') })
      .getByRole('link');
    expect(await meetingLinks.count()).toBeGreaterThan(0);
    // Real links: a click before the app runs is an ordinary page load of the same page.
    expect(await meetingLinks.first().getAttribute('href')).toMatch(
      new RegExp(`^/meetings/${DEMO_BODY.id}/`),
    );
    await expectAccessible(page, 'dashboard first paint');
    await page.screenshot({ path: `${ARTIFACTS}dashboard-first-paint.png`, fullPage: true });

    release();
    await snapshot.waitFor({ state: 'detached' });
    // The app's own dashboard, with the controls the first paint has not, and the same rows.
    await page.getByRole('button', { name: vi('dashboard.createMeeting') }).waitFor();
    expect(await page.locator('#root').isVisible()).toBe(true);
    expect(await tableTitles(page)).toEqual(firstTitles);
    expect(await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-after-first-paint.png`, fullPage: true });
  });

  it('paints nothing when an early answer failed: the app shows its own error and retry', async () => {
    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.head);
    await page.addInitScript((selector) => {
      new MutationObserver(() => {
        if (document.querySelector(selector)) sessionStorage.setItem('test.snapshotSeen', '1');
      }).observe(document, { childList: true, subtree: true });
    }, SNAPSHOT);
    // The rows fail from the reload (the dashboard shown after signing in asks for them too) until
    // the retry: the early answer and any request of the app's own.
    let failing = false;
    await page.route(/\/api\/bodies\/[^/]+\/assignments\?view=summary$/, async (route) => {
      if (failing) {
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'unavailable', message: 'Tạm thời không phục vụ' },
          }),
        });
      } else {
        await route.continue();
      }
    });
    failing = true;
    await page.goto(`/?body=${DEMO_BODY.id}`);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    const retry = page.getByRole('button', { name: vi('common.retry') });
    await retry.waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('test.snapshotSeen'))).toBeNull();
    failing = false;
    await retry.click();
    const table = page.getByRole('table', { name: vi('assignments.table') });
    await table.getByRole('link').first().waitFor();
    expect([...(await tableTitles(page))].sort()).toEqual([...ASSIGNMENT_TITLES].sort());
  });

  it('speaks the language the app will speak', async () => {
    const page = await suite.newPage({ locale: 'en-GB' });
    await signIn(page, DEMO_MEMBERS.head, 'en');
    const release = await holdApp(page);
    await page.goto(`/?body=${DEMO_BODY.id}`);
    const snapshot = page.locator(SNAPSHOT);
    await snapshot.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    const en = words('en');
    await snapshot.getByRole('heading', { level: 2, name: en('assignments.title') }).waitFor();
    await snapshot.getByRole('columnheader', { name: en('csv.deadline') }).waitFor();
    release();
    await snapshot.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: en('dashboard.createMeeting') }).waitFor();
  });
});
