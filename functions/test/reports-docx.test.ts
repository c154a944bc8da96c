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
  type Meeting,
  type Member,
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
