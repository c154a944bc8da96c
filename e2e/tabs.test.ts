import { errorMessage, formatDate } from '@qcdc/core';
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

/** A day some weeks ahead, as the form takes it (dd/MM/yyyy, Vietnam time). */
function futureVietnamDate(daysAhead: number): string {
  return formatDate(new Date(Date.now() + daysAhead * 86_400_000).toISOString());
}

function vietnamInstant(date: string, time: string): string {
  const [day, month, year] = date.split('/');
  return new Date(`${year}-${month}-${day}T${time}:00+07:00`).toISOString();
}

describe('the tabs in Chromium against the local suite', () => {
  it('signs in as the head and shows the body with its seeded meeting in Vietnam dates', async () => {
    const seeded = await seededMeeting();
    const page = await suite.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: vi('signIn.title') }).waitFor();
    await expectAccessible(page, 'sign-in-vi');
    await page.screenshot({ path: `${ARTIFACTS}sign-in-vi.png`, fullPage: true });

    await signIn(page, DEMO_MEMBERS.head);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    const row = page.getByRole('listitem').filter({
      has: page.getByRole('link', { name: seeded.title, exact: true }),
    });
    await row.waitFor();
    const rowText = await row.innerText();
    // The browser runs in London time; the list must still say the Vietnamese date and hour.
    expect(rowText).toContain(formatDate(seeded.startsAt));
    expect(rowText).toContain('08:00');
    expect(rowText).toContain(vi('status.scheduled'));
    expect(rowText).toContain(vi('kind.steeringRegular'));
    expect(await pageText(page)).toContain(DEMO_MEMBERS.villageHead.displayName);
    await expectAccessible(page, 'dashboard-vi');
    await page.screenshot({ path: `${ARTIFACTS}dashboard-vi.png`, fullPage: true });
  });

  it('lets the head create a meeting through the form, stores it and lists it', async () => {
    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.head);
    await page.getByRole('button', { name: vi('dashboard.createMeeting') }).click();
    await page.getByRole('heading', { level: 1, name: vi('form.createTitle') }).waitFor();

    // getByLabel matches label text as a substring: required labels end in an (aria-hidden) "*".
    const title = 'Sơ kết 6 tháng thực hiện dân chủ ở cơ sở xã Chi Lăng';
    const date = futureVietnamDate(40);
    await page.getByLabel(vi('form.kind')).selectOption('steeringHalfYearReview');
    await page.getByLabel(vi('form.title')).fill(title);
    await page.getByLabel(vi('form.date')).fill(date);
    await page.getByLabel(vi('form.startTime')).fill('14:00');
    await page.getByLabel(vi('form.endTime')).fill('16:30');
    await page.getByLabel(vi('form.location')).fill('Phòng họp số 2, UBND xã');
    await page.getByLabel(vi('form.chair')).selectOption(DEMO_MEMBERS.deputyHead.userId);
    // The secretary defaults to the body's secretary.
    expect(await page.getByLabel(vi('form.secretary')).inputValue()).toBe(
      DEMO_MEMBERS.secretary.userId,
    );

    const agenda = [
      { title: 'Báo cáo sơ kết 6 tháng', presenter: DEMO_MEMBERS.secretary.userId, minutes: '45' },
      {
        title: 'Ý kiến của Ủy ban MTTQ xã',
        presenter: DEMO_MEMBERS.frontChair.userId,
        minutes: '20',
      },
    ];
    for (const [index, item] of agenda.entries()) {
      const n = index + 1;
      await page.getByRole('button', { name: vi('form.agendaAdd') }).click();
      await page.getByLabel(vi('form.agendaTitle', { n })).fill(item.title);
      await page.getByLabel(vi('form.agendaPresenter', { n })).selectOption(item.presenter);
      await page.getByLabel(vi('form.agendaDuration', { n })).fill(item.minutes);
    }
    // An empty title is refused in the user's language before anything is sent…
    await page.getByLabel(vi('form.title')).fill('');
    await page.getByRole('button', { name: vi('form.submitCreate'), exact: true }).click();
    await page.getByText(vi('form.fixErrors')).waitFor();
    expect(await pageText(page)).toContain(vi('validation.required'));
    // …then corrected; the Front's item moves first.
    await page.getByLabel(vi('form.title')).fill(title);
    await page.getByRole('button', { name: vi('form.agendaUp', { n: 2 }) }).click();
    await expectAccessible(page, 'create-form-vi');
    await page.screenshot({ path: `${ARTIFACTS}create-form-vi.png`, fullPage: true });
    await page.getByRole('button', { name: vi('form.submitCreate'), exact: true }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(vi('meeting.created')).waitFor();
    const agendaList = page.getByRole('list', { name: vi('meeting.agenda') });
    expect(await agendaList.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining(agenda[1]!.title),
      expect.stringContaining(agenda[0]!.title),
    ]);

    const { json } = await head()<MeetingsAnswer>(meetingsPath);
    const stored = json.meetings.find((m) => m.title === title);
    expect(stored).toMatchObject({
      kind: 'steeringHalfYearReview',
      startsAt: vietnamInstant(date, '14:00'),
      endsAt: vietnamInstant(date, '16:30'),
      location: 'Phòng họp số 2, UBND xã',
      chairId: DEMO_MEMBERS.deputyHead.userId,
      secretaryId: DEMO_MEMBERS.secretary.userId,
      status: 'scheduled',
    });
    expect(
      stored?.agenda.map((item) => [item.title, item.presenterId, item.durationMinutes]),
    ).toEqual([
      [agenda[1]!.title, agenda[1]!.presenter, 20],
      [agenda[0]!.title, agenda[0]!.presenter, 45],
    ]);

    await page.getByRole('link', { name: vi('meeting.back') }).click();
    const row = page.getByRole('listitem').filter({
      has: page.getByRole('link', { name: title, exact: true }),
    });
    await row.waitFor();
    expect(await row.innerText()).toContain(`14:00–16:30 ngày ${date}`);
    await row.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('list', { name: vi('meeting.agenda') }).waitFor();
    expect(await pageText(page)).toContain(agenda[0]!.title);
  });

  it('does not offer meeting creation to an observer', async () => {
    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.villageHead);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    await page.getByRole('list', { name: vi('dashboard.upcoming') }).waitFor();
    expect(await page.getByRole('button', { name: vi('dashboard.createMeeting') }).count()).toBe(0);
    expect(await pageText(page)).toContain(vi('role.observer'));

    const seeded = await seededMeeting();
    await page.getByRole('link', { name: seeded.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: seeded.title }).waitFor();
    expect(await page.getByRole('button', { name: vi('meeting.edit') }).count()).toBe(0);
  });

  it('shows a conflict and loads the fresh meeting when someone else saved first', async () => {
    const created = await head()<MeetingAnswer>(meetingsPath, {
      method: 'POST',
      body: {
        kind: 'citizenDialogue',
        title: 'Đối thoại với Nhân dân thôn Bản Trang',
        startsAt: vietnamInstant(futureVietnamDate(20), '08:00'),
        location: 'Nhà văn hóa thôn Bản Trang',
        chairId: DEMO_MEMBERS.head.userId,
        secretaryId: DEMO_MEMBERS.secretary.userId,
        agenda: [{ title: 'Nhân dân nêu ý kiến, kiến nghị' }],
      },
    });
    expect(created.status).toBe(201);
    const meeting = created.json.meeting;

    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.head);
    await page.goto(paths.meetingEdit(DEMO_BODY.id, meeting.id));
    const titleInput = page.getByLabel(vi('form.title'));
    await titleInput.waitFor();
    expect(await titleInput.inputValue()).toBe(meeting.title);
    await titleInput.fill('Đối thoại (bản sửa trong trình duyệt)');

    const freshTitle = 'Đối thoại với Nhân dân thôn Bản Trang (thư ký đã sửa)';
    const secretary = apiAs(suite.baseUrl, DEMO_MEMBERS.secretary);
    const raced = await secretary<MeetingAnswer>(`${meetingsPath}/${meeting.id}`, {
      method: 'PATCH',
      body: { version: meeting.version, title: freshTitle },
    });
    expect(raced.status, JSON.stringify(raced.json)).toBe(200);

    await page.getByRole('button', { name: vi('form.submitEdit') }).click();
    await page.getByText(vi('form.conflictTitle')).waitFor();
    expect(await titleInput.inputValue()).toBe(freshTitle);
    await expectAccessible(page, 'conflict-vi');
    await page.screenshot({ path: `${ARTIFACTS}conflict-vi.png`, fullPage: true });
    // Nothing was overwritten…
    const afterRace = await head()<MeetingAnswer>(`${meetingsPath}/${meeting.id}`);
    expect(afterRace.json.meeting).toMatchObject({ title: freshTitle, version: 2 });

    // …and a save on top of the fresh version goes through.
    await page.getByLabel(vi('form.location')).fill('Hội trường UBND xã');
    await page.getByRole('button', { name: vi('form.submitEdit') }).click();
    await page.getByText(vi('meeting.saved')).waitFor();
    const saved = await head()<MeetingAnswer>(`${meetingsPath}/${meeting.id}`);
    expect(saved.json.meeting).toMatchObject({
      title: freshTitle,
      location: 'Hội trường UBND xã',
      version: 3,
    });
  });

  it('renders Vietnamese diacritics, and English for an English browser', async () => {
    const page = await suite.newPage({ locale: 'vi-VN' });
    await signIn(page, DEMO_MEMBERS.deputyHead);
    await page.getByRole('list', { name: vi('dashboard.members', { count: 6 }) }).waitFor();
    const text = await pageText(page);
    expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');
    expect(text).toContain('Ban Chỉ đạo');
    expect(text).toContain('Hoàng Văn Đức');
    expect(text).toContain(vi('role.deputyHead'));
    expect(text).not.toMatch(/\uFFFD|Ã|Æ°/); // no replacement characters or UTF-8-read-as-Latin-1

    const english = await suite.newPage({ locale: 'en-US' });
    await english.goto('/');
    await english.getByRole('heading', { level: 1, name: en('signIn.title') }).waitFor();
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('en');
    await signIn(english, DEMO_MEMBERS.head, 'en');
    await english.getByRole('list', { name: en('dashboard.upcoming') }).waitFor();
    expect(await english.getByRole('button', { name: en('dashboard.createMeeting') }).count()).toBe(
      1,
    );
    const englishText = await pageText(english);
    expect(englishText).toContain(en('dashboard.upcoming'));
    expect(englishText).toContain(en('status.scheduled'));
    expect(englishText).toContain(en('role.head'));
    expect(englishText).toContain(DEMO_BODY.name); // data stays as entered
    await expectAccessible(english, 'dashboard-en');
    await english.screenshot({ path: `${ARTIFACTS}dashboard-en.png`, fullPage: true });

    // The header switch changes the language in place.
    await english.getByRole('button', { name: en('language.vi') }).click();
    await english.getByRole('button', { name: vi('dashboard.createMeeting') }).waitFor();
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('vi');
  });

  it('asks to sign in again when the API says the token has expired', async () => {
    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.secretary);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    // The stored sign-in still looks fresh to the tab; only the API can tell the token is expired.
    const expired = await suite.expiredTokenFor(DEMO_MEMBERS.secretary);
    await page.evaluate((accessToken) => {
      const key = 'qcdc.devSession';
      const session = JSON.parse(sessionStorage.getItem(key) ?? '{}') as object;
      sessionStorage.setItem(key, JSON.stringify({ ...session, accessToken }));
    }, expired);
    await page.reload();

    await page.getByRole('heading', { level: 1, name: vi('signIn.title') }).waitFor();
    await page.getByText(errorMessage('vi', 'AUTH.TOKEN_EXPIRED')).waitFor();
    await signIn(page, DEMO_MEMBERS.secretary);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
  });
});
