import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { paths } from '../tabs/src';
import { apiAs, type MeetingAnswer, type MeetingsAnswer, type MeetingView } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { pageText, signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const meetingsPath = `/api/bodies/${DEMO_BODY.id}/meetings`;
/** A Teams meeting side panel is about 320 px wide; phones are a little wider. */
const NARROW = { width: 360, height: 800 };
/** Casts and closes reach other screens through their polling (3 s); allow a few rounds. */
const POLL_WAIT = { timeout: 15_000 };

type Person = (typeof DEMO_MEMBERS)[keyof typeof DEMO_MEMBERS];

let suite: Suite;
let meeting: MeetingView;

const head = () => apiAs(suite.baseUrl, DEMO_MEMBERS.head);

/**
 * The seeded meeting (chaired by the head, minuted by the secretary), started, with three of the
 * five summoned members marked present (quorum: more than half). The deputy head stays absent and
 * the village head is an observer: neither is on the voters list.
 */
beforeAll(async () => {
  suite = await startSuite();
  const { json } = await head()<MeetingsAnswer>(meetingsPath);
  const seeded = json.meetings.find((m) => m.title.startsWith('Họp Ban Chỉ đạo thực hiện dân chủ'));
  if (!seeded) throw new Error('the demo meeting was not seeded');
  const started = await head()<MeetingAnswer>(`${meetingsPath}/${seeded.id}/transitions`, {
    method: 'POST',
    body: { transition: 'start', version: seeded.version },
  });
  expect(started.status, JSON.stringify(started.json)).toBe(200);
  const marked = await head()<MeetingAnswer>(`${meetingsPath}/${seeded.id}/attendance`, {
    method: 'PUT',
    body: {
      marks: [
        { userId: DEMO_MEMBERS.head.userId, status: 'present' },
        { userId: DEMO_MEMBERS.frontChair.userId, status: 'present' },
        { userId: DEMO_MEMBERS.womenUnionChair.userId, status: 'present' },
        { userId: DEMO_MEMBERS.deputyHead.userId, status: 'absent' },
      ],
    },
  });
  expect(marked.status, JSON.stringify(marked.json)).toBe(200);
  meeting = marked.json.meeting;
}, 120_000);

afterAll(async () => {
  await suite?.stop();
});

async function openPanel(person: Person, viewport = NARROW): Promise<Page> {
  const page = await suite.newPage({ viewport });
  await signIn(page, person);
  await page.goto(paths.meetingPanel(meeting.bodyId, meeting.id));
  await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
  await page.getByRole('region', { name: vi('vote.title') }).waitFor();
  return page;
}

/** The vote's entry in the side panel's "Biểu quyết" list. */
function voteItem(page: Page, question: string): Locator {
  return page
    .getByRole('region', { name: vi('vote.title') })
    .getByRole('listitem')
    .filter({ hasText: question });
}

async function createMotion(page: Page, question: string, secret = false): Promise<void> {
  await page.getByRole('button', { name: vi('vote.new.motion') }).click();
  const form = page.getByRole('form', { name: vi('vote.new.motion') });
  await form.getByRole('textbox', { name: vi('vote.form.question') }).fill(question);
  if (secret) await form.getByRole('radio', { name: vi('vote.method.secret') }).check();
  await form.getByRole('button', { name: vi('vote.form.create') }).click();
  await page.getByText(vi('vote.created', { question })).waitFor();
}

async function runButton(page: Page, question: string, label: string): Promise<void> {
  await voteItem(page, question)
    .getByRole('group', { name: vi('vote.actions', { question }) })
    .getByRole('button', { name: label })
    .click();
}

async function cast(page: Page, question: string, choice: string): Promise<void> {
  const item = voteItem(page, question);
  await item.getByRole('radio', { name: choice, exact: true }).waitFor(POLL_WAIT);
  await item.getByRole('radio', { name: choice, exact: true }).check();
  await item.getByRole('button', { name: vi('vote.cast') }).click();
}

describe('votes in the side panel and on the stage', () => {
  it('runs a show of hands: create, open, two members cast, close, "Thông qua" on the stage', async () => {
    const question = 'Thông qua Kế hoạch thực hiện dân chủ ở cơ sở năm 2026';
    const chair = await openPanel(DEMO_MEMBERS.head);
    // Before the vote: the stage shows no vote yet.
    const stage = await suite.newPage();
    await signIn(stage, DEMO_MEMBERS.secretary);
    await stage.goto(paths.meetingStage(meeting.bodyId, meeting.id));
    await stage.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    expect(await stage.getByRole('region', { name: vi('stage.voteOpen') }).count()).toBe(0);

    await createMotion(chair, question);
    const item = voteItem(chair, question);
    await item.getByText(vi('vote.status.draft')).waitFor();
    await runButton(chair, question, vi('vote.open'));
    await item.getByText(vi('vote.status.open')).waitFor();
    await item.getByText(vi('vote.electorate', { eligible: 3, present: 3, summoned: 5 })).waitFor();

    // The stage picks up the open vote by itself.
    const openOnStage = stage.getByRole('region', { name: vi('stage.voteOpen') });
    await openOnStage.getByRole('heading', { name: question }).waitFor(POLL_WAIT);

    // Two members cast from their own browsers; each sees their own choice.
    const binh = await openPanel(DEMO_MEMBERS.frontChair);
    const lan = await openPanel(DEMO_MEMBERS.womenUnionChair);
    await cast(binh, question, 'Tán thành');
    await cast(lan, question, 'Tán thành');
    await voteItem(binh, question)
      .getByText(vi('vote.youChose', { choices: 'Tán thành' }))
      .waitFor();
    await voteItem(lan, question)
      .getByText(vi('vote.youChose', { choices: 'Tán thành' }))
      .waitFor();

    // The absent deputy head and the observer are told why they cannot vote.
    const hoa = await openPanel(DEMO_MEMBERS.deputyHead);
    await voteItem(hoa, question).getByText(vi('vote.notEligible.notPresent')).waitFor(POLL_WAIT);
    expect(
      await voteItem(hoa, question)
        .getByRole('button', { name: vi('vote.cast') })
        .count(),
    ).toBe(0);
    const duc = await openPanel(DEMO_MEMBERS.villageHead);
    await voteItem(duc, question).getByText(vi('vote.notEligible.observer')).waitFor(POLL_WAIT);

    // Members do not see the chair's buttons.
    expect(await binh.getByRole('button', { name: vi('vote.close') }).count()).toBe(0);
    expect(await binh.getByRole('button', { name: vi('vote.new.motion') }).count()).toBe(0);

    // The chair closes: adopted, 2 of 3 attendees, with the bars' numbers.
    await runButton(chair, question, vi('vote.close'));
    await item.getByText(vi('vote.outcome.adopted'), { exact: true }).waitFor();
    await item.getByRole('img', { name: 'Tán thành: 2 phiếu (100%)' }).waitFor();
    await item.getByRole('img', { name: 'Không tán thành: 0 phiếu (0%)' }).waitFor();
    await item.getByText(vi('vote.turnout', { voted: 2, eligible: 3 })).waitFor();

    // The stage turns to the announced result in large type.
    const closedOnStage = stage.getByRole('region', { name: vi('stage.voteClosed') });
    await closedOnStage.getByText(vi('vote.outcome.adopted'), { exact: true }).waitFor(POLL_WAIT);
    await closedOnStage.getByRole('img', { name: 'Tán thành: 2 phiếu (100%)' }).waitFor();
    await expectAccessible(stage, 'voting-stage');
    await stage.screenshot({ path: `${ARTIFACTS}voting-stage.png`, fullPage: true });

    // A member's panel catches up by polling.
    await voteItem(binh, question)
      .getByText(vi('vote.outcome.adopted'), { exact: true })
      .waitFor(POLL_WAIT);

    await expectAccessible(chair, 'voting-panel-360');
    await chair.screenshot({ path: `${ARTIFACTS}voting-panel-360.png`, fullPage: true });
    await chair
      .getByRole('region', { name: vi('vote.title') })
      .screenshot({ path: `${ARTIFACTS}voting-panel-360-votes.png` });
  }, 180_000);

  it('keeps a secret ballot secret: the voter sees only "Đã bỏ phiếu"', async () => {
    const question = 'Bỏ phiếu kín: đề nghị khen thưởng Tổ dân vận thôn Bản Trang';
    const chair = await openPanel(DEMO_MEMBERS.head);
    await createMotion(chair, question, true);
    await voteItem(chair, question).getByText(vi('vote.method.secret'), { exact: true }).waitFor();
    await runButton(chair, question, vi('vote.open'));
    await voteItem(chair, question).getByText(vi('vote.status.open')).waitFor();

    const binh = await openPanel(DEMO_MEMBERS.frontChair);
    await voteItem(binh, question).getByText(vi('vote.secretNote')).waitFor(POLL_WAIT);
    await cast(binh, question, 'Không tán thành');
    const item = voteItem(binh, question);
    await item.getByText(vi('vote.castSecret'), { exact: true }).waitFor();
    const text = await item.innerText();
    expect(text).not.toContain('Bạn đã chọn');
    // After a reload the panel still says only that the ballot was cast.
    await binh.reload();
    await voteItem(binh, question).getByText(vi('vote.castSecret'), { exact: true }).waitFor();
    expect(await pageText(binh)).not.toContain('Bạn đã chọn: Không tán thành');
  }, 120_000);
});
