import { describe, expect, it } from 'vitest';
import {
  attendanceAccess,
  attendanceRows,
  changedMarks,
} from '../src/meeting-panel/attendance-rows';
import { DEPUTY, HEAD, MEMBER, meetingAt, MEMBERS, SECRETARY } from './fixtures';

describe('the attendance form', () => {
  it('lists the summoned members (not observers) with their stored marks', () => {
    const rows = attendanceRows(MEMBERS, [
      { userId: MEMBER, status: 'present', delegateName: 'Nông Văn Minh' },
    ]);
    expect(rows.map((row) => [row.displayName, row.status, row.delegateName])).toEqual([
      ['Triệu Văn Thanh', null, ''],
      ['Nguyễn Thị Hoa', null, ''],
      ['Hoàng Minh Tuấn', null, ''],
      ['Lương Văn Bình', 'present', 'Nông Văn Minh'],
    ]);
  });

  it('sends only what changed, a delegate only for someone present, trimmed', () => {
    const saved = [{ userId: MEMBER, status: 'present' as const, delegateName: 'Nông Văn Minh' }];
    const rows = attendanceRows(MEMBERS, saved);
    expect(changedMarks(rows, saved)).toBeNull();
    const edited = rows.map((row) => {
      if (row.userId === HEAD) return { ...row, status: 'present' as const, delegateName: '  ' };
      if (row.userId === DEPUTY) {
        return { ...row, status: 'absentExcused' as const, delegateName: 'ignored' };
      }
      if (row.userId === SECRETARY) {
        return { ...row, status: 'present' as const, delegateName: ' Lý Thị Hạnh ' };
      }
      return row;
    });
    expect(changedMarks(edited, saved)).toEqual({
      marks: [
        { userId: HEAD, status: 'present' },
        { userId: DEPUTY, status: 'absentExcused' },
        { userId: SECRETARY, status: 'present', delegateName: 'Lý Thị Hạnh' },
      ],
    });
  });

  it('is editable by those running the meeting while it is scheduled or running', () => {
    expect(attendanceAccess(meetingAt('inProgress'), ['head'], HEAD)).toBe('edit');
    expect(attendanceAccess(meetingAt('scheduled'), ['secretary'], SECRETARY)).toBe('edit');
    expect(attendanceAccess(meetingAt('inProgress'), ['deputyHead'], DEPUTY)).toBe('notRunner');
    expect(attendanceAccess(meetingAt('inProgress'), ['member'], MEMBER)).toBe('notRunner');
    expect(attendanceAccess(meetingAt('ended'), ['head'], HEAD)).toBe('closed');
  });
});
