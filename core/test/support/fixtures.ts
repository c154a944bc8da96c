import {
  DomainError,
  type Actor,
  type Body,
  type BodyRole,
  type Member,
  type UseCaseDeps,
} from '../../src/index';
import {
  InMemoryAssignmentRepository,
  InMemoryBodyRepository,
  InMemoryMeetingRepository,
  sequentialIds,
} from '../../src/testing/index';

export const TENANT = 'a0000000-0000-4000-8000-000000000001';

export const body: Body = {
  tenantId: TENANT,
  unitId: 'u1',
  unitName: 'UBND xã Chi Lăng',
  id: 'b1',
  kind: 'steeringCommittee',
  name: 'Ban Chỉ đạo',
};

/** Member n of the test body; ids differ per `series` so suites never share people by accident. */
export function person(n: number, roles: BodyRole[], series = 1): Member {
  return {
    tenantId: TENANT,
    bodyId: body.id,
    userId: `a0000000-0000-4000-8000-000000000${series}${String(n).padStart(2, '0')}`,
    displayName: `Người ${n}`,
    title: 'Ủy viên',
    roles,
  };
}

export function actor(member: Member): Actor {
  return { tenantId: TENANT, userId: member.userId, displayName: member.displayName };
}

/** Use-case dependencies over faithful in-memory fakes, with a clock the test can move. */
export function fakeDeps(members: Member[], now: () => Date) {
  const bodies = new InMemoryBodyRepository();
  bodies.addBody(body, members);
  const meetings = new InMemoryMeetingRepository();
  const assignments = new InMemoryAssignmentRepository();
  const deps: UseCaseDeps = { bodies, meetings, assignments, clock: { now }, ids: sequentialIds() };
  return { deps, meetings, assignments };
}

/** The stable code a use case refused with ('no error' when it did not refuse). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}
