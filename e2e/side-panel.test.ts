import { formatDate, templateFor } from '@qcdc/core';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { paths } from '../tabs/src';
import { apiAs, type MeetingAnswer, type MeetingsAnswer, type MeetingView } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { pageText, signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const en = words('en');
const meetingsPath = `/api/bodies/${DEMO_BODY.id}/meetings`;
/** A Teams meeting side panel is about 320 px wide; phones are a little wider. */
const NARROW = { width: 360, height: 800 };
const STEERING_BASIS = templateFor('steeringRegular').quorum.basis;

type Person = (typeof DEMO_MEMBERS)[keyof typeof DEMO_MEMBERS];

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

/** A fresh meeting chaired by the head and minuted by the secretary, three weeks ahead. */
async function createMeeting(title: string): Promise<MeetingView> {
  const day = formatDate(new Date(Date.now() + 21 * 86_400_000).toISOString());
  const [d, m, y] = day.split('/');
  const created = await head()<MeetingAnswer>(meetingsPath, {
    method: 'POST',
    body: {
      kind: 'steeringRegular',
      title,
      startsAt: `${y}-${m}-${d}T14:00:00+07:00`,
      location: 'Phòng họp số 2, UBND xã',
      chairId: DEMO_MEMBERS.head.userId,
      secretaryId: DEMO_MEMBERS.secretary.userId,
      agenda: [
        { title: 'Rà soát công khai thông tin theo Điều 11 Luật 10/2022' },
        { title: 'Kế hoạch đối thoại với Nhân dân năm tới' },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.meeting;
}

/** Signs in as `person` in a fresh browser profile and opens the meeting's side panel. */
async function openPanel(
  person: Person,
  meeting: MeetingView,
  options: { viewport?: { width: number; height: number }; locale?: 'vi' | 'en' } = {},
): Promise<Page> {
  const locale = options.locale ?? 'vi';
  const page = await suite.newPage({
    locale: locale === 'vi' ? 'vi-VN' : 'en-US',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  await signIn(page, person, locale);
  await page.goto(paths.meetingPanel(meeting.bodyId, meeting.id));
  await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
  return page;
}

/** The lifecycle buttons shown, in order. */
async function actionButtons(page: Page): Promise<string[]> {
  const group = page.getByRole('group', { name: vi('panel.actions') });
  if ((await group.count()) === 0) return [];
  return group.getByRole('button').allInnerTexts();
}

async function press(page: Page, label: string, resultingStatus: string): Promise<void> {
  await page
    .getByRole('group', { name: vi('panel.actions') })
    .getByRole('button', { name: label })
    .click();
  await page.getByText(vi('panel.transitionDone', { status: resultingStatus })).waitFor();
}

async function mark(page: Page, person: Person, status: string, delegate?: string): Promise<void> {
  const group = page.getByRole('radiogroup', {
    name: vi('attendance.statusOf', { name: person.displayName }),
  });
  await group.getByRole('radio', { name: status, exact: true }).check();
  if (delegate !== undefined) {
    await page
      .getByRole('button', { name: vi('attendance.addDelegateFor', { name: person.displayName }) })
      .click();
    await page.getByLabel(vi('attendance.delegateOf', { name: person.displayName })).fill(delegate);
  }
}

const sectionBox = (page: Page, label: string) =>
  page.getByRole('textbox', { name: label, exact: true });

async function saveSection(page: Page, label: string, text: string): Promise<void> {
  await sectionBox(page, label).fill(text);
  await page.getByRole('button', { name: vi('minutes.saveSection', { section: label }) }).click();
}

async function downloadText(page: Page, buttonLabel: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonLabel }).click(),
  ]);
  const bytes = new Uint8Array(await readFile(await download.path()));
  // A DOCX is a zip (PK\x03\x04) whose body is word/document.xml.
  expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const files = unzipSync(bytes);
  const xml = files['word/document.xml'];
  if (!xml) throw new Error(`no word/document.xml in ${download.suggestedFilename()}`);
  return { name: download.suggestedFilename(), text: strFromU8(xml) };
}

describe('the meeting side panel in Chromium', () => {
  it('runs the seeded meeting: start, attendance, minutes, end, submit, approve, documents', async () => {
    const seeded = await seededMeeting();
    const firstItem = seeded.agenda[0];
    if (!firstItem) throw new Error('the demo meeting has no agenda');
    const itemLabel = vi('minutesSection.agendaItem', { n: 1, title: firstItem.title });
    const conclusionsLabel = vi('minutesSection.conclusions');

    // The secretary reaches the panel from the meeting page.
    const secretary = await suite.newPage();
    await signIn(secretary, DEMO_MEMBERS.secretary);
    await secretary.getByRole('link', { name: seeded.title, exact: true }).click();
    await secretary.getByRole('link', { name: vi('meeting.openPanel') }).click();
    await secretary.getByRole('heading', { level: 1, name: seeded.title }).waitFor();
    expect(secretary.url()).toContain(paths.meetingPanel(DEMO_BODY.id, seeded.id));
    expect(await actionButtons(secretary)).toEqual([
      vi('transition.start'),
      vi('transition.cancel'),
      vi('transition.postpone'),
    ]);
    const quorumBefore = vi('quorum.notMet', {
      present: 0,
      summoned: 5,
      required: 3,
      basis: STEERING_BASIS.vi,
    });
    await secretary.getByText(quorumBefore).waitFor();
    // Observers are not summoned: the village head is not on the attendance list.
    expect(await pageText(secretary)).not.toContain(DEMO_MEMBERS.villageHead.displayName);

    // The head chairs: starts the meeting and takes attendance, in a side-panel-wide window.
    const chair = await openPanel(DEMO_MEMBERS.head, seeded, { viewport: NARROW });
    await press(chair, vi('transition.start'), vi('status.inProgress'));
    expect(await actionButtons(chair)).toEqual([vi('transition.end')]);
    await mark(chair, DEMO_MEMBERS.head, vi('attendanceStatus.present'));
    await mark(chair, DEMO_MEMBERS.deputyHead, vi('attendanceStatus.present'));
    await mark(chair, DEMO_MEMBERS.secretary, vi('attendanceStatus.present'));
    await mark(
      chair,
      DEMO_MEMBERS.frontChair,
      vi('attendanceStatus.present'),
      'Nông Thị Hương (Phó Chủ tịch Ủy ban MTTQ xã)',
    );
    await mark(chair, DEMO_MEMBERS.womenUnionChair, vi('attendanceStatus.absentExcused'));
    await chair.getByRole('button', { name: vi('attendance.save') }).click();
    await chair.getByText(vi('attendance.saved')).waitFor();
    const quorumMet = vi('quorum.met', {
      present: 4,
      summoned: 5,
      required: 3,
      basis: STEERING_BASIS.vi,
    });
    await chair.getByText(quorumMet).waitFor();
    expect(await chair.getByText(quorumBefore).count()).toBe(0);
    await chair.getByText(vi('quorum.delegates', { count: 1 })).waitFor();
    await expectAccessible(chair, 'side-panel-vi');
    await chair.screenshot({ path: `${ARTIFACTS}side-panel-vi.png`, fullPage: true });

    // The secretary writes the first item and the conclusions (their page learns of the start
    // from the save's answer), then ends the meeting and submits the minutes.
    const itemText =
      'Năm 2026 xã tổ chức 12 hội nghị đối thoại với Nhân dân; 98% phản ánh được giải quyết đúng hạn.';
    const conclusionsText =
      'Ban Chỉ đạo thống nhất giao Văn phòng UBND xã tổng hợp báo cáo trước ngày 20 tháng 12.';
    await saveSection(secretary, itemLabel, itemText);
    await secretary.getByText(/^Đã lưu phiên bản 1 lúc \d\d:\d\d$/).waitFor();
    await saveSection(secretary, conclusionsLabel, conclusionsText);
    await secretary
      .getByText(/^Đã lưu phiên bản 1 lúc \d\d:\d\d$/)
      .nth(1)
      .waitFor();
    await secretary.getByRole('button', { name: vi('transition.end') }).waitFor();
    await press(secretary, vi('transition.end'), vi('status.ended'));
    expect(await actionButtons(secretary)).toEqual([vi('transition.submitMinutes')]);
    await press(secretary, vi('transition.submitMinutes'), vi('status.minutesInReview'));
    await secretary.getByText(vi('minutes.inReview')).waitFor();
    expect(await sectionBox(secretary, itemLabel).count()).toBe(0); // read-only now
    await secretary.getByRole('button', { name: vi('history.show') }).click();
    const history = secretary.getByRole('region', { name: vi('history.title') });
    await history.getByText(vi('history.entry', { section: itemLabel, version: 1 })).waitFor();
    expect(await history.innerText()).toContain(
      vi('history.entry', { section: conclusionsLabel, version: 1 }),
    );
    expect(await history.innerText()).toContain(DEMO_MEMBERS.secretary.displayName);

    // The chair reloads, approves, and downloads both documents.
    await chair.getByRole('button', { name: vi('panel.refresh') }).click();
    await chair.getByRole('button', { name: vi('transition.approveMinutes') }).waitFor();
    expect(await actionButtons(chair)).toEqual([
      vi('transition.returnMinutes'),
      vi('transition.approveMinutes'),
    ]);
    await press(chair, vi('transition.approveMinutes'), vi('status.minutesApproved'));
    const approved = (await head()<MeetingAnswer>(`${meetingsPath}/${seeded.id}`)).json.meeting;
    expect(approved.minutes).toMatchObject({ status: 'approved', edition: 1 });
    const lockedNote = chair.getByText(/^Biên bản đã được duyệt, khóa lúc /);
    await lockedNote.waitFor();
    expect(await lockedNote.innerText()).toContain(`mã SHA-256 ${approved.minutes.approvedHash}`);
    expect(await pageText(chair)).toContain(itemText);
    await expectAccessible(chair, 'side-panel-approved-vi');
    await chair.screenshot({ path: `${ARTIFACTS}side-panel-approved-vi.png`, fullPage: true });

    const minutes = await downloadText(chair, vi('documents.minutes'));
    expect(minutes.name).toMatch(/^bien-ban-\d{4}-\d{2}-\d{2}-v1\.docx$/);
    expect(minutes.text).toContain('BIÊN BẢN');
    expect(minutes.text).toContain(itemText);
    expect(minutes.text).toContain(conclusionsText);
    const notice = await downloadText(chair, vi('documents.notice'));
    expect(notice.name).toMatch(/^thong-bao-ket-luan-.*\.docx$/);
    expect(notice.text).toContain('THÔNG BÁO');
    expect(notice.text).toContain(conclusionsText);
  });

  it('never overwrites a section someone else saved first: shows theirs and keeps yours', async () => {
    const meeting = await createMeeting('Họp Ban Chỉ đạo chuẩn bị Hội nghị đối thoại');
    const openingLabel = vi('minutesSection.opening');
    const secretary = await openPanel(DEMO_MEMBERS.secretary, meeting);
    const chair = await openPanel(DEMO_MEMBERS.head, meeting, { viewport: NARROW });
    // Both start from the same (unwritten) version of the opening.
    expect(await sectionBox(secretary, openingLabel).inputValue()).toBe('');
    expect(await sectionBox(chair, openingLabel).inputValue()).toBe('');

    const secretaryText = 'Đồng chí Triệu Văn Thanh, Trưởng Ban Chỉ đạo, khai mạc lúc 14 giờ.';
    const chairText = 'Khai mạc cuộc họp; giới thiệu thành phần tham dự.';
    await saveSection(secretary, openingLabel, secretaryText);
    await secretary.getByText(/^Đã lưu phiên bản 1 lúc/).waitFor();

    await saveSection(chair, openingLabel, chairText);
    await chair.getByText(vi('minutes.conflictTitle')).waitFor();
    expect(await pageText(chair)).toContain(
      vi('minutes.conflictBody', { name: DEMO_MEMBERS.secretary.displayName, version: 1 }),
    );
    expect(await sectionBox(chair, openingLabel).inputValue()).toBe(secretaryText);
    const yours = chair.getByRole('textbox', { name: vi('minutes.yours') });
    expect(await yours.inputValue()).toBe(chairText);
    expect(await yours.getAttribute('readonly')).not.toBeNull();
    await expectAccessible(chair, 'side-panel-conflict-vi');
    await chair.screenshot({ path: `${ARTIFACTS}side-panel-conflict-vi.png`, fullPage: true });

    const stored = async () =>
      (
        await head()<{ sections: { key: string; text: string; version: number }[] }>(
          `${meetingsPath}/${meeting.id}/minutes`,
        )
      ).json.sections.find((section) => section.key === 'opening');
    expect(await stored()).toMatchObject({ text: secretaryText, version: 1 });

    // The chair merges by hand and saves on top of the fresh version.
    const merged = `${secretaryText}\n${chairText}`;
    await saveSection(chair, openingLabel, merged);
    await chair.getByText(/^Đã lưu phiên bản 2 lúc/).waitFor();
    expect(await stored()).toMatchObject({ text: merged, version: 2 });
  });

  it('shows a member the panel read-only, in English', async () => {
    const meeting = await createMeeting('Họp Ban Chỉ đạo (xem của Ủy viên)');
    const page = await openPanel(DEMO_MEMBERS.frontChair, meeting, { locale: 'en' });
    await page.getByText(en('attendance.readOnly')).waitFor();
    expect(await actionButtons(page)).toEqual([]);
    const text = await pageText(page);
    expect(text).toContain(en('minutes.notWriter'));
    expect(text).toContain(en('minutesSection.opening'));
    expect(text).toContain(
      en('quorum.notMet', { present: 0, summoned: 5, required: 3, basis: STEERING_BASIS.en }),
    );
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('radiogroup').count()).toBe(0);
  });

  it('asks a reason before postponing', async () => {
    const meeting = await createMeeting('Họp Ban Chỉ đạo (sẽ hoãn)');
    const page = await openPanel(DEMO_MEMBERS.secretary, meeting);
    await page.getByRole('button', { name: vi('transition.postpone') }).click();
    const dialog = page.getByRole('dialog', {
      name: vi('panel.reasonTitle', { action: vi('transition.postpone') }),
    });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: vi('transition.postpone') }).click();
    await dialog.getByText(vi('validation.required')).waitFor();
    await dialog.getByLabel(vi('panel.reason')).fill('Trùng lịch tiếp công dân định kỳ của xã');
    await dialog.getByRole('button', { name: vi('transition.postpone') }).click();
    await page.getByText(vi('panel.transitionDone', { status: vi('status.postponed') })).waitFor();
    await page
      .getByText(vi('panel.statusReason', { reason: 'Trùng lịch tiếp công dân định kỳ của xã' }))
      .waitFor();
    const stored = (await head()<MeetingAnswer>(`${meetingsPath}/${meeting.id}`)).json.meeting;
    expect(stored).toMatchObject({
      status: 'postponed',
      statusReason: 'Trùng lịch tiếp công dân định kỳ của xã',
    });
  });

  it('shows the item under discussion and the quorum on the stage', async () => {
    const meeting = await createMeeting('Họp Ban Chỉ đạo (màn hình trình chiếu)');
    const marked = await head()(`${meetingsPath}/${meeting.id}/attendance`, {
      method: 'PUT',
      body: {
        marks: [
          { userId: DEMO_MEMBERS.head.userId, status: 'present' },
          { userId: DEMO_MEMBERS.secretary.userId, status: 'present' },
        ],
      },
    });
    expect(marked.status).toBe(200);
    const [first, second] = meeting.agenda;
    if (!first || !second) throw new Error('two agenda items expected');

    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.head);
    await page.goto(paths.meetingStage(meeting.bodyId, meeting.id));
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: first.title }).waitFor();
    expect(await pageText(page)).toContain(vi('stage.item', { n: 1, total: 2 }));
    await page
      .getByText(
        vi('quorum.notMet', { present: 2, summoned: 5, required: 3, basis: STEERING_BASIS.vi }),
      )
      .waitFor();
    // Those running the meeting move the stage on.
    await page.getByRole('combobox', { name: vi('stage.choose') }).selectOption(second.id);
    await page.getByRole('heading', { level: 2, name: second.title }).waitFor();
    expect(page.url()).toContain(`?item=${second.id}`);
    await expectAccessible(page, 'stage-vi');
    await page.screenshot({ path: `${ARTIFACTS}stage-vi.png`, fullPage: true });
  });
});
