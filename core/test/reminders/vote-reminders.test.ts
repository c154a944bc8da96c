import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  castBallot,
  cancelMotion,
  closeMotion,
  createMotion,
  openMotion,
  recordAttendance,
  scheduleMeeting,
  transitionMeeting,
  ZCastBallotInput,
  ZCreateMeetingInput,
  ZCreateMotionInput,
  type Actor,
  type Body,
  type Member,
  type VoteDeps,
} from '../../src/index';
import {
  DEFAULT_REMINDER_POLICY,
  defaultPlanContext,
  isAllowedSlot,
  isReminderCurrent,
  isReminderExpired,
  planReminders,
  renderReminder,
  voteReminderSubject,
  type PlanContext,
  type ReminderChange,
  type ReminderScheduler,
  type VoteReminderSubject,
} from '../../src/reminders/index';
import { toVietnamDate } from '../../src/calendar/index';
import {
  InMemoryAssignmentRepository,
  InMemoryBodyRepository,
  InMemoryMeetingRepository,
  sequentialIds,
} from '../../src/testing/index';
import { InMemoryVoteRepository } from '../../src/voting/in-memory-vote-repository';

const ctx = defaultPlanContext();
/** Vietnam wall-clock 'yyyy-MM-ddTHH:mm' of a UTC instant. */
const local = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16);
const vn = (localTime: string) => new Date(`${localTime}:00+07:00`).toISOString();

function subject(overrides: Partial<VoteReminderSubject> = {}): VoteReminderSubject {
  return {
    type: 'vote',
    tenantId: 't1',
    bodyId: 'b1',
    meetingId: 'm1',
    id: 'v1',
    electorateId: 'e1',
    openedAt: vn('2027-03-15T08:00'),
    closesAt: vn('2027-03-15T10:00'),
    label: { kind: 'title', text: 'Thông qua Nghị quyết Hội nghị' },
    open: true,
    notVoted: ['u1', 'u2'],
    ...overrides,
  };
}

