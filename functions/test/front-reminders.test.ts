import { TableClient } from '@azure/data-tables';
import {
  addRecommendation,
  approveRecommendationResponse,
  assignCase,
  createConsultation,
  createDisclosure,
  citizenCaseReminderSubject,
  closeConsultation,
  decideCaseAcceptance,
  defaultPlanContext,
  extendCase,
  planReminders,
  ZCloseConsultationInput,
  ZExtendCaseInput,
  draftRecommendationResponse,
  endDisclosure,
  recommendationLateness,
  intakeCase,
  postDisclosure,
  resolveCase,
  sendConsultation,
  ZAddRecommendationInput,
  ZApproveResponseInput,
  ZAssignCaseInput,
  ZCreateConsultationInput,
  ZCreateDisclosureInput,
  ZDecideCaseAcceptanceInput,
  ZDraftResponseInput,
  ZEndDisclosureInput,
  ZIntakeCaseInput,
  ZPostDisclosureInput,
  ZResolveCaseInput,
  ZSendConsultationInput,
  type Body,
  type BodyRole,
  type Clock,
  type UseCaseDeps,
} from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBody } from '../src/dev/seed-demo-data';
import { withFrontReminders } from '../src/jobs/front-reminder-hooks';
import { planReportingReminders } from '../src/jobs/reporting-reminders';
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
import { TableCaseRepository } from '../src/store/case-store';
import { TableConsultationRepository } from '../src/store/consultation-store';
import { TableConversationRepository } from '../src/store/conversation-store';
import { TableDisclosureRepository } from '../src/store/disclosure-store';
import { dueIndexKeys } from '../src/store/due-index-store';
import { TableMeetingRepository } from '../src/store/meeting-store';
import { TABLES, type TableName } from '../src/store/table-names';
import {
  startBotConnectorStandIn,
  type BotConnectorStandIn,
} from './support/bot-connector-stand-in';

/** Sweeps catch up hour by hour over weeks of simulated time: more than the default 30 s. */
const SLOW = 90_000;

/** Vietnam wall-clock time → instant. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const CITIZEN = 'Hoàng Thị Lan';
const CONTENT = 'Đề nghị xem xét lại quyết định thu hồi đất của thửa số 12';

let connector: BotConnectorStandIn;
beforeAll(async () => {
  connector = await startBotConnectorStandIn();
});
afterAll(async () => {
  await connector?.close();
});

interface Harness {
  runtime: ReminderRuntime;
  deps: UseCaseDeps;
  setNow(instant: Date): void;
  body: Body;
  people: Record<'head' | 'secretary' | 'a' | 'b', string>;
  table(name: TableName): TableClient;
}

/** Own tables, tenant and body; a clock the test moves; repositories wrapped as in production. */
async function harness(start: Date, kind: Body['kind'] = 'steeringCommittee'): Promise<Harness> {
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
    },
    clock,
    log: quiet,
    plan: defaultPlanContext(),
    sender: new BotConnectorSender({ tokens: noBotToken, requestTimeoutMs: 2_000 }),
    dispatchOptions: { quickBackoffMs: 20 },
  });
  const tenantId = randomUUID();
  const body: Body = {
    tenantId,
    unitId: 'ubnd-xa-test',
    unitName: 'UBND xã Thử Nghiệm',
    id: `bcd-${suffix}`,
    kind,
    name: 'Ban Chỉ đạo',
  };
  const people = { head: randomUUID(), secretary: randomUUID(), a: randomUUID(), b: randomUUID() };
  const roles: Record<keyof typeof people, BodyRole[]> = {
    head: ['head'],
    secretary: ['secretary'],
    a: ['member'],
    b: ['member'],
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
  const conversations = new TableConversationRepository(table);
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
  const ulid = monotonicFactory();
  const deps: UseCaseDeps = {
    bodies,
    meetings: new TableMeetingRepository(table),
    assignments: new TableAssignmentRepository(table),
    ...withFrontReminders(
      {
        consultations: new TableConsultationRepository(table),
        cases: new TableCaseRepository(table),
        disclosures: new TableDisclosureRepository(table),
      },
      runtime.scheduler,
      bodies,
    ),
    clock,
    ids: { next: () => ulid(now.getTime()) },
    reminders: runtime.scheduler,
  };
  return { runtime, deps, setNow: (t) => (now = t), body, people, table };
}

