import { TableClient } from '@azure/data-tables';
import {
  cancelMotion,
  castBallot,
  closeMotion,
  createAssignment,
  createMotion,
  openMotion,
  planReminders,
  recordAttendance,
  scheduleMeeting,
  secureRandom,
  voteReminderSubject,
  ZCastBallotInput,
  ZCreateMotionInput,
  transitionMeeting,
  ZCreateMeetingInput,
  decideExtension,
  DEFAULT_REMINDER_POLICY,
  defaultPlanContext,
  requestExtension,
  transitionAssignment,
  ZCreateAssignmentInput,
  type Assignment,
  type Body,
  type BodyRole,
  type Clock,
  type PlanContext,
  type UseCaseDeps,
} from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createBody } from '../src/dev/seed-demo-data';
import {
  createReminderRuntime,
  dispatchOnce,
  sweepOnce,
  type ReminderRuntime,
} from '../src/jobs/reminder-runtime';
import type { Logger } from '../src/logger';
import { BotConnectorSender } from '../src/notify/bot-connector-sender';
import { noBotToken } from '../src/notify/bot-token-provider';
import { TableAssignmentRepository } from '../src/store/assignment-store';
import { TableBodyRepository } from '../src/store/body-store';
import { TableConversationRepository } from '../src/store/conversation-store';
import { dueIndexKeys } from '../src/store/due-index-store';
import { TableMeetingRepository } from '../src/store/meeting-store';
import { TableVoteRepository } from '../src/store/vote-store';
import { TABLES, type TableName } from '../src/store/table-names';
import {
  startBotConnectorStandIn,
  type BotConnectorStandIn,
} from './support/bot-connector-stand-in';

/** Vietnam wall-clock time → instant ('2027-03-03T08:05' is 01:05 UTC). */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const localOf = (instant: Date) =>
  new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Harness {
  runtime: ReminderRuntime;
  deps: UseCaseDeps & { reminders: ReminderRuntime['scheduler'] };
  setNow(instant: Date): void;
  body: Body;
  people: Record<'head' | 'secretary' | 'a' | 'b' | 'c', string>;
  table(name: TableName): TableClient;
}

let connector: BotConnectorStandIn;
beforeAll(async () => {
  connector = await startBotConnectorStandIn();
});
afterAll(async () => {
  await connector?.close();
});

/** Own tables (a random suffix), own tenant and body, a clock the test moves, the stand-in connector. */
async function harness(
  plan: PlanContext = defaultPlanContext(),
  start = vn('2027-03-01T10:00'),
): Promise<Harness> {
  const connection = inject('storageConnection');
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const clients = new Map<string, TableClient>();
  const table = (name: TableName) => {
    let client = clients.get(name);
    if (!client) {
      client = TableClient.fromConnectionString(connection, `${name}${suffix}`, {
        allowInsecureConnection: true,
      });
      clients.set(name, client);
    }
    return client;
  };
  await Promise.all(Object.values(TABLES).map((name) => table(name).createTable()));
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  const runtime = createReminderRuntime({
    tables: {
      dueIndex: table(TABLES.dueIndex),
      outbox: table(TABLES.outbox),
      assignments: table(TABLES.assignments),
      meetings: table(TABLES.meetings),
      conversations: table(TABLES.conversations),
      votes: table(TABLES.votes),
    },
    clock,
    log: quiet,
    plan,
    sender: new BotConnectorSender({ tokens: noBotToken, requestTimeoutMs: 2_000 }),
    dispatchOptions: { quickBackoffMs: 20 },
  });
  const tenantId = randomUUID();
  const body: Body = {
    tenantId,
    unitId: 'ubnd-xa-test',
    unitName: 'UBND xã Thử Nghiệm',
    id: `bcd-${suffix}`,
    kind: 'steeringCommittee',
    name: 'Ban Chỉ đạo',
  };
  const people = {
    head: randomUUID(),
    secretary: randomUUID(),
    a: randomUUID(),
    b: randomUUID(),
    c: randomUUID(),
  };
  const roles: Record<keyof typeof people, BodyRole[]> = {
    head: ['head'],
    secretary: ['secretary'],
    a: ['member'],
    b: ['member'],
    c: ['member'],
  };
  const bodies = new TableBodyRepository(table);
  await createBody(
    bodies,
    body,
    Object.entries(people).map(([name, userId]) => ({
      tenantId,
      userId,
      displayName: name,
      title: 'Ủy viên',
      roles: roles[name as keyof typeof people],
    })),
    now,
  );
  // Everyone but c has the bot installed (c is unreachable).
  const conversations = new TableConversationRepository(table);
  for (const userId of [people.head, people.secretary, people.a, people.b]) {
    await conversations.saveInstalled({
      tenantId,
      conversationId: `a:${userId}`,
      conversationType: 'personal',
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      botId: '28:bot',
      userAadObjectId: userId,
      locale: userId === people.b ? 'en' : 'vi',
      installedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  }
  const ulid = monotonicFactory();
  const deps = {
    bodies,
    meetings: new TableMeetingRepository(table),
    assignments: new TableAssignmentRepository(table),
    clock,
    ids: { next: () => ulid(now.getTime()) },
    reminders: runtime.scheduler,
  };
  return {
    runtime,
    deps,
    setNow: (instant) => {
      now = instant;
    },
    body,
    people,
    table,
  };
}

function actorOf(h: Harness, userId: string) {
  return { tenantId: h.body.tenantId, userId, displayName: 'x' };
}

async function assign(
  h: Harness,
  ownerId: string,
  deadline: string,
  extra: Record<string, unknown> = {},
) {
  return createAssignment(
    h.deps,
    actorOf(h, h.people.head),
    h.body.id,
    ZCreateAssignmentInput.parse({
      title: `Nhiệm vụ ${randomUUID().slice(0, 6)}`,
      ownerId,
      deadline,
      ...extra,
    }),
  );
}

/** Deliveries to this harness's tenant, by idempotency key. */
function delivered(h: Harness): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of connector.deliveries) {
    if (d.tenantId !== h.body.tenantId) continue;
    counts.set(d.activityKey, (counts.get(d.activityKey) ?? 0) + 1);
  }
  return counts;
}

