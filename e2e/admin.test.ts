import type { Page } from 'playwright-core';
import { vietnamDateOf } from '@qcdc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS, DEMO_UNIT } from '../functions/src/dev/demo-data';
import { paths } from '../tabs/src';
import { apiAs, type MeetingsAnswer } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const { head, frontChair, deputyHead, womenUnionChair } = DEMO_MEMBERS;

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

/** A member's group of role checkboxes (a person may hold several roles). */
function rolesOf(page: Page, name: string) {
  return page.getByRole('group', { name: vi('admin.members.role', { name }) });
}

function roleBox(page: Page, name: string, role: 'head' | 'deputyHead' | 'secretary' | 'member') {
  return rolesOf(page, name).getByRole('checkbox', { name: vi(`role.${role}`), exact: true });
}

async function openAdmin(page: Page): Promise<void> {
  await page.getByRole('link', { name: vi('nav.admin') }).click();
  await page.getByRole('heading', { level: 1, name: vi('admin.title') }).waitFor();
  await rolesOf(page, head.displayName).waitFor();
}

describe('unit administration in Chromium against the local suite', () => {
  it('lets the demo admin change a role and add a settings version, kept after reload', async () => {
    const page = await suite.newPage();
    await signIn(page, head);
    await openAdmin(page);
    expect(page.url()).toContain('/admin');

    // A second role is added beside the first, not in its place.
    // The boxes follow the server's answer, so they are clicked, then awaited.
    await roleBox(page, head.displayName, 'secretary').click();
    await expect.poll(() => roleBox(page, head.displayName, 'secretary').isChecked()).toBe(true);
    expect(await roleBox(page, head.displayName, 'head').isChecked()).toBe(true);

    // A change the server refuses shows its reason and leaves the stored roles on screen.
    await roleBox(page, head.displayName, 'head').click();
    const members = page.getByRole('region', { name: vi('admin.members.title') });
    await members.getByText('phải còn ít nhất một Trưởng ban').waitFor();
    expect(await roleBox(page, head.displayName, 'head').isChecked()).toBe(true);
    expect(await roleBox(page, head.displayName, 'secretary').isChecked()).toBe(true);

    await roleBox(page, frontChair.displayName, 'deputyHead').click();
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
    await rolesOf(page, frontChair.displayName).waitFor();
    expect(await roleBox(page, frontChair.displayName, 'deputyHead').isChecked()).toBe(true);
    expect(await roleBox(page, frontChair.displayName, 'member').isChecked()).toBe(true);
    expect(await roleBox(page, head.displayName, 'head').isChecked()).toBe(true);
    expect(await roleBox(page, head.displayName, 'secretary').isChecked()).toBe(true);
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

  it('adds a standing delegation in the page, refuses an overlap, keeps it after reload', async () => {
    const page = await suite.newPage();
    await signIn(page, head);
    await openAdmin(page);
    const section = page.getByRole('region', { name: vi('admin.delegates.title') });
    await section.getByText(vi('admin.delegates.none')).waitFor();
    const from = vietnamDayFromToday(0);
    const until = vietnamDayFromToday(14);
    await section
      .getByLabel(vi('admin.delegates.member'))
      .selectOption({ label: womenUnionChair.displayName });
    await section.getByLabel(vi('admin.delegates.delegate')).selectOption({
      label: vi('admin.delegates.other'),
    });
    await section.getByLabel(vi('admin.delegates.delegateName')).fill('Nông Thị Duyên');
    await section.getByLabel(vi('admin.delegates.delegateTitle')).fill('Phó Chủ tịch Hội LHPN xã');
    await section.getByLabel(vi('admin.delegates.from')).fill(from.dmy);
    await section.getByLabel(vi('admin.delegates.until')).fill(until.dmy);
    await section.getByLabel(vi('admin.delegates.reason')).fill('Đi học lớp bồi dưỡng tại tỉnh');
    await section.getByRole('button', { name: vi('admin.delegates.addButton') }).click();
    const line = vi('admin.delegates.line', {
      delegate: 'Nông Thị Duyên',
      member: womenUnionChair.displayName,
    });
    await section.getByText(line).waitFor();
    await section.getByText(vi('admin.delegates.status.inForce')).waitFor();

    // The last day again overlaps (both days count): refused with the reason, list unchanged.
    await section
      .getByLabel(vi('admin.delegates.member'))
      .selectOption({ label: womenUnionChair.displayName });
    await section.getByLabel(vi('admin.delegates.delegate')).selectOption({
      label: vi('admin.delegates.other'),
    });
    await section.getByLabel(vi('admin.delegates.delegateName')).fill('Người khác');
    await section.getByLabel(vi('admin.delegates.from')).fill(until.dmy);
    await section.getByLabel(vi('admin.delegates.until')).fill(until.dmy);
    await section.getByLabel(vi('admin.delegates.reason')).fill('Thử trùng');
    await section.getByRole('button', { name: vi('admin.delegates.addButton') }).click();
    await section.getByText('trùng thời gian').waitFor();
    expect(await section.getByTestId('admin-delegation').count()).toBe(1);

    await page.reload();
    const reloaded = page.getByRole('region', { name: vi('admin.delegates.title') });
    await reloaded.getByText(line).waitFor();
    await reloaded
      .getByText(vi('admin.delegates.period', { from: from.dmy, until: until.dmy }))
      .waitFor();
    await page
      .getByRole('region', { name: vi('admin.audit.title') })
      .getByText(vi('admin.audit.action.delegation.added'))
      .first()
      .waitFor();

    const api = apiAs(suite.baseUrl, head);
    const stored = await api<{ delegations: { memberId: string; from: string; until: string }[] }>(
      `/api/units/${DEMO_UNIT.id}/admin/delegations`,
    );
    expect(stored.json.delegations).toEqual([
      expect.objectContaining({
        memberId: womenUnionChair.userId,
        from: from.iso,
        until: until.iso,
        status: 'inForce',
      }),
    ]);

    // The seeded meeting is a week from now, inside the delegation: its side panel offers the
    // delegate, and one click records them attending in the member's place.
    const meetings = await api<MeetingsAnswer>(`/api/bodies/${DEMO_BODY.id}/meetings`);
    const meeting = meetings.json.meetings.find(
      (m) =>
        m.status === 'scheduled' &&
        vietnamDateOf(new Date(m.startsAt)) >= from.iso &&
        vietnamDateOf(new Date(m.startsAt)) <= until.iso,
    )!;
    await page.goto(paths.meetingPanel(meeting.bodyId, meeting.id));
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    await page
      .getByText(vi('attendance.standingDelegate', { name: 'Nông Thị Duyên', until: until.dmy }))
      .first()
      .waitFor();
    await page
      .getByRole('button', {
        name: vi('attendance.useStandingDelegateFor', {
          delegate: 'Nông Thị Duyên',
          name: womenUnionChair.displayName,
        }),
      })
      .click();
    await page.getByRole('button', { name: vi('attendance.save') }).click();
    await page.getByText(vi('attendance.saved')).waitFor();
    const attendance = await api<{ attendance: { userId: string; delegateName?: string }[] }>(
      `/api/bodies/${DEMO_BODY.id}/meetings/${meeting.id}/attendance`,
    );
    expect(attendance.json.attendance).toContainEqual(
      expect.objectContaining({
        userId: womenUnionChair.userId,
        status: 'present',
        delegateName: 'Nông Thị Duyên',
      }),
    );
  });

  it('fits a 360 px wide frame', async () => {
    const page = await suite.newPage({ viewport: { width: 360, height: 900 } });
    await signIn(page, head);
    await page.goto(`/units/${DEMO_UNIT.id}/admin`);
    await rolesOf(page, head.displayName).waitFor();
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
