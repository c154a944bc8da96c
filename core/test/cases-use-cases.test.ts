import { beforeEach, describe, expect, it } from 'vitest';
import {
  assignCase,
  bodyCaseStats,
  caseLateness,
  caseReminderSubject,
  decideCaseAcceptance,
  DomainError,
  extendCase,
  intakeCase,
  listBodyCases,
  listCaseAudit,
  listMyCases,
  listReceptionSessions,
  resolveCase,
  scheduleReceptionSession,
  setDeadlineOverride,
  transitionReceptionSession,
  verifyAuditChain,
  viewCase,
  viewCaseIdentity,
  ZIntakeCaseInput,
  type Actor,
  type Body,
  type BodyRole,
  type Member,
  type UseCaseDeps,
} from '../src/index';
import { InMemoryCaseRepository } from '../src/cases/in-memory-case-repository';
import {
  InMemoryAssignmentRepository,
  InMemoryBodyRepository,
  InMemoryMeetingRepository,
  sequentialIds,
} from '../src/testing/index';

const TENANT = 'c0000000-0000-4000-8000-000000000001';
const body: Body = {
  tenantId: TENANT,
  unitId: 'ubnd-chi-lang',
  unitName: 'UBND xã Chi Lăng',
  id: 'b1',
  kind: 'steeringCommittee',
  name: 'Ban Tiếp công dân',
};
const person = (n: number, roles: BodyRole[]): Member => ({
  tenantId: TENANT,
  bodyId: 'b1',
  userId: `c0000000-0000-4000-8000-00000000010${n}`,
  displayName: `Cán bộ ${n}`,
  title: '',
  roles,
});
const head = person(1, ['head']);
const recorder = person(2, ['secretary']);
const handler = person(3, ['member']);
const bystander = person(4, ['member']);
const as = (m: Member): Actor => ({
  tenantId: TENANT,
  userId: m.userId,
  displayName: m.displayName,
});

let now: Date;
let deps: UseCaseDeps;
let cases: InMemoryCaseRepository;

