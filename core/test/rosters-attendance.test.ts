import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  importAttendance,
  planAttendanceImport,
  presenceFromReport,
  recordAttendance,
  scheduleMeeting,
  transitionMeeting,
  verifyAuditChain,
  ZAttendanceImportInput,
  ZCreateMeetingInput,
  type Meeting,
  type TeamsAttendanceReport,
  type UseCaseDeps,
} from '../src/index';
import { actor, codeOf, fakeDeps, person, TENANT } from './support/fixtures';

const head = person(1, ['head'], 8);
const secretary = person(2, ['secretary'], 8);
const deputy = person(3, ['deputyHead'], 8);
const m4 = person(4, ['member'], 8);
const m5 = person(5, ['member'], 8);
const observer = person(6, ['observer'], 8);
const GUEST = 'f0000000-0000-4000-8000-00000000beef';

const at = (hhmm: string) => `2026-12-15T${hhmm}:00.1234567Z`;
const interval = (join: string, leave: string) => ({
  joinDateTime: at(join),
  leaveDateTime: at(leave),
  durationInSeconds: (Date.parse(at(leave)) - Date.parse(at(join))) / 1000,
});

/** 01:00-03:00 UTC (08:00-10:00 in Vietnam): two hours. */
const report: TeamsAttendanceReport = {
  id: 'r-1',
  meetingStartDateTime: at('01:00'),
  meetingEndDateTime: at('03:00'),
  records: [
    { userId: head.userId, displayName: head.displayName, intervals: [interval('01:00', '03:00')] },
    // Secretary joined, dropped, rejoined twice: 30 + 20 + 40 minutes.
    {
      userId: secretary.userId,
      displayName: secretary.displayName,
      intervals: [
        interval('01:00', '01:30'),
        interval('01:50', '02:10'),
        interval('02:20', '03:00'),
      ],
    },
    // Deputy on two devices at once: the overlap counts once (01:00-01:20 = 20 minutes).
    {
      userId: deputy.userId,
      displayName: deputy.displayName,
      intervals: [interval('01:00', '01:15'), interval('01:05', '01:20')],
    },
    {
      userId: observer.userId,
      displayName: observer.displayName,
      intervals: [interval('01:00', '02:00')],
    },
    { userId: GUEST, displayName: 'Khách mời', intervals: [interval('01:10', '01:40')] },
    { userId: null, displayName: 'Dial-in +84', intervals: [interval('01:30', '01:35')] },
  ],
};

let deps: UseCaseDeps;
let meetings: ReturnType<typeof fakeDeps>['meetings'];
let meeting: Meeting;

beforeEach(async () => {
  ({ deps, meetings } = fakeDeps(
    [head, secretary, deputy, m4, m5, observer],
    () => new Date('2026-12-15T04:00:00.000Z'),
  ));
  meeting = await scheduleMeeting(
    deps,
    actor(head),
    'b1',
    ZCreateMeetingInput.parse({
      kind: 'steeringRegular',
      title: 'Họp quý IV',
      startsAt: '2026-12-15T08:00:00+07:00',
      endsAt: '2026-12-15T10:00:00+07:00',
      location: 'Trực tuyến',
      chairId: head.userId,
      secretaryId: secretary.userId,
      agenda: [{ title: 'Mục 1' }],
    }),
  );
});

const input = (extra: Record<string, unknown> = {}) => ZAttendanceImportInput.parse(extra);

describe('presenceFromReport', () => {
  it('sums rejoins, merges overlaps, and keeps anonymous participants apart', () => {
    const presence = presenceFromReport(report);
    expect(presence.meetingSeconds).toBe(7200);
    expect(presence.byUser.get(secretary.userId)).toMatchObject({ seconds: 5400, joins: 3 });
    expect(presence.byUser.get(deputy.userId)).toMatchObject({ seconds: 1200, joins: 2 });
    expect(presence.anonymous).toEqual([
      { displayName: 'Dial-in +84', email: undefined, seconds: 300, joins: 1 },
    ]);
  });
});

