import { TableClient } from '@azure/data-tables';
import {
  assertValidHolidayYear,
  auditHeadOf,
  chainAuditEvent,
  createAssignment,
  defaultPlanContext,
  intakeCase,
  syncRoster,
  transitionAssignment,
  ZCreateAssignmentInput,
  ZIntakeCaseInput,
  ZRosterSyncInput,
  type Body,
  type BodyRole,
  type Clock,
  type Member,
  type ReminderSubject,
  type UnitHolidayYear,
  type UnitSettingsVersion,
  type UseCaseDeps,
} from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBody } from '../src/dev/seed-demo-data';
import { withFrontReminders } from '../src/jobs/front-reminder-hooks';
import {
  createReminderRuntime,
  dispatchOnce,
  sweepOnce,
  type ReminderRuntime,
} from '../src/jobs/reminder-runtime';
import { withReportingReminders } from '../src/jobs/reporting-reminder-hooks';
import { UnitPlanContexts } from '../src/jobs/unit-plan-contexts';
import type { Logger } from '../src/logger';
import { BotConnectorSender } from '../src/notify/bot-connector-sender';
import { noBotToken } from '../src/notify/bot-token-provider';
import { ensureUnitAdministration } from '../src/store/admin-unit-seed';
import { TableUnitAdminStore } from '../src/store/admin-unit-store';
import { TableAssignmentRepository } from '../src/store/assignment-store';
import { TableBodyRepository } from '../src/store/body-store';
import { TableCaseRepository } from '../src/store/case-store';
import { TableConsultationRepository } from '../src/store/consultation-store';
import { TableConversationRepository } from '../src/store/conversation-store';
import { CountingTableClient, newTableStats } from '../src/store/counting-table-client';
import { TableDisclosureRepository } from '../src/store/disclosure-store';
import { dueIndexKeys } from '../src/store/due-index-store';
import { TableMeetingRepository } from '../src/store/meeting-store';
import { TABLES, type TableName } from '../src/store/table-names';
import { withUnitSettingsDeadlines } from '../src/store/unit-settings-deadlines';
import {
  startBotConnectorStandIn,
  type BotConnectorStandIn,
} from './support/bot-connector-stand-in';

/** Sweeps catch up hour by hour over days of simulated time: more than the default 30 s. */
const SLOW = 90_000;

/** Vietnam wall-clock time → instant. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let connector: BotConnectorStandIn;
beforeAll(async () => {
  connector = await startBotConnectorStandIn();
});
afterAll(async () => {
  await connector?.close();
});

type Person = 'head' | 'secretary' | 'a' | 'c';
const ROLES: Record<Person, BodyRole[]> = {
  head: ['head'],
  secretary: ['secretary'],
  a: ['member'],
  c: ['member'],
};

interface UnitBody {
  body: Body;
  people: Record<Person, string>;
}

interface Harness {
  runtime: ReminderRuntime;
  deps: UseCaseDeps;
  bodies: TableBodyRepository;
  admin: TableUnitAdminStore;
  setNow(instant: Date): void;
  clock: Clock;
  tenantId: string;
  /** Unit A sets its own reminders and days off in the tests; unit B never does. */
  a: UnitBody;
  b: UnitBody;
  table(name: TableName): TableClient;
}

/**
 * Own tables and tenant; two units with a steering committee each; the repositories wrapped as
 * create-services.ts wraps them (per-unit plan contexts, unit calendars, reporting hooks).
 */
