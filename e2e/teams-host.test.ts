import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { paths } from '../tabs/src';
import { frontPaths } from '../tabs/src/front/front-routes';
import { apiAs, type MeetingAnswer, type MeetingsAnswer, type MeetingView } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { words } from './support/tab-ui';
import { openInTeamsHost, type TeamsHostContext } from './support/teams-host-frame';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const en = words('en');
const meetingsPath = `/api/bodies/${DEMO_BODY.id}/meetings`;
const NARROW = { width: 360, height: 800 };

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

const head = () => apiAs(suite.baseUrl, DEMO_MEMBERS.head);

async function seededMeeting(): Promise<MeetingView> {
  const { json } = await head()<MeetingsAnswer>(meetingsPath);
  const seeded = json.meetings.find((m) => m.title.startsWith('Họp Ban Chỉ đạo thực hiện dân chủ'));
  if (!seeded) throw new Error('the demo meeting was not seeded');
  return seeded;
}

function teamsContext(overrides: Partial<TeamsHostContext> = {}): TeamsHostContext {
  return {
    user: DEMO_MEMBERS.head,
    locale: 'vi-vn',
    theme: 'dark',
    frameContext: 'content',
    teamId: '19:chi-lang-team@thread.tacv2',
    channelId: '19:chi-lang-general@thread.tacv2',
    ...overrides,
  };
}

async function openInTeams(
  path: string,
  context: TeamsHostContext,
  viewport = { width: 1280, height: 900 },
) {
  // A browser language unlike the Teams one, so the test sees which of the two the tab follows.
  const page = await suite.newPage({
    viewport,
    locale: context.locale.startsWith('en') ? 'vi-VN' : 'en-US',
  });
  const host = await openInTeamsHost(page, {
    tabOrigin: suite.baseUrl,
    path,
    context,
    issueToken: (user) => suite.tokenFor(user),
  });
  return { page, ...host };
}

/** The page background, as relative luminance (0 black … 1 white). */
async function backgroundLuminance(tab: Frame): Promise<number> {
  const colour = await tab.evaluate(() => {
    const provider = document.querySelector('.fui-FluentProvider');
    return provider ? getComputedStyle(provider).backgroundColor : '';
  });
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined) {
    throw new Error(`no background colour: "${colour}"`);
  }
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}-dark-vi.png` });
}

describe('the tab inside a Teams host frame', () => {
  it('signs in with the Teams SSO token, shows the body in Vietnamese and follows the dark theme', async () => {
    const seeded = await seededMeeting();
    const { page, tab, calls, setTheme } = await openInTeams('/', teamsContext());

    await tab.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    await tab.getByRole('link', { name: seeded.title, exact: true }).waitFor();
    // The name comes from the API's /me, answered for the token Teams handed over.
    await tab.getByText(vi('header.signedInAs', { name: DEMO_MEMBERS.head.displayName })).waitFor();
    expect(await tab.getByRole('heading', { name: vi('signIn.title') }).count()).toBe(0);
    // Teams owns the account: no sign-out button inside Teams.
    expect(await tab.getByRole('button', { name: vi('header.signOut') }).count()).toBe(0);
    expect(await calls()).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('vi');

    expect(await backgroundLuminance(tab)).toBeLessThan(0.05);
    // Dark and high-contrast themes have their own colours: check contrast and names in them too.
    await expectAccessible(tab, 'dashboard (dark, in Teams)');
    await shot(page, 'dashboard');

    await setTheme('default');
    await expect.poll(() => backgroundLuminance(tab)).toBeGreaterThan(0.9);
    await setTheme('contrast');
    await expect.poll(() => backgroundLuminance(tab)).toBeLessThan(0.05);
    await expectAccessible(tab, 'dashboard (high contrast, in Teams)');
  });

  it('speaks English when Teams is in English, whatever the browser language', async () => {
    const { tab } = await openInTeams('/', teamsContext({ locale: 'en-us', theme: 'default' }));
    await tab.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    await tab.getByText(en('header.signedInAs', { name: DEMO_MEMBERS.head.displayName })).waitFor();
    await tab.getByRole('button', { name: en('dashboard.createMeeting') }).waitFor();
    // Teams shows its own tab strip: the browser-only navigation stays out of the frame.
    expect(await tab.getByRole('navigation', { name: en('nav.label') }).count()).toBe(0);
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('signs in whichever member Teams names: the token decides who the API sees', async () => {
    const { tab } = await openInTeams(
      paths.myTasks(),
      teamsContext({ user: DEMO_MEMBERS.secretary, theme: 'default' }),
    );
    await tab
      .getByText(vi('header.signedInAs', { name: DEMO_MEMBERS.secretary.displayName }))
      .waitFor();
  });

  it('shows every page in the dark theme (screenshots)', async () => {
    const seeded = await seededMeeting();
    const pages: [string, string][] = [
      ['meeting-detail', paths.meeting(DEMO_BODY.id, seeded.id)],
      ['side-panel', paths.meetingPanel(DEMO_BODY.id, seeded.id)],
      ['stage', paths.meetingStage(DEMO_BODY.id, seeded.id)],
      ['my-tasks', paths.myTasks()],
      ['consultations', frontPaths.consultations(DEMO_BODY.id)],
      ['cases', frontPaths.cases(DEMO_BODY.id)],
    ];
    for (const [name, path] of pages) {
      const { page, tab } = await openInTeams(path, teamsContext());
      await tab.getByRole('heading', { level: 1 }).first().waitFor();
      // Wait for the data, not just the frame: no loading spinner left (progress bars may stay).
      await expect.poll(() => tab.locator('.fui-Spinner').count()).toBe(0);
      expect(await backgroundLuminance(tab), name).toBeLessThan(0.05);
      await expectAccessible(tab, `${name} (dark, in Teams)`);
      await shot(page, name);
      await page.context().close();
    }
  });

  it('in a 360 px meeting side panel on a phone, goes to the meeting in progress and fits the width', async () => {
    const seeded = await seededMeeting();
    if (seeded.status !== 'inProgress') {
      const started = await head()<MeetingAnswer>(`${meetingsPath}/${seeded.id}/transitions`, {
        method: 'POST',
        body: { transition: 'start', version: seeded.version },
      });
      expect(started.status, JSON.stringify(started.json)).toBe(200);
    }
    const { page, tab } = await openInTeams(
      paths.dashboard(DEMO_BODY.id),
      teamsContext({ frameContext: 'sidePanel', clientType: 'android', theme: 'default' }),
      NARROW,
    );
    await expect
      .poll(() => new URL(tab.url()).pathname)
      .toBe(paths.meetingPanel(DEMO_BODY.id, seeded.id));
    await tab.getByText(vi('status.inProgress')).first().waitFor();
    // The running meeting's only move is to end it; the panel's width rules keep it on screen.
    await tab.getByRole('button', { name: vi('transition.end') }).waitFor();
    const overflow = await tab.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ARTIFACTS}teams-side-panel-360-vi.png` });
  });
});