const actor = (h: Harness, userId: string) => ({
  tenantId: h.body.tenantId,
  userId,
  displayName: 'x',
});

/** The index row of a reminder, if it is there (a point read: partition and row from key and time). */
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

/** Sweeps until the watermark has caught up with `at` (an outage catch-up takes several runs). */
async function sweepAt(h: Harness, at: Date) {
  h.setNow(at);
  let enqueued = 0;
  for (let i = 0; i < 10; i++) {
    const result = await sweepOnce(h.runtime, quiet);
    enqueued += result.enqueued;
    if (result.hours === 0 || Date.parse(result.watermark) >= at.getTime() - 3_600_000) break;
  }
  await dispatchOnce(h.runtime, quiet);
  return enqueued;
}

/** Texts delivered to this tenant whose idempotency key starts with `prefix`. */
function deliveredTexts(h: Harness, prefix: string): string[] {
  return connector.deliveries
    .filter((d) => d.tenantId === h.body.tenantId && d.activityKey.startsWith(prefix))
    .map((d) => JSON.stringify(d.activity));
}

describe('Front recommendation reminders (Azurite)', { timeout: SLOW }, () => {
  it('walks a critique from draft to every recommendation answered; the late one is flagged', async () => {
    const h = await harness(vn('2027-01-05T10:00'));
    const { head, a, b } = h.people;
    const consultation = await createConsultation(
      h.deps,
      actor(h, head),
      h.body.id,
      ZCreateConsultationInput.parse({
        kind: 'socialCritique',
        title: 'Phản biện dự thảo quy hoạch xã',
        documentTitle: 'Dự thảo quy hoạch chung xã',
        frontName: 'Ủy ban MTTQ Việt Nam xã Thử Nghiệm',
        referenceOn: '2027-01-30',
      }),
    );
    const sent = await sendConsultation(
      h.deps,
      actor(h, head),
      h.body.id,
      consultation.id,
      ZSendConsultationInput.parse({ version: consultation.version, sentOn: '2027-01-05' }),
    );
    expect(sent.status).toBe('sent');
    const add = (ownerId: string, text: string) =>
      addRecommendation(
        h.deps,
        actor(h, head),
        h.body.id,
        consultation.id,
        ZAddRecommendationInput.parse({ text, ownerId }),
      );
    const r1 = await add(a, 'Đề nghị công khai phương án bồi thường');
    const r2 = await add(b, 'Đề nghị bổ sung đất cây xanh');
    // 30 days from 5 Jan end on 4 Feb, a Tết day off (4-10 Feb 2027): moved to Thu 11 Feb.
    expect(r1.deadline).toBe('2027-02-11');
    // Each owner's next reminder is in the index, confirmed: 7, 3 and 1 days before all fall in
    // Tết, so they collapse onto Wed 3 Feb 08:00.
    const r1Key = `recommendation:${r1.id}:2027-02-11:d-1:${a}`;
    const r2Key = `recommendation:${r2.id}:2027-02-11:d-1:${b}`;
    expect(await indexRow(h, r1Key, vn('2027-02-03T08:00'))).toMatchObject({ verify: false });
    expect(await indexRow(h, r2Key, vn('2027-02-03T08:00'))).toMatchObject({ verify: false });

    // r1 is answered on 20 Jan: drafted (the head now holds it), approved (nothing left).
    h.setNow(vn('2027-01-20T09:00'));
    const drafted = await draftRecommendationResponse(
      h.deps,
      actor(h, a),
      h.body.id,
      consultation.id,
      r1.id,
      ZDraftResponseInput.parse({ version: r1.version, kind: 'accepted', text: 'Tiếp thu.' }),
    );
    expect(await indexRow(h, r1Key, vn('2027-02-03T08:00'))).toBeNull();
    const headKey = `recommendation:${r1.id}:2027-02-11:d-1:${head}`;
    expect(await indexRow(h, headKey, vn('2027-02-03T08:00'))).not.toBeNull();
    const answered = await approveRecommendationResponse(
      h.deps,
      actor(h, head),
      h.body.id,
      consultation.id,
      r1.id,
      ZApproveResponseInput.parse({ version: drafted.version }),
    );
    expect(answered.status).toBe('responded');
    expect(recommendationLateness(answered, vn('2027-03-01T09:00'))).toEqual({
      late: false,
      onTime: true,
    });
    expect(await indexRow(h, headKey, vn('2027-02-03T08:00'))).toBeNull();

    // r2 stays open: b hears on 3 Feb, on the day, and from 12 Feb daily; the head once on 12 Feb.
    expect(await sweepAt(h, vn('2027-02-03T08:05'))).toBe(1);
    await sweepAt(h, vn('2027-02-11T08:05'));
    await sweepAt(h, vn('2027-02-12T08:05'));
    const toB = deliveredTexts(h, `recommendation:${r2.id}`);
    expect(toB.length).toBe(4);
    expect(toB[0]).toContain('kiến nghị số 2');
    expect(toB.some((t) => t.includes('đã quá hạn trả lời 1 ngày'))).toBe(true);
    expect(deliveredTexts(h, `recommendation:${r2.id}:2027-02-11:esc+1:${head}`)).toHaveLength(1);
    expect(deliveredTexts(h, `recommendation:${r1.id}`)).toEqual([]);

    // Answered late on 15 Feb: flagged late, and the daily reminders stop.
    h.setNow(vn('2027-02-15T09:00'));
    const current = (await h.deps.consultations!.getRecommendation(
      h.body.tenantId,
      h.body.id,
      consultation.id,
      r2.id,
    ))!.value;
    const d2 = await draftRecommendationResponse(
      h.deps,
      actor(h, b),
      h.body.id,
      consultation.id,
      r2.id,
      ZDraftResponseInput.parse({
        version: current.version,
        kind: 'explained',
        text: 'Giải trình.',
      }),
    );
    const late = await approveRecommendationResponse(
      h.deps,
      actor(h, head),
      h.body.id,
      consultation.id,
      r2.id,
      ZApproveResponseInput.parse({ version: d2.version }),
    );
    expect(late.respondedOn).toBe('2027-02-15');
    expect(recommendationLateness(late, vn('2027-02-15T09:00'))).toEqual({
      late: true,
      onTime: false,
    });
    const before = deliveredTexts(h, `recommendation:${r2.id}`).length;
    await sweepAt(h, vn('2027-02-16T08:05'));
    await sweepAt(h, vn('2027-02-17T08:05'));
    expect(deliveredTexts(h, `recommendation:${r2.id}`).length).toBe(before);
  });
});

