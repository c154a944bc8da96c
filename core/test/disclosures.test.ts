import { beforeEach, describe, expect, it } from 'vitest';
import {
  createDisclosure,
  disclosureEndOn,
  disclosureFlags,
  disclosureReminderInstants,
  DomainError,
  endDisclosure,
  listDisclosures,
  postDisclosure,
  ZCreateDisclosureInput,
  type Actor,
  type Body,
  type BodyRole,
  type Member,
  type UseCaseDeps,
} from '../src/index';
import { InMemoryDisclosureRepository } from '../src/disclosures/in-memory-disclosure-repository';
import {
  InMemoryAssignmentRepository,
  InMemoryBodyRepository,
  InMemoryMeetingRepository,
  sequentialIds,
} from '../src/testing/index';

const TENANT = 'e0000000-0000-4000-8000-000000000001';
const body: Body = {
  tenantId: TENANT,
  unitId: 'u',
  unitName: 'UBND xã',
  id: 'b1',
  kind: 'steeringCommittee',
  name: 'Ban Chỉ đạo',
};
const person = (n: number, roles: BodyRole[]): Member => ({
  tenantId: TENANT,
  bodyId: 'b1',
  userId: `e0000000-0000-4000-8000-00000000030${n}`,
  displayName: `Người ${n}`,
  title: '',
  roles,
});
const secretary = person(1, ['secretary']);
const member = person(2, ['member']);
const as = (m: Member): Actor => ({
  tenantId: TENANT,
  userId: m.userId,
  displayName: m.displayName,
});

let now: Date;
let deps: UseCaseDeps;
beforeEach(() => {
  now = new Date('2026-11-23T02:00:00.000Z');
  const bodies = new InMemoryBodyRepository();
  bodies.addBody(body, [secretary, member]);
  deps = {
    bodies,
    meetings: new InMemoryMeetingRepository(),
    assignments: new InMemoryAssignmentRepository(),
    disclosures: new InMemoryDisclosureRepository(),
    clock: { now: () => now },
    ids: sequentialIds('P'),
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

describe('public disclosures', () => {
  it('computes the period: 30 days from 1 Dec end on 31 Dec, even on a day off', () => {
    expect(disclosureEndOn('2026-12-01', 30)).toBe('2026-12-31');
    // 2 Jan 2027 + 30 = Mon 1 Feb; 5 Jan + 30 = Thu 4 Feb (a Tết day off): the notice stays up that day.
    expect(disclosureEndOn('2027-01-05', 30)).toBe('2027-02-04');
  });

  it('plans, posts and ends a disclosure, with reminder instants at each stage', async () => {
    const planned = await createDisclosure(
      deps,
      as(secretary),
      'b1',
      ZCreateDisclosureInput.parse({
        title: 'Dự toán ngân sách xã năm 2027',
        channels: ['headquarters', 'loudspeaker'],
        startOn: '2026-11-25',
      }),
    );
    expect(planned).toMatchObject({ status: 'planned', days: 30, endOn: '2026-12-25' });
    expect(disclosureReminderInstants(planned)).toEqual([
      {
        disclosureId: planned.id,
        bodyId: 'b1',
        kind: 'mustStart',
        date: '2026-11-25',
        at: '2026-11-24T17:00:00.000Z',
      },
      {
        disclosureId: planned.id,
        bodyId: 'b1',
        kind: 'ends',
        date: '2026-12-25',
        at: '2026-12-25T17:00:00.000Z',
      },
    ]);
    now = new Date('2026-11-26T02:00:00.000Z');
    expect(disclosureFlags(planned, now).startOverdue).toBe(true);
    const posted = await postDisclosure(deps, as(secretary), 'b1', planned.id, { version: 1 });
    expect(posted).toMatchObject({ status: 'posted', startOn: '2026-11-26', endOn: '2026-12-26' });
    expect(disclosureReminderInstants(posted).map((r) => r.kind)).toEqual(['ends']);
    expect(
      await codeOf(postDisclosure(deps, as(secretary), 'b1', planned.id, { version: 2 })),
    ).toBe('DISCLOSURE.TRANSITION_NOT_ALLOWED');
    expect(await codeOf(endDisclosure(deps, as(member), 'b1', planned.id, { version: 2 }))).toBe(
      'PERMISSION.DENIED',
    );
    const ended = await endDisclosure(deps, as(secretary), 'b1', planned.id, { version: 2 });
    expect(disclosureFlags(ended, now)).toEqual({
      startOverdue: false,
      periodOver: false,
      endedEarly: true,
    });
    expect(disclosureReminderInstants(ended)).toEqual([]);
    expect((await listDisclosures(deps, as(member), 'b1')).map((d) => d.status)).toEqual(['ended']);
    expect(await codeOf(postDisclosure(deps, as(secretary), 'b1', 'missing', { version: 1 }))).toBe(
      'DISCLOSURE.NOT_FOUND',
    );
  });
});