/** The timers, coarsely: a sweep and a dispatch at 08:05 each day from `from` to `to` (Vietnam). */
async function eachMorning(h: Harness, from: string, to: string) {
  for (let t = vn(`${from}T08:05`).getTime(); t <= vn(`${to}T08:05`).getTime(); t += 86_400_000) {
    await sweepAndDispatch(h, new Date(t));
  }
}

async function sweepAndDispatch(h: Harness, at: Date) {
  h.setNow(at);
  const sweep = await sweepOnce(h.runtime, quiet);
  const dispatch = await dispatchOnce(h.runtime, quiet);
  return { sweep, dispatch };
}

describe('reminder sweep over the due index (Azurite)', () => {
  it('two sweeps and two dispatchers at once send each reminder exactly once', async () => {
    const h = await harness();
    const owners = [h.people.a, h.people.b, h.people.secretary];
    const created: Assignment[] = [];
    for (let i = 0; i < 24; i++) created.push(await assign(h, owners[i % 3]!, '2027-03-10'));

    // Wed 3/3 08:05: the "7 days before" reminders (08:00) are due; nothing else is read.
    h.setNow(vn('2027-03-03T08:05'));
    const before = h.runtime.stats.entitiesRead;
    const [s1, s2] = await Promise.all([sweepOnce(h.runtime, quiet), sweepOnce(h.runtime, quiet)]);
    const indexReads = h.runtime.stats.entitiesRead - before;
    expect(s1.claimed + s2.claimed).toBe(24);
    expect(s1.enqueued + s2.enqueued).toBe(24);
    // Each sweep read the 24 due rows (and its watermark), not the escalation rows due later.
    expect(indexReads).toBeLessThanOrEqual(2 * 24 + 2);
    const [d1, d2] = await Promise.all([
      dispatchOnce(h.runtime, quiet),
      dispatchOnce(h.runtime, quiet),
    ]);
    expect(d1.sent + d2.sent).toBe(24);

    const counts = delivered(h);
    expect(counts.size).toBe(24);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const a of created) {
      expect(counts.get(`assignment:${a.id}:2027-03-10:d-7:${a.ownerId}`)).toBe(1);
    }
    // Running again at the same moment finds nothing more to send.
    await Promise.all([sweepOnce(h.runtime, quiet), sweepOnce(h.runtime, quiet)]);
    await dispatchOnce(h.runtime, quiet);
    expect([...delivered(h).values()].reduce((s, n) => s + n, 0)).toBe(24);
    // Each owner's next reminder (3 days before = Sunday 7/3 → Friday 5/3 08:00) is in the index.
    const next = await h.runtime.index.listDue(
      dueIndexKeys.partition(
        vn('2027-03-05T08:00').toISOString(),
        `assignment:${created[0]!.id}:2027-03-10:d-3:${created[0]!.ownerId}`,
      ),
      vn('2027-03-05T08:00'),
    );
    expect(next.map((row) => row.key)).toContain(
      `assignment:${created[0]!.id}:2027-03-10:d-3:${created[0]!.ownerId}`,
    );
    // The Vietnamese reader got Vietnamese, the English reader English.
    const texts = connector.deliveries
      .filter((d) => d.tenantId === h.body.tenantId)
      .map((d) => [d.conversationId, String(d.activity.summary)]);
    expect(texts.find(([c]) => c === `a:${h.people.a}`)?.[1]).toContain(
      'đến hạn ngày 10/03/2027 (còn 7 ngày)',
    );
    expect(texts.find(([c]) => c === `a:${h.people.b}`)?.[1]).toContain(
      'is due on 10/03/2027 (7 days left)',
    );
  });

  it('moves reminders out of days off (Tết) and quiet hours: nothing goes out at night or on a holiday', async () => {
    // The unit sets a reminder the evening before at 22:30, and one at 06:00 on the day.
    const policy = {
      ...DEFAULT_REMINDER_POLICY,
      assignmentOffsets: [
        { days: 3, at: '08:00' },
        { days: 1, at: '22:30' },
        { days: 0, at: '06:00' },
      ],
    };
    const h = await harness({ ...defaultPlanContext(), policy }, vn('2027-02-01T09:00'));
    // Deadline Thursday 11/2/2027, the first day back after Tết (days off Thu 4/2 – Wed 10/2).
    const owned = await assign(h, h.people.a, '2027-02-11');
    const sentAt: [string, string][] = [];
    // Every 30 minutes, day and night, from Tue 2/2 06:00 to Thu 4/2 09:00 (the timers would run
    // every 5); then each morning at 08:05 through Tết to the deadline.
    const steps: number[] = [];
    for (
      let t = vn('2027-02-02T06:00').getTime();
      t <= vn('2027-02-04T09:00').getTime();
      t += 30 * 60_000
    ) {
      steps.push(t);
    }
    for (let day = 5; day <= 11; day++)
      steps.push(vn(`2027-02-${String(day).padStart(2, '0')}T08:05`).getTime());
    for (const t of steps) {
      const seen = connector.deliveries.length;
      await sweepAndDispatch(h, new Date(t));
      for (const d of connector.deliveries.slice(seen)) {
        if (d.tenantId === h.body.tenantId)
          sentAt.push([localOf(new Date(t)), d.activityKey.split(':')[3]!]);
      }
    }
    // 3 days and 1 day before fall in Tết: both move to the last working day before it (Wed 3/2),
    // the 22:30 one to 20:30 and merged with nothing; the 06:00 on the day moves to the evening before
    // (Wed 10/2 is still Tết) → Wed 3/2 20:30 too, merged. Then the day itself has no 08:00 reminder in
    // this policy, so the series is: Wed 3/2 08:00 (d-3) and Wed 3/2 20:30 (d0, "due on 11/2").
    expect(sentAt).toEqual([
      ['2027-02-03T08:00', 'd-3'],
      ['2027-02-03T20:30', 'd0'],
    ]);
    for (const [local] of sentAt) {
      const hour = Number(local.slice(11, 13));
      expect(hour >= 7 && hour < 21).toBe(true);
    }
    expect(owned.deadline).toBe('2027-02-11');
  }, 60_000);

  it('after the deadline: the owner daily on working days, the assigner once (escalation); completion stops both', async () => {
    const h = await harness();
    // Deadline Thursday 18/3/2027.
    const overdue = await assign(h, h.people.a, '2027-03-18');
    const id = overdue.id;
    await sweepAndDispatch(h, vn('2027-03-01T10:05'));
    await eachMorning(h, '2027-03-02', '2027-03-19');
    const counts = delivered(h);
    expect(counts.get(`assignment:${id}:2027-03-18:od+1:${h.people.a}`)).toBe(1);
    expect(counts.get(`assignment:${id}:2027-03-18:esc+1:${h.people.head}`)).toBe(1);
    // The weekend is quiet; Monday 22/3 brings the 4th day overdue, and no second escalation.
    await eachMorning(h, '2027-03-20', '2027-03-22');
    const later = [...delivered(h).keys()].filter((k) => k.startsWith(`assignment:${id}`));
    const who = (k: string) =>
      `${k.split(':')[3]}:${k.split(':')[4] === h.people.head ? 'head' : 'owner'}`;
    expect(later.map(who).sort()).toEqual(
      [
        'd-7:owner',
        'd-3:owner',
        'd-1:owner',
        'd0:owner',
        'od+1:owner',
        'esc+1:head',
        'od+4:owner',
      ].sort(),
    );
    // The owner submits on Monday; the head approves. Tuesday brings nothing.
    h.setNow(vn('2027-03-22T10:00'));
    const submitted = await transitionAssignment(h.deps, actorOf(h, h.people.a), h.body.id, id, {
      transition: 'submit',
      version: 1,
    });
    await transitionAssignment(h.deps, actorOf(h, h.people.head), h.body.id, id, {
      transition: 'approveCompletion',
      version: submitted.version,
    });
    const before = delivered(h).size;
    await eachMorning(h, '2027-03-23', '2027-03-26');
    expect(delivered(h).size).toBe(before);
  });

  it('an extension makes the old keys stale: the old series stops, the new one follows the new deadline', async () => {
    const h = await harness();
    const a = await assign(h, h.people.a, '2027-03-10');
    await sweepAndDispatch(h, vn('2027-03-01T10:05'));
    h.setNow(vn('2027-03-02T09:00'));
    await requestExtension(h.deps, actorOf(h, h.people.a), h.body.id, a.id, {
      version: 1,
      requestedDeadline: '2027-03-24',
      reason: 'Chờ số liệu',
    });
    await decideExtension(h.deps, actorOf(h, h.people.head), h.body.id, a.id, {
      version: 2,
      decision: 'approve',
    });
    // Every morning through the old deadline's week and up to 7 days before the new one.
    await eachMorning(h, '2027-03-03', '2027-03-17');
    const keys = [...delivered(h).keys()].filter((k) => k.includes(a.id));
    expect(keys).toEqual([`assignment:${a.id}:2027-03-24:d-7:${h.people.a}`]);
  });

  it('checks flagged rows against the aggregate: an orphan (write never happened) and a stale row are dropped', async () => {
    const h = await harness();
    // Index first, aggregate second: the aggregate write fails after the rows were written.
    const failing = {
      ...h.deps,
      assignments: Object.assign(Object.create(h.deps.assignments) as TableAssignmentRepository, {
        createAssignment: async () => {
          throw new Error('storage went away');
        },
      }),
    };
    await expect(
      createAssignment(
        failing,
        actorOf(h, h.people.head),
        h.body.id,
        ZCreateAssignmentInput.parse({
          title: 'Mồ côi',
          ownerId: h.people.a,
          deadline: '2027-03-10',
        }),
      ),
    ).rejects.toThrow('storage went away');
    // A row for an assignment whose deadline has since moved, left flagged by a crashed change.
    const moved = await assign(h, h.people.b, '2027-03-10');
    const stale = (
      await h.runtime.index.listDue(
        dueIndexKeys.partition(
          vn('2027-03-03T08:00').toISOString(),
          `assignment:${moved.id}:2027-03-10:d-7:${h.people.b}`,
        ),
        vn('2027-03-03T08:00'),
      )
    ).find((row) => row.key.includes(moved.id))!;
    await h.runtime.index.write(
      {
        ...stale,
        key: stale.key.replace('2027-03-10', '2027-03-09'),
        message: stale.message,
        subject: { ...stale.subject, deadline: '2027-03-09' } as typeof stale.subject,
      },
      { verify: true, markedAt: vn('2027-03-01T10:00').toISOString() },
    );
    const { sweep, dispatch } = await sweepAndDispatch(h, vn('2027-03-03T08:05'));
    expect(sweep).toMatchObject({ rows: 3, checked: 2, dropped: 2, enqueued: 1 });
    expect(dispatch.sent).toBe(1);
    expect([...delivered(h).keys()]).toEqual([
      `assignment:${moved.id}:2027-03-10:d-7:${h.people.b}`,
    ]);
  });

  it('a recipient without a conversation is parked as unreachable, not lost', async () => {
    const h = await harness();
    const a = await assign(h, h.people.c, '2027-03-10');
    const { dispatch } = await sweepAndDispatch(h, vn('2027-03-03T08:05'));
    expect(dispatch).toMatchObject({ sent: 0, parked: 1 });
    const parked = await h.runtime.outbox.listParked(h.body.tenantId, h.body.id);
    expect(parked).toMatchObject([
      {
        key: `assignment:${a.id}:2027-03-10:d-7:${h.people.c}`,
        reason: 'unreachable',
        status: 'parked',
      },
    ]);
    expect(await h.runtime.outbox.getMessage(parked[0]!.key)).toMatchObject({ status: 'parked' });
  });
});

