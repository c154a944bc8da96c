import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConclusionNoticeDocx } from '../src/documents/conclusion-notice-docx.js';
import { MOTTO, NATIONAL_HEADING } from '../src/documents/layout/national-heading.js';
import { renderMinutesDocx } from '../src/documents/minutes-docx.js';
import { darkFraction, decodePng } from './support/docx-png.js';
import {
  convertDocxToPdf,
  pdfPageCount,
  pdfPageText,
  pdfPageToPng,
  requireRenderTools,
} from './support/docx-render-check.js';
import { sampleConclusionNotice, sampleMinutes } from './support/docx-sample-data.js';
import {
  headerPart,
  isBold,
  isItalic,
  paragraphStartingWith,
  paragraphs,
  positionsInOrder,
  runProps,
  runs,
  sizeOf,
  tableRows,
  unzipDocx,
} from './support/docx-xml.js';

async function renderMinutesParts() {
  const docx = await renderMinutesDocx(sampleMinutes());
  const parts = unzipDocx(docx);
  const documentXml = parts['word/document.xml'] ?? '';
  const text = paragraphs(documentXml)
    .map((p) => p.text)
    .join('\n');
  return { docx, parts, documentXml, text };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('minutes DOCX (Decree 30/2020 Form 1.9)', () => {
  it('prints the heading block, title and every Form 1.9 section in order', async () => {
    const { text } = await renderMinutesParts();

    const order = [
      'UBND XÃ CHI LĂNG',
      'BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ',
      NATIONAL_HEADING,
      MOTTO,
      'Số: 12/BB-BCĐ',
      'Chi Lăng, ngày 30 tháng 11 năm 2026',
      'BIÊN BẢN',
      'Cuộc họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở tháng 11 năm 2026',
      'Thời gian bắt đầu: 08 giờ 00 phút, ngày 30 tháng 11 năm 2026.',
      'Địa điểm: Hội trường Ủy ban nhân dân xã Chi Lăng.',
      'Thành phần tham dự: có mặt 7/9 người được triệu tập, gồm:',
      'Chủ trì: Triệu Văn Thanh, Chủ tịch UBND xã, Trưởng Ban Chỉ đạo.',
      'Thư ký (người ghi biên bản): Hoàng Minh Tuấn, Công chức Văn phòng - Thống kê, Thư ký Ban Chỉ đạo.',
      'Nội dung (theo diễn biến cuộc họp):',
      '1. Đánh giá kết quả thực hiện dân chủ ở cơ sở tháng 11 năm 2026',
      '2. Kế hoạch tổ chức Hội nghị cán bộ, công chức năm 2027',
      'Kết quả biểu quyết:',
      'Kết luận:',
      'Phân công nhiệm vụ:',
      'Cuộc họp kết thúc vào 10 giờ 30 phút cùng ngày./.',
      'THƯ KÝ',
      'Hoàng Minh Tuấn',
      'Nơi nhận:',
      '- Lưu: VT, BCĐ.',
      'Phiên bản 2 · SHA-256 9f2c4e8a1b7d3f60c5a2e9d8b4f1a7c3e6d0b9a8f7e6d5c4b3a2918273645546',
    ];
    const positions = positionsInOrder(text, order);
    expect(
      order.filter((_, i) => positions[i] === -1),
      'missing or out of order',
    ).toEqual([]);
    expect(text).toContain('CHỦ TỌA');
  });

  it('lists those present, delegates and absentees with the reason', async () => {
    const { text } = await renderMinutesParts();
    const order = [
      '- Triệu Văn Thanh, Chủ tịch UBND xã, Trưởng ban;',
      '- Hà Văn Long (dự thay Lăng Văn Quý, Chủ tịch Hội Nông dân xã, Ủy viên);',
      '- Đinh Thị Ngọc, Bí thư Đoàn Thanh niên xã, Ủy viên.',
      'Vắng mặt (2 người):',
      '- Mông Văn Kiên, Chủ tịch Hội Cựu chiến binh xã, Ủy viên (vắng mặt có lý do);',
      '- Chu Thị Lụa, Công chức Tư pháp - Hộ tịch, Ủy viên (vắng mặt).',
      'Chủ trì:',
    ];
    expect(positionsInOrder(text, order)).not.toContain(-1);
  });

  it('prints the discussion as paragraphs, the vote tallies, conclusions and assignments', async () => {
    const { documentXml } = await renderMinutesParts();
    const texts = paragraphs(documentXml).map((p) => p.text);
    const discussion = sampleMinutes().agendaItems[0]?.discussion ?? '';
    for (const line of discussion.split('\n').filter((l) => l.trim())) {
      expect(texts).toContain(line.trim());
    }
    expect(texts).toContain('- Thông qua Kế hoạch tổ chức Hội nghị cán bộ, công chức năm 2027.');
    expect(texts).toContain(
      'Tán thành: 7; Không tán thành: 0; Không biểu quyết: 1 — Kết quả: Thông qua (7/8 thành viên có mặt tán thành).',
    );
    expect(texts).toContain(
      '- Giao Văn phòng UBND xã hoàn thành việc giải quyết phản ánh còn lại trước ngày 10/12/2026;',
    );
    expect(texts).toContain(
      '- Dự thảo quy chế chi tiêu nội bộ năm 2027, lấy ý kiến cán bộ, công chức — Công đoàn cơ sở — thời hạn 25/12/2026.',
    );
  });

  it('sets Times New Roman, black, with the decree sizes and styles', async () => {
    const { parts, documentXml } = await renderMinutesParts();
    const all = runs(documentXml).filter((r) => r.text !== '');
    expect(all.length).toBeGreaterThan(50);
    for (const r of all) {
      expect(r.props, r.text).toContain(
        '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>',
      );
      expect(r.props, r.text).toContain('<w:color w:val="000000"/>');
    }
    expect(parts['word/styles.xml']).toContain('w:ascii="Times New Roman"');
    expect(new Set(all.map((r) => sizeOf(r.props)))).toEqual(new Set([16, 22, 24, 26, 28]));

    const heading = runProps(documentXml, NATIONAL_HEADING);
    expect([24, 26]).toContain(sizeOf(heading));
    expect(isBold(heading)).toBe(true);
    const motto = runProps(documentXml, MOTTO);
    expect([26, 28]).toContain(sizeOf(motto));
    expect(isBold(motto)).toBe(true);
    const parent = runProps(documentXml, 'UBND XÃ CHI LĂNG');
    expect([24, 26]).toContain(sizeOf(parent));
    expect(isBold(parent)).toBe(false);
    const issuer = runProps(documentXml, 'BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ');
    expect([24, 26]).toContain(sizeOf(issuer));
    expect(isBold(issuer)).toBe(true);
    expect(sizeOf(runProps(documentXml, 'Số: 12/BB-BCĐ'))).toBe(26);
    const date = runProps(documentXml, 'Chi Lăng, ngày 30 tháng 11 năm 2026');
    expect([26, 28]).toContain(sizeOf(date));
    expect(isItalic(date)).toBe(true);
    const title = runProps(documentXml, 'BIÊN BẢN');
    expect([26, 28]).toContain(sizeOf(title));
    expect(isBold(title)).toBe(true);
    expect(isBold(runProps(documentXml, sampleMinutes().meetingTitle))).toBe(true);

    for (const name of ['THƯ KÝ', 'CHỦ TỌA', 'Hoàng Minh Tuấn', 'Triệu Văn Thanh']) {
      const props = runProps(documentXml, name);
      expect(isBold(props), name).toBe(true);
      expect([26, 28], name).toContain(sizeOf(props));
    }
    expect(isItalic(runProps(documentXml, '(Ký, ghi rõ họ tên)'))).toBe(true);
    const recipientsLabel = runProps(documentXml, 'Nơi nhận:');
    expect(sizeOf(recipientsLabel)).toBe(24);
    expect(isBold(recipientsLabel) && isItalic(recipientsLabel)).toBe(true);
    expect(sizeOf(runProps(documentXml, '- Thường trực Đảng ủy xã;'))).toBe(22);
    expect(sizeOf(runProps(documentXml, '- Lưu: VT, BCĐ.'))).toBe(22);
  });

  it('lays body paragraphs out justified, indented 1.27 cm, 6 pt apart, 1.15 lines', async () => {
    const { documentXml } = await renderMinutesParts();
    for (const prefix of [
      'Thời gian bắt đầu:',
      'Đồng chí Hoàng Minh Tuấn báo cáo',
      'Cuộc họp kết thúc',
    ]) {
      const p = paragraphStartingWith(documentXml, prefix).xml;
      expect(p, prefix).toContain('<w:jc w:val="both"/>');
      expect(p, prefix).toMatch(/w:firstLine="720"/);
      const after = Number(/w:after="(\d+)"/.exec(p)?.[1]);
      expect(after, prefix).toBeGreaterThanOrEqual(120);
      const line = Number(/w:line="(\d+)"/.exec(p)?.[1]);
      expect(line, prefix).toBeGreaterThanOrEqual(240);
      expect(line, prefix).toBeLessThanOrEqual(360);
      expect(p, prefix).toContain('w:lineRule="auto"');
      for (const size of p.matchAll(/<w:sz w:val="(\d+)"\/>/g))
        expect([26, 28]).toContain(Number(size[1]));
    }
    const title = paragraphStartingWith(documentXml, 'BIÊN BẢN').xml;
    expect(title).toContain('<w:jc w:val="center"/>');
  });

  it('uses two borderless tables: the heading block and the signatures', async () => {
    const { documentXml } = await renderMinutesParts();
    expect(documentXml.startsWith('<w:body><w:tbl>', documentXml.indexOf('<w:body>'))).toBe(true);
    const tables = [...documentXml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      expect(table).toMatch(/<w:tblBorders>(<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    }
    const rows = tableRows(documentXml);
    const top = rows[0]?.cells ?? [];
    expect(top[0]).toEqual(['UBND XÃ CHI LĂNG', 'BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ', '']);
    expect(top[1]).toEqual([NATIONAL_HEADING, MOTTO, '']);
    expect(rows[1]?.cells.map((cell) => cell.filter(Boolean))).toEqual([
      ['Số: 12/BB-BCĐ'],
      ['Chi Lăng, ngày 30 tháng 11 năm 2026'],
    ]);
    const signatures = rows.find((row) => row.cells.some((cell) => cell.includes('CHỦ TỌA')));
    expect(signatures?.xml).toContain('<w:cantSplit/>');
    const [left, right] = signatures?.cells ?? [];
    expect(left?.filter(Boolean).slice(0, 4)).toEqual([
      'THƯ KÝ',
      '(Ký, ghi rõ họ tên)',
      'Hoàng Minh Tuấn',
      'Nơi nhận:',
    ]);
    expect(right?.filter(Boolean)).toEqual(['CHỦ TỌA', '(Ký, ghi rõ họ tên)', 'Triệu Văn Thanh']);
    // Room to sign: empty lines between the note and the name.
    expect(right?.indexOf('Triệu Văn Thanh')).toBeGreaterThanOrEqual(5);
  });

  it('is A4 with the decree margins and page numbers centred at the top from page 2', async () => {
    const { parts, documentXml } = await renderMinutesParts();
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(documentXml)?.[1] ?? '';
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)?.[1]);
    // 20 mm = 1134, 30 mm = 1701, 15 mm = 850 twips (within 20-25, 20-25, 30-35, 15-20 mm).
    expect([attr('top'), attr('bottom'), attr('left'), attr('right')]).toEqual([
      1134, 1134, 1701, 850,
    ]);
    expect(documentXml).toContain('<w:titlePg/>');

    const pageHeader = headerPart(parts, 'default');
    expect(pageHeader).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(pageHeader).toContain('<w:fldChar w:fldCharType="begin"/>');
    expect(pageHeader).toContain('<w:jc w:val="center"/>');
    expect(pageHeader).toContain('w:ascii="Times New Roman"');
    const firstHeader = headerPart(parts, 'first');
    expect(firstHeader).not.toContain('PAGE');
    expect(firstHeader).not.toContain('<w:t');
  });

  it('keeps Vietnamese diacritics intact (NFC, UTF-8)', async () => {
    const { documentXml, text } = await renderMinutesParts();
    expect(documentXml.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(text.normalize('NFC')).toBe(text);
    for (const word of [
      'CỘNG HÒA',
      'Độc lập',
      'Hạnh phúc',
      'Triệu Văn Thanh',
      'Hoàng Minh Tuấn',
      'Ủy viên',
      'Đảng ủy',
    ]) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/\uFFFD|\?\?/);
  });

  it('writes fixed core properties and renders byte-identical output whatever the clock says', async () => {
    const { docx, parts } = await renderMinutesParts();
    const core = parts['docProps/core.xml'] ?? '';
    expect(core).toContain(
      '<dc:title>Biên bản Cuộc họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở tháng 11 năm 2026</dc:title>',
    );
    expect(core).toContain('<dc:creator>QCDC</dc:creator>');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-30T00:00:00Z</dcterms:modified>',
    );

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-15T13:47:09Z'));
    const later = await renderMinutesDocx(sampleMinutes());
    expect(later.equals(docx)).toBe(true);
  });

  it('renders the optional parts out when absent and takes an explicit document date', async () => {
    const data = {
      ...sampleMinutes(),
      parentBody: '',
      votes: [],
      conclusions: [],
      assignments: [],
      version: 1,
      approvedHash: undefined,
      documentDate: '2026-12-01T09:30:00Z',
    };
    const parts = unzipDocx(await renderMinutesDocx(data));
    const text = paragraphs(parts['word/document.xml'] ?? '')
      .map((p) => p.text)
      .join('\n');
    expect(text).not.toContain('UBND XÃ CHI LĂNG');
    expect(text).not.toContain('Kết quả biểu quyết');
    expect(text).not.toContain('Kết luận:');
    expect(text).not.toContain('Phân công nhiệm vụ');
    expect(text).toContain('Phiên bản 1');
    expect(text).not.toContain('SHA-256');
    expect(parts['docProps/core.xml']).toContain('>2026-12-01T09:30:00Z</dcterms:created>');
  });
});

