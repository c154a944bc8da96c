import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevHost } from '../src/dev/host';
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

const base = () => `/api/bodies/${fixture.body.id}/assignments`;

describe('assignments over the API (Azurite)', () => {
  it('assigns, shows it in "my tasks" of the owner, and lets the owner submit and the head approve', async () => {
    const { secretary, member, head } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: { title: 'Niêm yết công khai dự toán', ownerId: member.userId, deadline: '2099-12-20' },
    });
    expect(created.status).toBe(201);
    const id = created.json.assignment.id;
    expect(created.json.assignment).toMatchObject({ status: 'open', overdue: false, version: 1 });

    const mine = await apiAs(host, member)('/api/me/assignments');
    expect(mine.json.assignments.map((a: { id: string }) => a.id)).toEqual([id]);

    const submit = await apiAs(host, member)(`${base()}/${id}/transitions`, {
      method: 'POST',
      body: { transition: 'submit', version: 1 },
    });
    expect(submit.status).toBe(200);
    // A retried submit (Teams retries card actions) answers the same and writes nothing more.
    const retry = await apiAs(host, member)(`${base()}/${id}/transitions`, {
      method: 'POST',
      body: { transition: 'submit', version: 1 },
    });
    expect([retry.status, retry.json.assignment.version]).toEqual([200, 2]);
    const approve = await apiAs(host, head)(`${base()}/${id}/transitions`, {
      method: 'POST',
      body: { transition: 'approveCompletion', version: 2 },
    });
    expect(approve.json.assignment).toMatchObject({ status: 'done', onTime: true });

    const list = await apiAs(host, fixture.users.observer)(base());
    expect(list.json.stats).toMatchObject({ total: 1, done: 1, onTime: 1 });
  });

  it('refuses bad input and other tenants with clear codes', async () => {
    const { secretary, member, head } = fixture.users;
    const bad: [ReturnType<typeof apiAs>, string, unknown, number, string][] = [
      [
        apiAs(host, secretary),
        base(),
        { title: '', ownerId: member.userId, deadline: '2099-01-01' },
        400,
        'VALIDATION.FAILED',
      ],
      [
        apiAs(host, secretary),
        base(),
        { title: 'x', ownerId: member.userId, deadline: '2001-01-01' },
        400,
        'ASSIGNMENT.DEADLINE_IN_PAST',
      ],
      [
        apiAs(host, secretary),
        base(),
        { title: 'x', ownerId: fixture.outsider.userId, deadline: '2099-01-01' },
        400,
        'ASSIGNMENT.PERSON_NOT_MEMBER',
      ],
      [
        apiAs(host, member),
        base(),
        { title: 'x', ownerId: member.userId, deadline: '2099-01-01' },
        403,
        'PERMISSION.DENIED',
      ],
      [
        apiAs(host, head),
        `/api/bodies/${other.body.id}/assignments`,
        { title: 'x', ownerId: other.users.member.userId, deadline: '2099-01-01' },
        404,
        'BODY.NOT_FOUND',
      ],
    ];
    for (const [api, path, body, status, code] of bad) {
      const response = await api(path, { method: 'POST', body });
      expect([response.status, response.json.error.code]).toEqual([status, code]);
    }
    const list = await apiAs(host, head)(`/api/bodies/${other.body.id}/assignments`);
    expect(list.status).toBe(404);
  });

  it("answers the dashboard a summary view: the table's columns only, the same values and stats", async () => {
    const { secretary, member, head, observer } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        title: 'Tổng hợp kiến nghị cử tri',
        description: 'Một mô tả dài chỉ trang chi tiết mới cần.',
        ownerId: member.userId,
        coOwnerIds: [head.userId],
        deadline: '2099-06-30',
        priority: 'high',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.assignment.id;
    const progress = await apiAs(host, member)(`${base()}/${id}/progress`, {
      method: 'POST',
      body: { version: 1, note: 'Đã tổng hợp 12 kiến nghị', percent: 40 },
    });
    expect(progress.status).toBe(200);

    const [full, summary] = await Promise.all([
      apiAs(host, observer)(base()),
      apiAs(host, observer)(`${base()}?view=summary`),
    ]);
    expect(summary.status).toBe(200);
    expect(summary.json.stats).toEqual(full.json.stats);
    type Row = Record<string, unknown> & { id: string };
    const fullRow = (full.json.assignments as Row[]).find((a) => a.id === id)!;
    const row = (summary.json.assignments as Row[]).find((a) => a.id === id)!;
    expect(Object.keys(row).sort()).toEqual(
      [
        'coOwnerIds',
        'deadline',
        'extended',
        'id',
        'onTime',
        'originalDeadline',
        'ownerId',
        'priority',
        'source',
        'status',
        'title',
      ].sort(),
    );
    // Every value the summary carries is the full view's.
    for (const [key, value] of Object.entries(row)) expect(value).toEqual(fullRow[key]);
    expect(fullRow.description).toBe('Một mô tả dài chỉ trang chi tiết mới cần.');
    expect((fullRow.progress as unknown[]).length).toBe(1);
    expect(summary.json.assignments.length).toBe(full.json.assignments.length);

    const unknown = await apiAs(host, observer)(`${base()}?view=everything`);
    expect([unknown.status, unknown.json.error.code]).toEqual([400, 'VALIDATION.FAILED']);
  });
});
