import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/assignments/assignment';
import {
  createWorkCalendar,
  deadlineEndUtc,
  parseCivilDate,
  toVietnamDate,
} from '../../src/calendar/index';
import { GENESIS_HEAD } from '../../src/audit/audit-event';
import {
  assignmentReminderSubject,
  DEFAULT_REMINDER_POLICY,
  isAllowedSlot,
  isReminderCurrent,
  nextReminderAfter,
  planReminders,
  renderReminder,
  scheduledReminders,
  type PlanContext,
  type PlannedReminder,
  type ReminderPolicy,
} from '../../src/reminders/index';

const calendar = createWorkCalendar();
const ctx: PlanContext = { calendar, policy: DEFAULT_REMINDER_POLICY };
const OWNER = 'owner-1';
const CO_OWNER = 'co-2';
const ASSIGNER = 'chair-9';

function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    tenantId: 't1',
    bodyId: 'b1',
    id: '01JASSIGNMENT0000000000001',
    title: 'Niêm yết công khai dự toán ngân sách xã',
    description: '',
    ownerId: OWNER,
    coOwnerIds: [],
    source: { kind: 'direct' },
    deadline: '2027-03-17',
    originalDeadline: '2027-03-17',
    priority: 'normal',
    status: 'open',
    assignedBy: ASSIGNER,
    progress: [],
    createdAt: '2027-03-01T02:00:00.000Z',
    updatedAt: '2027-03-01T02:00:00.000Z',
    version: 1,
    audit: GENESIS_HEAD,
    ...overrides,
  };
}

const plan = (a: Assignment, c: PlanContext = ctx) =>
  planReminders(assignmentReminderSubject(a, c.policy), c);
const forOwner = (reminders: PlannedReminder[]) => reminders.filter((r) => r.recipientId === OWNER);
/** Vietnam wall-clock 'yyyy-MM-ddTHH:mm' of a UTC instant. */
const local = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16);

