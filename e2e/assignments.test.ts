import { formatDate } from '@qcdc/core';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { paths } from '../tabs/src';
import {
  apiAs,
  type AssignmentAnswer,
  type AssignmentView,
  type BodyAssignments,
  type MeetingsAnswer,
  type MeetingView,
  type MyAssignmentsAnswer,
} from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { pageText, signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const assignmentsPath = `/api/bodies/${DEMO_BODY.id}/assignments`;
/** A Teams meeting side panel is about 320 px wide; phones are a little wider. */
const NARROW = { width: 360, height: 800 };

const { secretary, head, frontChair: binh } = DEMO_MEMBERS;
type Person = (typeof DEMO_MEMBERS)[keyof typeof DEMO_MEMBERS];

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

const api = (person: Person) => apiAs(suite.baseUrl, person);

/** A day ahead as the form takes it (dd/MM/yyyy, Vietnam time). */
function vietnamDateAhead(days: number): string {
  return formatDate(new Date(Date.now() + days * 86_400_000).toISOString());
}

async function bodyAssignments(): Promise<BodyAssignments> {
  const { status, json } = await api(head)<BodyAssignments>(assignmentsPath);
  expect(status).toBe(200);
  return json;
}

async function signedIn(person: Person, viewport?: { width: number; height: number }) {
  const page = await suite.newPage(viewport ? { viewport } : {});
  await signIn(page, person);
  return page;
}

/** The assignment's row in a list of the personal tab (a list named after its group). */
function rowIn(page: Page, list: string, title: string) {
  return page
    .getByRole('list', { name: list, exact: true })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** Status badges and actions live on the page; wait for the words to show. */
async function waitForText(page: Page, text: string) {
  await page.getByText(text, { exact: true }).first().waitFor();
}

describe('assignments in Chromium against the local suite', () => {
  const title = 'Niêm yết công khai dự toán ngân sách xã năm 2027 tại nhà văn hóa các thôn';
  const note = 'Đã niêm yết tại nhà văn hóa thôn Bản Trang và thôn Nà Pàn';
  const evidence = 'https://chilang.langson.gov.vn/cong-khai/du-toan-2027.pdf';
  const deadline = vietnamDateAhead(20);
  let assignment: AssignmentView;

  it('lets the secretary assign a task to a member from the dashboard', async () => {
    const page = await signedIn(secretary);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    const section = page.getByRole('region', { name: vi('assignments.title'), exact: true });
    await section.getByText(vi('assignments.none')).waitFor();
    await page.getByRole('button', { name: vi('assignments.create'), exact: true }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: vi('assignments.createTitle') }).waitFor();
    // Nothing is sent until the API's own schema is satisfied.
    await dialog.getByRole('button', { name: vi('assignmentForm.submit') }).click();
    await dialog.getByText(vi('form.fixErrors')).waitFor();
    expect(await dialog.innerText()).toContain(vi('validation.choosePerson'));

    await dialog.getByLabel(vi('assignmentForm.title')).fill(title);
    await dialog
      .getByLabel(vi('assignmentForm.description'))
      .fill(
        'Niêm yết đủ 30 ngày theo Điều 11 Luật Thực hiện dân chủ ở cơ sở; chụp ảnh minh chứng.',
      );
    await dialog.getByLabel(vi('assignmentForm.owner')).selectOption(binh.userId);
    await dialog.getByLabel(vi('assignmentForm.deadline')).fill('01/01/2020');
    await dialog.getByLabel(vi('assignmentForm.priority')).selectOption('high');
    await dialog.getByRole('checkbox', { name: DEMO_MEMBERS.womenUnionChair.displayName }).check();
    await dialog.getByRole('button', { name: vi('assignmentForm.submit') }).click();
    await dialog.getByText(vi('validation.deadlinePast')).waitFor();
    await dialog.getByLabel(vi('assignmentForm.deadline')).fill(deadline);
    await expectAccessible(page, 'assignment-create-vi');
    await page.screenshot({ path: `${ARTIFACTS}assignment-create-vi.png` });
    await dialog.getByRole('button', { name: vi('assignmentForm.submit') }).click();

    await page.getByText(vi('assignments.created', { title, name: binh.displayName })).waitFor();
    const table = page.getByRole('table', { name: vi('assignments.table') });
    const row = table.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(binh.displayName);
    expect(rowText).toContain(deadline);
    expect(rowText).toContain(vi('deadline.left', { count: 20 }));
    expect(rowText).toContain(vi('assignmentStatus.open'));

    const { assignments } = await bodyAssignments();
    expect(assignments).toHaveLength(1);
    assignment = assignments[0]!;
    const [d, m, y] = deadline.split('/');
    expect(assignment).toMatchObject({
      title,
      ownerId: binh.userId,
      coOwnerIds: [DEMO_MEMBERS.womenUnionChair.userId],
      assignedBy: secretary.userId,
      deadline: `${y}-${m}-${d}`,
      priority: 'high',
      status: 'open',
      source: { kind: 'direct' },
    });
  });

  it('shows it in Bình’s "Việc của tôi"; he reports progress with evidence and submits', async () => {
    const page = await signedIn(binh);
    await page.getByRole('link', { name: vi('nav.myTasks') }).click();
    await page.getByRole('heading', { level: 1, name: vi('myTasks.title') }).waitFor();
    const row = rowIn(page, vi('myTasks.group.inProgress'), title);
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(DEMO_BODY.name);
    expect(rowText).toContain(vi('myTasks.deadline', { date: deadline }));
    expect(rowText).toContain(vi('deadline.left', { count: 20 }));
    expect(rowText).toContain(vi('assignmentStatus.open'));
    expect(rowText).toContain(vi('assignments.priorityShown', { priority: vi('priority.high') }));
    await expectAccessible(page, 'my-tasks-vi');
    await page.screenshot({ path: `${ARTIFACTS}my-tasks-vi.png`, fullPage: true });

    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const details = await pageText(page);
    expect(details).toContain(secretary.displayName); // assigned by
    expect(details).toContain(DEMO_MEMBERS.womenUnionChair.displayName); // co-owner
    expect(details).toContain(vi('csv.direct'));
    const actions = page.getByRole('group', { name: vi('assignment.actions') });
    expect(await actions.getByRole('button').allInnerTexts()).toEqual([
      vi('assignmentAction.start'),
      vi('assignmentAction.progress'),
      vi('assignmentAction.submit'),
      vi('assignmentAction.requestExtension'),
    ]);

    await actions.getByRole('button', { name: vi('assignmentAction.progress') }).click();
    const form = page.getByRole('form', { name: vi('assignmentAction.progress') });
    await form.getByLabel(vi('progressForm.note')).fill(note);
    await form.getByLabel(vi('progressForm.percent')).fill('80');
    // Only https links are evidence: the form says so before sending.
    await form.getByLabel(vi('progressForm.evidence')).fill('http://example.vn/anh.jpg');
    await form.getByRole('button', { name: vi('progressForm.submit') }).click();
    await form.getByText(vi('validation.httpsUrl')).waitFor();
    await form.getByLabel(vi('progressForm.evidence')).fill(evidence);
    await form.getByRole('button', { name: vi('progressForm.submit') }).click();
    await page
      .getByText(vi('assignment.actionDone', { action: vi('assignmentAction.progress') }))
      .waitFor();
    const history = page.getByRole('list', { name: vi('assignment.progressList') });
    const update = await history.innerText();
    expect(update).toContain(note);
    expect(update).toContain(binh.displayName);
    expect(update).toContain(vi('assignment.percentDone', { percent: 80 }));
    expect(await history.getByRole('link', { name: evidence }).getAttribute('href')).toBe(evidence);
    await waitForText(page, vi('assignmentStatus.inProgress'));
    await expectAccessible(page, 'assignment-progress-vi');
    await page.screenshot({ path: `${ARTIFACTS}assignment-progress-vi.png`, fullPage: true });

    await actions.getByRole('button', { name: vi('assignmentAction.submit') }).click();
    await page
      .getByText(vi('assignment.actionDone', { action: vi('assignmentAction.submit') }))
      .waitFor();
    await waitForText(page, vi('assignmentStatus.submitted'));
    expect(await actions.getByRole('button').allInnerTexts()).toEqual([
      vi('assignmentAction.progress'),
    ]);

    const mine = await api(binh)<MyAssignmentsAnswer>('/api/me/assignments');
    expect(mine.json.assignments.map((a) => [a.id, a.status])).toEqual([
      [assignment.id, 'submitted'],
    ]);
  });

  it('puts it under the head’s "Chờ tôi duyệt"; he approves it', async () => {
    const page = await signedIn(head);
    await page.goto(paths.myTasks());
    const row = rowIn(page, vi('myTasks.toReviewList'), title);
    await row.waitFor();
    expect(await row.innerText()).toContain(binh.displayName);
    expect(
      await page.getByRole('heading', { name: vi('myTasks.toReview', { count: 1 }) }).count(),
    ).toBe(1);

    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const actions = page.getByRole('group', { name: vi('assignment.actions') });
    expect(await actions.getByRole('button').allInnerTexts()).toEqual([
      vi('assignmentAction.approveCompletion'),
      vi('assignmentAction.returnCompletion'),
      vi('assignmentAction.cancel'),
    ]);
    await actions.getByRole('button', { name: vi('assignmentAction.approveCompletion') }).click();
    await page
      .getByText(vi('assignment.actionDone', { action: vi('assignmentAction.approveCompletion') }))
      .waitFor();
    await waitForText(page, vi('assignmentStatus.done'));
    expect(await pageText(page)).toContain(vi('timeliness.onTime'));

    await page.goto(paths.myTasks());
    await page.getByRole('heading', { name: vi('myTasks.toReview', { count: 0 }) }).waitFor();
    expect(await pageText(page)).toContain(vi('myTasks.nothingToReview'));
  });

  it('counts 1 done on time on the dashboard, in the chart too, and exports the rows as CSV', async () => {
    const { stats } = await bodyAssignments();
    expect(stats).toMatchObject({ total: 1, done: 1, onTime: 1, late: 0, onTimeRate: 1 });

    const page = await signedIn(secretary);
    const section = page.getByRole('region', { name: vi('assignments.title'), exact: true });
    const chartLabel = vi('chart.label', {
      open: stats.open - stats.overdue,
      overdue: stats.overdue,
      onTime: 1,
      late: 0,
    });
    expect(chartLabel).toContain('1 hoàn thành đúng hạn');
    await section.getByRole('img', { name: chartLabel, exact: true }).waitFor();
    const text = await section.innerText();
    expect(text).toContain('100% (1/1)');
    expect(text).toContain(vi('assignmentStatus.done'));
    await expectAccessible(page, 'assignments-dashboard-vi');
    await page.screenshot({ path: `${ARTIFACTS}assignments-dashboard-vi.png`, fullPage: true });

    // The filters narrow the table, and the export follows what is shown.
    await section.getByLabel(vi('assignments.search')).fill('khong co viec nay');
    await section.getByText(vi('assignments.noMatch')).waitFor();
    await section.getByLabel(vi('assignments.search')).fill('niem yet du toan');
    await section
      .getByRole('combobox', { name: vi('assignments.statusFilter') })
      .selectOption('done');
    await section
      .getByRole('combobox', { name: vi('assignments.personFilter') })
      .selectOption(binh.userId);
    await section.getByText(vi('assignments.shown', { shown: 1, total: 1 })).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: vi('assignments.exportCsv') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^nhiem-vu-bcd-qcdc-chi-lang-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'STT,Nhiệm vụ,Chủ trì thực hiện,Phối hợp,Thời hạn,Hạn ban đầu,Trạng thái,' +
        'Tiến độ so với thời hạn,Mức độ ưu tiên,Nguồn,Ngày hoàn thành',
    );
    expect(lines[1]).toBe(
      [
        '1',
        title,
        binh.displayName,
        DEMO_MEMBERS.womenUnionChair.displayName,
        deadline,
        '',
        vi('assignmentStatus.done'),
        vi('timeliness.onTime'),
        vi('priority.high'),
        vi('csv.direct'),
        formatDate(new Date().toISOString()),
      ].join(','),
    );
    expect(lines.slice(2)).toEqual(['']);

    // The same rows as a workbook: one sheet, the header, then what the table shows.
    const [workbookDownload] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: vi('assignments.exportXlsx') }).click(),
    ]);
    expect(workbookDownload.suggestedFilename()).toMatch(
      /^nhiem-vu-bcd-qcdc-chi-lang-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as its own Buffer; Node's file bytes are what it reads.
    await workbook.xlsx.load(
      (await readFile(await workbookDownload.path())) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([vi('assignments.sheetName')]);
    const sheet = workbook.worksheets[0]!;
    const sheetRows: string[][] = [];
    sheet.eachRow((row) =>
      sheetRows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).text)),
    );
    const csvRows = lines.slice(0, 2).map((line) => line.split(','));
    expect(sheetRows).toEqual(csvRows);
  });

  it('reloads and says so when someone else changed the assignment first (409)', async () => {
    const created = await api(secretary)<AssignmentAnswer>(assignmentsPath, {
      method: 'POST',
      body: {
        title: 'Tổng hợp ý kiến của Nhân dân về dự thảo hương ước',
        ownerId: binh.userId,
        deadline: (() => {
          const [d, m, y] = vietnamDateAhead(5).split('/');
          return `${y}-${m}-${d}`;
        })(),
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const fresh = created.json.assignment;

    const page = await signedIn(binh);
    await page.goto(paths.assignment(DEMO_BODY.id, fresh.id));
    await page.getByRole('heading', { level: 1, name: fresh.title }).waitFor();
    // Due within a week: the personal tab files it under "Sắp đến hạn".
    expect(await pageText(page)).toContain(vi('deadline.left', { count: 5 }));

    const raced = await api(binh)<AssignmentAnswer>(`${assignmentsPath}/${fresh.id}/progress`, {
      method: 'POST',
      body: { version: fresh.version, note: 'Cập nhật từ thẻ Adaptive Card' },
    });
    expect(raced.status).toBe(200);

    await page
      .getByRole('group', { name: vi('assignment.actions') })
      .getByRole('button', { name: vi('assignmentAction.start') })
      .click();
    await page.getByText(vi('assignment.conflictTitle')).waitFor();
    await page.getByText(vi('assignment.conflictBody', { version: 2 })).waitFor();
    // The fresh assignment is shown: the other update is there, and nothing was overwritten.
    await page.getByText('Cập nhật từ thẻ Adaptive Card').waitFor();
    await waitForText(page, vi('assignmentStatus.inProgress'));
    const stored = await api(binh)<AssignmentAnswer>(`${assignmentsPath}/${fresh.id}`);
    expect(stored.json.assignment).toMatchObject({ version: 2, status: 'inProgress' });

    await page.goto(paths.myTasks());
    await rowIn(page, vi('myTasks.group.dueSoon'), fresh.title).waitFor();
  });

  it('after a failed save shows the error and what is stored, never what was sent', async () => {
    const created = await api(secretary)<AssignmentAnswer>(assignmentsPath, {
      method: 'POST',
      body: {
        title: 'Rà soát danh mục thông tin công khai tại trụ sở xã',
        ownerId: binh.userId,
        deadline: (() => {
          const [d, m, y] = vietnamDateAhead(12).split('/');
          return `${y}-${m}-${d}`;
        })(),
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const fresh = created.json.assignment;
    const transitions = `**${assignmentsPath}/${fresh.id}/transitions`;
    const page = await signedIn(binh);
    await page.goto(paths.assignment(DEMO_BODY.id, fresh.id));
    await page.getByRole('heading', { level: 1, name: fresh.title }).waitFor();
    const actions = page.getByRole('group', { name: vi('assignment.actions') });
    const failedTitle = vi('panel.transitionFailed', { action: vi('assignmentAction.start') });
    const failure = { status: 500, contentType: 'application/json', body: '{"error":{}}' };

    // 1. The server never got it: an error, and the assignment as stored (still open).
    await page.route(transitions, (route) => route.fulfill(failure), { times: 1 });
    await actions.getByRole('button', { name: vi('assignmentAction.start') }).click();
    await page.getByRole('alert').filter({ hasText: failedTitle }).waitFor();
    expect(await pageText(page)).not.toContain(vi('assignmentStatus.inProgress'));
    expect(
      (await api(binh)<AssignmentAnswer>(`${assignmentsPath}/${fresh.id}`)).json.assignment,
    ).toMatchObject({ status: 'open', version: fresh.version });

    // 2. The server stored it but the answer was lost (a gateway 500 after the write): the page
    // re-reads and shows "in progress" under the error, instead of the stale "open".
    await page.route(
      transitions,
      async (route) => {
        const stored = await route.fetch();
        expect(stored.status()).toBe(200);
        await route.fulfill(failure);
      },
      { times: 1 },
    );
    await actions.getByRole('button', { name: vi('assignmentAction.start') }).click();
    await page.getByRole('alert').filter({ hasText: failedTitle }).waitFor();
    await waitForText(page, vi('assignmentStatus.inProgress'));
    // The next step offered is the stored state's, not a repeat of "start".
    await actions.getByRole('button', { name: vi('assignmentAction.submit') }).waitFor();
    expect(await actions.getByRole('button', { name: vi('assignmentAction.start') }).count()).toBe(
      0,
    );
    await expectAccessible(page, 'assignment-failed-save');
  });

  it('lets the chair assign from a conclusion in the meeting side panel', async () => {
    const { json } = await api(head)<MeetingsAnswer>(`/api/bodies/${DEMO_BODY.id}/meetings`);
    const meeting: MeetingView | undefined = json.meetings.find((m) =>
      m.title.startsWith('Họp Ban Chỉ đạo thực hiện dân chủ'),
    );
    if (!meeting) throw new Error('the demo meeting was not seeded');
    const conclusion = 'Văn phòng UBND xã rà soát, cập nhật Quy chế dân chủ trước quý I';

    const page = await signedIn(head, NARROW);
    await page.goto(paths.meetingPanel(meeting.bodyId, meeting.id));
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    const area = page.getByRole('region', {
      name: vi('panelAssignments.title', { count: 0 }),
    });
    await area.waitFor();
    await page
      .getByRole('textbox', { name: vi('minutesSection.conclusions'), exact: true })
      .fill(`Chủ trì kết luận:\n1. ${conclusion}\n2. Các thôn tổ chức đối thoại với Nhân dân`);
    await page
      .getByRole('button', {
        name: vi('minutes.saveSection', { section: vi('minutesSection.conclusions') }),
      })
      .click();
    await page
      .getByText(vi('minutes.savedAt', { version: 1, time: '' }).trim())
      .first()
      .waitFor();

    await area.getByRole('button', { name: vi('panelAssignments.create') }).click();
    await area.getByLabel(vi('assignmentForm.conclusion')).selectOption(conclusion);
    expect(await area.getByLabel(vi('assignmentForm.title')).inputValue()).toBe(conclusion);
    await area.getByLabel(vi('assignmentForm.owner')).selectOption(secretary.userId);
    await area.getByLabel(vi('assignmentForm.deadline')).fill(vietnamDateAhead(30));
    await area.getByRole('button', { name: vi('assignmentForm.submit') }).click();

    const list = page.getByRole('list', { name: vi('panelAssignments.list') });
    await list.getByRole('link', { name: conclusion }).waitFor();
    expect(await list.innerText()).toContain(secretary.displayName);
    await expectAccessible(page, 'side-panel-assignments-vi');
    await page.screenshot({ path: `${ARTIFACTS}side-panel-assignments-vi.png`, fullPage: true });

    const { assignments } = await bodyAssignments();
    expect(assignments.find((a) => a.title === conclusion)).toMatchObject({
      source: { kind: 'meeting', meetingId: meeting.id },
      ownerId: secretary.userId,
      assignedBy: head.userId,
    });
    // A member who does not chair the meeting is not offered the button.
    const member = await signedIn(binh, NARROW);
    await member.goto(paths.meetingPanel(meeting.bodyId, meeting.id));
    await member.getByRole('list', { name: vi('panelAssignments.list') }).waitFor();
    expect(await member.getByRole('button', { name: vi('panelAssignments.create') }).count()).toBe(
      0,
    );
  });
});