describe('planning reminders before a vote closes', () => {
  it('reminds each voter who has not voted, 30 minutes before the close (the policy default)', () => {
    const planned = planReminders(subject(), ctx);
    expect(planned.map((r) => [r.recipientId, local(r.dueAt)])).toEqual([
      ['u1', '2027-03-15T09:30'],
      ['u2', '2027-03-15T09:30'],
    ]);
    expect(planned[0]!.key).toBe(`vote:v1:e1:${vn('2027-03-15T10:00')}:close-30:u1`);
    expect(planned[0]!.subject).toMatchObject({ notVoted: ['u1'] });
    expect(planned[0]!.message).toEqual({
      kind: 'vote.closing',
      subject: { kind: 'title', text: 'Thông qua Nghị quyết Hội nghị' },
      closesAt: vn('2027-03-15T10:00'),
    });
  });

  it('follows the unit’s offset', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, voteClosingOffsetMinutes: 90 };
    const planned = planReminders(subject({ notVoted: ['u1'] }), { ...ctx, policy });
    expect(planned.map((r) => local(r.dueAt))).toEqual(['2027-03-15T08:30']);
    expect(planned[0]!.key).toContain(':close-90:u1');
  });

  it('plans nothing for a vote that is not open, has voted everyone, or opened too late', () => {
    expect(planReminders(subject({ open: false }), ctx)).toEqual([]);
    expect(planReminders(subject({ notVoted: [] }), ctx)).toEqual([]);
    // Opened 20 minutes before the close: a reminder "30 minutes before" would come before it.
    expect(planReminders(subject({ openedAt: vn('2027-03-15T09:40') }), ctx)).toEqual([]);
  });

  it('a vote closing in quiet hours: the latest allowed time before them, never after the close', () => {
    // Closes 22:00 → 21:30 is quiet → the last slot of the evening, 20:30.
    expect(
      planReminders(subject({ closesAt: vn('2027-03-15T22:00') }), ctx).map((r) => local(r.dueAt)),
    ).toEqual(['2027-03-15T20:30', '2027-03-15T20:30']);
    // Closes 02:00 at night → 20:30 the evening before.
    const overnight = subject({ closesAt: vn('2027-03-16T02:00'), notVoted: ['u1'] });
    expect(planReminders(overnight, ctx).map((r) => local(r.dueAt))).toEqual(['2027-03-15T20:30']);
    // Closes 07:15, just after quiet hours end: 06:45 is quiet, 07:00 is allowed and still before it.
    const morning = subject({
      openedAt: vn('2027-03-14T08:00'),
      closesAt: vn('2027-03-15T07:15'),
      notVoted: ['u1'],
    });
    expect(planReminders(morning, ctx).map((r) => local(r.dueAt))).toEqual(['2027-03-15T07:00']);
    // Closes 20:45 on a Sunday: 20:15 is allowed (a vote's reminder goes out on a day off too).
    const sunday = subject({
      openedAt: vn('2027-03-14T08:00'),
      closesAt: vn('2027-03-14T20:45'),
      notVoted: ['u1'],
    });
    expect(planReminders(sunday, ctx).map((r) => local(r.dueAt))).toEqual(['2027-03-14T20:15']);
  });

  it('never plans at or after the close, before the opening, or in quiet hours', () => {
    const start = Date.parse('2027-03-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 30 }),
        fc.integer({ min: 1, max: 60 * 48 }),
        fc.integer({ min: 0, max: 600 }),
        (openMinute, lengthMinutes, offset) => {
          const policy = { ...DEFAULT_REMINDER_POLICY, voteClosingOffsetMinutes: offset };
          const plan: PlanContext = { ...ctx, policy };
          const openedAt = new Date(start + openMinute * 60_000);
          const closesAt = new Date(openedAt.getTime() + lengthMinutes * 60_000);
          const planned = planReminders(
            subject({ openedAt: openedAt.toISOString(), closesAt: closesAt.toISOString() }),
            plan,
          );
          for (const reminder of planned) {
            const due = new Date(reminder.dueAt);
            expect(due.getTime()).toBeLessThan(closesAt.getTime());
            expect(due.getTime()).toBeGreaterThanOrEqual(openedAt.getTime());
            const minute = Math.floor((due.getTime() + 7 * 3_600_000) / 60_000) % 1440;
            const slot = { date: toVietnamDate(due), minute };
            expect(
              isAllowedSlot(slot, { quietHours: policy.quietHours, isAllowedDay: () => true }),
            ).toBe(true);
          }
        },
      ),
    );
  });

  it('a voter who voted, or a closed vote, no longer plans the row; a passed close expires it', () => {
    const [row] = planReminders(subject({ notVoted: ['u1'] }), ctx);
    expect(isReminderCurrent(subject(), row!, ctx)).toBe(true);
    expect(isReminderCurrent(subject({ notVoted: ['u2'] }), row!, ctx)).toBe(false);
    expect(isReminderCurrent(subject({ open: false }), row!, ctx)).toBe(false);
    expect(isReminderCurrent(subject({ electorateId: 'e2' }), row!, ctx)).toBe(false);
    expect(isReminderExpired(subject(), new Date(vn('2027-03-15T09:59')))).toBe(false);
    expect(isReminderExpired(subject(), new Date(vn('2027-03-15T10:00')))).toBe(true);
  });

  it('says when it closes and that the reader has not voted, nothing about choices', () => {
    const [row] = planReminders(subject({ notVoted: ['u1'] }), ctx);
    expect(renderReminder('vi', row!.message)).toEqual({
      title: 'Sắp hết thời gian biểu quyết',
      text: 'Biểu quyết “Thông qua Nghị quyết Hội nghị” sắp kết thúc lúc 10:00, bạn chưa bỏ phiếu.',
    });
    expect(renderReminder('en', row!.message).text).toBe(
      'The vote “Thông qua Nghị quyết Hội nghị” closes at 10:00 and you have not voted yet.',
    );
  });
});

// ---------------------------------------------------------------------------------------------

const TENANT = 'a0000000-0000-4000-8000-000000000001';
const uuid = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const body: Body = {
  tenantId: TENANT,
  unitId: 'u1',
  unitName: 'UBND xã Chi Lăng',
  id: 'b1',
  kind: 'staffConference',
  name: 'Hội nghị CBCCVC',
};
const person = (n: number, roles: Member['roles']): Member => ({
  tenantId: TENANT,
  bodyId: 'b1',
  userId: uuid(n),
  displayName: `Người ${n}`,
  title: 'Công chức',
  roles,
});
const head = person(1, ['head']);
const secretary = person(2, ['secretary']);
const staff = [person(10, ['member']), person(11, ['member'])];
const actor = (m: Member): Actor => ({
  tenantId: TENANT,
  userId: m.userId,
  displayName: m.displayName,
});