describe('meeting reminders wired into the meeting use cases', () => {
  it('schedules the agenda reminder for summoned members; a cancelled meeting sends no more', async () => {
    const h = await harness();
    const meeting = await scheduleMeeting(
      h.deps,
      actorOf(h, h.people.secretary),
      h.body.id,
      ZCreateMeetingInput.parse({
        kind: 'steeringRegular',
        title: 'Họp Ban Chỉ đạo tháng 3',
        startsAt: '2027-03-05T08:00:00+07:00',
        location: 'Hội trường',
        chairId: h.people.head,
        secretaryId: h.people.secretary,
      }),
    );
    // Thu 4/3 08:05: the "agenda, 1 day before" reminders are due for every summoned member.
    await sweepAndDispatch(h, vn('2027-03-04T08:05'));
    const agenda = [...delivered(h).keys()].filter((key) =>
      key.startsWith(`meeting:${meeting.id}`),
    );
    // head, secretary, a, b have the bot installed; c is unreachable (parked, not lost).
    expect(agenda).toHaveLength(4);
    expect([...delivered(h).values()].every((count) => count === 1)).toBe(true);

    await transitionMeeting(h.deps, actorOf(h, h.people.head), h.body.id, meeting.id, {
      transition: 'cancel',
      version: meeting.version,
      reason: 'Trùng lịch tiếp công dân',
    });
    const sentBefore = delivered(h).size;
    // Fri 5/3 07:05: the day-of reminder would be due, but the meeting is cancelled.
    await sweepAndDispatch(h, vn('2027-03-05T07:05'));
    expect(delivered(h).size).toBe(sentBefore);
  });
});

