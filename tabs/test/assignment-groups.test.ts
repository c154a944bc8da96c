import { describe, expect, it } from 'vitest';
import { groupMyAssignments, myGroupOf, sortForTable } from '../src/assignments/assignment-groups';
import { assignmentOf, vietnam } from './fixtures';

const NOW = vietnam('2026-12-10', '09:00');

describe('the personal tab groups', () => {
  it('puts late work first, then what is due within 7 days, then the rest', () => {
    expect(myGroupOf(assignmentOf({ deadline: '2026-12-09' }), NOW)).toBe('overdue');
    expect(myGroupOf(assignmentOf({ deadline: '2026-12-10' }), NOW)).toBe('dueSoon');
    expect(myGroupOf(assignmentOf({ deadline: '2026-12-17' }), NOW)).toBe('dueSoon');
    expect(myGroupOf(assignmentOf({ deadline: '2026-12-18' }), NOW)).toBe('inProgress');
    expect(myGroupOf(assignmentOf({ deadline: '2026-12-09', status: 'returned' }), NOW)).toBe(
      'overdue',
    );
  });

  it('keeps handed-in, done and cancelled work in their own groups whatever the deadline', () => {
    expect(myGroupOf(assignmentOf({ deadline: '2026-12-01', status: 'submitted' }), NOW)).toBe(
      'submitted',
    );
    expect(myGroupOf(assignmentOf({ deadline: '2026-12-01', status: 'done' }), NOW)).toBe('done');
    expect(myGroupOf(assignmentOf({ status: 'cancelled' }), NOW)).toBe('cancelled');
  });

  it('orders each group: earliest deadline, then urgency, then title; finished work latest first', () => {
    const list = [
      assignmentOf({ id: 'late-b', deadline: '2026-12-05', title: 'B' }),
      assignmentOf({ id: 'soon-normal', deadline: '2026-12-12' }),
      assignmentOf({ id: 'soon-urgent', deadline: '2026-12-12', priority: 'urgent' }),
      assignmentOf({ id: 'late-a', deadline: '2026-12-05', title: 'A' }),
      assignmentOf({ id: 'later', deadline: '2027-01-20' }),
      assignmentOf({ id: 'very-late', deadline: '2026-11-30' }),
      assignmentOf({ id: 'done-old', status: 'done', completedAt: '2026-11-01T00:00:00Z' }),
      assignmentOf({ id: 'done-new', status: 'done', completedAt: '2026-12-01T00:00:00Z' }),
      assignmentOf({ id: 'handed-in', status: 'submitted' }),
    ];
    const groups = groupMyAssignments(list, NOW);
    const ids = (group: keyof typeof groups) => groups[group].map((a) => a.id);
    expect(ids('overdue')).toEqual(['very-late', 'late-a', 'late-b']);
    expect(ids('dueSoon')).toEqual(['soon-urgent', 'soon-normal']);
    expect(ids('inProgress')).toEqual(['later']);
    expect(ids('submitted')).toEqual(['handed-in']);
    expect(ids('done')).toEqual(['done-new', 'done-old']);
    expect(ids('cancelled')).toEqual([]);
  });

  it('sorts the dashboard table overdue first, then by deadline', () => {
    const list = [
      assignmentOf({ id: 'handed-in-late', deadline: '2026-12-01', status: 'submitted' }),
      assignmentOf({ id: 'next-week', deadline: '2026-12-16' }),
      assignmentOf({ id: 'overdue', deadline: '2026-12-08' }),
      assignmentOf({ id: 'done', deadline: '2026-11-20', status: 'done' }),
      assignmentOf({ id: 'tomorrow', deadline: '2026-12-11' }),
    ];
    expect(sortForTable(list, NOW).map((a) => a.id)).toEqual([
      'overdue',
      'done',
      'handed-in-late',
      'tomorrow',
      'next-week',
    ]);
  });
});
