import type { QuorumCheck } from '@qcdc/core';
import { describe, expect, it } from 'vitest';
import { delegatesLine, quorumLine } from '../src/meeting-panel/quorum-line';

const basis = {
  vi: 'Quy chế làm việc của Ban Chỉ đạo',
  en: "The steering committee's working rules",
};
const check = (patch: Partial<QuorumCheck>): QuorumCheck => ({
  met: false,
  present: 0,
  summoned: 5,
  required: 3,
  delegates: 0,
  basis,
  ...patch,
});

describe('the quorum line', () => {
  it('says quorum is met, with the count, what is needed and the rule', () => {
    expect(quorumLine(check({ met: true, present: 4, delegates: 1 }), 'vi')).toEqual({
      met: true,
      text: 'Đủ số lượng: 4/5 (cần 3) — Quy chế làm việc của Ban Chỉ đạo',
    });
    expect(quorumLine(check({ met: true, present: 4 }), 'en').text).toBe(
      "Quorum met: 4/5 (3 needed) — The steering committee's working rules",
    );
  });

  it('says when it is not met yet', () => {
    expect(quorumLine(check({ present: 2 }), 'vi')).toEqual({
      met: false,
      text: 'Chưa đủ số lượng: 2/5 (cần 3) — Quy chế làm việc của Ban Chỉ đạo',
    });
    expect(quorumLine(check({ present: 2 }), 'en').text).toBe(
      "No quorum yet: 2/5 (3 needed) — The steering committee's working rules",
    );
  });

  it('only counts the present when the process has no quorum rule', () => {
    expect(quorumLine(check({ met: true, required: 0, present: 2 }), 'vi').text).toBe(
      'Có mặt: 2/5 — Quy chế làm việc của Ban Chỉ đạo',
    );
  });

  it('mentions delegates only when someone stands in', () => {
    expect(delegatesLine(check({ delegates: 0 }), 'vi')).toBeNull();
    expect(delegatesLine(check({ delegates: 1 }), 'vi')).toBe('Trong số có mặt, 1 người dự thay.');
  });
});