describe('citizen case reminders (Azurite)', { timeout: SLOW }, () => {
  it('takes a complaint from intake to resolution; reminders carry the number only', async () => {
    const h = await harness(vn('2027-02-01T09:00'));
    const { head, a } = h.people;
    const intake = await intakeCase(
      h.deps,
      actor(h, head),
      h.body.id,
      ZIntakeCaseInput.parse({
        kind: 'complaint',
        summary: CONTENT,
        instance: 'first',
        citizen: { fullName: CITIZEN, address: 'Thôn Bản Chu' },
      }),
    );
    // Law 136/2025 (from 1 Jul 2026): 7 working days, Tết (4-10 Feb 2027) skipped.
    expect(intake.acceptance.deadline).toBe('2027-02-17');
    // No handler yet: the head decides and is reminded (7 days before falls in Tết: 3 Feb).
    const headKey = `case:${intake.id}:acceptance:2027-02-17:d-7:${head}`;
    expect(await indexRow(h, headKey, vn('2027-02-03T08:00'))).toMatchObject({ verify: false });
    const assigned = await assignCase(
      h.deps,
      actor(h, head),
      h.body.id,
      intake.id,
      ZAssignCaseInput.parse({ version: intake.version, handlerIds: [a] }),
    );
    expect(await indexRow(h, headKey, vn('2027-02-03T08:00'))).toBeNull();
    const handlerKey = `case:${intake.id}:acceptance:2027-02-17:d-7:${a}`;
    expect(await indexRow(h, handlerKey, vn('2027-02-03T08:00'))).not.toBeNull();

    expect(await sweepAt(h, vn('2027-02-03T08:05'))).toBe(1);
    const [text] = deliveredTexts(h, `case:${intake.id}`);
    expect(text).toContain(intake.number);
    expect(text).toContain('thụ lý');
    // Confidentiality (Law 25/2018 Art. 47; docs/citizens-and-front.md): neither the outbox row
    // nor what reached Teams names the citizen or says what the case is about.
    const outboxRow = await h.runtime.outbox.getMessage(handlerKey);
    expect(outboxRow).not.toBeNull();
    for (const stored of [JSON.stringify(outboxRow), text!]) {
      expect(stored).not.toContain(CITIZEN);
      expect(stored).not.toContain('Hoàng');
      expect(stored).not.toContain('thu hồi đất');
      expect(stored).not.toContain('Bản Chu');
    }

    // Accepted on 12 Feb: the acceptance series ends, the resolution series starts.
    h.setNow(vn('2027-02-12T10:00'));
    const accepted = await decideCaseAcceptance(
      h.deps,
      actor(h, head),
      h.body.id,
      intake.id,
      ZDecideCaseAcceptanceInput.parse({ version: assigned.version, decision: 'accept' }),
    );
    const deadline = accepted.resolution!.deadline;
    // 30 days from 12 Feb (Law 02/2011 Art. 28) end on Sun 14 Mar: moved to Mon 15 Mar.
    expect(deadline).toBe('2027-03-15');
    // The acceptance reminder still due this morning is checked against the case and dropped.
    await sweepAt(h, vn('2027-02-12T10:05'));
    expect(deliveredTexts(h, `case:${intake.id}:acceptance:2027-02-17:d-3`)).toEqual([]);
    const resolutionKey = `case:${intake.id}:resolution:${deadline}:d-7:${a}`;
    expect(await indexRow(h, resolutionKey, vn('2027-03-08T08:00'))).not.toBeNull();

    // Resolved on time: nothing more is planned or sent.
    h.setNow(vn('2027-03-05T10:00'));
    const resolved = await resolveCase(
      h.deps,
      actor(h, a),
      h.body.id,
      intake.id,
      ZResolveCaseInput.parse({
        version: accepted.version,
        outcome: 'notUpheld',
        text: 'Giữ nguyên quyết định.',
      }),
    );
    expect(resolved.status).toBe('resolved');
    expect(await indexRow(h, resolutionKey, vn('2027-03-08T08:00'))).toBeNull();
  });

  it('an overdue acceptance reaches the head as an escalation, still by number only', async () => {
    const h = await harness(vn('2027-02-01T09:00'));
    const { head, a } = h.people;
    const intake = await intakeCase(
      h.deps,
      actor(h, h.people.secretary),
      h.body.id,
      ZIntakeCaseInput.parse({
        kind: 'feedback',
        summary: CONTENT,
        citizen: { fullName: CITIZEN },
      }),
    );
    await assignCase(
      h.deps,
      actor(h, head),
      h.body.id,
      intake.id,
      ZAssignCaseInput.parse({ version: intake.version, handlerIds: [a] }),
    );
    const deadline = intake.acceptance.deadline;
    for (const day of ['2027-02-03', '2027-02-12', '2027-02-15', '2027-02-16', '2027-02-17']) {
      await sweepAt(h, vn(`${day}T08:05`));
    }
    // Law 42/2013 Art. 28: 10 working days from 1 Feb, across Tết: Mon 22 Feb.
    expect(deadline).toBe('2027-02-22');
    await sweepAt(h, vn('2027-02-23T08:05'));
    const escalation = deliveredTexts(h, `case:${intake.id}:acceptance:${deadline}:esc+1:${head}`);
    expect(escalation).toHaveLength(1);
    expect(escalation[0]).toContain(intake.number);
    expect(escalation[0]).not.toContain(CITIZEN);
  });
});