describe('vote reminders wired into the vote use cases', () => {
  it('reminds, once, each voter who has not voted before the close; a voter who cast and a closed vote get none', async () => {
    const h = await harness(defaultPlanContext(), vn('2027-03-01T08:00'));
    const deps = {
      ...h.deps,
      votes: new TableVoteRepository((name) => h.table(name as TableName)),
      random: secureRandom,
    };
    const meeting = await scheduleMeeting(
      deps,
      actorOf(h, h.people.secretary),
      h.body.id,
      ZCreateMeetingInput.parse({
        kind: 'steeringRegular',
        title: 'Họp Ban Chỉ đạo tháng 3',
        startsAt: '2027-03-01T08:30:00+07:00',
        location: 'Hội trường',
        chairId: h.people.head,
        secretaryId: h.people.secretary,
      }),
    );
    h.setNow(vn('2027-03-01T08:30'));
    await transitionMeeting(deps, actorOf(h, h.people.head), h.body.id, meeting.id, {
      transition: 'start',
      version: meeting.version,
    });
    await recordAttendance(deps, actorOf(h, h.people.secretary), h.body.id, meeting.id, {
      marks: Object.values(h.people).map((userId) => ({ userId, status: 'present' as const })),
    });
    // Two secret ballots closing at 11:00: the reminder is due at 10:30 for whoever has not voted.
    const open = async (question: string) => {
      const motion = await createMotion(
        deps,
        actorOf(h, h.people.secretary),
        h.body.id,
        meeting.id,
        ZCreateMotionInput.parse({
          question,
          method: 'secret',
          closesAt: '2027-03-01T11:00:00+07:00',
        }),
      );
      return openMotion(deps, actorOf(h, h.people.head), h.body.id, meeting.id, motion.id);
    };
    h.setNow(vn('2027-03-01T09:00'));
    const running = await open('Thông qua Quy chế làm việc');
    const ended = await open('Thông qua Chương trình công tác');

    h.setNow(vn('2027-03-01T09:10'));
    await castBallot(
      deps,
      actorOf(h, h.people.a),
      h.body.id,
      meeting.id,
      running.id,
      ZCastBallotInput.parse({ submissionId: randomUUID(), choice: 'for' }),
    );
    await closeMotion(deps, actorOf(h, h.people.head), h.body.id, meeting.id, ended.id);
    // A row the close's confirm never removed (a crash): the sweep's check must still drop it.
    const [leftover] = planReminders(voteReminderSubject(ended, [h.people.b])!, h.runtime.plan);
    await h.runtime.index.write(leftover!, { verify: false, markedAt: '' });

    // 10:25: nothing is due yet.
    await sweepAndDispatch(h, vn('2027-03-01T10:25'));
    const voteKeys = () => [...delivered(h).keys()].filter((key) => key.startsWith('vote:'));
    expect(voteKeys()).toEqual([]);

    // 10:35 (twice, as the timers would): exactly one reminder to head, secretary and b.
    const { sweep, dispatch } = await sweepAndDispatch(h, vn('2027-03-01T10:35'));
    await sweepAndDispatch(h, vn('2027-03-01T10:40'));
    const expected = [h.people.head, h.people.secretary, h.people.b].map(
      (userId) =>
        `vote:${running.id}:${running.electorate!.id}:${vn('2027-03-01T11:00').toISOString()}:close-30:${userId}`,
    );
    expect(voteKeys().sort()).toEqual([...expected].sort());
    expect(voteKeys().every((key) => delivered(h).get(key) === 1)).toBe(true);
    expect(voteKeys().some((key) => key.includes(ended.id) || key.endsWith(h.people.a))).toBe(
      false,
    );
    // c has not voted either, but has no conversation with the bot: parked, not lost.
    expect(dispatch.parked).toBeGreaterThanOrEqual(1);
    expect(sweep.dropped).toBeGreaterThanOrEqual(1); // the closed vote's leftover row
    const parked = await h.runtime.outbox.listParked(h.body.tenantId, h.body.id);
    expect(parked.map((p) => p.key)).toContain(expected[0]!.replace(h.people.head, h.people.c));

    // What the voter reads names the question and the time, never a choice.
    const texts = connector.deliveries
      .filter((d) => d.tenantId === h.body.tenantId && d.activityKey.startsWith('vote:'))
      .map((d) => [d.conversationId, String(d.activity.summary)]);
    expect(texts.find(([c]) => c === `a:${h.people.head}`)?.[1]).toContain(
      'Biểu quyết “Thông qua Quy chế làm việc” sắp kết thúc lúc 11:00, bạn chưa bỏ phiếu.',
    );
    expect(texts.find(([c]) => c === `a:${h.people.b}`)?.[1]).toContain(
      'closes at 11:00 and you have not voted yet',
    );
  }, 60_000);

  it('cancelling a vote before its reminder sends none', async () => {
    const h = await harness(defaultPlanContext(), vn('2027-03-01T08:00'));
    const deps = {
      ...h.deps,
      votes: new TableVoteRepository((name) => h.table(name as TableName)),
      random: secureRandom,
    };
    const meeting = await scheduleMeeting(
      deps,
      actorOf(h, h.people.secretary),
      h.body.id,
      ZCreateMeetingInput.parse({
        kind: 'steeringRegular',
        title: 'Họp Ban Chỉ đạo tháng 3',
        startsAt: '2027-03-01T08:30:00+07:00',
        location: 'Hội trường',
        chairId: h.people.head,
        secretaryId: h.people.secretary,
      }),
    );
    await transitionMeeting(deps, actorOf(h, h.people.head), h.body.id, meeting.id, {
      transition: 'start',
      version: meeting.version,
    });
    await recordAttendance(deps, actorOf(h, h.people.secretary), h.body.id, meeting.id, {
      marks: Object.values(h.people).map((userId) => ({ userId, status: 'present' as const })),
    });
    const motion = await createMotion(
      deps,
      actorOf(h, h.people.secretary),
      h.body.id,
      meeting.id,
      ZCreateMotionInput.parse({
        question: 'Biểu quyết hoãn',
        closesAt: '2027-03-01T11:00:00+07:00',
      }),
    );
    await openMotion(deps, actorOf(h, h.people.head), h.body.id, meeting.id, motion.id);
    await cancelMotion(deps, actorOf(h, h.people.head), h.body.id, meeting.id, motion.id, 'Hoãn');
    await sweepAndDispatch(h, vn('2027-03-01T10:35'));
    expect([...delivered(h).keys()].filter((key) => key.startsWith('vote:'))).toEqual([]);
  }, 60_000);
});
