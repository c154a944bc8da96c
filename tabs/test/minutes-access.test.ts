import { describe, expect, it } from 'vitest';
import {
  approvedNote,
  minutesAccess,
  savedLine,
  sectionLabel,
} from '../src/meeting-panel/minutes-access';
import { HEAD, MEMBER, meetingAt, SECRETARY } from './fixtures';

describe('who may write the minutes, and the note otherwise', () => {
  it('lets the meeting secretary and the chair write while drafting', () => {
    for (const status of ['scheduled', 'inProgress', 'ended'] as const) {
      expect(minutesAccess(meetingAt(status), ['secretary'], SECRETARY)).toEqual({ kind: 'edit' });
      expect(minutesAccess(meetingAt(status), ['head'], HEAD)).toEqual({ kind: 'edit' });
      expect(minutesAccess(meetingAt(status), ['member'], MEMBER)).toEqual({ kind: 'notWriter' });
    }
    // A body secretary who is not this meeting's secretary does not write its minutes.
    expect(
      minutesAccess({ ...meetingAt('inProgress'), secretaryId: MEMBER }, ['secretary'], SECRETARY),
    ).toEqual({ kind: 'notWriter' });
  });

  it('locks them in review and after approval, and outside the meeting', () => {
    expect(
      minutesAccess(meetingAt('minutesInReview', { status: 'inReview' }), ['secretary'], SECRETARY),
    ).toEqual({ kind: 'inReview' });
    const approved = minutesAccess(
      meetingAt('minutesApproved', {
        status: 'approved',
        approvedAt: '2026-12-16T02:05:00.000Z',
        approvedHash: 'ab12',
      }),
      ['head'],
      HEAD,
    );
    expect(approved).toEqual({
      kind: 'approved',
      approvedAt: '2026-12-16T02:05:00.000Z',
      hash: 'ab12',
    });
    if (approved.kind !== 'approved') throw new Error('unreachable');
    expect(approvedNote(approved, 'vi')).toBe(
      'Biên bản đã được duyệt, khóa lúc 09:05 ngày 16/12/2026 — mã SHA-256 ab12',
    );
    expect(approvedNote(approved, 'en')).toBe(
      'The minutes were approved and locked at 16/12/2026 09:05 — SHA-256 ab12',
    );
    expect(minutesAccess(meetingAt('postponed'), ['secretary'], SECRETARY)).toEqual({
      kind: 'notOpen',
      status: 'postponed',
    });
  });
});

describe('section labels', () => {
  const { agenda } = meetingAt('inProgress');
  it('names the fixed sections in both languages', () => {
    const kinds = ['opening', 'votes', 'conclusions', 'assignments', 'closing'] as const;
    expect(kinds.map((kind) => sectionLabel({ key: kind, kind }, agenda, 'vi'))).toEqual([
      'Khai mạc',
      'Biểu quyết',
      'Kết luận',
      'Phân công nhiệm vụ',
      'Bế mạc',
    ]);
    expect(kinds.map((kind) => sectionLabel({ key: kind, kind }, agenda, 'en'))).toEqual([
      'Opening',
      'Votes',
      'Conclusions',
      'Assignments',
      'Closing',
    ]);
  });

  it('numbers agenda items by their place and falls back to the key for an unknown item', () => {
    const item = (id: string) => ({
      key: `item-${id}`,
      kind: 'agendaItem' as const,
      agendaItemId: id,
    });
    expect(sectionLabel(item('a2'), agenda, 'vi')).toBe('2. Phân công nhiệm vụ quý I');
    expect(sectionLabel(item('gone'), agenda, 'vi')).toBe('item-gone');
  });

  it('says which version was saved at what Vietnam time', () => {
    expect(savedLine({ version: 3, updatedAt: '2026-12-15T02:41:09.000Z' }, 'vi')).toBe(
      'Đã lưu phiên bản 3 lúc 09:41',
    );
    expect(savedLine({ version: 3, updatedAt: '2026-12-15T17:05:00.000Z' }, 'en')).toBe(
      'Saved version 3 at 00:05',
    );
  });
});