describe('importAttendance', () => {
  it('turns the report into attendance and quorum (any presence counts by default)', async () => {
    const result = await importAttendance(
      deps,
      actor(secretary),
      'b1',
      meeting.id,
      report,
      input(),
    );
    expect(result.attendance[head.userId]?.status).toBe('present');
    expect(result.attendance[secretary.userId]).toMatchObject({
      status: 'present',
      note: 'Theo Teams: 90 phút, vào họp 3 lần',
    });
    expect(result.attendance[deputy.userId]?.status).toBe('present');
    expect(result.attendance[m4.userId]?.status).toBe('absent');
    expect(result.attendance[observer.userId]).toBeUndefined();
    expect(result.notSummoned.map((p) => p.userId)).toEqual([observer.userId]);
    expect(result.unmatched.map((p) => p.displayName).sort()).toEqual(['Dial-in +84', 'Khách mời']);
    // 3 of 5 summoned present: a majority.
    expect(result.quorum).toMatchObject({ present: 3, summoned: 5, met: true });

    const events = await meetings.listAuditEvents(TENANT, 'b1', meeting.id);
    expect(events.at(-1)).toMatchObject({
      action: 'meeting.attendanceImported',
      actorId: secretary.userId,
    });
    expect(verifyAuditChain(events)).toEqual({ ok: true });

    const again = await importAttendance(deps, actor(secretary), 'b1', meeting.id, report, input());
    expect(again.marked).toEqual([]);
    expect(await meetings.listAuditEvents(TENANT, 'b1', meeting.id)).toHaveLength(events.length);
  });

  it('applies a minimum share: 20 minutes of 120 is below half', async () => {
    const result = await importAttendance(
      deps,
      actor(head),
      'b1',
      meeting.id,
      report,
      input({ minimumShare: 0.5 }),
    );
    expect(result.attendance[deputy.userId]).toMatchObject({ status: 'absent' });
    expect(result.matched.find((p) => p.userId === deputy.userId)).toMatchObject({
      share: 0.167,
      countsPresent: false,
    });
    expect(result.quorum).toMatchObject({ present: 2, met: false });
  });

  it('keeps manual marks Teams cannot know, and audits corrections given with the import', async () => {
    await recordAttendance(deps, actor(secretary), 'b1', meeting.id, {
      marks: [
        { userId: m4.userId, status: 'present', delegateName: 'Nguyễn Văn Thay' },
        { userId: m5.userId, status: 'absentExcused', note: 'Đi công tác' },
        { userId: deputy.userId, status: 'absent' },
      ],
    });
    const result = await importAttendance(
      deps,
      actor(secretary),
      'b1',
      meeting.id,
      report,
      input({
        overrides: [{ userId: head.userId, status: 'present', note: 'Chủ trì tại hội trường' }],
      }),
    );
    expect(result.attendance[m4.userId]).toMatchObject({
      status: 'present',
      delegateName: 'Nguyễn Văn Thay',
    });
    expect(result.attendance[m5.userId]).toMatchObject({ status: 'absentExcused' });
    // Teams saw the deputy: evidence of presence beats a manual "absent".
    expect(result.attendance[deputy.userId]?.status).toBe('present');
    expect(result.attendance[head.userId]?.note).toBe('Chủ trì tại hội trường');
    expect(result.quorum).toMatchObject({ present: 4, delegates: 1 });
  });

  it('works after the meeting ended, refuses members and bad corrections, writes nothing then', async () => {
    await transitionMeeting(deps, actor(head), 'b1', meeting.id, {
      transition: 'start',
      version: 1,
    });
    await transitionMeeting(deps, actor(head), 'b1', meeting.id, { transition: 'end', version: 2 });
    const before = await meetings.listAuditEvents(TENANT, 'b1', meeting.id);
    expect(await codeOf(importAttendance(deps, actor(m4), 'b1', meeting.id, report, input()))).toBe(
      'PERMISSION.DENIED',
    );
    expect(
      await codeOf(
        importAttendance(
          deps,
          actor(head),
          'b1',
          meeting.id,
          report,
          input({ overrides: [{ userId: GUEST, status: 'present' }] }),
        ),
      ),
    ).toBe('ATTENDANCE.NOT_A_MEMBER');
    expect(await meetings.listAuditEvents(TENANT, 'b1', meeting.id)).toHaveLength(before.length);
    const result = await importAttendance(deps, actor(head), 'b1', meeting.id, report, input());
    expect(result.meeting.status).toBe('ended');
    expect(result.quorum.present).toBe(3);
  });

  it('splits a large import into batches of 90 marks', async () => {
    const many = Array.from({ length: 200 }, (_, i) => person(i + 10, ['member'], 9));
    ({ deps, meetings } = fakeDeps(
      [head, secretary, ...many],
      () => new Date('2026-12-15T04:00:00.000Z'),
    ));
    const big = await scheduleMeeting(
      deps,
      actor(head),
      'b1',
      ZCreateMeetingInput.parse({
        kind: 'staffConference',
        title: 'Hội nghị cán bộ, công chức',
        startsAt: '2026-12-15T08:00:00+07:00',
        location: 'Trực tuyến',
        chairId: head.userId,
        secretaryId: secretary.userId,
        agenda: [{ title: 'Mục 1' }],
      }),
    );
    const bigReport: TeamsAttendanceReport = {
      id: 'r-big',
      meetingStartDateTime: at('01:00'),
      meetingEndDateTime: at('03:00'),
      records: many.slice(0, 150).map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        intervals: [interval('01:00', '02:00')],
      })),
    };
    const result = await importAttendance(deps, actor(head), 'b1', big.id, bigReport, input());
    expect(result.marked).toHaveLength(202);
    expect(result.quorum.present).toBe(150);
    const events = await meetings.listAuditEvents(TENANT, 'b1', big.id);
    expect(events.map((e) => e.action)).toEqual([
      'meeting.scheduled',
      'meeting.attendanceImported',
      'meeting.attendanceImported',
      'meeting.attendanceImported',
    ]);
    expect(verifyAuditChain(events)).toEqual({ ok: true });
  });
});

