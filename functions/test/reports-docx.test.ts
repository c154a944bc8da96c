import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HEAD,
  INITIAL_MINUTES,
  computeBodyReview,
  presetPeriod,
  type Assignment,
  type Body,
  type BodyReview,
  type CitizenCase,
  type Disclosure,
  type Meeting,
  type Member,
  type ReceptionSession,
  type Recommendation,
} from '@qcdc/core';
import { renderReviewReportDocx } from '../src/reports/review-report-docx';
import { renderReviewReportXlsx } from '../src/reports/review-report-xlsx';
import { paragraphs, tableRows, unzipDocx } from './support/docx-xml';
import {
  convertDocxToPdf,
  pdfPageCount,
  pdfPageText,
  requireRenderTools,
} from './support/docx-render-check';

const TENANT = 'a0000000-0000-4000-8000-000000000001';
const body: Body = {
  tenantId: TENANT,
  unitId: 'u1',
  unitName: 'UBND xã Chi Lăng',
  id: 'b1',
  kind: 'steeringCommittee',
  name: 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng',
};
const members: Member[] = [
  {
    tenantId: TENANT,
    bodyId: 'b1',
    userId: 'u-head',
    displayName: 'Trần Văn Minh',
    title: 'Chủ tịch UBND xã',
    roles: ['head'],
  },
  {
    tenantId: TENANT,
    bodyId: 'b1',
    userId: 'u-owner',
    displayName: 'Lê Văn Nam',
    title: 'Công chức',
    roles: ['member'],
  },
];

const meeting = (id: string, startsAt: string, approved: boolean): Meeting => ({
  tenantId: TENANT,
  bodyId: 'b1',
  id,
  kind: 'steeringRegular',
  title: `Họp Ban Chỉ đạo ${id}`,
  startsAt,
  location: 'Hội trường',
  status: approved ? 'minutesApproved' : 'ended',
  chairId: 'u-head',
  secretaryId: 'u-head',
  agenda: [],
  minutes: approved ? { edition: 1, status: 'approved' } : INITIAL_MINUTES,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u-head',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  audit: GENESIS_HEAD,
});

const assignment = (id: string, deadline: string, extra: Partial<Assignment>): Assignment => ({
  tenantId: TENANT,
  bodyId: 'b1',
  id,
  title: `Nhiệm vụ ${id}`,
  description: '',
  ownerId: 'u-owner',
  coOwnerIds: [],
  source: { kind: 'direct' },
  deadline,
  originalDeadline: deadline,
  priority: 'normal',
  status: 'open',
  assignedBy: 'u-head',
  progress: [],
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  version: 1,
  audit: GENESIS_HEAD,
  ...extra,
});

function sampleReview(): BodyReview {
  return computeBodyReview({
    body,
    members,
    period: presetPeriod(2026, 'year'),
    now: new Date('2027-03-01T00:00:00.000Z'),
    meetings: [
      meeting('m1', '2026-03-10T01:00:00.000Z', true),
      meeting('m2', '2026-09-10T01:00:00.000Z', false),
    ],
    assignments: [
      assignment('a1', '2026-03-31', { status: 'done', submittedAt: '2026-03-31T16:59:59.000Z' }),
      assignment('a2', '2026-03-31', { status: 'done', submittedAt: '2026-03-31T17:00:00.000Z' }),
      assignment('a3', '2026-12-31', { status: 'inProgress' }),
    ],
    motions: [],
  });
}

