import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src/index';
import {
  assertQuorum,
  checkQuorum,
  meetsThreshold,
  minimumToMeet,
  PROCESS_TEMPLATES,
  type Attendance,
  type BodyRole,
  type Member,
} from '../src/index';

const members = (count: number, roles: BodyRole[] = ['member']): Member[] =>
  Array.from({ length: count }, (_, i) => ({
    tenantId: 't',
    bodyId: 'b',
    userId: `u${i}`,
    displayName: `Người ${i}`,
    title: '',
    roles,
  }));

const present = (people: Member[], count: number, delegates = 0): Attendance =>
  Object.fromEntries(
    people.slice(0, count).map((m, i) => [
      m.userId,
      {
        userId: m.userId,
        status: 'present' as const,
        delegateName: i < delegates ? 'Người dự thay' : undefined,
      },
    ]),
  );

describe('staff conference quorum: at least 2/3 present (Law 10/2022 Art. 51(2)(c))', () => {
  const template = PROCESS_TEMPLATES.staffConference;
  const staff = members(30);

  it('is met at exactly 2/3 (20 of 30) and not at one below', () => {
    expect(checkQuorum(template, staff, present(staff, 20))).toMatchObject({
      met: true,
      present: 20,
      summoned: 30,
      required: 20,
    });
    expect(checkQuorum(template, staff, present(staff, 19)).met).toBe(false);
  });

  it('rounds the requirement up when 2/3 is not a whole number (31 staff need 21)', () => {
    const staff31 = members(31);
    expect(checkQuorum(template, staff31, present(staff31, 21)).met).toBe(true);
    expect(checkQuorum(template, staff31, present(staff31, 20))).toMatchObject({
      met: false,
      required: 21,
    });
  });

  it('counts a member represented by a delegate as present', () => {
    const check = checkQuorum(template, staff, present(staff, 20, 5));
    expect(check).toMatchObject({ met: true, delegates: 5 });
  });

  it('does not count excused or absent members', () => {
    const attendance = present(staff, 19);
    attendance.u25 = { userId: 'u25', status: 'absentExcused' };
    attendance.u26 = { userId: 'u26', status: 'absent' };
    expect(checkQuorum(template, staff, attendance).met).toBe(false);
  });
});

describe('steering committee quorum: more than half of members (unit setting)', () => {
  const template = PROCESS_TEMPLATES.steeringRegular;

  it('needs 4 of 6 (exactly half is not more than half)', () => {
    const six = members(6);
    expect(checkQuorum(template, six, present(six, 3)).met).toBe(false);
    expect(checkQuorum(template, six, present(six, 4))).toMatchObject({ met: true, required: 4 });
    expect(template.quorum.kind === 'shareOfSummoned' && template.quorum.configurable).toBe(true);
  });

  it('leaves observers out of the count', () => {
    const people = [
      ...members(4),
      ...members(2, ['observer']).map((m, i) => ({ ...m, userId: `o${i}` })),
    ];
    expect(checkQuorum(template, people, present(people, 3))).toMatchObject({
      met: true,
      summoned: 4,
    });
  });

  it('says why a meeting without quorum cannot adopt anything', () => {
    const six = members(6);
    try {
      assertQuorum(checkQuorum(template, six, present(six, 2)));
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('MEETING.QUORUM_NOT_MET');
      expect((error as DomainError).params).toMatchObject({ present: 2, summoned: 6, required: 4 });
    }
  });
});

describe('consultations and dialogues adopt nothing and need no quorum', () => {
  it('is always met', () => {
    for (const kind of ['frontConsultation', 'citizenDialogue'] as const) {
      expect(checkQuorum(PROCESS_TEMPLATES[kind], members(10), {}).met).toBe(true);
    }
  });
});

describe('threshold arithmetic', () => {
  it('minimumToMeet is the smallest count that meets the threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.constantFrom(
          { numerator: 2, denominator: 3, comparison: 'atLeast' as const },
          { numerator: 1, denominator: 2, comparison: 'moreThan' as const },
          { numerator: 1, denominator: 2, comparison: 'atLeast' as const },
        ),
        (base, threshold) => {
          const minimum = minimumToMeet(base, threshold);
          expect(meetsThreshold(minimum, base, threshold)).toBe(true);
          expect(meetsThreshold(minimum - 1, base, threshold)).toBe(false);
        },
      ),
    );
  });
});
