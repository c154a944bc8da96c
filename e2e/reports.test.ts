import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS, demoMeetingInput } from '../functions/src/dev/demo-data';
import { reportPaths } from '../tabs/src/reports/report-routes';
import { apiAs, type MeetingAnswer } from './support/api';
import { startSuite, type Suite } from './support/suite';
import { signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const en = words('en');
const NARROW = { width: 360, height: 800 };
const bodyPath = `/api/bodies/${DEMO_BODY.id}`;
const { head, secretary } = DEMO_MEMBERS;
type Person = (typeof DEMO_MEMBERS)[keyof typeof DEMO_MEMBERS];

/** The demo year: the year it is now in Vietnam. */
const YEAR = Number(
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
    new Date(),
  ),
);
/** Today in Vietnam (yyyy-MM-dd): the earliest deadline the API takes. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const regularTitle = `Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở tháng 3 năm ${YEAR}`;
const halfYearTitle = `Sơ kết 6 tháng đầu năm ${YEAR} thực hiện dân chủ ở cơ sở`;
const question = 'Thông qua Kế hoạch tổ chức đối thoại với Nhân dân 6 tháng cuối năm';
const doneTitle = 'Niêm yết công khai kết quả sơ kết tại nhà văn hóa các thôn';
const openTitle = 'Tổng hợp ý kiến cử tri gửi Hội đồng nhân dân xã';
const disclosureTitle = `Công khai dự toán ngân sách xã năm ${YEAR + 1}`;

let suite: Suite;
const api = (person: Person) => apiAs(suite.baseUrl, person);

async function ok<T>(answer: Promise<{ status: number; json: T }>, status = 200): Promise<T> {
  const { status: got, json } = await answer;
  expect(got, JSON.stringify(json)).toBe(status);
  return json;
}

async function move(path: string, transition: string, by: Person = head) {
  const { meeting } = await ok(api(by)<MeetingAnswer>(path));
  await ok(
    api(by)<MeetingAnswer>(`${path}/transitions`, {
      method: 'POST',
      body: { transition, version: meeting.version },
    }),
  );
}

/**
 * A meeting of the demo body held earlier in the demo year: everyone present, started, optionally a
 * motion voted and adopted, ended, minutes submitted and approved when asked.
 */
async function hold(
  input: { title: string; kind: string; startsAt: string },
  options: { vote?: string; approve?: boolean } = {},
): Promise<string> {
  const base = demoMeetingInput(new Date());
  const start = new Date(input.startsAt);
  const { meeting } = await ok(
    api(secretary)<MeetingAnswer>(`${bodyPath}/meetings`, {
      method: 'POST',
      body: {
        ...base,
        ...input,
        endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
      },
    }),
    201,
  );
  const path = `${bodyPath}/meetings/${meeting.id}`;
  const present = Object.values(DEMO_MEMBERS).filter((m) => !m.roles.includes('observer'));
  await ok(
    api(secretary)(`${path}/attendance`, {
      method: 'PUT',
      body: { marks: present.map((m) => ({ userId: m.userId, status: 'present' })) },
    }),
  );
  await move(path, 'start');
  if (options.vote) {
    const created = await ok(
      api(secretary)<{ motion: { id: string } }>(`${path}/motions`, {
        method: 'POST',
        body: { question: options.vote },
      }),
      201,
    );
    const motion = `${path}/motions/${created.motion.id}`;
    await ok(api(head)(`${motion}/open`, { method: 'POST' }));
    for (const person of present) {
      const cast = await api(person)(`${motion}/ballots`, {
        method: 'POST',
        body: { submissionId: randomUUID(), choice: 'for' },
      });
      // Only the voters list may vote (e.g. not a guest); everyone else is simply skipped.
      expect([200, 201, 403]).toContain(cast.status);
    }
    await ok(api(head)(`${motion}/close`, { method: 'POST' }));
  }
  await move(path, 'end');
  if (options.approve) {
    await move(path, 'submitMinutes', secretary);
    await move(path, 'approveMinutes');
  }
  return meeting.id;
}