describe('reminders before a deadline', () => {
  it('come 7, 3 and 1 days before and on the day at 08:00 Vietnam time; a Sunday moves to Friday', () => {
    // Deadline Wednesday 17/3/2027: 3 days before is Sunday 14/3, moved EARLIER to Friday 12/3.
    const before = forOwner(plan(assignment())).filter((r) => !r.key.includes(':od+'));
    expect(before.map((r) => [local(r.dueAt), r.key.split(':')[3], r.message.kind])).toEqual([
      ['2027-03-10T08:00', 'd-7', 'assignment.upcoming'],
      ['2027-03-12T08:00', 'd-3', 'assignment.upcoming'],
      ['2027-03-16T08:00', 'd-1', 'assignment.upcoming'],
      ['2027-03-17T08:00', 'd0', 'assignment.dueToday'],
    ]);
    // The text says how many days are really left on the day it is read.
    expect(before[1]?.message.daysLeft).toBe(5);
    expect(before[0]?.dueAt).toBe('2027-03-10T01:00:00.000Z');
  });

  it('a reminder that would fall on Tết moves to the last working day before it, and collisions merge', () => {
    // Tết 2027: days off Thu 4/2 to Wed 10/2; deadline Thu 11/2, the first day back.
    // 7, 3 and 1 days before (4/2, 8/2, 10/2) all move to Wed 3/2 and become ONE reminder.
    const before = forOwner(plan(assignment({ deadline: '2027-02-11' }))).filter(
      (r) => !r.key.includes(':od+'),
    );
    expect(before.map((r) => [local(r.dueAt), r.key.split(':')[3], r.message.daysLeft])).toEqual([
      ['2027-02-03T08:00', 'd-1', 8],
      ['2027-02-11T08:00', 'd0', 0],
    ]);
  });

  it('quiet hours move a reminder EARLIER, to the last slot of the evening before them', () => {
    const policy: ReminderPolicy = {
      ...DEFAULT_REMINDER_POLICY,
      assignmentOffsets: [
        { days: 2, at: '22:30' }, // in quiet hours: same evening 20:30
        { days: 0, at: '06:00' }, // before 07:00 on the deadline day: the evening before, 20:30
      ],
    };
    const before = forOwner(plan(assignment(), { calendar, policy })).filter(
      (r) => !r.key.includes(':od+'),
    );
    expect(before.map((r) => local(r.dueAt))).toEqual(['2027-03-15T20:30', '2027-03-16T20:30']);
  });

  it('urgent work may be reminded of on a day off, but never at night', () => {
    const policy: ReminderPolicy = {
      ...DEFAULT_REMINDER_POLICY,
      assignmentOffsets: [
        { days: 3, at: '08:00' },
        { days: 1, at: '23:00' },
      ],
    };
    const before = forOwner(plan(assignment({ priority: 'urgent' }), { calendar, policy })).filter(
      (r) => !r.key.includes(':od+'),
    );
    expect(before.map((r) => local(r.dueAt))).toEqual(['2027-03-14T08:00', '2027-03-16T20:30']);
  });

  it('property: never after the deadline, never in quiet hours, never on a day off unless urgent', () => {
    const day = fc.integer({ min: 0, max: 365 * 4 });
    const offset = fc.record({
      days: fc.integer({ min: 0, max: 14 }),
      at: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    });
    fc.assert(
      fc.property(
        day,
        fc.array(offset, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (dayIndex, offsets, urgent) => {
          const deadline = new Date(Date.UTC(2026, 0, 1) + dayIndex * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const policy = { ...DEFAULT_REMINDER_POLICY, assignmentOffsets: offsets };
          const reminders = plan(assignment({ deadline, priority: urgent ? 'urgent' : 'normal' }), {
            calendar,
            policy,
          });
          const end = deadlineEndUtc(parseCivilDate(deadline)).toISOString();
          const rules = {
            quietHours: policy.quietHours,
            isAllowedDay: (d: ReturnType<typeof toVietnamDate>) =>
              urgent || calendar.isWorkingDay(d),
          };
          for (const r of reminders) {
            const at = new Date(r.dueAt);
            const minute = (((Math.floor(at.getTime() / 60_000) + 420) % 1440) + 1440) % 1440;
            expect(isAllowedSlot({ date: toVietnamDate(at), minute }, rules)).toBe(true);
            const beforeDeadline =
              r.message.kind === 'assignment.upcoming' || r.message.kind === 'assignment.dueToday';
            if (beforeDeadline) expect(r.dueAt < end).toBe(true);
            else expect(r.dueAt >= end).toBe(true);
          }
          // Each person's series is strictly increasing in time (one row at a time in the index).
          for (const recipient of [OWNER, ASSIGNER]) {
            const times = reminders.filter((r) => r.recipientId === recipient).map((r) => r.dueAt);
            expect(new Set(times).size).toBe(times.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('overdue reminders and escalation', () => {
  it('remind the owner every working day at 08:00 after the deadline, and tell the assigner once', () => {
    // Deadline Friday 19/3/2027: overdue from Monday 22/3 (the weekend is quiet); escalation after
    // 1 day falls on Saturday, so it goes out Monday 22/3 at 08:00 saying 3 days overdue.
    const reminders = plan(assignment({ deadline: '2027-03-19' }));
    const overdue = forOwner(reminders).filter((r) => r.message.kind === 'assignment.overdue');
    expect(overdue.slice(0, 4).map((r) => [local(r.dueAt), r.message.daysOverdue])).toEqual([
      ['2027-03-22T08:00', 3],
      ['2027-03-23T08:00', 4],
      ['2027-03-24T08:00', 5],
      ['2027-03-25T08:00', 6],
    ]);
    expect(overdue.at(-1)?.message.daysOverdue).toBeLessThanOrEqual(
      DEFAULT_REMINDER_POLICY.overdueMaxDays,
    );
    const escalation = reminders.filter((r) => r.message.kind === 'assignment.escalation');
    expect(escalation.map((r) => [r.recipientId, local(r.dueAt), r.message.daysOverdue])).toEqual([
      [ASSIGNER, '2027-03-22T08:00', 3],
    ]);
    expect(escalation[0]?.key).toBe(`assignment:${assignment().id}:2027-03-19:esc+1:${ASSIGNER}`);
  });

  it('escalates after N days when the unit sets N, and urgent work is chased on days off too', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, escalateAfterDays: 3 };
    const reminders = plan(assignment({ deadline: '2027-03-17', priority: 'urgent' }), {
      calendar,
      policy,
    });
    const escalation = reminders.find((r) => r.message.kind === 'assignment.escalation');
    expect(escalation && local(escalation.dueAt)).toBe('2027-03-20T08:00'); // a Saturday: urgent
    const overdue = forOwner(reminders).filter((r) => r.message.kind === 'assignment.overdue');
    expect(overdue.slice(0, 4).map((r) => local(r.dueAt).slice(0, 10))).toEqual([
      '2027-03-18',
      '2027-03-19',
      '2027-03-20',
      '2027-03-21',
    ]);
  });

  it('no escalation to someone who already gets the overdue reminders (self-assigned work)', () => {
    const selfAssigned = plan(assignment({ assignedBy: OWNER }));
    expect(selfAssigned.some((r) => r.message.kind === 'assignment.escalation')).toBe(false);
    const times = selfAssigned.map((r) => r.dueAt);
    expect(new Set(times).size).toBe(times.length);
  });

  it('every worker gets their own series; submitted, done or cancelled work gets none', () => {
    const both = plan(assignment({ coOwnerIds: [CO_OWNER] }));
    expect(new Set(both.map((r) => r.recipientId))).toEqual(new Set([OWNER, CO_OWNER, ASSIGNER]));
    for (const status of ['submitted', 'done', 'cancelled'] as const) {
      expect(plan(assignment({ status }))).toEqual([]);
    }
    expect(plan(assignment({ status: 'returned' })).length).toBeGreaterThan(0);
  });
});

describe('keys, the index window and checking rows against the aggregate', () => {
  it('keys are deterministic and name the deadline: an extension makes the old rows stale', () => {
    const before = plan(assignment());
    expect(plan(assignment())).toEqual(before);
    expect(before[0]?.key).toBe(`assignment:${assignment().id}:2027-03-17:d-7:${OWNER}`);
    const extended = assignmentReminderSubject(assignment({ deadline: '2027-03-31' }));
    for (const old of before) expect(isReminderCurrent(extended, old, ctx)).toBe(false);
    const same = assignmentReminderSubject(assignment({ status: 'inProgress' }));
    for (const old of before) expect(isReminderCurrent(same, old, ctx)).toBe(true);
    const done = assignmentReminderSubject(assignment({ status: 'done' }));
    expect(isReminderCurrent(done, before[0]!, ctx)).toBe(false);
  });

  it("the index holds each person's next reminder (and those just due); the chain rebuilds the series", () => {
    const subject = assignmentReminderSubject(assignment());
    const now = new Date('2027-03-11T03:00:00Z'); // Thu 11/3 10:00 in Vietnam
    const window = scheduledReminders(subject, now, 10 * 60_000, ctx);
    expect(window.map((r) => [r.recipientId, local(r.dueAt)])).toEqual([
      [OWNER, '2027-03-12T08:00'],
      [ASSIGNER, '2027-03-18T08:00'],
    ]);
    // Within the look-back, a reminder due minutes ago is still there (a change must reach it).
    const justAfter = scheduledReminders(subject, new Date('2027-03-12T01:04:00Z'), 600_000, ctx);
    expect(justAfter.filter((r) => r.recipientId === OWNER).map((r) => local(r.dueAt))).toEqual([
      '2027-03-12T08:00',
      '2027-03-16T08:00',
    ]);
    // Following the chain from the first row gives exactly the planned series.
    const series: string[] = [];
    let next = nextReminderAfter(subject, OWNER, '2027-01-01T00:00:00.000Z', ctx);
    while (next) {
      series.push(next.key);
      next = nextReminderAfter(next.subject, OWNER, next.dueAt, ctx);
    }
    expect(series).toEqual(forOwner(plan(assignment())).map((r) => r.key));
  });
});

describe("texts in the recipient's language", () => {
  it('renders Vietnamese and English, with a case number instead of the title when confidential', () => {
    const [first] = plan(assignment());
    expect(renderReminder('vi', first!.message)).toEqual({
      title: 'Nhắc hạn nhiệm vụ',
      text: 'Nhiệm vụ “Niêm yết công khai dự toán ngân sách xã” đến hạn ngày 17/03/2027 (còn 7 ngày).',
    });
    expect(renderReminder('en', first!.message).text).toBe(
      'The assignment “Niêm yết công khai dự toán ngân sách xã” is due on 17/03/2027 (7 days left).',
    );
    const confidential = plan(
      assignment({
        title: 'Xử lý đơn tố cáo của ông Nguyễn Văn A',
        source: { kind: 'recommendation', ref: 'TC-2027-014' },
      }),
    );
    for (const r of confidential) {
      const vi = renderReminder('vi', r.message).text;
      expect(vi).toContain('hồ sơ số TC-2027-014');
      expect(vi).not.toContain('Nguyễn');
      expect(renderReminder('en', r.message).text).toContain('case no. TC-2027-014');
    }
  });
});