describe('the review report as a DOCX (BÁO CÁO, Decree 30/2020)', () => {
  it('writes the figures in sentences and a table, and the overdue list', async () => {
    const docx = await renderReviewReportDocx(sampleReview());
    const xml = unzipDocx(docx)['word/document.xml'] ?? '';
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts).toContain('Chi Lăng, ngày 31 tháng 12 năm 2026');
    expect(texts).toContain('Số:      /BC-BCĐ');
    expect(texts).toContain(
      'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng báo cáo tổng kết công tác thực hiện dân chủ ở cơ sở năm 2026 như sau:',
    );
    expect(texts).toContain(
      'Trong kỳ, Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng đã tổ chức 2 cuộc họp (Họp Ban Chỉ đạo định kỳ: 2); 1 biên bản cuộc họp đã được chủ tọa thông qua.',
    );
    expect(texts.join('\n')).toContain('đúng hạn 1 (50,0%), trễ hạn 1 (50,0%)');
    expect(texts).toContain('- Nhiệm vụ a3 — Lê Văn Nam — thời hạn 31/12/2026 (quá hạn 1 ngày).');
    expect(texts).toContain(
      'Số liệu tổng hợp từ dữ liệu của hệ thống QCDC, tính đến 24 giờ 00 ngày 31/12/2026.',
    );
    const table = tableRows(xml)
      .map((row) => row.cells.map((cell) => cell.join(' ')))
      .filter((cells) => cells.length === 3);
    expect(table[0]).toEqual(['STT', 'Chỉ tiêu', 'Số lượng']);
    expect(table).toContainEqual(['6', 'Tỷ lệ hoàn thành đúng hạn', '50,0%']);
    expect(table).toContainEqual(['7', 'Nhiệm vụ quá hạn', '1']);
    expect((await renderReviewReportDocx(sampleReview())).equals(docx)).toBe(true);
  });

  it('opens in LibreOffice with the title and the sections on A4 pages', async () => {
    requireRenderTools();
    const pdf = convertDocxToPdf(await renderReviewReportDocx(sampleReview()), 'bao-cao');
    const pages = pdfPageCount(pdf);
    const text = Array.from({ length: pages }, (_, i) => pdfPageText(pdf, i + 1)).join('\n');
    for (const expected of [
      'BÁO CÁO',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. HẠN CHẾ, NGUYÊN NHÂN',
      'III. NHIỆM VỤ KỲ TỚI',
      'TRƯỞNG BAN',
    ]) {
      expect(text).toContain(expected);
    }
  }, 60_000);

  it('fills the workbook with every assignment, on time or late', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderReviewReportXlsx(sampleReview())) as unknown as ArrayBuffer,
    );
    const tasks = workbook.getWorksheet('Nhiem vu')!;
    expect(tasks.getRow(2).values).toEqual([
      undefined,
      'a1',
      'Nhiệm vụ a1',
      'Lê Văn Nam',
      '31/03/2026',
      '31/03/2026',
      'Hoàn thành',
      'Đúng hạn',
      '31/03/2026',
    ]);
    expect(tasks.getCell('G3').value).toBe('Trễ hạn');
    expect(workbook.getWorksheet('Qua han')!.getCell('E2').value).toBe(1);
  });
});

describe('the review report: the staff conference and its resolution review (Art. 51, 52(3))', () => {
  const conferenceBody: Body = {
    ...body,
    kind: 'staffConference',
    name: 'Hội nghị cán bộ, công chức xã Chi Lăng',
  };
  const held = (id: string, startsAt: string): Meeting => ({
    ...meeting(id, startsAt, true),
    kind: 'staffConference',
  });
  const conferenceReview = () =>
    computeBodyReview({
      body: conferenceBody,
      members,
      period: presetPeriod(2026, 'year'),
      now: new Date('2027-03-01T00:00:00.000Z'),
      // Conference on 20/03/2026 (Vietnam time); its review on 05/10/2026, after 30/09: late.
      meetings: [held('hn', '2026-03-20T01:00:00.000Z'), held('kd', '2026-10-05T01:00:00.000Z')],
      assignments: [],
      motions: [],
    });

  it('says in the BÁO CÁO whether the six-monthly review was held, and when', async () => {
    const xml = unzipDocx(await renderReviewReportDocx(conferenceReview()))['word/document.xml'];
    const texts = paragraphs(xml ?? '').map((p) => p.text);
    expect(texts).toContain(
      'Kiểm điểm 6 tháng việc thực hiện nghị quyết Hội nghị cán bộ, công chức, viên chức năm 2026 (Điều 52 khoản 3 Luật Thực hiện dân chủ ở cơ sở; hạn ngày 30/09/2026): tổ chức chậm so với thời hạn, ngày 05/10/2026.',
    );
  });

  it('lists it in the workbook with the conference and review meeting ids', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderReviewReportXlsx(conferenceReview())) as unknown as ArrayBuffer,
    );
    const summary = workbook.getWorksheet('Tong hop')!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((row) => row.slice(1))).toContainEqual([
      'Kiểm điểm 6 tháng nghị quyết hội nghị năm 2026 (hạn 30/09/2026)',
      'Đã kiểm điểm, chậm so với thời hạn',
      'hn, kd',
    ]);
  });
});

/** A year with Front, citizen and disclosure records (minimal rows: only what the figures read). */
function citizenReview(): BodyReview {
  const rec = (id: string, deadline: string, respondedOn?: string) =>
    ({
      id,
      receivedOn: '2026-05-01',
      deadline,
      createdAt: '2026-05-01T02:00:00.000Z',
      status: respondedOn ? 'responded' : 'assigned',
      respondedOn,
      respondedAt: respondedOn ? `${respondedOn}T03:00:00.000Z` : undefined,
    }) as Recommendation;
  const kase = (id: string, kind: CitizenCase['kind'], resolvedOn: string, deadline: string) =>
    ({
      id,
      number: `KN-2026-000${id.slice(-1)}`,
      summary: 'Bà Hoàng Thị Lan khiếu nại việc thu hồi đất',
      kind,
      receivedOn: '2026-04-01',
      createdAt: '2026-04-01T02:00:00.000Z',
      status: 'resolved',
      acceptance: { deadline: '2026-04-10', decidedOn: '2026-04-05' },
      resolution: { deadline, originalDeadline: deadline, extensions: [], resolvedOn },
    }) as unknown as CitizenCase;
  const session = (id: string, kind: ReceptionSession['kind'], date: string) =>
    ({ id, kind, date, status: 'held' }) as ReceptionSession;
  return computeBodyReview({
    body,
    members,
    period: presetPeriod(2026, 'year'),
    now: new Date('2027-03-01T00:00:00.000Z'),
    meetings: [],
    assignments: [],
    motions: [],
    recommendations: [
      rec('r1', '2026-05-31', '2026-05-31'),
      rec('r2', '2026-05-31', '2026-06-01'),
      rec('r3', '2026-05-31'),
    ],
    cases: [
      kase('c1', 'complaint', '2026-05-05', '2026-05-05'),
      kase('c2', 'feedback', '2026-05-20', '2026-05-10'),
    ],
    sessions: [
      ...Array.from({ length: 12 }, (_, m) =>
        session(`s${m + 1}`, 'agencyHead', `2026-${String(m + 1).padStart(2, '0')}-15`),
      ),
      session('s13', 'dialogue', '2026-10-20'),
    ],
    disclosures: [
      {
        id: 'd1',
        status: 'ended',
        startOn: '2026-03-01',
        endedOn: '2026-03-31',
        postedAt: '2026-03-01T02:00:00.000Z',
        createdAt: '2026-02-20T02:00:00.000Z',
      } as Disclosure,
    ],
  });
}

