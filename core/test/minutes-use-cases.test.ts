import { beforeEach, describe, expect, it } from 'vitest';
import {
  getAttendance,
  getMinutes,
  hashMinutes,
  listMinutesHistory,
  recordAttendance,
  saveMinutesSection,
  scheduleMeeting,
  transitionMeeting,
  verifyAuditChain,
  ZCreateMeetingInput,
  type DomainError,
  type Meeting,
  type Member,
  type UseCaseDeps,
} from '../src/index';
import { actor, codeOf, fakeDeps, person, TENANT } from './support/fixtures';

const head = person(1, ['head'], 2);
const secretary = person(2, ['secretary'], 2);
const m3 = person(3, ['member'], 2);
const m4 = person(4, ['member'], 2);

let deps: UseCaseDeps;
let repo: ReturnType<typeof fakeDeps>['meetings'];
let meeting: Meeting;

beforeEach(async () => {
  ({ deps, meetings: repo } = fakeDeps(
    [head, secretary, m3, m4],
    () => new Date('2026-12-15T01:00:00.000Z'),
  ));
  meeting = await scheduleMeeting(
    deps,
    actor(secretary),
    'b1',
    ZCreateMeetingInput.parse({
      kind: 'steeringRegular',
      title: 'Họp quý IV',
      startsAt: '2026-12-15T08:00:00+07:00',
      location: 'Hội trường',
      chairId: head.userId,
      secretaryId: secretary.userId,
      agenda: [{ title: 'Đánh giá kết quả' }],
    }),
  );
});

async function move(who: Member, transition: string, reason?: string) {
  const current = (await repo.getMeeting(TENANT, 'b1', meeting.id))!.meeting;
  return transitionMeeting(deps, actor(who), 'b1', meeting.id, {
    transition,
    version: current.version,
    ...(reason ? { reason } : {}),
  });
}

describe('attendance and quorum', () => {
  it('records marks with a delegate and answers the live quorum', async () => {
    const view = await recordAttendance(deps, actor(secretary), 'b1', meeting.id, {
      marks: [
        { userId: head.userId, status: 'present' },
        { userId: m3.userId, status: 'present', delegateName: 'Nông Văn Phú' },
        { userId: m4.userId, status: 'absentExcused', note: 'Đi công tác' },
      ],
    });
    expect(view.quorum).toMatchObject({
      met: false,
      present: 2,
      summoned: 4,
      required: 3,
      delegates: 1,
    });
    await recordAttendance(deps, actor(head), 'b1', meeting.id, {
      marks: [{ userId: secretary.userId, status: 'present' }],
    });
    const read = await getAttendance(deps, actor(m4), 'b1', meeting.id);
    expect(read.quorum).toMatchObject({ met: true, present: 3 });
    expect(read.attendance[m3.userId]).toMatchObject({ delegateName: 'Nông Văn Phú' });
  });

  it('refuses an unknown member, a plain member marking, and marking after the meeting', async () => {
    const stranger = 'a0000000-0000-4000-8000-000000000999';
    expect(
      await codeOf(
        recordAttendance(deps, actor(secretary), 'b1', meeting.id, {
          marks: [{ userId: stranger, status: 'present' }],
        }),
      ),
    ).toBe('ATTENDANCE.NOT_A_MEMBER');
    expect(
      await codeOf(
        recordAttendance(deps, actor(m3), 'b1', meeting.id, {
          marks: [{ userId: m3.userId, status: 'present' }],
        }),
      ),
    ).toBe('PERMISSION.DENIED');
    await move(head, 'start');
    await move(head, 'end');
    expect(
      await codeOf(
        recordAttendance(deps, actor(secretary), 'b1', meeting.id, {
          marks: [{ userId: m3.userId, status: 'present' }],
        }),
      ),
    ).toBe('ATTENDANCE.NOT_OPEN');
    expect((await getAttendance(deps, actor(head), 'b1', meeting.id)).attendance).toEqual({});
  });
});