beforeAll(async () => {
  suite = await startSuite();
  // The demo commune is seeded with one upcoming meeting only: the year's history is recorded here,
  // through the API, as the secretary and the head would have.
  await hold(
    { title: regularTitle, kind: 'steeringRegular', startsAt: `${YEAR}-03-10T08:00:00+07:00` },
    { vote: question, approve: true },
  );
  await hold({
    title: halfYearTitle,
    kind: 'steeringHalfYearReview',
    startsAt: `${YEAR}-06-25T08:00:00+07:00`,
  });
  const assign = async (title: string) =>
    (
      await ok(
        api(secretary)<{ assignment: { id: string } }>(`${bodyPath}/assignments`, {
          method: 'POST',
          body: { title, ownerId: DEMO_MEMBERS.frontChair.userId, deadline: TODAY },
        }),
        201,
      )
    ).assignment.id;
  const done = `${bodyPath}/assignments/${await assign(doneTitle)}`;
  for (const [transition, by] of [
    ['submit', DEMO_MEMBERS.frontChair],
    ['approveCompletion', head],
  ] as const) {
    const { assignment } = await ok(api(by)<{ assignment: { version: number } }>(done));
    await ok(
      api(by)(`${done}/transitions`, {
        method: 'POST',
        body: { transition, version: assignment.version },
      }),
    );
  }
  await assign(openTitle);
  // A disclosure posted today: the citizens figures (Front, reception, cases, disclosures) count it.
  const { disclosure } = await ok(
    api(head)<{ disclosure: { id: string; version: number } }>(`${bodyPath}/disclosures`, {
      method: 'POST',
      body: { title: disclosureTitle, channels: ['headquarters'], startOn: TODAY },
    }),
    201,
  );
  await ok(
    api(head)(`${bodyPath}/disclosures/${disclosure.id}/post`, {
      method: 'POST',
      body: { version: disclosure.version },
    }),
  );
}, 120_000);

afterAll(async () => {
  await suite?.stop();
});

async function openReports(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await suite.newPage(viewport ? { viewport } : {});
  await signIn(page, head);
  await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
  await page.getByRole('button', { name: vi('dashboard.reports'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: vi('report.title') }).waitFor();
  return page;
}

const yearHeading = `${vi('report.scope.year', { year: YEAR })} · 01/01/${YEAR} – 31/12/${YEAR}`;

async function generateYear(page: Page): Promise<void> {
  await page.getByRole('radio', { name: vi('report.period.year') }).check();
  await page.getByRole('textbox', { name: vi('report.period.yearLabel') }).fill(String(YEAR));
  await page.getByRole('button', { name: vi('report.generate') }).click();
}

function figureButton(page: Page, label: string, count: number) {
  return page.getByRole('button', {
    name: vi('report.figure.open', { label, count }),
    exact: true,
  });
}

async function downloaded(page: Page, label: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    bytes: new Uint8Array(await readFile(await download.path())),
  };
}

