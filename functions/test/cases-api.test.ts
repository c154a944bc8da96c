import { odata, TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { DevHost } from '../src/dev/host';
import { TABLES } from '../src/store/table-names';
import { apiAs, createTestBody, startTestHost, type TestBody } from './support/api-harness';

let host: DevHost;
let fixture: TestBody;
let other: TestBody;

beforeAll(async () => {
  host = await startTestHost();
  [fixture, other] = await Promise.all([createTestBody(), createTestBody()]);
});
afterAll(async () => {
  await host?.stop();
});

const base = () => `/api/bodies/${fixture.body.id}/cases`;
const CITIZEN = 'Hoàng Thị Lan';
const CONTENT = 'Đề nghị xem xét lại quyết định thu hồi đất của thửa số 12';

function table(name: string) {
  return TableClient.fromConnectionString(inject('storageConnection'), name, {
    allowInsecureConnection: true,
  });
}

/** Every row (with its etag) of the fixture's case partition and its people's index partitions. */
async function snapshot(): Promise<string[]> {
  const rows: string[] = [];
  const partitions: [string, string][] = [
    [TABLES.cases, `${fixture.body.tenantId}~${fixture.body.unitId}`],
    ...Object.values(fixture.users).map(
      (u) => [TABLES.userCases, `${u.tenantId}~${u.userId}`] as [string, string],
    ),
  ];
  for (const [name, partitionKey] of partitions) {
    const entities = table(name).listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    });
    for await (const e of entities) rows.push(`${name}/${e.partitionKey}/${e.rowKey}@${e.etag}`);
  }
  return rows.sort();
}

async function auditActions(caseId: string): Promise<string[]> {
  const pk = `${fixture.body.tenantId}~${fixture.body.unitId}`;
  const entities = table(TABLES.cases).listEntities<{ action: string; seq: number }>({
    queryOptions: {
      filter: odata`PartitionKey eq ${pk} and RowKey ge ${`audit~${caseId}~`} and RowKey lt ${`audit~${caseId}~~`}`,
    },
  });
  const events: { action: string; seq: number }[] = [];
  for await (const e of entities) events.push(e);
  return events.sort((a, b) => a.seq - b.seq).map((e) => e.action);
}

