import { beforeEach, describe, expect, it } from 'vitest';
import {
  addRecommendation,
  approveRecommendationResponse,
  assignRecommendation,
  closeConsultation,
  createConsultation,
  DomainError,
  draftRecommendationResponse,
  getConsultation,
  listConsultations,
  listMyRecommendations,
  recommendationLateness,
  recommendationStats,
  sendConsultation,
  ZApproveResponseInput,
  ZCreateConsultationInput,
  type Actor,
  type Body,
  type BodyRole,
  type Member,
  type UseCaseDeps,
} from '../src/index';
import { InMemoryCaseRepository } from '../src/cases/in-memory-case-repository';
import { InMemoryConsultationRepository } from '../src/consultations/in-memory-consultation-repository';
import {
  InMemoryAssignmentRepository,
  InMemoryBodyRepository,
  InMemoryMeetingRepository,
  sequentialIds,
} from '../src/testing/index';

const TENANT = 'd0000000-0000-4000-8000-000000000001';
const agency: Body = {
  tenantId: TENANT,
  unitId: 'ubnd-chi-lang',
  unitName: 'UBND xã Chi Lăng',
  id: 'agency',
  kind: 'steeringCommittee',
  name: 'Ban Chỉ đạo',
};
const front: Body = { ...agency, id: 'front', kind: 'fatherlandFront', name: 'Ủy ban MTTQ xã' };
const person = (bodyId: string, n: number, roles: BodyRole[]): Member => ({
  tenantId: TENANT,
  bodyId,
  userId: `d0000000-0000-4000-8000-00000000020${n}`,
  displayName: `Người ${n}`,
  title: '',
  roles,
});
const head = person('agency', 1, ['head']);
const secretary = person('agency', 2, ['secretary']);
const owner = person('agency', 3, ['member']);
const frontChair = person('front', 4, ['head']);
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
  bodies.addBody(agency, [head, secretary, owner]);
  bodies.addBody(front, [frontChair]);
  deps = {
    bodies,
    meetings: new InMemoryMeetingRepository(),
    assignments: new InMemoryAssignmentRepository(),
    consultations: new InMemoryConsultationRepository(),
    cases: new InMemoryCaseRepository(),
    clock: { now: () => now },
    ids: sequentialIds('F'),
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

const critique = () =>
  createConsultation(
    deps,
    as(secretary),
    'agency',
    ZCreateConsultationInput.parse({
      kind: 'socialCritique',
      title: 'Phản biện dự thảo quy chế dân chủ',
      documentTitle: 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Chi Lăng',
      frontName: 'Ủy ban MTTQ Việt Nam xã Chi Lăng',
      frontBodyId: 'front',
      referenceOn: '2026-12-01',
    }),
  );

describe('Front consultations', () => {
  it('flags a draft sent less than 15 days before submission (Law 75/2015 Art. 36(1))', async () => {
    const c = await critique();
    const sent = await sendConsultation(deps, as(secretary), 'agency', c.id, {
      version: 1,
      sentOn: '2026-11-20',
    });
    expect(sent.sendCheck).toEqual({
      ruleId: 'front.critiqueDraftLeadTime',
      basis: 'Law 75/2015/QH13 on the Vietnam Fatherland Front Art. 36(1)',
      latestOn: '2026-11-16',
      late: true,
    });
    expect(
      await codeOf(sendConsultation(deps, as(secretary), 'agency', c.id, { version: 2 })),
    ).toBe('CONSULTATION.TRANSITION_NOT_ALLOWED');
  });

  it('walks a critique from draft to every recommendation answered, one of them late', async () => {
    const c = await critique();
    expect(
      await codeOf(addRecommendation(deps, as(frontChair), 'agency', c.id, { text: 'x' })),
    ).toBe('CONSULTATION.NOT_SENT');
    await sendConsultation(deps, as(secretary), 'agency', c.id, {
      version: 1,
      sentOn: '2026-10-01',
    });
    // The Front records its recommendations itself; the second one arrived on 1 Oct.
    const r1 = await addRecommendation(deps, as(frontChair), 'agency', c.id, {
      text: 'Bổ sung quy định công khai ngân sách',
      ownerId: owner.userId,
    });
    const r2 = await addRecommendation(deps, as(secretary), 'agency', c.id, {
      text: 'Làm rõ thời hạn trả lời kiến nghị',
      receivedOn: '2026-10-01',
    });
    expect([r1.number, r1.status, r1.deadline]).toEqual([1, 'assigned', '2026-12-23']);
    // 1 Oct + 30 days = Sat 31 Oct, a day off → Mon 2 Nov (default: the law sets none).
    expect([r2.number, r2.status, r2.deadline, r2.rule.source]).toEqual([
      2,
      'received',
      '2026-11-02',
      'default',
    ]);

    const a2 = await assignRecommendation(deps, as(secretary), 'agency', c.id, r2.id, {
      version: 1,
      ownerId: owner.userId,
    });
    expect((await listMyRecommendations(deps, as(owner))).map((r) => r.number)).toEqual([2, 1]);
    expect(
      await codeOf(
        draftRecommendationResponse(deps, as(secretary), 'agency', c.id, r2.id, {
          version: 2,
          kind: 'accepted',
          text: 'x',
        }),
      ),
    ).toBe('PERMISSION.DENIED');
    const d2 = await draftRecommendationResponse(deps, as(owner), 'agency', c.id, r2.id, {
      version: a2.version,
      kind: 'explained',
      text: 'Giải trình: Luật không quy định thời hạn; đơn vị áp dụng 30 ngày.',
    });
    const returned = await approveRecommendationResponse(deps, as(head), 'agency', c.id, r2.id, {
      version: d2.version,
      decision: 'return',
      reason: 'Nêu rõ căn cứ',
    });
    expect(returned).toMatchObject({ status: 'assigned', returnReason: 'Nêu rõ căn cứ' });
    const d2b = await draftRecommendationResponse(deps, as(owner), 'agency', c.id, r2.id, {
      version: returned.version,
      kind: 'explained',
      text: 'Giải trình theo Điều 29, 36 Luật MTTQ.',
    });
    expect(
      await codeOf(
        approveRecommendationResponse(
          deps,
          as(owner),
          'agency',
          c.id,
          r2.id,
          ZApproveResponseInput.parse({ version: d2b.version }),
        ),
      ),
    ).toBe('PERMISSION.DENIED');
    const done2 = await approveRecommendationResponse(
      deps,
      as(head),
      'agency',
      c.id,
      r2.id,
      ZApproveResponseInput.parse({ version: d2b.version }),
    );
    expect(done2).toMatchObject({ status: 'responded', respondedOn: '2026-11-23' });
    expect(recommendationLateness(done2, now)).toEqual({ late: true, onTime: false });
    // A retried approval answers the stored result.
    const replay = await approveRecommendationResponse(
      deps,
      as(head),
      'agency',
      c.id,
      r2.id,
      ZApproveResponseInput.parse({ version: d2b.version }),
    );
    expect(replay.version).toBe(done2.version);

    const d1 = await draftRecommendationResponse(deps, as(owner), 'agency', c.id, r1.id, {
      version: 1,
      kind: 'accepted',
      text: 'Tiếp thu, bổ sung Điều 5.',
    });
    const done1 = await approveRecommendationResponse(deps, as(head), 'agency', c.id, r1.id, {
      version: d1.version,
      decision: 'approve',
    });
    expect(recommendationLateness(done1, now)).toEqual({ late: false, onTime: true });

    // The Front side follows the consultation; drafts never reach it, answers do.
    const seen = await getConsultation(deps, as(frontChair), 'agency', c.id);
    expect(seen.side).toBe('front');
    expect(recommendationStats(seen.recommendations, now)).toMatchObject({
      total: 2,
      responded: 2,
      late: 1,
    });
    const listed = await listConsultations(deps, as(frontChair), 'agency');
    expect(listed.consultations.map((x) => x.id)).toEqual([c.id]);

    const closed = await closeConsultation(deps, as(head), 'agency', c.id, { version: 4 });
    expect(closed.status).toBe('closed');
    expect(
      await codeOf(
        draftRecommendationResponse(deps, as(owner), 'agency', c.id, r1.id, {
          version: done1.version,
          kind: 'accepted',
          text: 'late',
        }),
      ),
    ).toBe('CONSULTATION.CLOSED');
    expect(
      await codeOf(addRecommendation(deps, as(secretary), 'agency', c.id, { text: 'x' })),
    ).toBe('CONSULTATION.CLOSED');
  });

  it('refuses strangers, non-members as owners and a Front body that is not one', async () => {
    const c = await critique();
    const stranger: Actor = {
      tenantId: TENANT,
      userId: 'd0000000-0000-4000-8000-000000000999',
      displayName: 'x',
    };
    expect(await codeOf(getConsultation(deps, stranger, 'agency', c.id))).toBe('PERMISSION.DENIED');
    expect(
      await codeOf(getConsultation(deps, { ...as(head), tenantId: 'other' }, 'agency', c.id)),
    ).toBe('BODY.NOT_FOUND');
    expect(await codeOf(getConsultation(deps, as(head), 'agency', 'missing'))).toBe(
      'CONSULTATION.NOT_FOUND',
    );
    await sendConsultation(deps, as(secretary), 'agency', c.id, { version: 1 });
    expect(
      await codeOf(
        addRecommendation(deps, as(secretary), 'agency', c.id, {
          text: 'x',
          ownerId: frontChair.userId,
        }),
      ),
    ).toBe('RECOMMENDATION.OWNER_NOT_MEMBER');
    expect(
      await codeOf(
        addRecommendation(deps, as(secretary), 'agency', c.id, {
          text: 'x',
          receivedOn: '2026-11-24',
        }),
      ),
    ).toBe('DATE.IN_FUTURE');
    expect(
      await codeOf(
        createConsultation(
          deps,
          as(secretary),
          'agency',
          ZCreateConsultationInput.parse({
            kind: 'supervision',
            title: 't',
            documentTitle: 'd',
            frontName: 'f',
            frontBodyId: 'agency',
          }),
        ),
      ),
    ).toBe('CONSULTATION.FRONT_BODY_INVALID');
    expect(
      await codeOf(closeConsultation(deps, as(secretary), 'agency', c.id, { version: 2 })),
    ).toBe('PERMISSION.DENIED');
  });
});