describe('replanning and cancelling (Azurite)', { timeout: SLOW }, () => {
  it('an extension of a denunciation moves the series to the new deadline (Law 25/2018 Art. 30)', async () => {
    const h = await harness(vn('2027-03-01T09:00'));
    const { head, a } = h.people;
    const intake = await intakeCase(
      h.deps,
      actor(h, head),
      h.body.id,
      ZIntakeCaseInput.parse({ kind: 'denunciation', summary: CONTENT }),
    );
    const assigned = await assignCase(
      h.deps,
      actor(h, head),
      h.body.id,
      intake.id,
      ZAssignCaseInput.parse({ version: intake.version, handlerIds: [a] }),
    );
    const accepted = await decideCaseAcceptance(
      h.deps,
      actor(h, head),
      h.body.id,
      intake.id,
      ZDecideCaseAcceptanceInput.parse({ version: assigned.version, decision: 'accept' }),
    );
    // 30 days from acceptance on 1 March 2027 (Art. 30(1)): Wed 31 March.
    expect(accepted.resolution!.deadline).toBe('2027-03-31');
    const oldKey = `case:${intake.id}:resolution:2027-03-31:d-7:${a}`;
    expect(await indexRow(h, oldKey, vn('2027-03-24T08:00'))).not.toBeNull();

    h.setNow(vn('2027-03-20T09:00'));
    const extended = await extendCase(
      h.deps,
      actor(h, head),
      h.body.id,
      intake.id,
      ZExtendCaseInput.parse({
        version: accepted.version,
        reason: 'Vụ việc phức tạp, cần xác minh thêm',
        complexity: 'complex',
      }),
    );
    const deadline = extended.resolution!.deadline;
    // +30 days from 31 March ends on Fri 30 April (Reunification Day), then 1 May, a Sunday and the
    // Monday in lieu of 1 May: the limit moves to Tue 4 May.
    expect(deadline).toBe('2027-05-04');
    expect(await indexRow(h, oldKey, vn('2027-03-24T08:00'))).toBeNull();
    // The handler's next reminder is the new series' first, as core plans it.
    const next = planReminders(citizenCaseReminderSubject(extended, [head]), defaultPlanContext())
      .filter((r) => r.recipientId === a)
      .find((r) => r.dueAt > vn('2027-03-20T09:00').toISOString())!;
    expect(next.key).toBe(`case:${intake.id}:resolution:${deadline}:d-7:${a}`);
    expect(await indexRow(h, next.key, new Date(next.dueAt))).not.toBeNull();
  });

  it('closing a consultation ends the reminders of its unanswered recommendations', async () => {
    const h = await harness(vn('2027-03-01T09:00'));
    const { head, a } = h.people;
    const created = await createConsultation(
      h.deps,
      actor(h, head),
      h.body.id,
      ZCreateConsultationInput.parse({
        kind: 'supervision',
        title: 'Giám sát công khai tài chính',
        documentTitle: 'Báo cáo công khai tài chính',
        frontName: 'Ủy ban MTTQ Việt Nam xã Thử Nghiệm',
      }),
    );
    const sent = await sendConsultation(
      h.deps,
      actor(h, head),
      h.body.id,
      created.id,
      ZSendConsultationInput.parse({ version: created.version }),
    );
    const r = await addRecommendation(
      h.deps,
      actor(h, head),
      h.body.id,
      created.id,
      ZAddRecommendationInput.parse({ text: 'Công khai các khoản thu', ownerId: a }),
    );
    // 30 days from 1 March: Wed 31 March; 7 days before: Wed 24 March.
    const key = `recommendation:${r.id}:2027-03-31:d-7:${a}`;
    expect(await indexRow(h, key, vn('2027-03-24T08:00'))).not.toBeNull();
    const current = (await h.deps.consultations!.getConsultation(
      h.body.tenantId,
      h.body.id,
      created.id,
    ))!.value;
    expect(current.version).toBeGreaterThan(sent.version);
    await closeConsultation(
      h.deps,
      actor(h, head),
      h.body.id,
      created.id,
      ZCloseConsultationInput.parse({ version: current.version }),
    );
    expect(await indexRow(h, key, vn('2027-03-24T08:00'))).toBeNull();
  });
});

