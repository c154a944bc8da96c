import { describe, expect, it } from 'vitest';
import type { AssignmentStatsView } from '../src/api/api-types';
import {
  chartBars,
  chartLabel,
  filterAssignments,
  foldForSearch,
  NO_FILTER,
  onTimeRateText,
  stateCounts,
} from '../src/assignments/assignment-table';
import { assignmentOf, DEPUTY, HEAD, MEMBER, MEMBERS, SECRETARY, vietnam } from './fixtures';

const nameOf = (id: string) => MEMBERS.find((m) => m.userId === id)?.displayName ?? '?';
const NOW = vietnam('2026-12-10', '09:00');

const list = [
  assignmentOf({ id: 'late', title: 'Niêm yết dự toán', deadline: '2026-12-01' }),
  assignmentOf({
    id: 'dialogue',
    title: 'Chuẩn bị đối thoại',
    ownerId: HEAD,
    deadline: '2026-12-20',
  }),
  assignmentOf({
    id: 'report',
    title: 'Báo cáo sơ kết',
    ownerId: SECRETARY,
    coOwnerIds: [MEMBER],
    status: 'submitted',
    deadline: '2026-12-12',
  }),
  assignmentOf({ id: 'done', title: 'Rà soát quy chế', status: 'done', deadline: '2026-11-30' }),
];
const ids = (rows: readonly { id: string }[]) => rows.map((a) => a.id);

describe('the dashboard table filters', () => {
  it('finds Vietnamese words typed with or without tone marks', () => {
    expect(foldForSearch('  Lương Văn  Bình ')).toBe('luong van binh');
    expect(foldForSearch('ĐỐI THOẠI')).toBe('doi thoai');
    const search = (text: string) =>
      ids(filterAssignments(list, { ...NO_FILTER, text }, nameOf, NOW));
    expect(search('doi thoai')).toEqual(['dialogue']);
    expect(search('Đối thoại')).toEqual(['dialogue']);
    expect(search('bình')).toEqual(['late', 'done', 'report']); // owner or co-owner name
    expect(search('triệu chuẩn')).toEqual(['dialogue']); // every word must match
    expect(search('không có')).toEqual([]);
  });

  it('filters by state (overdue is a state of its own) and by person', () => {
    const by = (filter: Partial<typeof NO_FILTER>) =>
      ids(filterAssignments(list, { ...NO_FILTER, ...filter }, nameOf, NOW));
    expect(by({})).toEqual(['late', 'done', 'report', 'dialogue']);
    expect(by({ status: 'overdue' })).toEqual(['late']);
    expect(by({ status: 'open' })).toEqual(['late', 'dialogue']);
    expect(by({ status: 'submitted' })).toEqual(['report']);
    expect(by({ personId: MEMBER })).toEqual(['late', 'done', 'report']);
    expect(by({ personId: DEPUTY })).toEqual([]);
    expect(by({ personId: MEMBER, status: 'done' })).toEqual(['done']);
  });

  it('counts by state, overdue first and taken out of its status, adding up to the total', () => {
    const counts = stateCounts(list, NOW);
    expect(counts.map((c) => c.key)).toEqual([
      'overdue',
      'open',
      'inProgress',
      'submitted',
      'returned',
      'done',
      'cancelled',
    ]);
    expect(Object.fromEntries(counts.map((c) => [c.key, c.count]))).toMatchObject({
      overdue: 1,
      open: 1,
      submitted: 1,
      done: 1,
    });
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(list.length);
  });
});

describe('the chart and the on-time rate', () => {
  const stats: AssignmentStatsView = {
    total: 7,
    done: 3,
    onTime: 2,
    late: 1,
    overdue: 1,
    open: 3,
    cancelled: 1,
    onTimeRate: 2 / 3,
  };

  it('splits open work by the deadline and done work by timeliness', () => {
    expect(chartBars(stats)).toEqual([
      { key: 'open', value: 2 },
      { key: 'overdue', value: 1 },
      { key: 'onTime', value: 2 },
      { key: 'late', value: 1 },
    ]);
  });

  it('puts every number in the text alternative', () => {
    expect(chartLabel(stats, 'vi')).toBe(
      'Biểu đồ nhiệm vụ: 2 đang thực hiện, 1 quá hạn, 2 hoàn thành đúng hạn, 1 hoàn thành trễ hạn',
    );
    expect(chartLabel(stats, 'en')).toBe(
      'Assignments chart: 2 open, 1 overdue, 2 done on time, 1 done late',
    );
  });

  it('writes the rate as a whole percentage with its fraction, or nothing before any is done', () => {
    expect(onTimeRateText(stats)).toBe('67% (2/3)');
    expect(onTimeRateText({ ...stats, done: 0, onTime: 0, late: 0, onTimeRate: null })).toBeNull();
  });
});