describe('citizen cases over the API (Azurite)', () => {
  it('walks a complaint from intake to resolution on the Law 02/2011 limits', async () => {
    const { secretary, head, member } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        kind: 'complaint',
        summary: CONTENT,
        receivedOn: '2026-11-02',
        decisionKnownOn: '2026-10-20',
        citizen: { fullName: CITIZEN, phone: '0912 000 111' },
      },
    });
    expect(created.status).toBe(201);
    const c = created.json.case;
    expect(c.number).toMatch(/^KN-\d{4}-\d{4}$/);
    // Received Mon 2 Nov 2026 (after 1 Jul 2026): 7 working days → Wed 11 Nov.
    expect(c.acceptance).toMatchObject({
      deadline: '2026-11-11',
      rule: { amount: 7, unit: 'workingDays' },
    });
    expect(c.filing).toMatchObject({ deadline: '2027-01-18', late: false });
    expect(c.summary).toBeUndefined();
    expect(JSON.stringify(created.json)).not.toContain(CITIZEN);

    const accepted = await apiAs(host, head)(`${base()}/${c.id}/acceptance`, {
      method: 'POST',
      body: { version: 1, decision: 'accept', decidedOn: '2026-11-05' },
    });
    expect(accepted.status).toBe(200);
    // 30 days from Thu 5 Nov (Art. 28) → Sat 5 Dec, a day off → Mon 7 Dec.
    expect(accepted.json.case.resolution).toMatchObject({ deadline: '2026-12-07', extensions: [] });
    const assigned = await apiAs(host, head)(`${base()}/${c.id}/assignment`, {
      method: 'POST',
      body: { version: 2, handlerIds: [member.userId] },
    });
    expect(assigned.json.case.handlerIds).toEqual([member.userId]);
    const mine = await apiAs(host, member)('/api/me/cases');
    expect(mine.json.cases.map((x: { number: string }) => x.number)).toEqual([c.number]);
    expect(JSON.stringify(mine.json)).not.toContain(CITIZEN);
    expect(JSON.stringify(mine.json)).not.toContain(CONTENT);

    const resolved = await apiAs(host, member)(`${base()}/${c.id}/resolution`, {
      method: 'POST',
      body: {
        version: 3,
        outcome: 'notUpheld',
        text: 'Giữ nguyên quyết định.',
        resolvedOn: '2026-11-20',
      },
    });
    expect(resolved.json.case).toMatchObject({
      status: 'resolved',
      resolutionLate: false,
      acceptanceLate: false,
      overdue: false,
    });
    const audit = await apiAs(host, head)(`${base()}/${c.id}/audit`);
    expect(audit.json.verified).toBe(true);
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual([
      'case.received',
      'case.accepted',
      'case.assigned',
      'case.resolved',
    ]);
  });

  it('extends a denunciation twice (especially complex) and refuses a third', async () => {
    const { secretary, head } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        kind: 'denunciation',
        summary: CONTENT,
        receivedOn: '2026-10-01',
        citizen: { fullName: CITIZEN },
      },
    });
    const id = created.json.case.id;
    expect(created.json.case.number).toMatch(/^TC-/);
    // Thu 1 Oct + 7 working days (Art. 24) → Mon 12 Oct.
    expect(created.json.case.acceptance.deadline).toBe('2026-10-12');
    const accepted = await apiAs(host, head)(`${base()}/${id}/acceptance`, {
      method: 'POST',
      body: { version: 1, decision: 'accept', decidedOn: '2026-10-05' },
    });
    expect(accepted.json.case.resolution.deadline).toBe('2026-11-04');
    const extend = (version: number, body: Record<string, unknown> = {}) =>
      apiAs(host, head)(`${base()}/${id}/extensions`, {
        method: 'POST',
        body: { version, reason: 'Cần xác minh thêm tại nhiều địa điểm', ...body },
      });
    const refused = await extend(2);
    expect([refused.status, refused.json.error.code]).toEqual([409, 'CASE.EXTENSION_NOT_ALLOWED']);
    const first = await extend(2, { complexity: 'especiallyComplex' });
    expect(first.json.case.resolution.deadline).toBe('2026-12-04');
    const second = await extend(3);
    // 4 Dec + 30 = Sun 3 Jan 2027 → Mon 4 Jan.
    expect(second.json.case.resolution).toMatchObject({
      deadline: '2027-01-04',
      originalDeadline: '2026-11-04',
    });
    expect(second.json.case.resolution.extensions.map((e: { number: number }) => e.number)).toEqual(
      [1, 2],
    );
    const third = await extend(4);
    expect([third.status, third.json.error.code]).toEqual([409, 'CASE.EXTENSION_NOT_ALLOWED']);
    expect(third.json.error.messages.vi).toContain('Art. 30(1)');
  });

  it('keeps cases confidential: only head, handlers and recorder; identity apart; every view audited', async () => {
    const { secretary, head, member, observer } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        kind: 'denunciation',
        summary: CONTENT,
        citizen: { fullName: CITIZEN, idNumber: '001099012345' },
      },
    });
    const id = created.json.case.id;
    for (const user of [member, observer]) {
      const view = await apiAs(host, user)(`${base()}/${id}`);
      expect([view.status, view.json.error.code]).toEqual([404, 'CASE.NOT_FOUND']);
      const identity = await apiAs(host, user)(`${base()}/${id}/identity`);
      expect(identity.status).toBe(404);
    }
    const seenByRecorder = await apiAs(host, secretary)(`${base()}/${id}`);
    expect(seenByRecorder.json.case).toMatchObject({
      summary: CONTENT,
      parties: ['recorder'],
      hasIdentity: true,
    });
    expect(JSON.stringify(seenByRecorder.json)).not.toContain(CITIZEN);
    const recorderIdentity = await apiAs(host, secretary)(`${base()}/${id}/identity`);
    expect([recorderIdentity.status, recorderIdentity.json.error.code]).toEqual([
      403,
      'PERMISSION.DENIED',
    ]);
    const headIdentity = await apiAs(host, head)(`${base()}/${id}/identity`);
    expect(headIdentity.json.identity).toMatchObject({
      fullName: CITIZEN,
      idNumber: '001099012345',
    });
    await apiAs(host, head)(`${base()}/${id}`);

    expect(await auditActions(id)).toEqual([
      'case.received',
      'case.viewed',
      'case.identityViewed',
      'case.viewed',
    ]);
    const headList = await apiAs(host, head)(base());
    expect(headList.json.cases.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(headList.json)).not.toContain(CITIZEN);
    expect(JSON.stringify(headList.json)).not.toContain(CONTENT);
    expect((await apiAs(host, observer)(base())).json.cases).toEqual([]);
    const stats = await apiAs(host, observer)(`/api/bodies/${fixture.body.id}/case-stats`);
    expect(stats.status).toBe(200);
    expect(Object.keys(stats.json.stats).sort()).toEqual([
      'byKind',
      'dueSoon',
      'open',
      'overdue',
      'rejected',
      'resolved',
      'resolvedLate',
      'total',
    ]);
    expect(stats.json.stats.total).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(stats.json)).not.toMatch(/KN-|TC-|PA-/);
    // Lists are not views: no audit event for them.
    expect(await auditActions(id)).toHaveLength(4);
  });

  it('answers other tenants 404 and bad input 4xx, with storage unchanged', async () => {
    const { secretary, head, member } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: { kind: 'complaint', summary: CONTENT },
    });
    const id = created.json.case.id;
    const before = await snapshot();
    const cases: [ReturnType<typeof apiAs>, string, string, unknown, number, string][] = [
      [apiAs(host, secretary), 'POST', base(), '{not json', 400, 'VALIDATION.FAILED'],
      [
        apiAs(host, secretary),
        'POST',
        base(),
        { kind: 'rumour', summary: 'x' },
        400,
        'VALIDATION.FAILED',
      ],
      [
        apiAs(host, secretary),
        'POST',
        base(),
        { kind: 'complaint', summary: 'x', receivedOn: '2099-01-01' },
        400,
        'DATE.IN_FUTURE',
      ],
      [
        apiAs(host, secretary),
        'POST',
        base(),
        { kind: 'complaint', summary: 'x', complexity: 'especiallyComplex' },
        400,
        'DEADLINE.RULE_NOT_FOUND',
      ],
      [
        apiAs(host, secretary),
        'POST',
        base(),
        { kind: 'complaint', summary: 'x', receivedOn: '2012-06-30' },
        400,
        'DEADLINE.RULE_NOT_FOUND',
      ],
      [
        apiAs(host, fixture.users.observer),
        'POST',
        base(),
        { kind: 'feedback', summary: 'x' },
        403,
        'PERMISSION.DENIED',
      ],
      [
        apiAs(host, secretary),
        'POST',
        `${base()}/${id}/acceptance`,
        { version: 1, decision: 'accept' },
        403,
        'PERMISSION.DENIED',
      ],
      [
        apiAs(host, head),
        'POST',
        `${base()}/${id}/acceptance`,
        { version: 1, decision: 'reject' },
        400,
        'CASE.REASON_REQUIRED',
      ],
      [
        apiAs(host, head),
        'POST',
        `${base()}/${id}/acceptance`,
        { version: 7, decision: 'accept' },
        409,
        'CONCURRENCY.CONFLICT',
      ],
      [
        apiAs(host, head),
        'POST',
        `${base()}/${id}/resolution`,
        { version: 1, outcome: 'upheld', text: 'x' },
        409,
        'CASE.TRANSITION_NOT_ALLOWED',
      ],
      [
        apiAs(host, head),
        'POST',
        `${base()}/${id}/assignment`,
        { version: 1, handlerIds: [fixture.outsider.userId] },
        400,
        'CASE.HANDLER_NOT_MEMBER',
      ],
      [
        apiAs(host, member),
        'POST',
        `${base()}/${id}/assignment`,
        { version: 1, handlerIds: [member.userId] },
        404,
        'CASE.NOT_FOUND',
      ],
      [
        apiAs(host, head),
        'POST',
        `${base()}/bad~id/acceptance`,
        { version: 1, decision: 'accept' },
        400,
        'VALIDATION.FAILED',
      ],
      [
        apiAs(host, other.users.head),
        'POST',
        `${base()}/${id}/acceptance`,
        { version: 1, decision: 'accept' },
        404,
        'BODY.NOT_FOUND',
      ],
      [
        apiAs(host, other.users.head),
        'POST',
        base(),
        { kind: 'complaint', summary: 'x' },
        404,
        'BODY.NOT_FOUND',
      ],
    ];
    for (const [api, method, path, body, status, code] of cases) {
      const response = await api(path, { method, body });
      expect([path, response.status, response.json.error.code]).toEqual([path, status, code]);
      expect(response.json.error.messages.vi).toBeTruthy();
      expect(response.json.error.messages.en).toBeTruthy();
    }
    const stale = await apiAs(host, head)(`${base()}/${id}/acceptance`, {
      method: 'POST',
      body: { version: 7, decision: 'accept' },
    });
    expect(stale.json.error.current).toMatchObject({ id, version: 1, status: 'received' });
    expect(stale.json.error.current.summary).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    const otherView = await apiAs(host, other.users.head)(`${base()}/${id}`);
    expect([otherView.status, otherView.json.error.code]).toEqual([404, 'BODY.NOT_FOUND']);
  });

  it('numbers cases without collisions when many are taken in at once', async () => {
    const { secretary } = other.users;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        apiAs(host, secretary)(`/api/bodies/${other.body.id}/cases`, {
          method: 'POST',
          body: { kind: 'feedback', summary: 'Phản ánh về đèn đường' },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    const numbers = responses.map((r) => r.json.case.number as string).sort();
    const year = numbers[0]!.slice(3, 7);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `PA-${year}-000${i + 1}`));
  });

  it('schedules reception sessions and reports the weeks without one', async () => {
    const { secretary, head, observer } = fixture.users;
    const created = await apiAs(host, secretary)(
      `/api/bodies/${fixture.body.id}/reception-sessions`,
      {
        method: 'POST',
        body: {
          kind: 'communeChair',
          hostId: head.userId,
          date: '2026-11-05',
          location: 'Trụ sở UBND xã',
        },
      },
    );
    expect(created.status).toBe(201);
    const held = await apiAs(host, secretary)(
      `/api/bodies/${fixture.body.id}/reception-sessions/${created.json.session.id}/transitions`,
      { method: 'POST', body: { transition: 'hold', version: 1 } },
    );
    expect(held.json.session.status).toBe('held');
    const issue = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        kind: 'feedback',
        summary: 'Phản ánh tại buổi tiếp dân',
        sessionId: created.json.session.id,
        receivedOn: '2026-11-05',
      },
    });
    // Thu 5 Nov + 10 working days (Law 42/2013 Art. 28) → Thu 19 Nov.
    expect(issue.json.case).toMatchObject({
      channel: 'receptionSession',
      acceptance: { deadline: '2026-11-19' },
    });
    const list = await apiAs(
      host,
      observer,
    )(`/api/bodies/${fixture.body.id}/reception-sessions?from=2026-11-02&to=2026-11-15`);
    expect(list.json.sessions).toHaveLength(1);
    const chair = list.json.cadence.find((c: { kind: string }) => c.kind === 'communeChair');
    expect(chair.rule.basis).toContain('Art. 15');
    expect(chair.gaps).toEqual([{ from: '2026-11-09', to: '2026-11-15', sessions: 0 }]);
    const bad = await apiAs(
      host,
      observer,
    )(`/api/bodies/${fixture.body.id}/reception-sessions?from=2026-11-15&to=2026-11-01`);
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION.FAILED']);
  });

  it('lets the head set the unit’s own number only where the law sets none', async () => {
    const { head, secretary } = other.users;
    const path = `/api/bodies/${other.body.id}/deadline-settings`;
    const statutory = await apiAs(host, head)(path, {
      method: 'POST',
      body: {
        version: 0,
        ruleId: 'complaint.acceptance',
        amount: 30,
        unit: 'calendarDays',
        effectiveFrom: '2026-01-01',
      },
    });
    expect([statutory.status, statutory.json.error.code]).toEqual([
      400,
      'DEADLINE.NOT_CONFIGURABLE',
    ]);
    const unknown = await apiAs(host, head)(path, {
      method: 'POST',
      body: {
        version: 0,
        ruleId: 'complaint.imaginary',
        amount: 30,
        unit: 'calendarDays',
        effectiveFrom: '2026-01-01',
      },
    });
    expect([unknown.status, unknown.json.error.code]).toEqual([400, 'DEADLINE.RULE_NOT_FOUND']);
    const bySecretary = await apiAs(host, secretary)(path, {
      method: 'POST',
      body: {
        version: 0,
        ruleId: 'feedback.acceptance',
        amount: 5,
        unit: 'workingDays',
        effectiveFrom: '2026-01-01',
      },
    });
    expect(bySecretary.status).toBe(403);
    const set = await apiAs(host, head)(path, {
      method: 'POST',
      body: {
        version: 0,
        ruleId: 'feedback.acceptance',
        amount: 5,
        unit: 'workingDays',
        effectiveFrom: '2026-01-01',
      },
    });
    expect(set.json).toMatchObject({
      version: 1,
      overrides: [{ ruleId: 'feedback.acceptance', amount: 5 }],
    });
    const rules = await apiAs(host, secretary)(`/api/bodies/${other.body.id}/deadline-rules`);
    expect(rules.json.overrides).toHaveLength(1);
    expect(
      rules.json.rules.find((r: { id: string }) => r.id === 'denunciation.acceptance').basis,
    ).toContain('Art. 24');
    const feedback = await apiAs(host, secretary)(`/api/bodies/${other.body.id}/cases`, {
      method: 'POST',
      body: { kind: 'feedback', summary: 'x', receivedOn: '2026-11-02' },
    });
    expect(feedback.json.case.acceptance).toMatchObject({
      deadline: '2026-11-09',
      rule: { source: 'unit' },
    });
  });
});