describe('half-year and year-end reviews in Chromium', () => {
  it('shows this year so far on the channel dashboard, in a chart, to those who may read reviews', async () => {
    const page = await suite.newPage();
    await signIn(page, head);
    const panel = page.getByRole('region', {
      name: vi('report.yearSoFar.title', { year: YEAR }),
      exact: true,
    });
    const chart = panel.getByRole('img', { name: /^Năm \d{4} đến nay:/ });
    await chart.waitFor();
    const label = await chart.getAttribute('aria-label');
    expect(label).toContain(`${vi('report.meetings.held')} 2`);
    expect(label).toContain(`${vi('report.votes.adopted')} 1`);
    expect(label).toContain(`${vi('report.assignments.onTime')} 1`);
    await panel.getByRole('link', { name: vi('report.yearSoFar.open') }).click();
    await page.getByRole('heading', { level: 1, name: vi('report.title') }).waitFor();

    // A member without report.read sees neither the panel nor the button.
    const member = await suite.newPage();
    await signIn(member, DEMO_MEMBERS.frontChair);
    await member.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    await member.getByRole('region', { name: vi('assignments.title'), exact: true }).waitFor();
    expect(await member.getByRole('button', { name: vi('dashboard.reports') }).count()).toBe(0);
    expect(await member.getByText(vi('report.yearSoFar.title', { year: YEAR })).count()).toBe(0);
  });

  it('generates the year-end review with progress, figures, charts and the records behind a number', async () => {
    const page = await openReports();
    // The last period that has ended is generated on arrival.
    await page.getByRole('heading', { level: 2, name: /·/ }).waitFor();

    // The long request shows progress while the last report stays on screen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/reports/review?*', async (route) => {
      await held;
      await route.continue();
    });
    await generateYear(page);
    const progress = page.getByRole('progressbar', { name: vi('report.generating') });
    await progress.waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /·/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: vi('report.generate') }).isDisabled()).toBe(true);
    release();
    await page.getByRole('heading', { level: 2, name: yearHeading }).waitFor();
    await progress.waitFor({ state: 'detached' });
    await page.unroute('**/reports/review?*');

    const meetings = page.getByRole('region', { name: vi('report.section.meetings'), exact: true });
    await figureButton(page, vi('report.meetings.held'), 2).waitFor();
    await figureButton(page, vi('report.meetings.minutesApproved'), 1).waitFor();
    await figureButton(page, vi('kind.steeringHalfYearReview'), 1).waitFor();
    const chart = meetings.getByRole('img', { name: /^Biểu đồ cuộc họp theo loại:/ });
    expect(await chart.getAttribute('aria-label')).toContain(`${vi('kind.steeringRegular')} 1`);
    // The chart's numbers are also a table.
    await meetings.getByText(vi('report.chart.asTable')).click();
    const table = meetings.getByRole('table', { name: vi('report.chart.meetingsByKind') });
    expect(await table.innerText()).toContain(vi('kind.steeringHalfYearReview'));

    const tasks = page.getByRole('region', { name: vi('report.section.assignments'), exact: true });
    await figureButton(page, vi('report.assignments.total'), 2).waitFor();
    await figureButton(page, vi('report.assignments.onTime'), 1).waitFor();
    await figureButton(page, vi('report.assignments.open'), 1).waitFor();
    await tasks.getByRole('img', { name: /^Biểu đồ nhiệm vụ theo tình trạng:/ }).waitFor();
    expect(await tasks.innerText()).toContain('100');

    // A number opens the records behind it, named and linked.
    await figureButton(page, vi('report.meetings.held'), 2).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('link', { name: regularTitle }).waitFor();
    await dialog.getByRole('link', { name: halfYearTitle }).waitFor();
    await dialog.getByRole('button', { name: vi('report.records.close') }).click();
    await dialog.waitFor({ state: 'detached' });

    await figureButton(page, vi('report.assignments.onTime'), 1).click();
    await page.getByRole('dialog').getByRole('link', { name: doneTitle }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await figureButton(page, vi('report.votes.adopted'), 1).click();
    await page.getByRole('dialog').getByRole('link', { name: question }).waitFor();
    await page.keyboard.press('Escape');

    // Figure groups the back end adds (here the disclosures of the citizens figures) show the same way.
    const disclosures = page.getByRole('region', {
      name: vi('report.group.citizens.disclosures'),
      exact: true,
    });
    await disclosures.getByRole('img', { name: /^Công khai thông tin:/ }).waitFor();
    await figureButton(page, vi('report.field.made'), 1).click();
    await page.getByRole('dialog').getByRole('link', { name: disclosureTitle }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // A failure says what to do and keeps the report that was there.
    await page.route('**/reports/review?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'STORAGE.UNAVAILABLE',
            message: 'Kho dữ liệu tạm thời không truy cập được.',
            messages: { vi: 'Kho dữ liệu tạm thời không truy cập được.' },
          },
        }),
      }),
    );
    await page.getByRole('radio', { name: vi('report.period.H2') }).check();
    await page.getByRole('button', { name: vi('report.generate') }).click();
    const alert = page.getByRole('alert').filter({ hasText: vi('report.failed') });
    await alert.waitFor();
    expect(await alert.innerText()).toContain(vi('report.failedKept'));
    await page.getByRole('heading', { level: 2, name: yearHeading }).waitFor();
    await page.unroute('**/reports/review?*');
    await alert.getByRole('button', { name: vi('common.retry') }).click();
    await page
      .getByRole('heading', {
        level: 2,
        name: `${vi('report.scope.H2', { year: YEAR })} · 01/07/${YEAR} – 31/12/${YEAR}`,
      })
      .waitFor();
    await alert.waitFor({ state: 'detached' });
  });

  it('downloads the BÁO CÁO and the workbook of the report on screen', async () => {
    const page = await openReports();
    await generateYear(page);
    await page.getByRole('heading', { level: 2, name: yearHeading }).waitFor();

    const docx = await downloaded(page, vi('report.download.docx'));
    expect(docx.name).toBe(`bao-cao-tong-ket-${YEAR}-01-01-${YEAR}-12-31.docx`);
    const xml = unzipSync(docx.bytes)['word/document.xml'];
    if (!xml) throw new Error('no word/document.xml in the report');
    const text = strFromU8(xml).replace(/<[^>]+>/g, '');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(`Tổng kết công tác thực hiện dân chủ ở cơ sở năm ${YEAR}`);

    const xlsx = await downloaded(page, vi('report.download.xlsx'));
    expect(xlsx.name).toBe(`bao-cao-tong-ket-${YEAR}-01-01-${YEAR}-12-31.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tong hop',
      'Cuoc hop',
      'Nhiem vu',
      'Qua han',
      'Kien nghi MTTQ',
      'Tiep cong dan',
      'Don thu',
      'Cong khai',
    ]);
    const titles = workbook.getWorksheet('Cuoc hop')!.getColumn(2).values;
    expect(titles).toContain(regularTitle);
  });

  it('speaks English to an English browser, dates still dd/MM/yyyy', async () => {
    const page = await suite.newPage({ locale: 'en-GB' });
    await signIn(page, head, 'en');
    await page.goto(reportPaths.reports(DEMO_BODY.id));
    await page.getByRole('heading', { level: 1, name: en('report.title') }).waitFor();
    await page.getByRole('radio', { name: en('report.period.custom') }).check();
    await page.getByRole('textbox', { name: en('report.period.from') }).fill(`01/03/${YEAR}`);
    await page.getByRole('textbox', { name: en('report.period.to') }).fill(`31/02/${YEAR}`);
    await page.getByRole('button', { name: en('report.generate') }).click();
    await page.getByText(en('report.period.dateInvalid')).waitFor();
    await page.getByRole('textbox', { name: en('report.period.to') }).fill(`30/06/${YEAR}`);
    await page.getByRole('button', { name: en('report.generate') }).click();
    await page
      .getByRole('heading', {
        level: 2,
        name: `${en('report.scope.custom')} · 01/03/${YEAR} – 30/06/${YEAR}`,
      })
      .waitFor();
    await page
      .getByRole('button', {
        name: en('report.figure.open', { label: en('report.meetings.held'), count: 2 }),
        exact: true,
      })
      .waitFor();
  });

  it('works at 360 px: the picker, the figures and a chart fit without sideways scrolling', async () => {
    const page = await suite.newPage({ viewport: NARROW });
    await signIn(page, head);
    await page.goto(reportPaths.reports(DEMO_BODY.id));
    await page.getByRole('heading', { level: 1, name: vi('report.title') }).waitFor();
    await generateYear(page);
    await page.getByRole('heading', { level: 2, name: yearHeading }).waitFor();
    await figureButton(page, vi('report.meetings.held'), 2).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(NARROW.width);
    // Keyboard: the number buttons are reachable and open the list with Enter.
    const held = figureButton(page, vi('report.meetings.held'), 2);
    await held.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('link', { name: regularTitle }).waitFor();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${ARTIFACTS}reports-vi.png`, fullPage: true });
  });
});