describe('the review report: Front, citizen and disclosure figures', () => {
  it('adds numbered sections 4-7 with the figures, and table rows, to the BÁO CÁO', async () => {
    const docx = await renderReviewReportDocx(citizenReview());
    const xml = unzipDocx(docx)['word/document.xml'] ?? '';
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts).toContain('4. Tiếp nhận, trả lời kiến nghị của Mặt trận Tổ quốc');
    expect(texts).toContain(
      'Trong kỳ, tiếp nhận 3 kiến nghị của Mặt trận Tổ quốc qua giám sát, phản biện xã hội; ' +
        'đã trả lời 2 kiến nghị, trong đó đúng hạn 1 (50,0%), trễ hạn 1; 1 kiến nghị quá hạn chưa được trả lời.',
    );
    expect(texts).toContain('5. Tiếp công dân, đối thoại');
    expect(texts).toContain(
      'Thủ trưởng cơ quan tiếp công dân định kỳ (ít nhất 1 ngày/tháng, Điều 18 Luật Tiếp công dân): ' +
        'đã tổ chức 12 buổi, yêu cầu tối thiểu 12; bảo đảm theo quy định.',
    );
    expect(texts).toContain('6. Giải quyết khiếu nại, tố cáo, phản ánh, kiến nghị');
    expect(texts).toContain(
      'Tiếp nhận 2 đơn (khiếu nại 1, tố cáo 0, phản ánh, kiến nghị 1); đã giải quyết 2 đơn, trong đó ' +
        'đúng thời hạn 1, quá thời hạn 1; không thụ lý 0; 0 đơn quá hạn chưa giải quyết xong.',
    );
    expect(texts).toContain('7. Công khai thông tin');
    expect(texts).toContain(
      'Thực hiện công khai 1 nội dung; kết thúc công khai 1 nội dung; 0 nội dung chưa công khai đúng thời điểm.',
    );
    // Counts only: no case number, name or content reaches the report.
    const all = texts.join('\n');
    expect(all).not.toContain('KN-2026');
    expect(all).not.toContain('Hoàng Thị Lan');
    const table = tableRows(xml)
      .map((row) => row.cells.map((cell) => cell.join(' ')))
      .filter((cells) => cells.length === 3);
    expect(table).toContainEqual(['11', 'Kiến nghị trả lời trễ hạn', '1']);
    expect(table).toContainEqual(['14', 'Đơn giải quyết đúng thời hạn', '1']);
    expect(table).toContainEqual(['17', 'Nội dung đã công khai', '1']);
  });

  it('adds one sheet per area to the workbook, each figure with its record ids', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderReviewReportXlsx(citizenReview())) as unknown as ArrayBuffer,
    );
    const front = workbook.getWorksheet('Kien nghi MTTQ')!;
    expect(front.getRow(4).values).toEqual([undefined, 'Trả lời đúng hạn', 1, 'r1']);
    expect(front.getRow(5).values).toEqual([undefined, 'Trả lời trễ hạn', 1, 'r2']);
    expect(front.getRow(6).values).toEqual([undefined, 'Quá hạn chưa trả lời', 1, 'r3']);
    const cases = workbook.getWorksheet('Don thu')!;
    expect(cases.getRow(8).values).toEqual([undefined, 'Giải quyết quá thời hạn', 1, 'c2']);
    const reception = workbook.getWorksheet('Tiep cong dan')!;
    expect(reception.getCell('B2').value).toBe(13);
    expect(workbook.getWorksheet('Cong khai')!.getCell('C2').value).toBe('d1');
    const dump = JSON.stringify(workbook.worksheets.map((ws) => ws.getSheetValues()));
    expect(dump).not.toContain('Hoàng Thị Lan');
    expect(dump).not.toContain('KN-2026');
  });
});