describe('planAttendanceImport (properties)', () => {
  const people = [head, secretary, deputy, m4, m5, observer];
  const arbitraryReport = fc
    .array(
      fc.record({
        who: fc.integer({ min: 0, max: people.length }),
        intervals: fc.array(
          fc.tuple(fc.integer({ min: 0, max: 170 }), fc.integer({ min: 0, max: 60 })),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 10 },
    )
    .map((records): TeamsAttendanceReport => ({
      id: 'r',
      meetingStartDateTime: '2026-12-15T01:00:00Z',
      meetingEndDateTime: '2026-12-15T04:00:00Z',
      records: records.map((record) => ({
        userId: people[record.who]?.userId ?? null,
        displayName: 'x',
        intervals: record.intervals.map(([start, length]) => ({
          joinDateTime: new Date(Date.parse('2026-12-15T01:00:00Z') + start * 60_000).toISOString(),
          leaveDateTime: new Date(
            Date.parse('2026-12-15T01:00:00Z') + (start + length) * 60_000,
          ).toISOString(),
        })),
      })),
    }));

  it('never counts more than the meeting, marks only summoned members, and is idempotent', () => {
    fc.assert(
      fc.property(arbitraryReport, fc.double({ min: 0, max: 1, noNaN: true }), (report, share) => {
        const presence = presenceFromReport(report);
        for (const person of presence.byUser.values()) {
          expect(person.seconds).toBeLessThanOrEqual(4 * 3600);
        }
        const plan = planAttendanceImport(report, people, {}, { minimumShare: share });
        expect(plan.marks.map((mark) => mark.userId).sort()).toEqual(
          [head, secretary, deputy, m4, m5].map((p) => p.userId).sort(),
        );
        const attendance = Object.fromEntries(plan.marks.map((mark) => [mark.userId, mark]));
        expect(
          planAttendanceImport(report, people, attendance, { minimumShare: share }).marks,
        ).toEqual([]);
      }),
    );
  });
});
