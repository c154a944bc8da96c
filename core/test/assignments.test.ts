import { beforeEach, describe, expect, it } from 'vitest';
import {
  assignmentStats,
  createAssignment,
  decideExtension,
  isOverdue,
  listMyAssignments,
  reportProgress,
  requestExtension,
  transitionAssignment,
  ZCreateAssignmentInput,
  type Assignment,
  type Member,
  type UseCaseDeps,
} from '../src/index';
import { actor, codeOf, fakeDeps, person, TENANT } from './support/fixtures';

const head = person(1, ['head'], 3);
const secretary = person(2, ['secretary'], 3);
const owner = person(3, ['member'], 3);
const coOwner = person(4, ['member'], 3);

let now = new Date('2026-12-01T03:00:00.000Z');
let deps: UseCaseDeps;

beforeEach(() => {
  now = new Date('2026-12-01T03:00:00.000Z');
  ({ deps } = fakeDeps([head, secretary, owner, coOwner], () => now));
});

const assign = (overrides: Record<string, unknown> = {}) =>
  createAssignment(
    deps,
    actor(secretary),
    'b1',
    ZCreateAssignmentInput.parse({
      title: 'Tổng hợp báo cáo tổng kết năm',
      ownerId: owner.userId,
      coOwnerIds: [coOwner.userId],
      deadline: '2026-12-20',
      ...overrides,
    }),
  );

describe('assignments', () => {
  it('assigns to members only, never with a deadline already past (Vietnam date)', async () => {
    expect(await codeOf(assign({ ownerId: 'a0000000-0000-4000-8000-000000000999' }))).toBe(
      'ASSIGNMENT.PERSON_NOT_MEMBER',
    );
    // 2026-11-30T18:00Z is already 1 Dec in Vietnam: 30 Nov is in the past there.
    now = new Date('2026-11-30T18:00:00.000Z');
    expect(await codeOf(assign({ deadline: '2026-11-30' }))).toBe('ASSIGNMENT.DEADLINE_IN_PAST');
    expect(
      await codeOf(
        createAssignment(
          deps,
          actor(owner),
          'b1',
          ZCreateAssignmentInput.parse({
            title: 'x',
            ownerId: owner.userId,
            deadline: '2026-12-20',
          }),
        ),
      ),
    ).toBe('PERMISSION.DENIED');
  });

  it('runs progress, submit, return, submit, approve; counts as on time', async () => {
    const created = await assign();
    const progressed = await reportProgress(deps, actor(coOwner), 'b1', created.id, {
      version: 1,
      note: 'Đã thu thập số liệu các thôn',
      percent: 40,
      evidenceUrls: ['https://chilang.sharepoint.com/bao-cao.docx'],
    });
    expect(progressed.status).toBe('inProgress');
    expect(
      await codeOf(
        transitionAssignment(deps, actor(coOwner), 'b1', created.id, {
          transition: 'submit',
          version: 2,
        }),
      ),
    ).toBe('PERMISSION.DENIED');
    const submitted = await transitionAssignment(deps, actor(owner), 'b1', created.id, {
      transition: 'submit',
      version: 2,
    });
    expect(
      await codeOf(
        transitionAssignment(deps, actor(owner), 'b1', created.id, {
          transition: 'approveCompletion',
          version: 3,
        }),
      ),
    ).toBe('PERMISSION.DENIED');
    expect(
      await codeOf(
        transitionAssignment(deps, actor(secretary), 'b1', created.id, {
          transition: 'returnCompletion',
          version: 3,
        }),
      ),
    ).toBe('ASSIGNMENT.REASON_REQUIRED');
    const returned = await transitionAssignment(deps, actor(secretary), 'b1', created.id, {
      transition: 'returnCompletion',
      version: submitted.version,
      reason: 'Thiếu số liệu thôn Bản Trang',
    });
    expect(returned.status).toBe('returned');
    const again = await transitionAssignment(deps, actor(owner), 'b1', created.id, {
      transition: 'submit',
      version: returned.version,
    });
    // The head judges like the assigner.
    const done = await transitionAssignment(deps, actor(head), 'b1', created.id, {
      transition: 'approveCompletion',
      version: again.version,
    });
    expect(done.status).toBe('done');
    expect(assignmentStats([done], now)).toMatchObject({
      done: 1,
      onTime: 1,
      late: 0,
      onTimeRate: 1,
    });
  });

  it('is overdue from 24:00 Vietnam time on the deadline day, and late if submitted after', async () => {
    const created = await assign({ deadline: '2026-12-20' });
    expect(isOverdue(created, new Date('2026-12-20T16:59:59.000Z'))).toBe(false);
    expect(isOverdue(created, new Date('2026-12-20T17:00:00.000Z'))).toBe(true);
    now = new Date('2026-12-20T17:30:00.000Z');
    const submitted = await transitionAssignment(deps, actor(owner), 'b1', created.id, {
      transition: 'submit',
      version: 1,
    });
    const done = await transitionAssignment(deps, actor(secretary), 'b1', created.id, {
      transition: 'approveCompletion',
      version: submitted.version,
    });
    expect(assignmentStats([done], now)).toMatchObject({ done: 1, onTime: 0, late: 1 });
  });

  it('extends a deadline on request and approval, keeping the original', async () => {
    const created = await assign();
    expect(
      await codeOf(
        requestExtension(deps, actor(owner), 'b1', created.id, {
          version: 1,
          requestedDeadline: '2026-12-19',
          reason: 'x',
        }),
      ),
    ).toBe('ASSIGNMENT.EXTENSION_NOT_LATER');
    const requested = await requestExtension(deps, actor(owner), 'b1', created.id, {
      version: 1,
      requestedDeadline: '2026-12-31',
      reason: 'Chờ số liệu của tỉnh',
    });
    expect(
      await codeOf(
        decideExtension(deps, actor(owner), 'b1', created.id, { version: 2, decision: 'approve' }),
      ),
    ).toBe('PERMISSION.DENIED');
    const approved = await decideExtension(deps, actor(secretary), 'b1', created.id, {
      version: requested.version,
      decision: 'approve',
    });
    expect(approved).toMatchObject({
      deadline: '2026-12-31',
      originalDeadline: '2026-12-20',
      extensionRequest: undefined,
    });
  });

  it('absorbs a retried transition (same person, same version) without writing twice', async () => {
    const created = await assign();
    const first = await transitionAssignment(deps, actor(owner), 'b1', created.id, {
      transition: 'submit',
      version: 1,
    });
    const retry = await transitionAssignment(deps, actor(owner), 'b1', created.id, {
      transition: 'submit',
      version: 1,
    });
    expect(retry).toEqual(first);
    const events = await deps.assignments.listAssignmentAudit(TENANT, 'b1', created.id);
    expect(events.map((e) => e.action)).toEqual(['assignment.created', 'assignment.submit']);
    // Someone else replaying that version is a real conflict.
    expect(
      await codeOf(
        transitionAssignment(deps, actor(secretary), 'b1', created.id, {
          transition: 'cancel',
          version: 1,
          reason: 'x',
        }),
      ),
    ).toBe('CONCURRENCY.CONFLICT');
  });

  it("lists a person's work across the index: owner and co-owner see it, others do not", async () => {
    await assign();
    const mine = (m: Member) =>
      listMyAssignments(deps, actor(m)).then((list: Assignment[]) => list.length);
    expect([await mine(owner), await mine(coOwner), await mine(head)]).toEqual([1, 1, 0]);
  });
});
