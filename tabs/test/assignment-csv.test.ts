import { describe, expect, it } from 'vitest';
import {
  assignmentCsvRows,
  buildCsv,
  CSV_BOM,
  csvField,
  csvFileName,
} from '../src/assignments/assignment-csv';
import { assignmentOf, DEPUTY, MEMBER, MEMBERS, SECRETARY, vietnam } from './fixtures';

const nameOf = (id: string) => MEMBERS.find((m) => m.userId === id)?.displayName ?? '?';
const NOW = vietnam('2026-12-10', '09:00');

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = buildCsv([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe('\uFEFFa,b\r\nc,d\r\n');
    // As bytes: EF BB BF, then the text in UTF-8 (what Excel needs to read Vietnamese).
    const bytes = new TextEncoder().encode(buildCsv([['Tuấn']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Tuấn\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(csvField('Hoàng Minh Tuấn')).toBe('Hoàng Minh Tuấn');
    expect(csvField('Rà soát, niêm yết')).toBe('"Rà soát, niêm yết"');
    expect(csvField('Báo cáo "sơ kết"')).toBe('"Báo cáo ""sơ kết"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('dòng 1\r\ndòng 2')).toBe('"dòng 1\r\ndòng 2"');
    expect(csvField(' lề ')).toBe('" lề "');
    expect(csvField('')).toBe('');
  });

  it('keeps a would-be formula as text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('-Rà soát')).toBe("'-Rà soát");
    expect(csvField('@all')).toBe("'@all");
  });

  it('writes a Vietnamese header and one line per row shown, dates dd/MM/yyyy', () => {
    const rows = assignmentCsvRows(
      [
        assignmentOf({
          title: 'Niêm yết, công khai dự toán',
          deadline: '2026-12-08',
          coOwnerIds: [DEPUTY, SECRETARY],
        }),
        assignmentOf({
          id: 'a-2',
          title: 'Tổng hợp kiến nghị',
          status: 'done',
          onTime: true,
          deadline: '2026-12-20',
          originalDeadline: '2026-12-05',
          extended: true,
          priority: 'urgent',
          source: { kind: 'meeting', meetingId: 'm-1' },
          completedAt: '2026-12-03T18:30:00.000Z', // 01:30 on 04/12 in Vietnam
        }),
      ],
      nameOf,
      'vi',
      NOW,
    );
    expect(rows[0]).toEqual([
      'STT',
      'Nhiệm vụ',
      'Chủ trì thực hiện',
      'Phối hợp',
      'Thời hạn',
      'Hạn ban đầu',
      'Trạng thái',
      'Tiến độ so với thời hạn',
      'Mức độ ưu tiên',
      'Nguồn',
      'Ngày hoàn thành',
    ]);
    expect(rows[1]).toEqual([
      '1',
      'Niêm yết, công khai dự toán',
      'Lương Văn Bình',
      'Nguyễn Thị Hoa, Hoàng Minh Tuấn',
      '08/12/2026',
      '',
      'Mới giao',
      'Quá 2 ngày',
      'Bình thường',
      'Giao trực tiếp',
      '',
    ]);
    expect(rows[2]).toEqual([
      '2',
      'Tổng hợp kiến nghị',
      'Lương Văn Bình',
      '',
      '20/12/2026',
      '05/12/2026',
      'Đã hoàn thành',
      'Đúng hạn',
      'Khẩn',
      'Kết luận cuộc họp',
      '04/12/2026',
    ]);
    const csv = buildCsv(rows);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFSTT,Nhiệm vụ,Chủ trì thực hiện,Phối hợp,Thời hạn,Hạn ban đầu,Trạng thái,' +
        'Tiến độ so với thời hạn,Mức độ ưu tiên,Nguồn,Ngày hoàn thành',
    );
    expect(csv.split('\r\n')[1]).toContain('"Niêm yết, công khai dự toán"');
  });

  it('follows the reader language and names the file in ASCII', () => {
    const [header, row] = assignmentCsvRows(
      [assignmentOf({ ownerId: MEMBER, deadline: '2026-12-11' })],
      nameOf,
      'en',
      NOW,
    );
    expect(header?.slice(0, 3)).toEqual(['No.', 'Assignment', 'Lead']);
    expect(row?.[7]).toBe('1 day left');
    expect(csvFileName('bcd-qcdc-chi-lang', NOW)).toBe('nhiem-vu-bcd-qcdc-chi-lang-2026-12-10.csv');
  });
});
