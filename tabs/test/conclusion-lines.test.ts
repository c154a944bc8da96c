import { describe, expect, it } from 'vitest';
import { conclusionLines } from '../src/meeting-panel/conclusion-lines';

describe('conclusion lines offered as assignment titles', () => {
  it('splits points, drops list markers, headings and repeats', () => {
    const text = [
      'Chủ trì kết luận:',
      '1. Văn phòng niêm yết công khai dự toán trước ngày 15/12.',
      '- Ủy ban MTTQ  tổng hợp kiến nghị của Nhân dân',
      '  • Các thôn tổ chức đối thoại',
      'a) Rà soát quy chế dân chủ',
      '',
      '- Ủy ban MTTQ tổng hợp kiến nghị của Nhân dân',
      '2025 là năm bản lề',
    ].join('\r\n');
    expect(conclusionLines(text)).toEqual([
      'Văn phòng niêm yết công khai dự toán trước ngày 15/12.',
      'Ủy ban MTTQ tổng hợp kiến nghị của Nhân dân',
      'Các thôn tổ chức đối thoại',
      'Rà soát quy chế dân chủ',
      '2025 là năm bản lề',
    ]);
  });

  it('trims a long point to the longest title allowed', () => {
    expect(conclusionLines('x'.repeat(400))[0]).toHaveLength(300);
    expect(conclusionLines('')).toEqual([]);
  });
});
