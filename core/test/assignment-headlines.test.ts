import { beforeEach, describe, expect, it } from 'vitest';
import {
  assignmentStats,
  createAssignment,
  listBodyAssignmentHeadlines,
  listBodyAssignments,
  transitionAssignment,
  ZCreateAssignmentInput,
  type Actor,
  type UseCaseDeps,
} from '../src/index';
import { actor, codeOf, fakeDeps, person, TENANT } from './support/fixtures';

const head = person(1, ['head'], 5);
const secretary = person(2, ['secretary'], 5);
const owner = person(3, ['member'], 5);
const observer = person(4, ['observer'], 5);
// On the body's roll but holding no role: present, yet not allowed to read.
const roleless = person(5, [], 5);

let now = new Date('2026-12-01T03:00:00.000Z');
let deps: UseCaseDeps;

beforeEach(() => {
  now = new Date('2026-12-01T03:00:00.000Z');
  ({ deps } = fakeDeps([head, secretary, owner, observer, roleless], () => now));
});

const assign = (overrides: Record<string, unknown>) =>
  createAssignment(
    deps,
    actor(secretary),
    'b1',
    ZCreateAssignmentInput.parse({
      title: 'Rà soát danh sách hộ nghèo',
      description: 'Chi tiết chỉ trang chi tiết cần',
      ownerId: owner.userId,
      deadline: '2026-12-20',
      ...overrides,
    }),
  );

describe("a body's assignment headlines", () => {
  it('refuses exactly whom the full list refuses, and lets through whom it lets through', async () => {
    await assign({});
    const outsider: Actor = {
      tenantId: TENANT,
      userId: 'a0000000-0000-4000-8000-000000000599',
      displayName: 'Người ngoài',
    };
    const otherTenant: Actor = { ...actor(head), tenantId: 'a0000000-0000-4000-8000-00000000ffff' };
    const cases: [Actor, string, string][] = [
      [actor(head), 'b1', 'no error'],
      [actor(owner), 'b1', 'no error'],
      [actor(observer), 'b1', 'no error'],
      [actor(roleless), 'b1', 'PERMISSION.DENIED'],
      [outsider, 'b1', 'PERMISSION.DENIED'],
      [otherTenant, 'b1', 'BODY.NOT_FOUND'],
      [actor(head), 'no-such-body', 'BODY.NOT_FOUND'],
    ];
    for (const [who, bodyId, expected] of cases) {
      const full = await codeOf(listBodyAssignments(deps, who, bodyId));
      const headlines = await codeOf(listBodyAssignmentHeadlines(deps, who, bodyId));
      expect([bodyId, who.userId, headlines]).toEqual([bodyId, who.userId, full]);
      expect(headlines).toBe(expected);
    }
  });

  it('are the full rows narrowed: same order, same values, same stats', async () => {
    const late = await assign({ title: 'Muộn', deadline: '2026-12-05' });
    await assign({ title: 'Quá hạn', deadline: '2026-12-03', coOwnerIds: [head.userId] });
    await assign({ title: 'Đang làm', deadline: '2026-12-10', priority: 'urgent' });
    now = new Date('2026-12-08T03:00:00.000Z');
    await transitionAssignment(deps, actor(owner), 'b1', late.id, {
      transition: 'submit',
      version: 1,
    });
    await transitionAssignment(deps, actor(head), 'b1', late.id, {
      transition: 'approveCompletion',
      version: 2,
    });

    const full = await listBodyAssignments(deps, actor(observer), 'b1');
    const headlines = await listBodyAssignmentHeadlines(deps, actor(observer), 'b1');
    expect(headlines.map((h) => h.id)).toEqual(full.map((a) => a.id));
    headlines.forEach((headline, i) => {
      // Every value the headline carries is the full row's (toEqual reads an absent key as undefined).
      expect({ ...full[i], ...headline }).toEqual(full[i]);
      expect(headline).not.toHaveProperty('description');
      expect(headline).not.toHaveProperty('progress');
    });
    expect(assignmentStats(headlines, now)).toEqual(assignmentStats(full, now));
    expect(assignmentStats(headlines, now)).toMatchObject({ done: 1, late: 1, overdue: 1 });
  });
});
