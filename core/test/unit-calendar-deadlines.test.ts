import { describe, expect, it } from 'vitest';
import {
  addRecommendation,
  assertValidHolidayYear,
  createConsultation,
  defaultWorkCalendar,
  intakeCase,
  sendConsultation,
  unitWorkCalendar,
  ZCreateConsultationInput,
  ZIntakeCaseInput,
  type Body,
  type Member,
  type UnitHolidayYear,
  type UseCaseDeps,
  type WorkCalendarProvider,
} from '../src/index';
import { InMemoryCaseRepository } from '../src/cases/in-memory-case-repository';
import { InMemoryConsultationRepository } from '../src/consultations/in-memory-consultation-repository';
import {
  InMemoryAssignmentRepository,
  InMemoryBodyRepository,
  InMemoryMeetingRepository,
  sequentialIds,
} from '../src/testing/index';

const TENANT = 'c0000000-0000-4000-8000-000000000001';
const HEAD = 'c0000000-0000-4000-8000-000000000101';
const FRONT_HEAD = 'c0000000-0000-4000-8000-000000000102';

const bodyOf = (unitId: string): Body => ({
  tenantId: TENANT,
  unitId,
  unitName: unitId,
  id: `tcd-${unitId}`,
  kind: 'steeringCommittee',
  name: 'Ban Tiếp công dân',
});
const headOf = (body: Body): Member => ({
  tenantId: TENANT,
  bodyId: body.id,
  userId: HEAD,
  displayName: 'Trưởng ban',
  title: '',
  roles: ['head'],
});

/** Unit A gives Thu 29/4/2027 off (the bridge to Victory Day) and works Sat 8/5 for it. */
const HOLIDAYS_A: UnitHolidayYear = {
  year: 2027,
  daysOff: [{ date: '2027-04-29', holiday: 'victoryDay', note: 'Nghỉ nối 30/4' }],
  makeUpWorkingDays: [{ date: '2027-05-08', replacesDayOff: '2027-04-29', note: 'Làm bù' }],
};

describe('deadlines count the unit calendar from UseCaseDeps.calendars', () => {
  it("a unit's own day off moves a working-day deadline; another unit's stays", async () => {
    assertValidHolidayYear(HOLIDAYS_A);
    const a = bodyOf('ubnd-a');
    const b = bodyOf('ubnd-b');
    const bodies = new InMemoryBodyRepository();
    bodies.addBody(a, [headOf(a)]);
    bodies.addBody(b, [headOf(b)]);
    const asked: string[] = [];
    const calendars: WorkCalendarProvider = {
      forUnit: (tenantId, unitId) => {
        asked.push(`${tenantId}|${unitId}`);
        return Promise.resolve(
          unitId === 'ubnd-a' ? unitWorkCalendar([HOLIDAYS_A]) : defaultWorkCalendar(),
        );
      },
    };
    const deps: UseCaseDeps = {
      bodies,
      meetings: new InMemoryMeetingRepository(),
      assignments: new InMemoryAssignmentRepository(),
      cases: new InMemoryCaseRepository(),
      clock: { now: () => new Date('2027-04-26T02:00:00.000Z') }, // Mon 26/4/2027 09:00
      ids: sequentialIds('K'),
      calendars,
    };
    const intake = (body: Body) =>
      intakeCase(
        deps,
        { tenantId: TENANT, userId: HEAD, displayName: 'Trưởng ban' },
        body.id,
        ZIntakeCaseInput.parse({
          kind: 'complaint',
          summary: 'Đề nghị xem xét lại quyết định',
          instance: 'first',
        }),
      );
    // 7 working days from Mon 26/4: 27, 28, (30/4–3/5 off), 4, 5, 6, 7 May → Fri 7/5; unit A
    // also rests Thu 29/4 and works Sat 8/5 instead → Sat 8/5.
    expect((await intake(b)).acceptance.deadline).toBe('2027-05-07');
    expect((await intake(a)).acceptance.deadline).toBe('2027-05-08');
    expect(asked).toEqual([`${TENANT}|ubnd-b`, `${TENANT}|ubnd-a`]);
  });

  it('without a provider, the national calendar counts (fakes and older callers)', async () => {
    const a = bodyOf('ubnd-a');
    const bodies = new InMemoryBodyRepository();
    bodies.addBody(a, [headOf(a)]);
    const deps: UseCaseDeps = {
      bodies,
      meetings: new InMemoryMeetingRepository(),
      assignments: new InMemoryAssignmentRepository(),
      cases: new InMemoryCaseRepository(),
      clock: { now: () => new Date('2027-04-26T02:00:00.000Z') },
      ids: sequentialIds('K'),
    };
    const created = await intakeCase(
      deps,
      { tenantId: TENANT, userId: HEAD, displayName: 'Trưởng ban' },
      a.id,
      ZIntakeCaseInput.parse({ kind: 'complaint', summary: 'x', instance: 'first' }),
    );
    expect(created.acceptance.deadline).toBe('2027-05-07');
  });

  it("a Front recommendation's answer deadline rolls past the unit's own day off", async () => {
    const agency = bodyOf('ubnd-a');
    const front: Body = { ...agency, id: 'front', kind: 'fatherlandFront', name: 'Ủy ban MTTQ' };
    const answer = async (calendars: WorkCalendarProvider | undefined) => {
      const bodies = new InMemoryBodyRepository();
      bodies.addBody(agency, [headOf(agency)]);
      bodies.addBody(front, [{ ...headOf(front), userId: FRONT_HEAD }]);
      const deps: UseCaseDeps = {
        bodies,
        meetings: new InMemoryMeetingRepository(),
        assignments: new InMemoryAssignmentRepository(),
        consultations: new InMemoryConsultationRepository(),
        cases: new InMemoryCaseRepository(),
        clock: { now: () => new Date('2027-03-30T02:00:00.000Z') }, // Tue 30/3/2027 09:00
        ids: sequentialIds('F'),
        calendars,
      };
      const actor = { tenantId: TENANT, userId: HEAD, displayName: 'Trưởng ban' };
      const c = await createConsultation(
        deps,
        actor,
        agency.id,
        ZCreateConsultationInput.parse({
          kind: 'socialCritique',
          title: 'Phản biện dự thảo quy chế',
          documentTitle: 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở',
          frontName: 'Ủy ban MTTQ Việt Nam xã',
          frontBodyId: front.id,
          referenceOn: '2027-05-20',
        }),
      );
      await sendConsultation(deps, actor, agency.id, c.id, { version: 1, sentOn: '2027-03-30' });
      return addRecommendation(deps, actor, agency.id, c.id, { text: 'Bổ sung quy định' });
    };
    // 30 days from Tue 30/3 is Thu 29/4, a working day nationally. Unit A rests that day; the
    // deadline rolls to the next working day after it: 30/4–3/5 are off too → Tue 4/5.
    expect((await answer(undefined)).deadline).toBe('2027-04-29');
    const calendars: WorkCalendarProvider = {
      forUnit: () => Promise.resolve(unitWorkCalendar([HOLIDAYS_A])),
    };
    expect((await answer(calendars)).deadline).toBe('2027-05-04');
  });
});
