import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS, DEMO_OUTSIDER } from '../functions/src/dev/demo-data';
import {
  DEMO_EXTRA_PEOPLE,
  DEMO_TEAM_ID,
} from '../functions/src/dev/graph-stand-in/demo-graph-data';
import type { AttendanceAnswer } from '../tabs/src/api/api-types';
import { paths } from '../tabs/src';
import { apiAs, type MeetingsAnswer, type MeetingView } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const { head, womenUnionChair: lan } = DEMO_MEMBERS;
const NARROW = { width: 360, height: 900 };

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

const api = () => apiAs(suite.baseUrl, head);

async function seededMeeting(): Promise<MeetingView> {
  const { json } = await api()<MeetingsAnswer>(`/api/bodies/${DEMO_BODY.id}/meetings`);
  const seeded = json.meetings.find((m) => m.title.startsWith('Họp Ban Chỉ đạo thực hiện dân chủ'));
  if (!seeded) throw new Error('the demo meeting was not seeded');
  return seeded;
}

function statusOf(page: Page, name: string) {
  return page.getByRole('radiogroup', { name: vi('attendance.statusOf', { name }) });
}

describe('Teams roster and attendance in Chromium against the local suite', () => {
  it('lets the head sync the roster from Teams and see the proposals', async () => {
    const page = await suite.newPage();
    await signIn(page, head);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    const roster = page.getByRole('region', { name: vi('roster.title'), exact: true });
    await roster.getByText(vi('roster.noProposals')).waitFor();
    await roster.getByLabel(vi('roster.teamId')).fill(DEMO_TEAM_ID);
    await roster.getByRole('button', { name: vi('roster.sync') }).click();
    const expected = [DEMO_OUTSIDER.displayName, ...DEMO_EXTRA_PEOPLE.map((p) => p.displayName)];
    await roster.getByText(vi('roster.synced', { count: expected.length })).waitFor();
    const list = roster.getByRole('list', { name: vi('roster.proposalsList') });
    for (const name of expected) await list.getByRole('listitem', { name }).waitFor();
    // The head may add (member.grant) or dismiss.
    const outsider = list.getByRole('listitem', { name: DEMO_OUTSIDER.displayName });
    await outsider.getByRole('button', { name: vi('roster.accept') }).waitFor();
    await roster.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'roster-sync-vi');
    await page.screenshot({ path: `${ARTIFACTS}roster-sync-vi.png`, fullPage: true });

    await outsider.getByRole('button', { name: vi('roster.dismiss') }).click();
    await list
      .getByRole('listitem', { name: DEMO_OUTSIDER.displayName })
      .waitFor({ state: 'detached' });
    expect(await list.getByRole('listitem').count()).toBe(expected.length - 1);
  });

  it('imports the seeded meeting attendance from Teams in the side panel', async () => {
    const meeting = await seededMeeting();
    const before = await api()<AttendanceAnswer>(
      `/api/bodies/${DEMO_BODY.id}/meetings/${meeting.id}/attendance`,
    );
    expect(before.json.attendance).toEqual([]);

    const page = await suite.newPage({ viewport: NARROW });
    await signIn(page, head);
    await page.goto(paths.meetingPanel(DEMO_BODY.id, meeting.id));
    await statusOf(page, head.displayName).waitFor();
    expect(
      await statusOf(page, head.displayName).getByRole('radio', { checked: true }).count(),
    ).toBe(0);
    await page.getByRole('button', { name: vi('attendanceImport.button') }).click();
    await page.getByRole('status').filter({ hasText: 'Teams' }).waitFor();
    await statusOf(page, head.displayName)
      .getByRole('radio', { name: vi('attendanceStatus.present'), checked: true })
      .waitFor();
    await statusOf(page, lan.displayName)
      .getByRole('radio', { name: vi('attendanceStatus.absent'), checked: true })
      .waitFor();
    await expectAccessible(page, 'attendance-import-vi');
    await page.screenshot({ path: `${ARTIFACTS}attendance-import-vi.png`, fullPage: true });

    const after = await api()<AttendanceAnswer>(
      `/api/bodies/${DEMO_BODY.id}/meetings/${meeting.id}/attendance`,
    );
    const byUser = new Map(after.json.attendance.map((mark) => [mark.userId, mark.status]));
    expect(byUser.get(head.userId)).toBe('present');
    expect(byUser.get(lan.userId)).toBe('absent');
  });
});