describe('minutes: drafting, versions, approval and correction', () => {
  it('saves sections with versions and keeps every version in the history', async () => {
    const key = `item-${meeting.agenda[0]!.id}`;
    const first = await saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, key, {
      version: 0,
      text: 'Đồng chí Thư ký trình bày báo cáo.',
    });
    expect(first.section.version).toBe(1);
    const second = await saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, key, {
      version: 1,
      text: 'Đồng chí Thư ký trình bày báo cáo; các thành viên thảo luận.',
    });
    expect(second.section.version).toBe(2);
    const history = await listMinutesHistory(deps, actor(head), 'b1', meeting.id);
    expect(history.map((rev) => [rev.key, rev.version])).toEqual([
      [key, 1],
      [key, 2],
    ]);
    const minutes = await getMinutes(deps, actor(m3), 'b1', meeting.id);
    expect(minutes.sections.map((s) => s.key)).toEqual([
      'opening',
      key,
      'votes',
      'conclusions',
      'assignments',
      'closing',
    ]);
    expect(minutes.sections[1]).toMatchObject({ version: 2, updatedByName: 'Người 2' });
  });

  it('answers a stale section version with the fresh text and keeps it', async () => {
    await saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, 'conclusions', {
      version: 0,
      text: 'Bản của thư ký',
    });
    try {
      await saveMinutesSection(deps, actor(head), 'b1', meeting.id, 'conclusions', {
        version: 0,
        text: 'Bản của chủ trì',
      });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('CONCURRENCY.CONFLICT');
      expect((error as DomainError).details).toMatchObject({
        currentSection: { text: 'Bản của thư ký', version: 1 },
      });
    }
    const minutes = await getMinutes(deps, actor(head), 'b1', meeting.id);
    expect(minutes.sections.find((s) => s.key === 'conclusions')!.text).toBe('Bản của thư ký');
  });

  it('refuses unknown sections and edits by plain members', async () => {
    expect(
      await codeOf(
        saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, 'item-nope', {
          version: 0,
          text: 'x',
        }),
      ),
    ).toBe('MINUTES.UNKNOWN_SECTION');
    expect(
      await codeOf(
        saveMinutesSection(deps, actor(m3), 'b1', meeting.id, 'opening', { version: 0, text: 'x' }),
      ),
    ).toBe('PERMISSION.DENIED');
  });

  it('runs start, end, submit, return, submit, approve: locked and hashed, then corrected', async () => {
    await move(head, 'start');
    await saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, 'conclusions', {
      version: 0,
      text: 'Giao Văn phòng tổng hợp báo cáo.',
    });
    await move(head, 'end');
    expect(await codeOf(move(m3, 'submitMinutes'))).toBe('PERMISSION.DENIED');
    expect(await codeOf(move(head, 'submitMinutes'))).toBe('PERMISSION.DENIED');
    await move(secretary, 'submitMinutes');
    expect(
      await codeOf(
        saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, 'conclusions', {
          version: 1,
          text: 'Sửa trong lúc chờ duyệt',
        }),
      ),
    ).toBe('MINUTES.LOCKED');
    expect(await codeOf(move(head, 'returnMinutes'))).toBe('MEETING.REASON_REQUIRED');
    const returned = await move(head, 'returnMinutes', 'Bổ sung thời hạn');
    expect(returned.minutes).toMatchObject({ status: 'drafting', lastComment: 'Bổ sung thời hạn' });
    await saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, 'conclusions', {
      version: 1,
      text: 'Giao Văn phòng tổng hợp báo cáo trước ngày 20/12/2026.',
    });
    await move(secretary, 'submitMinutes');
    expect(await codeOf(move(secretary, 'approveMinutes'))).toBe('PERMISSION.DENIED');
    const approved = await move(head, 'approveMinutes');
    expect(approved.status).toBe('minutesApproved');
    const sections = (await repo.listMinutesSections(TENANT, 'b1', meeting.id)).map((s) => s.value);
    expect(approved.minutes.approvedHash).toBe(hashMinutes(meeting.id, 1, sections));
    expect(
      await codeOf(
        saveMinutesSection(deps, actor(secretary), 'b1', meeting.id, 'conclusions', {
          version: 2,
          text: 'Sửa sau khi duyệt',
        }),
      ),
    ).toBe('MINUTES.LOCKED');

    const corrected = await move(secretary, 'correctMinutes', 'Sai tên người dự');
    expect(corrected.status).toBe('ended');
    expect(corrected.minutes).toEqual({
      edition: 2,
      status: 'drafting',
      lastComment: 'Sai tên người dự',
    });
    const events = await repo.listAuditEvents(TENANT, 'b1', meeting.id);
    expect(verifyAuditChain(events)).toEqual({ ok: true });
    expect(events.map((e) => e.action)).toContain('meeting.approveMinutes');
  });

  it('refuses a transition from a stale version with the fresh meeting', async () => {
    await move(head, 'start');
    expect(
      await codeOf(
        transitionMeeting(deps, actor(head), 'b1', meeting.id, { transition: 'end', version: 1 }),
      ),
    ).toBe('CONCURRENCY.CONFLICT');
  });
});
