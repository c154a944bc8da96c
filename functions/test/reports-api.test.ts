import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevHost } from '../src/dev/host';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
  type TestUser,
} from './support/api-harness';
import { paragraphs } from './support/docx-xml';
import { snapshotBody } from './support/storage-snapshot';

let host: DevHost;
let fixture: TestBody;
const ids: Record<string, string> = {};

// Dates in 2099 keep the test independent of today's date (deadlines may not lie in the past).
const YEAR = '?from=2099-01-01&to=2099-12-31';

async function move(user: TestUser, path: string, transition: string, extra = {}) {
  const current = await apiAs(host, user)(path);
  const version = (current.json.meeting ?? current.json.assignment).version;
  const response = await apiAs(host, user)(`${path}/transitions`, {
    method: 'POST',
    body: { transition, version, ...extra },
  });
  expect(response.status).toBe(200);
}

async function download(path: string, user: TestUser = fixture.users.head) {
  const token = await host.devIssuer.issueToken(user);
  const response = await fetch(`${host.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  host = await startTestHost();
  fixture = await createTestBody();
  const { head, secretary, member } = fixture.users;
  const bodyPath = `/api/bodies/${fixture.body.id}`;

  const hold = async (key: string, input: Record<string, unknown>, approve: boolean) => {
    const created = await apiAs(host, secretary)(`${bodyPath}/meetings`, {
      method: 'POST',
      body: meetingInput(fixture.users, input),
    });
    expect(created.status).toBe(201);
    const path = `${bodyPath}/meetings/${created.json.meeting.id}`;
    ids[key] = created.json.meeting.id;
    await apiAs(host, secretary)(`${path}/attendance`, {
      method: 'PUT',
      body: {
        marks: [head, secretary, member].map((u) => ({ userId: u.userId, status: 'present' })),
      },
    });
    await move(head, path, 'start');
    await move(head, path, 'end');
    if (approve) {
      await move(secretary, path, 'submitMinutes');
      await move(head, path, 'approveMinutes');
    }
  };
  await hold(
    'regular',
    {
      title: 'Họp Ban Chỉ đạo tháng 3 năm 2099',
      startsAt: '2099-03-10T08:00:00+07:00',
      endsAt: '2099-03-10T11:00:00+07:00',
    },
    true,
  );
  await hold(
    'halfYear',
    {
      kind: 'steeringHalfYearReview',
      title: 'Sơ kết 6 tháng đầu năm 2099',
      startsAt: '2099-06-25T08:00:00+07:00',
      endsAt: '2099-06-25T11:00:00+07:00',
    },
    false,
  );
  const planned = await apiAs(host, secretary)(`${bodyPath}/meetings`, {
    method: 'POST',
    body: meetingInput(fixture.users, {
      title: 'Họp Ban Chỉ đạo tháng 11 năm 2099',
      startsAt: '2099-11-10T08:00:00+07:00',
      endsAt: '2099-11-10T11:00:00+07:00',
    }),
  });
  expect(planned.status).toBe(201);

  const assign = async (key: string, title: string, deadline: string) => {
    const created = await apiAs(host, secretary)(`${bodyPath}/assignments`, {
      method: 'POST',
      body: { title, ownerId: member.userId, deadline },
    });
    expect(created.status).toBe(201);
    ids[key] = created.json.assignment.id;
    return `${bodyPath}/assignments/${created.json.assignment.id}`;
  };
  const done = await assign('done', 'Niêm yết công khai dự toán ngân sách xã', '2099-04-30');
  await move(member, done, 'submit');
  await move(head, done, 'approveCompletion');
  const submitted = await assign('submitted', 'Tổ chức đối thoại với Nhân dân', '2099-09-30');
  await move(member, submitted, 'submit');
  await assign('open', 'Xây dựng báo cáo tổng kết năm 2099', '2099-12-31');
  const cancelled = await assign('cancelled', 'Khảo sát ý kiến cử tri', '2099-08-15');
  await move(head, cancelled, 'cancel', { reason: 'Không còn cần thiết' });
  // Due the next year: outside the 2099 review.
  await assign('nextYear', 'Chuẩn bị hội nghị năm 2100', '2100-02-28');
});

afterAll(async () => {
  await host?.stop();
});

const reportPath = (suffix = '') => `/api/bodies/${fixture.body.id}/reports/review${suffix}`;

describe('half-year and year-end reviews over the API (Azurite)', () => {
  it('answers the figures with the ids of the records behind them', async () => {
    const response = await apiAs(host, fixture.users.secretary)(`${reportPath()}${YEAR}`);
    expect(response.status).toBe(200);
    const { review } = response.json;
    expect(review.scope).toEqual({ kind: 'year', year: 2099 });
    const { meetings, assignments, votes } = review.figures;
    expect(meetings.held).toEqual({ count: 2, ids: [ids.regular, ids.halfYear] });
    expect(meetings.byKind.steeringRegular.ids).toEqual([ids.regular]);
    expect(meetings.byKind.steeringHalfYearReview.ids).toEqual([ids.halfYear]);
    expect(meetings.minutesApproved.ids).toEqual([ids.regular]);
    expect(assignments.total.count).toBe(4);
    expect(assignments.done.ids).toEqual([ids.done]);
    expect(assignments.onTime.ids).toEqual([ids.done]);
    expect(assignments.late.count).toBe(0);
    expect(assignments.awaitingApproval.ids).toEqual([ids.submitted]);
    expect(assignments.open.ids).toEqual([ids.open]);
    expect(assignments.cancelled.ids).toEqual([ids.cancelled]);
    expect(assignments.overdue.count).toBe(0);
    expect(assignments.onTimeRate).toBe(1);
    expect(votes).toMatchObject({ available: true, motions: { count: 0, ids: [] } });

    const firstHalf = await apiAs(host, fixture.users.head)(`${reportPath()}?preset=H1&year=2099`);
    expect(firstHalf.json.review.figures.meetings.held.ids).toEqual([ids.regular, ids.halfYear]);
    expect(firstHalf.json.review.figures.assignments.total.ids).toEqual([ids.done]);
  });

  it('?view=counts answers the same counts without the ids and rows behind them', async () => {
    const secretary = apiAs(host, fixture.users.secretary);
    const full = (await secretary(`${reportPath()}${YEAR}`)).json.review;
    const response = await secretary(`${reportPath()}${YEAR}&view=counts`);
    expect(response.status).toBe(200);
    const counts = response.json.review;
    expect(counts.figures.meetings.held).toEqual({ count: 2, ids: [] });
    expect(counts.figures.assignments.total).toEqual({ count: 4, ids: [] });
    expect(counts.figures.assignments.onTimeRate).toBe(full.figures.assignments.onTimeRate);
    expect([counts.meetingRows, counts.assignmentRows, counts.overdue]).toEqual([[], [], []]);
    expect(JSON.stringify(counts).length).toBeLessThan(JSON.stringify(full).length);

    const bad = await secretary(`${reportPath()}${YEAR}&view=everything`);
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION.FAILED']);
  });

  it('writes the BÁO CÁO as a DOCX with the sections and figures, the same bytes every time', async () => {
    const first = await download(`${reportPath('.docx')}${YEAR}`);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(first.response.headers.get('content-disposition')).toContain(
      'bao-cao-tong-ket-2099-01-01-2099-12-31.docx',
    );
    const xml = strFromU8(unzipSync(new Uint8Array(first.bytes))['word/document.xml']!);
    const texts = paragraphs(xml).map((p) => p.text);
    for (const expected of [
      'BÁO CÁO',
      'Tổng kết công tác thực hiện dân chủ ở cơ sở năm 2099',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. HẠN CHẾ, NGUYÊN NHÂN',
      'III. NHIỆM VỤ KỲ TỚI',
      'Nơi nhận:',
      'TM. BAN CHỈ ĐẠO',
      fixture.users.head.displayName,
    ]) {
      expect(texts).toContain(expected);
    }
    expect(texts.some((t) => t.startsWith('Số:') && t.includes('/BC-BCĐ'))).toBe(true);
    const body = texts.join('\n');
    expect(body).toContain('đã tổ chức 2 cuộc họp');
    expect(body).toContain('1 biên bản cuộc họp đã được chủ tọa thông qua');
    expect(body).toContain('Tổng số nhiệm vụ được giao hoặc đến hạn trong kỳ: 4.');
    expect(body).toContain('đúng hạn 1 (100,0%)');
    expect(body).toContain('(Đơn vị bổ sung) Nêu những hạn chế');
    expect(body).toContain('ngày 31 tháng 12 năm 2099');

    const second = await download(`${reportPath('.docx')}${YEAR}`);
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('writes the XLSX with its sheets and Vietnamese text intact', async () => {
    const { response, bytes } = await download(`${reportPath('.xlsx')}${YEAR}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tong hop',
      'Cuoc hop',
      'Nhiem vu',
      'Qua han',
      // The citizen and Front areas, one sheet each, when their records were loaded.
      'Kien nghi MTTQ',
      'Tiep cong dan',
      'Don thu',
      'Cong khai',
    ]);
    const summary = workbook.getWorksheet('Tong hop')!;
    const held = summary
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === 'Cuộc họp đã tổ chức') as unknown[];
    expect(held[2]).toBe(2);
    expect(held[3]).toBe(`${ids.regular}, ${ids.halfYear}`);
    const tasks = workbook.getWorksheet('Nhiem vu')!;
    expect(tasks.getCell('B1').value).toBe('Nhiệm vụ');
    const titles = tasks.getColumn(2).values.slice(2);
    expect(titles).toContain('Niêm yết công khai dự toán ngân sách xã');
    const doneRow = tasks
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === ids.done) as unknown[];
    expect(doneRow.slice(4, 8)).toEqual(['30/04/2099', '30/04/2099', 'Hoàn thành', 'Đúng hạn']);
    expect(workbook.getWorksheet('Qua han')!.rowCount).toBe(1);
  });

  it('hands out one-time links for Teams mobile, re-checked when used, refused up front', async () => {
    const secretary = apiAs(host, fixture.users.secretary);
    const linkFor = (body: Record<string, unknown>, user = secretary) =>
      user(`${reportPath().replace(/\/review$/, '')}/download-links`, { method: 'POST', body });

    const docx = await linkFor({ format: 'docx', preset: 'year', year: '2099' });
    expect(docx.status).toBe(201);
    expect(docx.json.url).toMatch(
      /\/api\/reports\/downloads\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}$/,
    );
    // No bearer token: the ticket alone opens it, once.
    const viaLink = await fetch(docx.json.url);
    expect(viaLink.status).toBe(200);
    expect(viaLink.headers.get('content-disposition')).toContain(
      'bao-cao-tong-ket-2099-01-01-2099-12-31.docx',
    );
    const direct = await download(`${reportPath('.docx')}${YEAR}`);
    expect(Buffer.from(await viaLink.arrayBuffer()).equals(direct.bytes)).toBe(true);
    const reused = await fetch(docx.json.url);
    expect(reused.status).toBe(404);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe(
      'DOWNLOAD.NOT_FOUND',
    );

    const xlsx = await linkFor({ format: 'xlsx', from: '2099-01-01', to: '2099-06-30' });
    expect(xlsx.status).toBe(201);
    const sheet = await fetch(xlsx.json.url);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-disposition')).toContain(
      'bao-cao-so-ket-2099-01-01-2099-06-30.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await sheet.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toContain('Tong hop');

    // A review ticket is no minutes ticket: the minutes' redeem route refuses it.
    const crossed = await linkFor({ format: 'docx', preset: 'H1', year: '2099' });
    const asMinutes = await fetch(
      crossed.json.url.replace('/api/reports/downloads/', '/api/downloads/'),
    );
    expect(asMinutes.status).toBeGreaterThanOrEqual(400);

    const bad = await linkFor({ format: 'docx', from: '2099-12-31', to: '2099-01-01' });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'REPORT.PERIOD_REVERSED']);
    const badFormat = await linkFor({ format: 'pdf', preset: 'year', year: '2099' });
    expect([badFormat.status, badFormat.json.error.code]).toEqual([400, 'VALIDATION.FAILED']);
    const denied = await linkFor(
      { format: 'xlsx', preset: 'year', year: '2099' },
      apiAs(host, fixture.users.member),
    );
    expect([denied.status, denied.json.error.code]).toEqual([403, 'PERMISSION.DENIED']);
    const forged = await fetch(docx.json.url.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43)));
    expect(forged.status).toBe(404);
  });

  it('refuses bad queries with stable codes and writes nothing; members may not read it', async () => {
    const before = await snapshotBody(fixture.body.tenantId, fixture.body.id);
    const head = apiAs(host, fixture.users.head);
    const cases: [string, string][] = [
      ['', 'REPORT.PERIOD_INVALID'],
      ['?from=2099-02-30&to=2099-03-01', 'REPORT.PERIOD_INVALID'],
      ['?from=01/01/2099&to=2099-03-01', 'REPORT.PERIOD_INVALID'],
      ['?from=2099-12-31&to=2099-01-01', 'REPORT.PERIOD_REVERSED'],
      ['?from=2097-01-01&to=2099-12-31', 'REPORT.PERIOD_TOO_LONG'],
      ['?preset=Q3&year=2099', 'REPORT.PERIOD_INVALID'],
    ];
    for (const [query, code] of cases) {
      for (const suffix of ['', '.docx', '.xlsx']) {
        const response = await head(`${reportPath(suffix)}${query}`);
        expect([query, suffix, response.status, response.json.error.code]).toEqual([
          query,
          suffix,
          400,
          code,
        ]);
      }
    }
    const denied = await apiAs(host, fixture.users.member)(`${reportPath()}${YEAR}`);
    expect([denied.status, denied.json.error.code]).toEqual([403, 'PERMISSION.DENIED']);
    expect(await snapshotBody(fixture.body.tenantId, fixture.body.id)).toEqual(before);
  });
});
