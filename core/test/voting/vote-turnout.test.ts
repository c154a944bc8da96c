import { beforeEach, describe, expect, it } from 'vitest';
import {
  castBallot,
  closeMotion,
  createMotion,
  getMotion,
  openMotion,
  pendingVoterIds,
  recordAttendance,
  scheduleMeeting,
  transitionMeeting,
  turnoutOf,
  ZCastBallotInput,
  ZCreateMeetingInput,
  ZCreateMotionInput,
  type Actor,
  type Body,
  type BodyRole,
  type Member,
  type VoteDeps,
} from '../../src/index';
import { InMemoryVoteRepository } from '../../src/voting/in-memory-vote-repository';
import {
  InMemoryAssignmentRepository,
  InMemoryBodyRepository,
  InMemoryMeetingRepository,
  sequentialIds,
} from '../../src/testing/index';

const TENANT = 'a0000000-0000-4000-8000-000000000001';
const uuid = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const body: Body = {
  tenantId: TENANT,
  unitId: 'u1',
  unitName: 'UBND xã Chi Lăng',
  id: 'b1',
  kind: 'staffConference',
  name: 'Hội nghị CBCCVC',
};
const person = (n: number, roles: BodyRole[]): Member => ({
  tenantId: TENANT,
  bodyId: 'b1',
  userId: uuid(n),
  displayName: `Người ${n}`,
  title: 'Công chức',
  roles,
});
const head = person(1, ['head']);
const secretary = person(2, ['secretary']);
const staff = Array.from({ length: 4 }, (_, i) => person(10 + i, ['member']));
const observer = person(90, ['observer']);
const actor = (m: Member): Actor => ({ tenantId: TENANT, userId: m.userId, displayName: '' });
const submission = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let deps: VoteDeps;
let meetingId: string;

beforeEach(async () => {
  const bodies = new InMemoryBodyRepository();
  bodies.addBody(body, [head, secretary, ...staff, observer]);
  let n = 0;
  deps = {
    bodies,
    meetings: new InMemoryMeetingRepository(),
    assignments: new InMemoryAssignmentRepository(),
    votes: new InMemoryVoteRepository(),
    clock: { now: () => new Date('2026-12-15T02:00:00.000Z') },
    ids: sequentialIds(),
    random: { bytes: (length) => Uint8Array.from({ length }, (_, i) => (n++ * 31 + i) % 256) },
  };
  const meeting = await scheduleMeeting(
    deps,
    actor(head),
    'b1',
    ZCreateMeetingInput.parse({
      kind: 'staffConference',
      title: 'Hội nghị cán bộ, công chức năm 2026',
      startsAt: '2026-12-15T08:00:00+07:00',
      location: 'Hội trường',
      chairId: head.userId,
      secretaryId: secretary.userId,
    }),
  );
  meetingId = meeting.id;
  await transitionMeeting(deps, actor(head), 'b1', meetingId, { transition: 'start', version: 1 });
  await recordAttendance(deps, actor(secretary), 'b1', meetingId, {
    marks: [head, secretary, ...staff].map((p) => ({
      userId: p.userId,
      status: 'present' as const,
    })),
  });
});

async function openVote(method: 'open' | 'secret') {
  const motion = await createMotion(
    deps,
    actor(secretary),
    'b1',
    meetingId,
    ZCreateMotionInput.parse({ question: 'Thông qua Nghị quyết', method }),
  );
  return openMotion(deps, actor(head), 'b1', meetingId, motion.id);
}

describe('turnout of an open vote', () => {
  it.each(['open', 'secret'] as const)(
    '%s ballot: ballots cast / eligible for anyone in the body, never a choice, gone once closed',
    async (method) => {
      const motion = await openVote(method);
      for (const [i, voter] of staff.slice(0, 2).entries()) {
        await castBallot(deps, actor(voter), 'b1', meetingId, motion.id, {
          ...ZCastBallotInput.parse({ submissionId: submission(i), choice: 'for' }),
        });
      }
      for (const viewer of [head, observer, staff[3]!]) {
        const view = await getMotion(deps, actor(viewer), 'b1', meetingId, motion.id);
        expect(view.turnout).toEqual({ voted: 2, eligible: 6 });
        expect(Object.keys(view.turnout!).sort()).toEqual(['eligible', 'voted']);
      }
      await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
      const closed = await getMotion(deps, actor(head), 'b1', meetingId, motion.id);
      expect(closed.turnout).toBeUndefined();
      expect(closed.motion.result?.turnout).toMatchObject({ voted: 2 });
    },
  );

  it('counts only completed receipts, and lists who is still to cast in roster order', () => {
    const roster = [
      { userId: 'a', state: 'voted' as const },
      { userId: 'b', state: 'eligible' as const },
      { userId: 'c', state: 'pending' as const },
      { userId: 'd', state: 'eligible' as const },
    ];
    expect(turnoutOf(roster)).toEqual({ voted: 1, eligible: 4 });
    expect(pendingVoterIds(roster)).toEqual(['b', 'd']);
  });

  it('a draft vote has no turnout', async () => {
    const draft = await createMotion(
      deps,
      actor(secretary),
      'b1',
      meetingId,
      ZCreateMotionInput.parse({ question: 'Chưa mở' }),
    );
    expect((await getMotion(deps, actor(head), 'b1', meetingId, draft.id)).turnout).toBeUndefined();
  });
});