describe('conclusion notice DOCX', () => {
  it('prints THÔNG BÁO, the subject, intro, numbered conclusions, assignments and one signature', async () => {
    const data = sampleConclusionNotice();
    const docx = await renderConclusionNoticeDocx(data);
    const parts = unzipDocx(docx);
    const documentXml = parts['word/document.xml'] ?? '';
    const text = paragraphs(documentXml)
      .map((p) => p.text)
      .join('\n');
    const order = [
      'BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ',
      NATIONAL_HEADING,
      'Số: 15/TB-BCĐ',
      'Chi Lăng, ngày 02 tháng 12 năm 2026',
      'THÔNG BÁO',
      data.subject,
      'Ngày 30 tháng 11 năm 2026, tại Hội trường Ủy ban nhân dân xã Chi Lăng, đồng chí Triệu Văn Thanh, Chủ tịch UBND xã, Trưởng Ban Chỉ đạo đã chủ trì cuộc họp.',
      'Tham dự cuộc họp có 07/09 thành viên Ban Chỉ đạo và đại diện Hội Nông dân xã.',
      'Trưởng Ban Chỉ đạo kết luận như sau:',
      '1. Biểu dương các thôn đã thực hiện tốt việc niêm yết, công khai thông tin theo quy định.',
      '2. Giao Văn phòng UBND xã',
      '3. Thống nhất tổ chức Hội nghị cán bộ, công chức năm 2027',
      '4. Phân công nhiệm vụ:',
      '- Công khai danh sách hộ nghèo, hộ cận nghèo năm 2027 trên loa truyền thanh — Văn phòng - Thống kê — thời hạn 15/12/2026;',
      'thực hiện./.',
      'Nơi nhận:',
      '- Lưu: VT, BCĐ.',
      'TM. BAN CHỈ ĐẠO',
      'TRƯỞNG BAN',
      'Triệu Văn Thanh',
      'Phiên bản 1',
    ];
    const positions = positionsInOrder(text, order);
    expect(
      order.filter((_, i) => positions[i] === -1),
      'missing or out of order',
    ).toEqual([]);
    expect(isBold(runProps(documentXml, 'THÔNG BÁO'))).toBe(true);
    expect(isBold(runProps(documentXml, 'TM. BAN CHỈ ĐẠO'))).toBe(true);
    expect(isBold(runProps(documentXml, 'Triệu Văn Thanh'))).toBe(true);

    const signatureRow = tableRows(documentXml).find((row) =>
      row.cells.some((cell) => cell.includes('TM. BAN CHỈ ĐẠO')),
    );
    const [left, right] = signatureRow?.cells ?? [];
    expect(left?.[0]).toBe('Nơi nhận:');
    expect(right?.filter(Boolean)).toEqual(['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Triệu Văn Thanh']);
    expect(parts['docProps/core.xml']).toContain('<dc:creator>QCDC</dc:creator>');
    expect(documentXml).toContain('<w:titlePg/>');
    expect((await renderConclusionNoticeDocx(data)).equals(docx)).toBe(true);
  });
});

