import { describe, expect, it } from 'vitest';
import { GENESIS_HEAD } from '../../src/audit/audit-event';
import {
  createAssignment,
  decideExtension,
  requestExtension,
  transitionAssignment,
  ZCreateAssignmentInput,
  type Meeting,
} from '../../src/index';
import {
  defaultPlanContext,
  meetingReminderSubject,
  planReminders,
  renderReminder,
  type ReminderChange,
  type ReminderScheduler,
} from '../../src/reminders/index';
import { actor, fakeDeps, person } from '../support/fixtures';

const ctx = defaultPlanContext();
const local = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16);

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    tenantId: 't1',
    bodyId: 'b1',
    id: 'm1',
    kind: 'steeringRegular',
    title: 'Họp Ban Chỉ đạo quý I',
    startsAt: '2027-03-15T07:00:00.000Z', // Monday 15/3/2027, 14:00 in Vietnam
    location: 'Hội trường',
    status: 'scheduled',
    chairId: 'chair',
    secretaryId: 'secretary',
    agenda: [],
    minutes: { edition: 1, status: 'drafting' },
    createdAt: '2027-03-01T00:00:00.000Z',
    createdBy: 'secretary',
    updatedAt: '2027-03-01T00:00:00.000Z',
    version: 1,
    audit: GENESIS_HEAD,
    ...overrides,
  };
}

const summoned = ['chair', 'secretary', 'member'];

describe('meeting reminders (process template offsets)', () => {
  it('agenda 1 day before at 08:00 (a Sunday moves to Friday), and the meeting itself at 07:00', () => {
    const reminders = planReminders(meetingReminderSubject(meeting(), summoned), ctx).filter(
      (r) => r.recipientId === 'member',
    );
    expect(reminders.map((r) => [local(r.dueAt), r.message.kind])).toEqual([
      ['2027-03-12T08:00', 'meeting.agenda'],
      ['2027-03-15T07:00', 'meeting.start'],
    ]);
    expect(reminders[0]?.key).toBe('meeting:m1:2027-03-15T07:00:00.000Z:agenda-1:member');
    expect(renderReminder('vi', reminders[1]!.message).text).toBe(
      'Cuộc họp “Họp Ban Chỉ đạo quý I” bắt đầu lúc 14:00 ngày 15/03/2027.',
    );
  });

  it('the staff conference also reminds 7 days ahead; a Saturday meeting is reminded on its own day', () => {
    const staff = planReminders(
      meetingReminderSubject(meeting({ kind: 'staffConference' }), ['member']),
      ctx,
    );
    expect(staff.map((r) => local(r.dueAt))).toEqual([
      '2027-03-08T08:00',
      '2027-03-12T08:00',
      '2027-03-15T07:00',
    ]);
    const saturday = planReminders(
      meetingReminderSubject(
        meeting({ kind: 'citizenDialogue', startsAt: '2027-03-20T01:30:00.000Z' }),
        ['member'],
      ),
      ctx,
    );
    expect(saturday.map((r) => local(r.dueAt))).toEqual(['2027-03-19T08:00', '2027-03-20T07:00']);
  });

  it('never after the start: an early meeting is reminded the evening before, outside quiet hours', () => {
    // Tuesday 16/3 at 07:30: 07:00 is less than an hour before, 06:30 is quiet → Monday 20:30.
    const early = planReminders(
      meetingReminderSubject(meeting({ startsAt: '2027-03-16T00:30:00.000Z' }), ['member']),
      ctx,
    );
    expect(early.map((r) => local(r.dueAt))).toEqual(['2027-03-15T08:00', '2027-03-15T20:30']);
  });

  it('minutes awaiting approval: the chair, each working day from 2 days after, only while in review', () => {
    const inReview = meeting({
      status: 'minutesInReview',
      minutes: { edition: 1, status: 'inReview' },
    });
    const reminders = planReminders(meetingReminderSubject(inReview, summoned), ctx);
    expect(new Set(reminders.map((r) => r.recipientId))).toEqual(new Set(['chair']));
    expect(reminders.slice(0, 3).map((r) => local(r.dueAt))).toEqual([
      '2027-03-17T08:00',
      '2027-03-18T08:00',
      '2027-03-19T08:00',
    ]);
    expect(reminders.every((r) => r.message.kind === 'minutes.awaitingApproval')).toBe(true);
    const ended = meeting({ status: 'ended' });
    expect(planReminders(meetingReminderSubject(ended, summoned), ctx)).toEqual([]);
  });
});

describe('assignment use cases call the scheduler around the write (index first)', () => {
  const head = person(1, ['head'], 7);
  const secretary = person(2, ['secretary'], 7);
  const owner = person(3, ['member'], 7);

  function recording() {
    const log: string[] = [];
    const changes: ReminderChange[] = [];
    const scheduler: ReminderScheduler = {
      prepare: async (change) => {
        changes.push(change);
        log.push(`prepare:${change.type === 'assignment' ? change.next.deadline : ''}`);
        return { rows: 1 };
      },
      confirm: async () => {
        log.push('confirm');
      },
    };
    return { log, changes, scheduler };
  }

  it('prepares before the aggregate is written and confirms after, on create, extension and completion', async () => {
    const now = new Date('2027-03-01T03:00:00.000Z');
    const { deps, assignments } = fakeDeps([head, secretary, owner], () => now);
    const { log, changes, scheduler } = recording();
    const withReminders = { ...deps, reminders: scheduler };
    const originalCreate = assignments.createAssignment.bind(assignments);
    assignments.createAssignment = async (...args) => {
      log.push('write');
      return originalCreate(...args);
    };
    const created = await createAssignment(
      withReminders,
      actor(secretary),
      'b1',
      ZCreateAssignmentInput.parse({
        title: 'Rà soát quy chế dân chủ',
        ownerId: owner.userId,
        deadline: '2027-03-17',
      }),
    );
    expect(log).toEqual(['prepare:2027-03-17', 'write', 'confirm']);
    expect(changes[0]).toMatchObject({ type: 'assignment', previous: null });

    await requestExtension(deps, actor(owner), 'b1', created.id, {
      version: 1,
      requestedDeadline: '2027-03-31',
      reason: 'Chờ số liệu',
    });
    await decideExtension(withReminders, actor(head), 'b1', created.id, {
      version: 2,
      decision: 'approve',
    });
    const extension = changes.at(-1)!;
    if (extension.type !== 'assignment') throw new Error('not an assignment change');
    expect([extension.previous?.deadline, extension.next.deadline]).toEqual([
      '2027-03-17',
      '2027-03-31',
    ]);

    await transitionAssignment(withReminders, actor(owner), 'b1', created.id, {
      transition: 'submit',
      version: 3,
    });
    const submitted = changes.at(-1);
    expect(submitted?.type === 'assignment' && submitted.next.status).toBe('submitted');
    expect(log.filter((entry) => entry === 'confirm')).toHaveLength(3);
  });

  it('does not confirm when the aggregate write fails (the rows stay flagged for the sweep)', async () => {
    const now = new Date('2027-03-01T03:00:00.000Z');
    const { deps, assignments } = fakeDeps([head, secretary, owner], () => now);
    const { log, scheduler } = recording();
    assignments.createAssignment = async () => {
      throw new Error('storage down');
    };
    await expect(
      createAssignment(
        { ...deps, reminders: scheduler },
        actor(secretary),
        'b1',
        ZCreateAssignmentInput.parse({
          title: 'x',
          ownerId: owner.userId,
          deadline: '2027-03-17',
        }),
      ),
    ).rejects.toThrow('storage down');
    expect(log).toEqual(['prepare:2027-03-17']);
  });
});
