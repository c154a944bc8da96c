import { describe, expect, it } from 'vitest';
import {
  emptyAssignmentValues,
  toCreateAssignmentBody,
  toDecisionBody,
  toExtensionBody,
  toProgressBody,
  toReasonTransitionBody,
} from '../src/assignments/assignment-inputs';
import { DEPUTY, MEMBER, vietnam } from './fixtures';

const NOW = vietnam('2026-12-10', '09:00');

describe('the create form', () => {
  const filled = {
    ...emptyAssignmentValues(),
    title: '  Niêm yết công khai dự toán ngân sách  ',
    ownerId: MEMBER,
    coOwnerIds: [MEMBER, DEPUTY],
    deadline: '15/12/2026',
    priority: 'high' as const,
  };

  it('sends the deadline as yyyy-MM-dd, without the owner among the co-owners', () => {
    expect(toCreateAssignmentBody(filled, NOW)).toEqual({
      ok: true,
      body: {
        title: filled.title,
        description: '',
        ownerId: MEMBER,
        coOwnerIds: [DEPUTY],
        deadline: '2026-12-15',
        priority: 'high',
      },
    });
    const fromMeeting = toCreateAssignmentBody(filled, NOW, 'm-1');
    expect(fromMeeting.ok && fromMeeting.body.meetingId).toBe('m-1');
  });

  it('says what is wrong, field by field, in catalogue words', () => {
    const result = toCreateAssignmentBody(emptyAssignmentValues(), NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        title: { key: 'validation.required' },
        ownerId: { key: 'validation.choosePerson' },
        deadline: { key: 'validation.required' },
      },
    });
    expect(toCreateAssignmentBody({ ...filled, deadline: '31/02/2026' }, NOW)).toMatchObject({
      errors: { deadline: { key: 'validation.date' } },
    });
  });

  it('accepts today (Vietnam) as a deadline but not yesterday', () => {
    expect(toCreateAssignmentBody({ ...filled, deadline: '10/12/2026' }, NOW).ok).toBe(true);
    expect(toCreateAssignmentBody({ ...filled, deadline: '09/12/2026' }, NOW)).toMatchObject({
      errors: { deadline: { key: 'validation.deadlinePast' } },
    });
    // 23:30 UTC on 9/12 is already 10/12 in Vietnam.
    const lateUtc = new Date('2026-12-09T23:30:00Z');
    expect(toCreateAssignmentBody({ ...filled, deadline: '09/12/2026' }, lateUtc).ok).toBe(false);
  });
});

describe('progress, extension and reasons', () => {
  it('takes a note, a whole percent and https evidence links', () => {
    expect(
      toProgressBody(
        {
          note: 'Đã niêm yết tại nhà văn hóa 3 thôn',
          percent: '60%',
          evidence: 'https://chilang.example.vn/anh-1.jpg\n\n  https://chilang.example.vn/bb.pdf ',
        },
        4,
      ),
    ).toEqual({
      ok: true,
      body: {
        version: 4,
        note: 'Đã niêm yết tại nhà văn hóa 3 thôn',
        percent: 60,
        evidenceUrls: ['https://chilang.example.vn/anh-1.jpg', 'https://chilang.example.vn/bb.pdf'],
      },
    });
    expect(toProgressBody({ note: 'x', percent: '', evidence: '' }, 1)).toEqual({
      ok: true,
      body: { version: 1, note: 'x', evidenceUrls: [] },
    });
  });

  it('refuses an empty note, odd percentages, plain http and too many links', () => {
    expect(toProgressBody({ note: ' ', percent: '101', evidence: 'http://x.vn' }, 1)).toEqual({
      ok: false,
      errors: {
        note: { key: 'validation.required' },
        percent: { key: 'validation.percent' },
        evidenceUrls: { key: 'validation.httpsUrl' },
      },
    });
    expect(toProgressBody({ note: 'x', percent: '12.5', evidence: '' }, 1)).toMatchObject({
      errors: { percent: { key: 'validation.percent' } },
    });
    const six = Array.from({ length: 6 }, (_, i) => `https://x.vn/${i}`).join('\n');
    expect(toProgressBody({ note: 'x', percent: '', evidence: six }, 1)).toMatchObject({
      errors: { evidenceUrls: { key: 'validation.tooManyLinks', params: { max: 5 } } },
    });
  });

  it('asks an extension to a later date, with a reason', () => {
    expect(toExtensionBody({ date: '31/12/2026', reason: 'Chờ số liệu' }, 3, '2026-12-15')).toEqual(
      {
        ok: true,
        body: { version: 3, requestedDeadline: '2026-12-31', reason: 'Chờ số liệu' },
      },
    );
    expect(toExtensionBody({ date: '15/12/2026', reason: '' }, 3, '2026-12-15')).toEqual({
      ok: false,
      errors: {
        requestedDeadline: { key: 'validation.extensionLater', params: { date: '15/12/2026' } },
        reason: { key: 'validation.required' },
      },
    });
  });

  it('needs a reason to return, cancel or reject, not to approve an extension', () => {
    expect(toReasonTransitionBody('cancel', '', 2)).toMatchObject({ ok: false });
    expect(toReasonTransitionBody('returnCompletion', 'Thiếu biên bản', 2)).toEqual({
      ok: true,
      body: { transition: 'returnCompletion', version: 2, reason: 'Thiếu biên bản' },
    });
    expect(toDecisionBody('approve', '', 2)).toEqual({
      ok: true,
      body: { version: 2, decision: 'approve' },
    });
    expect(toDecisionBody('reject', ' ', 2)).toMatchObject({
      ok: false,
      errors: { reason: { key: 'validation.required' } },
    });
  });
});