describe('render check (LibreOffice → PDF → PNG)', () => {
  it('draws an A4 first page with the national heading and title, page numbers from page 2', async () => {
    requireRenderTools();
    const docx = await renderMinutesDocx(sampleMinutes());
    const pdf = convertDocxToPdf(docx, 'bien-ban');

    const png = decodePng(pdfPageToPng(pdf, 1));
    expect(png.width / png.height).toBeCloseTo(210 / 297, 2);
    expect(Math.abs(png.width / png.height - 0.707)).toBeLessThan(0.01);
    // The heading block (top ~12% of the page) is drawn: some dark pixels, not a blank band.
    const heading = darkFraction(png, 0.03, 0.12);
    expect(heading).toBeGreaterThan(0.01);
    expect(heading).toBeLessThan(0.5);
    // The top margin above the heading (no page number on page 1) is blank.
    expect(darkFraction(png, 0, 0.025)).toBe(0);
    // The body is drawn too.
    expect(darkFraction(png, 0.3, 0.8)).toBeGreaterThan(0.01);

    const first = pdfPageText(pdf, 1);
    expect(first).toContain('BIÊN BẢN');
    expect(first).toContain(NATIONAL_HEADING);
    expect(first).toContain(MOTTO);
    expect(first).toContain('Số: 12/BB-BCĐ');
    expect(first.trimStart().startsWith('1')).toBe(false);

    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pdfPageText(pdf, 2).trim().split('\n')[0]?.trim()).toBe('2');
    const last = pdfPageText(pdf, pages);
    expect(last).toContain('CHỦ TỌA');
    expect(last).toContain('Nơi nhận:');
    expect(last).toContain('Phiên bản 2 · SHA-256');
  }, 120_000);
});