describe('the vote use cases move reminders through the scheduler hook', () => {
  let deps: VoteDeps;
  let changes: ReminderChange[];
  let meetingId: string;
  let now: Date;

  beforeEach(async () => {
    changes = [];
    const recorder: ReminderScheduler = {
      prepare: async (change) => {
        changes.push(change);
        return { rows: 0 };
      },
      confirm: async () => undefined,
    };
    const bodies = new InMemoryBodyRepository();
    bodies.addBody(body, [head, secretary, ...staff]);
    now = new Date(vn('2026-12-15T08:30'));
    let n = 0;
    deps = {
      bodies,
      meetings: new InMemoryMeetingRepository(),
      assignments: new InMemoryAssignmentRepository(),
      votes: new InMemoryVoteRepository(),
      clock: { now: () => now },
      ids: sequentialIds(),
      random: { bytes: (length) => Uint8Array.from({ length }, (_, i) => (n++ * 31 + i) % 256) },
    };
    const meeting = await scheduleMeeting(
      deps,
      actor(head),
      'b1',
      ZCreateMeetingInput.parse({
        kind: 'staffConference',
        title: 'Hội nghị cán bộ, công chức năm 2026',
        startsAt: '2026-12-15T08:00:00+07:00',
        location: 'Hội trường',
        chairId: head.userId,
        secretaryId: secretary.userId,
      }),
    );
    meetingId = meeting.id;
    await transitionMeeting(deps, actor(head), 'b1', meetingId, {
      transition: 'start',
      version: 1,
    });
    await recordAttendance(deps, actor(secretary), 'b1', meetingId, {
      marks: [head, secretary, ...staff].map((p) => ({ userId: p.userId, status: 'present' })),
    });
    deps = { ...deps, reminders: recorder };
  });

  async function openSecretVote() {
    const motion = await createMotion(
      deps,
      actor(secretary),
      'b1',
      meetingId,
      ZCreateMotionInput.parse({
        question: 'Thông qua Nghị quyết Hội nghị',
        method: 'secret',
        closesAt: '2026-12-15T10:00:00+07:00',
      }),
    );
    return openMotion(deps, actor(head), 'b1', meetingId, motion.id);
  }

  const voteChanges = () =>
    changes.filter((c): c is Extract<ReminderChange, { type: 'vote' }> => c.type === 'vote');

  it('opening plans every voter; a cast drops that voter; closing drops those who did not vote', async () => {
    const motion = await openSecretVote();
    const [opened] = voteChanges();
    expect(opened!.previous).toBeNull();
    expect([...opened!.next.notVoted].sort()).toEqual(
      [head, secretary, ...staff].map((m) => m.userId).sort(),
    );
    const planned = planReminders(
      voteReminderSubject(opened!.next.motion, opened!.next.notVoted)!,
      ctx,
    );
    expect(planned).toHaveLength(4);
    expect(new Set(planned.map((r) => local(r.dueAt)))).toEqual(new Set(['2026-12-15T09:30']));

    await castBallot(
      deps,
      actor(staff[0]!),
      'b1',
      meetingId,
      motion.id,
      ZCastBallotInput.parse({ submissionId: uuid(500), choice: 'for' }),
    );
    const castChange = voteChanges()[1]!;
    expect(castChange.previous?.notVoted).toEqual([staff[0]!.userId]);
    expect(castChange.next.notVoted).toEqual([]);

    await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    const closed = voteChanges()[2]!;
    expect(closed.previous?.motion.status).toBe('open');
    expect([...closed.previous!.notVoted].sort()).toEqual(
      [head, secretary, staff[1]!].map((m) => m.userId).sort(),
    );
    expect(closed.next.motion.status).toBe('closed');
    expect(planReminders(voteReminderSubject(closed.next.motion, [])!, ctx)).toEqual([]);
  });

  it('cancelling drops every reminder of the vote', async () => {
    const motion = await openSecretVote();
    await cancelMotion(deps, actor(head), 'b1', meetingId, motion.id, 'Hoãn biểu quyết');
    const cancelled = voteChanges().at(-1)!;
    expect(cancelled.previous!.notVoted).toHaveLength(4);
    expect(cancelled.next.motion.status).toBe('cancelled');
  });
});