describe('disclosure reminders (Azurite)', () => {
  it('reminds before the start day, moves to the end once posted, stops once ended', async () => {
    const h = await harness(vn('2027-02-20T09:00'));
    const { secretary } = h.people;
    const planned = await createDisclosure(
      h.deps,
      actor(h, secretary),
      h.body.id,
      ZCreateDisclosureInput.parse({
        title: 'Công khai dự toán ngân sách xã năm 2027',
        channels: ['headquarters'],
        startOn: '2027-03-01',
      }),
    );
    expect(planned.endOn).toBe('2027-03-31');
    const startKey = `disclosure:${planned.id}:start:2027-03-01:d-1:${secretary}`;
    expect(await indexRow(h, startKey, vn('2027-02-26T08:00'))).toMatchObject({ verify: false });
    expect(await sweepAt(h, vn('2027-02-26T08:05'))).toBe(1);
    expect(deliveredTexts(h, startKey)[0]).toContain('phải bắt đầu công khai ngày 01/03/2027');

    h.setNow(vn('2027-03-01T07:30'));
    const posted = await postDisclosure(
      h.deps,
      actor(h, secretary),
      h.body.id,
      planned.id,
      ZPostDisclosureInput.parse({ version: planned.version }),
    );
    const d0Start = `disclosure:${planned.id}:start:2027-03-01:d0:${secretary}`;
    expect(await indexRow(h, d0Start, vn('2027-03-01T08:00'))).toBeNull();
    const endKey = `disclosure:${planned.id}:end:2027-03-31:d-1:${secretary}`;
    expect(await indexRow(h, endKey, vn('2027-03-30T08:00'))).not.toBeNull();

    h.setNow(vn('2027-03-20T09:00'));
    await endDisclosure(
      h.deps,
      actor(h, secretary),
      h.body.id,
      planned.id,
      ZEndDisclosureInput.parse({ version: posted.version }),
    );
    expect(await indexRow(h, endKey, vn('2027-03-30T08:00'))).toBeNull();
  });
});