async function harness(start: Date): Promise<Harness> {
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
      consultations: table(TABLES.consultations),
      cases: table(TABLES.cases),
      disclosures: table(TABLES.disclosures),
      units: table(TABLES.units),
      bodies: table(TABLES.bodies),
    },
    clock,
    log: quiet,
    plan: defaultPlanContext(),
    // Settings are written between plans within milliseconds here: read them every time.
    unitCacheMs: 0,
    sender: new BotConnectorSender({ tokens: noBotToken, requestTimeoutMs: 2_000 }),
    dispatchOptions: { quickBackoffMs: 20 },
  });
  const tenantId = randomUUID();
  const bodies = withReportingReminders(new TableBodyRepository(table), {
    clock,
    reminders: runtime.scheduler,
    log: quiet,
  });
  const admin = new TableUnitAdminStore(table);
  const conversations = new TableConversationRepository(table);
  const unitBody = async (unitId: string, unitName: string): Promise<UnitBody> => {
    const body: Body = {
      tenantId,
      unitId,
      unitName,
      id: `bcd-${unitId}-${suffix}`,
      kind: 'steeringCommittee',
      name: 'Ban Chỉ đạo',
    };
    const people = {
      head: randomUUID(),
      secretary: randomUUID(),
      a: randomUUID(),
      c: randomUUID(),
    };
    // c is not a member yet: the reporting test adds them as the new secretary.
    await createBody(
      bodies,
      body,
      (['head', 'secretary', 'a'] as const).map((name) => ({
        tenantId,
        userId: people[name],
        displayName: name,
        title: 'Ủy viên',
        roles: ROLES[name],
      })),
      now,
    );
    await ensureUnitAdministration(
      admin,
      { tenantId, id: unitId, name: unitName, province: 'Lạng Sơn' },
      [{ userId: people.head, displayName: 'head' }],
      [{ id: body.id, kind: body.kind, name: body.name }],
      now,
    );
    for (const userId of Object.values(people)) {
      await conversations.saveInstalled({
        tenantId,
        conversationId: `a:${userId}`,
        conversationType: 'personal',
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        botId: '28:bot',
        userAadObjectId: userId,
        locale: 'vi',
        installedAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
    }
    return { body, people };
  };
  const a = await unitBody('ubnd-xa-a', 'UBND xã A');
  const b = await unitBody('ubnd-xa-b', 'UBND xã B');
  const ulid = monotonicFactory();
  const deps: UseCaseDeps = {
    bodies,
    meetings: new TableMeetingRepository(table),
    assignments: new TableAssignmentRepository(table),
    ...withFrontReminders(
      {
        consultations: new TableConsultationRepository(table),
        cases: withUnitSettingsDeadlines(new TableCaseRepository(table), admin),
        disclosures: new TableDisclosureRepository(table),
      },
      runtime.scheduler,
      bodies,
    ),
    clock,
    ids: { next: () => ulid(now.getTime()) },
    reminders: runtime.scheduler,
    calendars: runtime.calendars,
  };
  return {
    runtime,
    deps,
    bodies,
    admin,
    setNow: (t) => (now = t),
    clock,
    tenantId,
    a,
    b,
    table,
  };
}

/** Records a unit change through the administration store, audited like the admin routes do. */
async function commitUnit(
  h: Harness,
  unitId: string,
  put: { settings?: UnitSettingsVersion[]; holidays?: UnitHolidayYear[] },
) {
  const stored = await h.admin.getUnit(h.tenantId, unitId);
  if (!stored) throw new Error('unit missing');
  const event = chainAuditEvent(stored.unit.audit, {
    tenantId: h.tenantId,
    aggregateType: 'unit',
    aggregateId: unitId,
    action: put.settings ? 'unit.settingsVersionSaved' : 'unit.holidaysSaved',
    actorId: 'admin',
    actorName: 'Quản trị',
    at: h.clock.now().toISOString(),
    changes: { test: [null, 'x'] },
  });
  await h.admin.commit({
    unit: {
      ...stored.unit,
      version: stored.unit.version + 1,
      updatedAt: event.at,
      audit: auditHeadOf(event),
    },
    etag: stored.etag,
    event,
    putSettings: put.settings,
    putHolidays: put.holidays,
  });
}

async function assign(h: Harness, unit: UnitBody, deadline: string) {
  return createAssignment(
    h.deps,
    { tenantId: h.tenantId, userId: unit.people.head, displayName: 'head' },
    unit.body.id,
    ZCreateAssignmentInput.parse({
      title: `Nhiệm vụ ${randomUUID().slice(0, 6)}`,
      ownerId: unit.people.a,
      deadline,
    }),
  );
}

/** The index row for `key` due at `dueAt`, or null. */
async function indexRow(h: Harness, key: string, dueAt: Date) {
  const iso = dueAt.toISOString();
  try {
    return await h
      .table(TABLES.dueIndex)
      .getEntity<{ verify: boolean }>(dueIndexKeys.partition(iso, key), dueIndexKeys.row(iso, key));
  } catch {
    return null;
  }
}

/** Sweeps until the watermark has caught up with `at`; answers the messages enqueued. */
async function sweepAt(h: Harness, at: Date) {
  h.setNow(at);
  let enqueued = 0;
  for (let i = 0; i < 10; i++) {
    const result = await sweepOnce(h.runtime, quiet);
    enqueued += result.enqueued;
    // Done once a run read no rows and was not cut short by its hours limit.
    if (result.rows === 0 && result.hours < h.runtime.timing.maxHoursPerRun) break;
  }
  return enqueued;
}

const SETTINGS_A: UnitSettingsVersion = {
  effectiveFrom: '2027-03-10',
  values: {
    deadlines: {},
    // Two days before, in the evening; the unit's quiet hours start at 22:00.
    reminderOffsets: [{ days: 2, at: '21:30' }],
    quietHours: { start: '22:00', end: '06:00' },
  },
  savedAt: '2027-03-01T03:00:00.000Z',
  savedBy: 'admin',
  savedByName: 'Quản trị',
};

/** Unit A gives Thu 29/4/2027 off (the bridge to Victory Day) and works Sat 8/5 for it. */
const HOLIDAYS_A: UnitHolidayYear = {
  year: 2027,
  daysOff: [{ date: '2027-04-29', holiday: 'victoryDay', note: 'Nghỉ bù nối 30/4' }],
  makeUpWorkingDays: [{ date: '2027-05-08', replacesDayOff: '2027-04-29', note: 'Làm bù' }],
};

describe('per-unit reminder settings (Azurite)', { timeout: SLOW }, () => {
  it('plans with the unit version in force from its date; another unit keeps the defaults', async () => {
    const h = await harness(vn('2027-03-01T10:00'));
    await commitUnit(h, h.a.body.unitId, { settings: [SETTINGS_A] });
    const key = (id: string, deadline: string, label: string, owner: string) =>
      `assignment:${id}:${deadline}:${label}:${owner}`;

    // Mon 1/3: the version is not in force yet; both units plan 7 days before Fri 19/3, 08:00.
    const earlyA = await assign(h, h.a, '2027-03-19');
    const earlyB = await assign(h, h.b, '2027-03-19');
    const doneA = await assign(h, h.a, '2027-03-19');
    expect(
      await indexRow(h, key(earlyA.id, '2027-03-19', 'd-7', h.a.people.a), vn('2027-03-12T08:00')),
    ).not.toBeNull();
    expect(
      await indexRow(h, key(earlyB.id, '2027-03-19', 'd-7', h.b.people.a), vn('2027-03-12T08:00')),
    ).not.toBeNull();

    // Wed 10/3, the version's date: a new assignment in unit A gets its offsets (2 days before,
    // 21:30); one in unit B still the defaults.
    h.setNow(vn('2027-03-10T09:00'));
    const lateA = await assign(h, h.a, '2027-03-19');
    const lateB = await assign(h, h.b, '2027-03-19');
    expect(
      await indexRow(h, key(lateA.id, '2027-03-19', 'd-2', h.a.people.a), vn('2027-03-17T21:30')),
    ).not.toBeNull();
    expect(
      await indexRow(h, key(lateA.id, '2027-03-19', 'd-7', h.a.people.a), vn('2027-03-12T08:00')),
    ).toBeNull();
    expect(
      await indexRow(h, key(lateB.id, '2027-03-19', 'd-7', h.b.people.a), vn('2027-03-12T08:00')),
    ).not.toBeNull();

    // Thu 11/3: doneA is submitted. The change plans with the new version, which never had a
    // row on 12/3, so the old "7 days before" row stays in the index, unflagged...
    h.setNow(vn('2027-03-11T09:00'));
    await transitionAssignment(
      h.deps,
      { tenantId: h.tenantId, userId: h.a.people.a, displayName: 'a' },
      h.a.body.id,
      doneA.id,
      { transition: 'submit', version: 1 },
    );
    const doneKey = key(doneA.id, '2027-03-19', 'd-7', h.a.people.a);
    expect(await indexRow(h, doneKey, vn('2027-03-12T08:00'))).toMatchObject({ verify: false });

    // Fri 12/3 08:05: the rows planned before the date go out as planned; each is chained with
    // its unit's policy in force now: unit A's next is 2 days before at 21:30, unit B's 3 days.
    // ...but it was planned under the unit's earlier settings, so the sweep checks it against the
    // assignment (submitted: no longer the one planned) and drops it.
    const before = h.runtime.stats.pointReads;
    expect(await sweepAt(h, vn('2027-03-12T08:05'))).toBe(3);
    // Checked: earlyA and doneA (unit A's stamp changed); unit B's rows are trusted as they are.
    // Reads: the two assignments, unit A's and unit B's body rows, the watermark.
    expect(h.runtime.stats.pointReads - before).toBeLessThanOrEqual(5);
    expect(await dispatchOnce(h.runtime, quiet)).toMatchObject({ sent: 3 });
    expect(connector.deliveries.some((d) => d.activityKey === doneKey)).toBe(false);
    expect(
      await indexRow(h, key(earlyA.id, '2027-03-19', 'd-2', h.a.people.a), vn('2027-03-17T21:30')),
    ).not.toBeNull();
    expect(
      await indexRow(h, key(earlyA.id, '2027-03-19', 'd-3', h.a.people.a), vn('2027-03-16T08:00')),
    ).toBeNull();
    expect(
      await indexRow(h, key(earlyB.id, '2027-03-19', 'd-3', h.b.people.a), vn('2027-03-16T08:00')),
    ).not.toBeNull();

    // Tue 16/3: unit B's two "3 days before" are queued but not dispatched before the evening.
    expect(await sweepAt(h, vn('2027-03-16T08:05'))).toBe(2);
    // Wed 17/3 21:35: past the product's 21:00 quiet start, before unit A's 22:00. Unit A's two
    // reminders go out; unit B's late messages wait for its morning (its quiet hours are 21–07).
    expect(await sweepAt(h, vn('2027-03-17T21:35'))).toBe(2);
    expect(await dispatchOnce(h.runtime, quiet)).toMatchObject({ sent: 2, quietHeld: 2 });
    const sentA = connector.deliveries
      .filter((d) => d.tenantId === h.tenantId && d.activityKey.includes(':d-2:'))
      .map((d) => d.activityKey);
    expect(new Set(sentA)).toEqual(
      new Set([
        key(earlyA.id, '2027-03-19', 'd-2', h.a.people.a),
        key(lateA.id, '2027-03-19', 'd-2', h.a.people.a),
      ]),
    );
    h.setNow(vn('2027-03-18T07:00'));
    expect(await dispatchOnce(h.runtime, quiet)).toMatchObject({ sent: 2, quietHeld: 0 });
  });

  it('reads each unit once per sweep run, however many of its rows it handles', async () => {
    const h = await harness(vn('2027-03-10T09:00'));
    await commitUnit(h, h.a.body.unitId, { settings: [SETTINGS_A] });
    const stats = newTableStats();
    const contexts = new UnitPlanContexts(
      new CountingTableClient(h.table(TABLES.units), stats),
      new CountingTableClient(h.table(TABLES.bodies), stats),
      defaultPlanContext(),
    );
    const session = contexts.session(vn('2027-03-10T09:00'));
    // The session needs only a subject's type, tenant and body.
    const subject = (bodyId: string, id: string) =>
      ({ type: 'disclosure', tenantId: h.tenantId, bodyId, id }) as unknown as ReminderSubject;
    const plans = await Promise.all(
      Array.from({ length: 20 }, (_, i) => session.forSubject(subject(h.a.body.id, `d${i}`))),
    );
    expect(plans.every((p) => p.policy.quietHours.start === '22:00')).toBe(true);
    // One body point read and one unit partition query for 20 rows of the unit.
    expect(stats).toMatchObject({ pointReads: 1, queries: 1 });
    const other = await session.forBody(h.tenantId, h.b.body.id);
    expect(other.policy.assignmentOffsets).toEqual(defaultPlanContext().policy.assignmentOffsets);
    expect(stats).toMatchObject({ pointReads: 2, queries: 2 });
    // Before the version's date the same unit plans with the defaults.
    const before = await contexts.session(vn('2027-03-09T23:00')).forBody(h.tenantId, h.a.body.id);
    expect(before.policy.quietHours.start).toBe('21:00');

    // Across changes (one session each), one read serves the cache window, then it is read again.
    let ms = 0;
    const cachedStats = newTableStats();
    const cached = new UnitPlanContexts(
      new CountingTableClient(h.table(TABLES.units), cachedStats),
      new CountingTableClient(h.table(TABLES.bodies), cachedStats),
      defaultPlanContext(),
      30_000,
      () => ms,
    );
    const change = () => cached.session(vn('2027-03-10T09:00')).forBody(h.tenantId, h.a.body.id);
    await change();
    ms = 29_999;
    await change();
    expect(cachedStats).toMatchObject({ pointReads: 1, queries: 1 });
    ms = 30_000;
    await change();
    // The body's unit is known for good; the unit's rows are read again.
    expect(cachedStats).toMatchObject({ pointReads: 1, queries: 2 });
  });
});

describe('unit days off in deadlines and reminders (Azurite)', { timeout: SLOW }, () => {
  it("a unit's own day off moves a working-day deadline by one day; another unit's does not move", async () => {
    assertValidHolidayYear(HOLIDAYS_A);
    const h = await harness(vn('2027-04-26T09:00'));
    await commitUnit(h, h.a.body.unitId, { holidays: [HOLIDAYS_A] });
    const intake = (unit: UnitBody) =>
      intakeCase(
        h.deps,
        { tenantId: h.tenantId, userId: unit.people.head, displayName: 'head' },
        unit.body.id,
        ZIntakeCaseInput.parse({
          kind: 'complaint',
          summary: 'Đề nghị xem xét lại quyết định thu hồi đất',
          instance: 'first',
          citizen: { fullName: 'Hoàng Thị Lan' },
        }),
      );
    // 7 working days from Mon 26/4: 27, 28, (30/4–3/5 off), 4, 5, 6, 7 May → Fri 7/5. Unit A
    // also rests Thu 29/4 and works Sat 8/5 instead: 27, 28, 4, 5, 6, 7, 8 → Sat 8/5.
    const inB = await intake(h.b);
    const inA = await intake(h.a);
    expect(inB.acceptance.deadline).toBe('2027-05-07');
    expect(inA.acceptance.deadline).toBe('2027-05-08');

    // Reminders count the unit's days too. Before Thu 6/5, 7 and 3 days before fall on Thu 29/4
    // and the days off of 30/4–3/5; moved out of them, both meet on the last working day before
    // (one reminder, the later offset's): Thu 29/4 in unit B, Wed 28/4 in unit A, off on the 29th.
    const inAssignA = await assign(h, h.a, '2027-05-06');
    const inAssignB = await assign(h, h.b, '2027-05-06');
    const key = (id: string, owner: string) => `assignment:${id}:2027-05-06:d-3:${owner}`;
    expect(
      await indexRow(h, key(inAssignA.id, h.a.people.a), vn('2027-04-28T08:00')),
    ).not.toBeNull();
    expect(await indexRow(h, key(inAssignA.id, h.a.people.a), vn('2027-04-29T08:00'))).toBeNull();
    expect(
      await indexRow(h, key(inAssignB.id, h.b.people.a), vn('2027-04-29T08:00')),
    ).not.toBeNull();
  });
});

describe('reporting reminders follow the body’s people (Azurite)', { timeout: SLOW }, () => {
  it('creating a body plans them; a new secretary gets them, the one removed no longer does', async () => {
    const h = await harness(vn('2027-06-01T09:00'));
    const { body, people } = h.b;
    // Due 30 June: 14 days before is Wed 16 June 08:00 (30 days before has passed).
    const key = (who: string) => `reporting:${body.id}:halfYearReview:2027:d-14:${who}`;
    const at = vn('2027-06-16T08:00');
    // Planned by createBody itself (the harness created the body through the wrapped repository).
    expect(await indexRow(h, key(people.head), at)).toMatchObject({ verify: false });
    expect(await indexRow(h, key(people.secretary), at)).toMatchObject({ verify: false });
    expect(await indexRow(h, key(people.a), at)).toBeNull();

    // An administrator makes c the secretary and removes the old one (admin-routes.ts's writes).
    const stored = await h.bodies.getBodyHead(h.tenantId, body.id);
    const event = chainAuditEvent(stored!.head, {
      tenantId: h.tenantId,
      aggregateType: 'body',
      aggregateId: body.id,
      action: 'member.added',
      actorId: people.head,
      actorName: 'head',
      at: h.clock.now().toISOString(),
      changes: { member: [null, 'c (secretary)'] },
    });
    const c: Member = {
      tenantId: h.tenantId,
      bodyId: body.id,
      userId: people.c,
      displayName: 'c',
      title: 'Thư ký',
      roles: ['secretary'],
    };
    await h.bodies.commitAdminChange({
      tenantId: h.tenantId,
      bodyId: body.id,
      etag: stored!.etag,
      event,
      putMembers: [c],
      deleteMembers: [people.secretary],
    });
    expect(await indexRow(h, key(people.c), at)).toMatchObject({ verify: false });
    expect(await indexRow(h, key(people.secretary), at)).toBeNull();
    expect(await indexRow(h, key(people.head), at)).not.toBeNull();

    // On the day, the head and the new secretary are reminded; the old secretary is not (4: the
    // other unit's committee has its head and secretary too).
    expect(await sweepAt(h, vn('2027-06-16T08:05'))).toBe(4);
    await dispatchOnce(h.runtime, quiet);
    const to = connector.deliveries
      .filter((d) => d.tenantId === h.tenantId && d.activityKey.startsWith(`reporting:${body.id}:`))
      .map((d) => d.conversationId);
    expect(new Set(to)).toEqual(new Set([`a:${people.head}`, `a:${people.c}`]));
  });

  it('a roster sync that leaves heads and secretaries as they are writes no reminder rows', async () => {
    const h = await harness(vn('2027-06-01T09:00'));
    const { body, people } = h.a;
    const writesBefore = h.runtime.stats.writes;
    const result = await syncRoster(
      h.deps,
      { tenantId: h.tenantId, userId: people.head, displayName: 'head' },
      body.id,
      ZRosterSyncInput.parse({
        source: { kind: 'team', teamId: randomUUID() },
        addAsMembers: true,
      }),
      [
        { userId: people.head, displayName: 'head' },
        { userId: people.c, displayName: 'c' },
      ],
    );
    expect(result.summary).toMatchObject({ added: 1 });
    expect((await h.bodies.getMember(h.tenantId, body.id, people.c))?.roles).toEqual(['member']);
    // The series (head and secretary) is unchanged, so the index is not touched.
    expect(h.runtime.stats.writes).toBe(writesBefore);
    const key = `reporting:${body.id}:halfYearReview:2027:d-14:${people.c}`;
    expect(await indexRow(h, key, vn('2027-06-16T08:00'))).toBeNull();
  });

  it('a rename alone writes no reminder rows', async () => {
    const h = await harness(vn('2027-06-01T09:00'));
    const stored = await h.bodies.getBodyHead(h.tenantId, h.a.body.id);
    const event = chainAuditEvent(stored!.head, {
      tenantId: h.tenantId,
      aggregateType: 'body',
      aggregateId: h.a.body.id,
      action: 'body.renamed',
      actorId: h.a.people.head,
      actorName: 'head',
      at: h.clock.now().toISOString(),
      changes: { name: ['Ban Chỉ đạo', 'Ban Chỉ đạo QCDC'] },
    });
    const writesBefore = h.runtime.stats.writes;
    await h.bodies.commitAdminChange({
      tenantId: h.tenantId,
      bodyId: h.a.body.id,
      etag: stored!.etag,
      event,
      name: 'Ban Chỉ đạo QCDC',
    });
    expect(h.runtime.stats.writes).toBe(writesBefore);
  });
});
