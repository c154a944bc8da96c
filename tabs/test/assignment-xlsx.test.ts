import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx, xlsxFileName } from '../src/assignments/assignment-xlsx';

async function read(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer; the bytes are what it reads.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('the assignment workbook', () => {
  it('opens in a spreadsheet reader with one named sheet, the header and the rows as text', async () => {
    const rows = [
      ['STT', 'Nhiệm vụ', 'Chủ trì thực hiện'],
      ['1', 'Niêm yết dự toán <2027> & "hương ước"', 'Hoàng Minh Tuấn'],
      ['2', '=HYPERLINK("http://x")', ' khoảng trắng '],
      ['3', 'Ký tự\u0007 điều khiển', ''],
    ];
    const workbook = await read(buildXlsx('Nhiệm vụ', rows));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Nhiệm vụ']);
    const sheet = workbook.worksheets[0]!;
    const read_: string[][] = [];
    sheet.eachRow((row) => read_.push([1, 2, 3].map((i) => row.getCell(i).text)));
    expect(read_).toEqual([
      rows[0],
      rows[1],
      // A formula-looking title stays text, and edge spaces are kept.
      ['2', '=HYPERLINK("http://x")', ' khoảng trắng '],
      // XML cannot carry control characters: they are dropped, not a broken file.
      ['3', 'Ký tự điều khiển', ''],
    ]);
    expect(sheet.getCell('B3').formula).toBeUndefined();
    expect(sheet.getRow(1).font?.bold ?? sheet.getCell('A1').font?.bold).toBe(true);
  });

  it('keeps a sheet name within Excel’s rules and names the file like the CSV', async () => {
    const workbook = await read(
      buildXlsx('Nhiệm vụ [tháng 1/2027]: rất dài quá giới hạn', [['a']]),
    );
    expect(workbook.worksheets[0]!.name.length).toBeLessThanOrEqual(31);
    expect(workbook.worksheets[0]!.name).not.toMatch(/[[\]:*?/\\]/);
    expect(xlsxFileName('nhiem-vu-bcd-2026-12-05.csv')).toBe('nhiem-vu-bcd-2026-12-05.xlsx');
  });
});