describe('reporting deadline reminders (Azurite)', { timeout: SLOW }, () => {
  it('reminds head and secretary before the half-year review, then chains the next one', async () => {
    const h = await harness(vn('2027-06-01T09:00'));
    const { head, secretary } = h.people;
    const subject = await planReportingReminders(h.deps, h.body.tenantId, h.body.id);
    expect(subject).toMatchObject({ duties: ['halfYearReview', 'yearEndReview'], fromYear: 2026 });
    expect(new Set(subject!.workers)).toEqual(new Set([head, secretary]));
    // Due 30 June (the H1 period's last day, unit default): 30 days before has passed, so each
    // person's next one is 14 days before, Wed 16 June 08:00.
    const key = (who: string, label: string) =>
      `reporting:${h.body.id}:halfYearReview:2027:${label}:${who}`;
    expect(await indexRow(h, key(head, 'd-14'), vn('2027-06-16T08:00'))).toMatchObject({
      verify: false,
    });
    expect(await sweepAt(h, vn('2027-06-16T08:05'))).toBe(2);
    const [text] = deliveredTexts(h, key(head, 'd-14'));
    expect(text).toContain('Báo cáo sơ kết 6 tháng thực hiện dân chủ ở cơ sở năm 2027');
    expect(text).toContain('hạn ngày 30/06/2027 (còn 14 ngày)');
    // The sweep chained the next one (7 days before) for each of them.
    expect(await indexRow(h, key(secretary, 'd-7'), vn('2027-06-23T08:00'))).not.toBeNull();
  });

  it('a staff conference body is reminded of the conference by 31 March (Law 10/2022 Art. 51)', async () => {
    const h = await harness(vn('2027-02-20T09:00'), 'staffConference');
    const subject = await planReportingReminders(h.deps, h.body.tenantId, h.body.id);
    expect(subject?.duties).toEqual(['staffConference', 'resolutionReview']);
    // 30 days before 31 March 2027 is Mon 1 March.
    const key = `reporting:${h.body.id}:staffConference:2026:d-30:${h.people.head}`;
    expect(await indexRow(h, key, vn('2027-03-01T08:00'))).not.toBeNull();
  });
});
