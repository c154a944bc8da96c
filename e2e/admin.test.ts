import type { Page } from 'playwright-core';
import { vietnamDateOf } from '@qcdc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBERS, DEMO_UNIT } from '../functions/src/dev/demo-data';
import { apiAs } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const { head, frontChair, deputyHead } = DEMO_MEMBERS;

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

/** dd/MM/yyyy of a Vietnam date `days` after today. */
function vietnamDayFromToday(days: number): { iso: string; dmy: string } {
  const iso = vietnamDateOf(new Date(Date.now() + days * 86_400_000));
  const [y, m, d] = iso.split('-');
  return { iso, dmy: `${d}/${m}/${y}` };
}

function roleOf(page: Page, name: string) {
  return page.getByLabel(vi('admin.members.role', { name }));
}

async function openAdmin(page: Page): Promise<void> {
  await page.getByRole('link', { name: vi('nav.admin') }).click();
  await page.getByRole('heading', { level: 1, name: vi('admin.title') }).waitFor();
  await roleOf(page, head.displayName).waitFor();
}

describe('unit administration in Chromium against the local suite', () => {
  it('lets the demo admin change a role and add a settings version, kept after reload', async () => {
    const page = await suite.newPage();
    await signIn(page, head);
    await openAdmin(page);
    expect(page.url()).toContain('/admin');

    // A change the server refuses shows its reason and leaves the stored role on screen.
    await roleOf(page, head.displayName).selectOption('member');
    const members = page.getByRole('region', { name: vi('admin.members.title') });
    await members.getByText('phải còn ít nhất một Trưởng ban').waitFor();
    expect(await roleOf(page, head.displayName).inputValue()).toBe('head');

    await roleOf(page, frontChair.displayName).selectOption('deputyHead');
    await page
      .getByRole('region', { name: vi('admin.audit.title') })
      .getByText(vi('admin.audit.action.member.changed'))
      .first()
      .waitFor();

    const settings = page.getByRole('region', { name: vi('admin.settings.title') });
    const from = vietnamDayFromToday(7);
    await settings.getByLabel(vi('admin.settings.effectiveFrom')).fill(from.dmy);
    await settings.getByLabel(vi('admin.settings.frontAmount')).fill('45');
    await settings.getByLabel(vi('admin.settings.quietStart')).fill('20:30');
    await settings.getByRole('button', { name: vi('admin.settings.save') }).click();
    await settings.getByText(vi('admin.settings.from', { date: from.dmy })).waitFor();

    await page.reload();
    await roleOf(page, frontChair.displayName).waitFor();
    expect(await roleOf(page, frontChair.displayName).inputValue()).toBe('deputyHead');
    await page
      .getByRole('region', { name: vi('admin.settings.title') })
      .getByText(vi('admin.settings.from', { date: from.dmy }))
      .waitFor();
    await page
      .getByRole('region', { name: vi('admin.holidays.title') })
      .getByText('Tết Âm lịch')
      .first()
      .waitFor();
    await expectAccessible(page, 'admin-vi');
    await page.screenshot({ path: `${ARTIFACTS}admin-vi.png`, fullPage: true });

    // Stored by the API, not only on screen.
    const api = apiAs(suite.baseUrl, head);
    const stored = await api<{ versions: { effectiveFrom: string; values: unknown }[] }>(
      `/api/units/${DEMO_UNIT.id}/admin/settings`,
    );
    expect(stored.json.versions).toContainEqual(
      expect.objectContaining({
        effectiveFrom: from.iso,
        values: expect.objectContaining({
          deadlines: { 'front.recommendationResponse': { amount: 45, unit: 'calendarDays' } },
          quietHours: { start: '20:30', end: '07:00' },
        }),
      }),
    );
  });

  it('fits a 360 px wide frame', async () => {
    const page = await suite.newPage({ viewport: { width: 360, height: 900 } });
    await signIn(page, head);
    await page.goto(`/units/${DEMO_UNIT.id}/admin`);
    await roleOf(page, head.displayName).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 361)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    // The elements sticking out, named in the failure message.
    expect(overflow, wide.join('\n')).toBeLessThanOrEqual(1);
    await expectAccessible(page, 'admin-360-vi');
    await page.screenshot({ path: `${ARTIFACTS}admin-360-vi.png`, fullPage: true });
  });

  it('shows no administration link to someone who is not a unit admin', async () => {
    const page = await suite.newPage();
    await signIn(page, deputyHead);
    await page.getByRole('link', { name: vi('nav.myTasks') }).waitFor();
    expect(await page.getByRole('link', { name: vi('nav.admin') }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByText(vi('admin.notAdmin')).waitFor();
  });
});