beforeEach(() => {
  now = new Date('2026-11-23T02:00:00.000Z'); // Mon 23 Nov 2026, 09:00 in Vietnam
  const bodies = new InMemoryBodyRepository();
  bodies.addBody(body, [head, recorder, handler, bystander]);
  cases = new InMemoryCaseRepository();
  deps = {
    bodies,
    meetings: new InMemoryMeetingRepository(),
    assignments: new InMemoryAssignmentRepository(),
    cases,
    clock: { now: () => now },
    ids: sequentialIds('K'),
  };
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

const intake = (input: Record<string, unknown>, by: Member = recorder) =>
  intakeCase(deps, as(by), 'b1', ZIntakeCaseInput.parse({ summary: 'Nội dung đơn', ...input }));

describe('citizen cases', () => {
  it('numbers cases per unit, kind and year (KN-2026-0001, TC-2026-0001, KN-2026-0002)', async () => {
    const a = await intake({ kind: 'complaint' });
    const b = await intake({ kind: 'denunciation', citizen: { fullName: 'Nguyễn Văn A' } });
    const c = await intake({ kind: 'complaint' });
    expect([a.number, b.number, c.number]).toEqual([
      'KN-2026-0001',
      'TC-2026-0001',
      'KN-2026-0002',
    ]);
    now = new Date('2026-12-31T17:30:00.000Z'); // already 1 Jan 2027 in Vietnam
    expect((await intake({ kind: 'complaint' })).number).toBe('KN-2027-0001');
  });

  it('walks a complaint from intake to resolution on the Law 02/2011 limits, then flags nothing late', async () => {
    const received = await intake({
      kind: 'complaint',
      receivedOn: '2026-11-20',
      decisionKnownOn: '2026-10-01',
      citizen: { fullName: 'Trần Thị B', phone: '0912 345 678' },
    });
    // Received Fri 20 Nov 2026 after 1 Jul 2026: 7 working days (Law 136/2025) → Tue 1 Dec.
    expect(received.acceptance).toMatchObject({ deadline: '2026-12-01' });
    expect(received.acceptance.rule).toMatchObject({ amount: 7, unit: 'workingDays' });
    expect(received.filing).toMatchObject({ deadline: '2026-12-30', late: false });
    expect(received.instance).toBe('first');

    const accepted = await decideCaseAcceptance(deps, as(head), 'b1', received.id, {
      version: 1,
      decision: 'accept',
      complexity: 'complex',
    });
    // Accepted Mon 23 Nov, complex first instance: 45 days (Art. 28) → Thu 7 Jan 2027.
    expect(accepted.resolution).toMatchObject({ deadline: '2027-01-07', extensions: [] });
    expect(
      await codeOf(extendCase(deps, as(head), 'b1', received.id, { version: 2, reason: 'x' })),
    ).toBe('CASE.EXTENSION_NOT_ALLOWED');
    const assigned = await assignCase(deps, as(head), 'b1', received.id, {
      version: 2,
      handlerIds: [handler.userId],
    });
    expect((await listMyCases(deps, as(handler))).map((c) => c.number)).toEqual([received.number]);
    now = new Date('2026-12-10T02:00:00.000Z');
    const resolved = await resolveCase(deps, as(handler), 'b1', received.id, {
      version: assigned.version,
      outcome: 'partlyUpheld',
      text: 'Khiếu nại đúng một phần.',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: { resolvedOn: '2026-12-10' },
    });
    expect(caseLateness(resolved, now)).toEqual({
      acceptanceLate: false,
      resolutionLate: false,
      overdue: false,
    });
    const events = await listCaseAudit(deps, as(head), 'b1', received.id);
    expect(verifyAuditChain(events)).toEqual({ ok: true });
    expect(JSON.stringify(events)).not.toContain('Trần Thị B');
    expect(JSON.stringify(events)).not.toContain('Nội dung đơn');
  });

  it('flags a complaint filed after the 90 days of Art. 9 (flagged, not refused)', async () => {
    const late = await intake({
      kind: 'complaint',
      receivedOn: '2026-11-20',
      decisionKnownOn: '2026-08-01',
    });
    expect(late.filing).toMatchObject({ deadline: '2026-10-30', late: true });
  });

  it('extends a denunciation twice when especially complex, each by 30 days, and refuses a third', async () => {
    const received = await intake({ kind: 'denunciation', citizen: { fullName: 'Người tố cáo' } });
    // Mon 23 Nov 2026 + 7 working days (Art. 24) → Wed 2 Dec.
    expect(received.acceptance.deadline).toBe('2026-12-02');
    const accepted = await decideCaseAcceptance(deps, as(head), 'b1', received.id, {
      version: 1,
      decision: 'accept',
    });
    // 30 days (Art. 30) → Wed 23 Dec 2026.
    expect(accepted.resolution?.deadline).toBe('2026-12-23');
    expect(
      await codeOf(
        extendCase(deps, as(head), 'b1', received.id, { version: 2, reason: 'Cần xác minh' }),
      ),
    ).toBe('CASE.EXTENSION_NOT_ALLOWED');
    const once = await extendCase(deps, as(head), 'b1', received.id, {
      version: 2,
      reason: 'Vụ việc đặc biệt phức tạp',
      complexity: 'especiallyComplex',
    });
    // +30 days from 23 Dec → Fri 22 Jan 2027.
    expect(once.resolution?.deadline).toBe('2027-01-22');
    const twice = await extendCase(deps, as(head), 'b1', received.id, {
      version: 3,
      reason: 'Lần hai',
    });
    // +30 days from 22 Jan → Sun 21 Feb 2027, a day off → Mon 22 Feb.
    expect(twice.resolution).toMatchObject({
      deadline: '2027-02-22',
      originalDeadline: '2026-12-23',
    });
    expect(
      twice.resolution?.extensions.map((e) => [e.number, e.fromDeadline, e.toDeadline]),
    ).toEqual([
      [1, '2026-12-23', '2027-01-22'],
      [2, '2027-01-22', '2027-02-22'],
    ]);
    expect(
      await codeOf(extendCase(deps, as(head), 'b1', received.id, { version: 4, reason: 'Lần ba' })),
    ).toBe('CASE.EXTENSION_NOT_ALLOWED');
    // A retried request (same person, same version) answers the stored result and writes nothing.
    const replay = await extendCase(deps, as(head), 'b1', received.id, {
      version: 3,
      reason: 'Lần hai',
    });
    expect(replay.version).toBe(4);
    expect(
      (await listCaseAudit(deps, as(head), 'b1', received.id)).filter(
        (e) => e.action === 'case.extended',
      ),
    ).toHaveLength(2);
  });

  it('shows a case only to its head, handlers and recorder, and audits every view', async () => {
    const c = await intake({
      kind: 'denunciation',
      citizen: { fullName: 'Lê Văn C', idNumber: '001234567890' },
    });
    expect(await codeOf(viewCase(deps, as(bystander), 'b1', c.id))).toBe('CASE.NOT_FOUND');
    expect(await listBodyCases(deps, as(bystander), 'b1')).toEqual([]);
    expect((await viewCase(deps, as(recorder), 'b1', c.id)).parties).toEqual(['recorder']);
    // A denouncer's identity: the head and handlers, not the recorder.
    expect(await codeOf(viewCaseIdentity(deps, as(recorder), 'b1', c.id))).toBe(
      'PERMISSION.DENIED',
    );
    expect(await viewCaseIdentity(deps, as(head), 'b1', c.id)).toMatchObject({
      fullName: 'Lê Văn C',
    });
    await viewCase(deps, as(head), 'b1', c.id);
    const events = await listCaseAudit(deps, as(head), 'b1', c.id);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['case.received', recorder.userId],
      ['case.viewed', recorder.userId],
      ['case.identityViewed', head.userId],
      ['case.viewed', head.userId],
    ]);
    expect(verifyAuditChain(events)).toEqual({ ok: true });
    // Views leave the version alone, so an editor's version stays valid.
    const accepted = await decideCaseAcceptance(deps, as(head), 'b1', c.id, {
      version: 1,
      decision: 'accept',
    });
    expect(accepted.version).toBe(2);
    expect(await codeOf(listCaseAudit(deps, as(recorder), 'b1', c.id))).toBe('PERMISSION.DENIED');
  });

  it('keeps decisions with the head, and refuses bad dates, strangers and unknown rules', async () => {
    const c = await intake({ kind: 'feedback' });
    expect(
      await codeOf(
        decideCaseAcceptance(deps, as(recorder), 'b1', c.id, { version: 1, decision: 'accept' }),
      ),
    ).toBe('PERMISSION.DENIED');
    expect(
      await codeOf(
        decideCaseAcceptance(deps, as(head), 'b1', c.id, { version: 1, decision: 'reject' }),
      ),
    ).toBe('CASE.REASON_REQUIRED');
    expect(
      await codeOf(
        decideCaseAcceptance(deps, as(head), 'b1', c.id, {
          version: 1,
          decision: 'accept',
          decidedOn: '2026-12-01',
        }),
      ),
    ).toBe('DATE.IN_FUTURE');
    expect(
      await codeOf(
        assignCase(deps, as(head), 'b1', c.id, {
          version: 1,
          handlerIds: ['c0000000-0000-4000-8000-000000000999'],
        }),
      ),
    ).toBe('CASE.HANDLER_NOT_MEMBER');
    expect(await codeOf(intake({ kind: 'complaint', complexity: 'especiallyComplex' }))).toBe(
      'DEADLINE.RULE_NOT_FOUND',
    );
    expect(await codeOf(intake({ kind: 'complaint', receivedOn: '2026-11-24' }))).toBe(
      'DATE.IN_FUTURE',
    );
    expect(await codeOf(intake({ kind: 'complaint', sessionId: 'nope' }))).toBe(
      'RECEPTION.NOT_FOUND',
    );
    const outsider: Actor = {
      tenantId: TENANT,
      userId: 'c0000000-0000-4000-8000-000000000998',
      displayName: 'x',
    };
    expect(
      await codeOf(
        intake({ kind: 'feedback' }, { ...bystander, userId: outsider.userId, roles: [] }),
      ),
    ).toBe('PERMISSION.DENIED');
    expect(await codeOf(viewCase(deps, { ...as(head), tenantId: 'other' }, 'b1', c.id))).toBe(
      'BODY.NOT_FOUND',
    );
    const rejected = await decideCaseAcceptance(deps, as(head), 'b1', c.id, {
      version: 1,
      decision: 'reject',
      reason: 'Không thuộc thẩm quyền',
    });
    expect(rejected.status).toBe('rejected');
    expect(
      await codeOf(
        resolveCase(deps, as(head), 'b1', c.id, { version: 2, outcome: 'answered', text: 'x' }),
      ),
    ).toBe('CASE.TRANSITION_NOT_ALLOWED');
    expect(
      await codeOf(
        decideCaseAcceptance(deps, as(head), 'b1', c.id, { version: 1, decision: 'accept' }),
      ),
    ).toBe('CONCURRENCY.CONFLICT');
  });

  it('applies the unit’s own number for feedback, and counts for the dashboard without names', async () => {
    await setDeadlineOverride(deps, as(head), 'b1', {
      version: 0,
      ruleId: 'feedback.acceptance',
      amount: 5,
      unit: 'workingDays',
      effectiveFrom: '2026-11-01',
    });
    expect(
      await codeOf(
        setDeadlineOverride(deps, as(head), 'b1', {
          version: 1,
          ruleId: 'complaint.acceptance',
          amount: 30,
          unit: 'calendarDays',
          effectiveFrom: '2026-11-01',
        }),
      ),
    ).toBe('DEADLINE.NOT_CONFIGURABLE');
    const feedback = await intake({ kind: 'feedback', receivedOn: '2026-11-02' });
    // Mon 2 Nov + 5 working days → Mon 9 Nov: already overdue on 23 Nov.
    expect(feedback.acceptance).toMatchObject({
      deadline: '2026-11-09',
      rule: { source: 'unit', amount: 5 },
    });
    // Wed 18 Nov + 7 working days → Fri 27 Nov: due within the week.
    await intake({ kind: 'complaint', receivedOn: '2026-11-18' });
    const stats = await bodyCaseStats(deps, as(bystander), 'b1');
    expect(stats).toMatchObject({ total: 2, open: 2, overdue: 1, dueSoon: 1 });
    expect(stats.byKind.feedback).toEqual({ total: 1, open: 1, overdue: 1 });
    expect(caseReminderSubject(feedback)).toEqual({
      caseId: feedback.id,
      bodyId: 'b1',
      number: 'PA-2026-0001',
      kind: 'feedback',
      stage: 'acceptance',
      deadline: '2026-11-09',
      dueAt: '2026-11-09T17:00:00.000Z',
      handlerIds: [],
    });
  });

  it('schedules reception sessions, takes issues in from them and reports the weeks without one', async () => {
    const session = await scheduleReceptionSession(deps, as(recorder), 'b1', {
      kind: 'communeChair',
      hostId: head.userId,
      date: '2026-11-19',
      location: 'Trụ sở UBND xã',
    });
    const held = await transitionReceptionSession(deps, as(recorder), 'b1', session.id, {
      transition: 'hold',
      version: 1,
    });
    expect(held.status).toBe('held');
    const issue = await intake({
      kind: 'feedback',
      sessionId: session.id,
      receivedOn: '2026-11-19',
    });
    expect(issue).toMatchObject({ channel: 'receptionSession', sessionId: session.id });
    // Thu 19 Nov + 10 working days (Art. 28) → Thu 3 Dec.
    expect(issue.acceptance.deadline).toBe('2026-12-03');
    const { cadence } = await listReceptionSessions(deps, as(bystander), 'b1', {
      from: '2026-11-09',
      to: '2026-11-22',
    });
    expect(cadence.find((c) => c.kind === 'communeChair')?.gaps).toEqual([
      { from: '2026-11-09', to: '2026-11-15', sessions: 0 },
    ]);
    expect(
      await codeOf(
        scheduleReceptionSession(deps, as(handler), 'b1', {
          kind: 'dialogue',
          hostId: head.userId,
          date: '2026-12-01',
          location: 'x',
        }),
      ),
    ).toBe('PERMISSION.DENIED');
  });
});
