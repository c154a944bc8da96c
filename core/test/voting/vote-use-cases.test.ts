import { beforeEach, describe, expect, it } from 'vitest';
import {
  cancelMotion,
  castBallot,
  closeMotion,
  confirmRoomTally,
  createElection,
  createMotion,
  DomainError,
  enterRoomTally,
  getMotion,
  listMotionAudit,
  openMotion,
  recordAttendance,
  scheduleMeeting,
  transitionMeeting,
  verifyMotion,
  ZCastBallotInput,
  ZCreateElectionInput,
  ZCreateMeetingInput,
  ZCreateMotionInput,
  type Actor,
  type Body,
  type BodyRole,
  type Member,
  type Motion,
  type RandomSource,
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
const OTHER_TENANT = 'b0000000-0000-4000-8000-000000000002';
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
const staff = Array.from({ length: 10 }, (_, i) => person(10 + i, ['member']));
const observer = person(90, ['observer']);
const actor = (m: Member, tenantId = TENANT): Actor => ({
  tenantId,
  userId: m.userId,
  displayName: m.displayName,
});

let deps: VoteDeps;
let votes: InMemoryVoteRepository;
let now: Date;
let meetingId: string;

/** A deterministic random source (the real one is the platform CSPRNG). */
function counterRandom(): RandomSource {
  let n = 0;
  return {
    bytes: (length) => Uint8Array.from({ length }, (_, i) => (n++ * 31 + i * 7) % 256),
  };
}

const submission = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ballot = (choice: string, n = 1) =>
  ZCastBallotInput.parse({ submissionId: submission(n), choice });
const marks = (list: string[], n = 1) =>
  ZCastBallotInput.parse({ submissionId: submission(n), marks: list });

beforeEach(async () => {
  const bodies = new InMemoryBodyRepository();
  bodies.addBody(body, [head, secretary, ...staff, observer]);
  votes = new InMemoryVoteRepository();
  now = new Date('2026-12-15T02:00:00.000Z');
  deps = {
    bodies,
    meetings: new InMemoryMeetingRepository(),
    assignments: new InMemoryAssignmentRepository(),
    votes,
    clock: { now: () => now },
    ids: sequentialIds(),
    random: counterRandom(),
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
});

/** Marks the first `count` staff (and the head and secretary) present. */
async function markPresent(count: number, delegates = 0) {
  const people = [head, secretary, ...staff.slice(0, count)];
  await recordAttendance(deps, actor(secretary), 'b1', meetingId, {
    marks: people.map((p, i) => ({
      userId: p.userId,
      status: 'present' as const,
      delegateName: i >= 2 && i < 2 + delegates ? 'Người dự thay' : undefined,
    })),
  });
}

async function openVote(input: Record<string, unknown> = {}): Promise<Motion> {
  const motion = await createMotion(
    deps,
    actor(secretary),
    'b1',
    meetingId,
    ZCreateMotionInput.parse({ question: 'Thông qua Nghị quyết Hội nghị', ...input }),
  );
  return openMotion(deps, actor(head), 'b1', meetingId, motion.id);
}

const cast = (m: Member, motion: Motion, input = ballot('for')) =>
  castBallot(deps, actor(m), 'b1', meetingId, motion.id, input);

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('expected a refusal');
}

describe('creating and opening a vote', () => {
  it('drafts a motion with Tán thành / Không tán thành / Không biểu quyết and the template rule', async () => {
    const motion = await createMotion(
      deps,
      actor(secretary),
      'b1',
      meetingId,
      ZCreateMotionInput.parse({ question: 'Thông qua quy chế chi tiêu nội bộ' }),
    );
    expect(motion.choices.map((c) => c.label)).toEqual([
      'Tán thành',
      'Không tán thành',
      'Không biểu quyết',
    ]);
    // Staff conference template: more than 50% of attendees (Law 10/2022 Art. 51(2)(c)).
    expect(motion.adoption).toMatchObject({
      base: 'attendees',
      threshold: { numerator: 1, denominator: 2, comparison: 'moreThan' },
    });
    expect(motion.status).toBe('draft');
  });

  it('takes a named legal rule, and asks for the household count a rule over all households needs', async () => {
    const create = (adoption: unknown) =>
      createMotion(
        deps,
        actor(secretary),
        'b1',
        meetingId,
        ZCreateMotionInput.parse({ question: 'Đóng góp xây dựng đường thôn', adoption }),
      );
    expect(await refusal(create({ preset: 'communityContribution' }))).toBe(
      'VOTE.HOUSEHOLD_COUNT_REQUIRED',
    );
    const motion = await create({ preset: 'communityContribution', householdCount: 120 });
    // Law 10/2022 Art. 21(1): at least 2/3 of all household representatives.
    expect(motion.adoption).toMatchObject({
      base: 'allHouseholds',
      householdCount: 120,
      threshold: { numerator: 2, denominator: 3, comparison: 'atLeast' },
    });
    expect(motion.adoption.basis.en).toContain('Art. 21(1)');
  });

  it('needs an explicit rule where the meeting adopts nothing (a Front consultation)', async () => {
    const consultation = await scheduleMeeting(
      deps,
      actor(head),
      'b1',
      ZCreateMeetingInput.parse({
        kind: 'frontConsultation',
        title: 'Lấy ý kiến dự thảo',
        startsAt: '2026-12-16T08:00:00+07:00',
        location: 'Hội trường',
        chairId: head.userId,
        secretaryId: secretary.userId,
      }),
    );
    expect(
      await refusal(
        createMotion(
          deps,
          actor(secretary),
          'b1',
          consultation.id,
          ZCreateMotionInput.parse({ question: 'Q' }),
        ),
      ),
    ).toBe('VOTE.ADOPTION_RULE_REQUIRED');
  });

  it('refuses to open without quorum (at least 2/3 present, Art. 51(2)(c)) and changes nothing', async () => {
    await markPresent(5); // 7 of 12 summoned: below 2/3 (8)
    const motion = await createMotion(
      deps,
      actor(secretary),
      'b1',
      meetingId,
      ZCreateMotionInput.parse({ question: 'Thông qua Nghị quyết' }),
    );
    const before = JSON.stringify([...votes.motions.values()]);
    expect(await refusal(openMotion(deps, actor(head), 'b1', meetingId, motion.id))).toBe(
      'MEETING.QUORUM_NOT_MET',
    );
    expect(JSON.stringify([...votes.motions.values()])).toBe(before);
    expect(votes.voters.size).toBe(0);
  });

  it('fixes the electorate at opening: members present, delegates included, observers never', async () => {
    await markPresent(8, 2);
    const motion = await openVote();
    expect(motion.electorate).toMatchObject({
      eligible: 10,
      present: 10,
      delegates: 2,
      summoned: 12,
    });
    expect(motion.electorate?.quorum.met).toBe(true);
    expect((await cast(staff[0]!, motion)).myBallot.status).toBe('voted'); // represented by a delegate
    expect(await refusal(cast(staff[9]!, motion))).toBe('VOTE.NOT_ELIGIBLE'); // absent
    expect(await refusal(cast(observer, motion))).toBe('VOTE.NOT_ELIGIBLE');
  });

  it('lets only the people running the room open it, and only while the meeting runs', async () => {
    await markPresent(10);
    const motion = await createMotion(
      deps,
      actor(secretary),
      'b1',
      meetingId,
      ZCreateMotionInput.parse({ question: 'Q' }),
    );
    expect(await refusal(openMotion(deps, actor(staff[0]!), 'b1', meetingId, motion.id))).toBe(
      'PERMISSION.DENIED',
    );
    const stored = await deps.meetings.getMeeting(TENANT, 'b1', meetingId);
    await transitionMeeting(deps, actor(head), 'b1', meetingId, {
      transition: 'end',
      version: stored!.meeting.version,
    });
    expect(await refusal(openMotion(deps, actor(head), 'b1', meetingId, motion.id))).toBe(
      'VOTE.MEETING_NOT_IN_PROGRESS',
    );
  });
});

describe('open ballots', () => {
  beforeEach(() => markPresent(10));

  it('records one ballot per voter; a retried submit gets the same answer and writes nothing', async () => {
    const motion = await openVote();
    const first = await cast(staff[0]!, motion, ballot('for', 1));
    const events = (await votes.listVoterEvents(keyOf(motion))).length;
    const again = await cast(staff[0]!, motion, ballot('for', 2));
    expect(again).toEqual(first);
    expect(first.myBallot).toMatchObject({ status: 'voted', marks: ['for'] });
    expect((await votes.listVoterEvents(keyOf(motion))).length).toBe(events);
  });

  it('refuses a different second choice unless the vote allows changes, then replaces it', async () => {
    const fixed = await openVote();
    await cast(staff[0]!, fixed, ballot('for'));
    expect(await refusal(cast(staff[0]!, fixed, ballot('against', 2)))).toBe('VOTE.ALREADY_CAST');

    const changeable = await openVote({ question: 'Q2', allowChange: true });
    await cast(staff[0]!, changeable, ballot('for'));
    const changed = await cast(staff[0]!, changeable, ballot('against', 2));
    expect(changed.myBallot.marks).toEqual(['against']);
    const trail = await votes.listVoterEvents(keyOf(changeable));
    expect(trail.map((e) => e.action)).toEqual(['vote.cast', 'vote.changed']);
  });

  it('refuses unknown choices and other tenants', async () => {
    const motion = await openVote();
    expect(await refusal(cast(staff[0]!, motion, ballot('maybe')))).toBe('VOTE.INVALID_CHOICE');
    expect(
      await refusal(
        castBallot(deps, actor(staff[0]!, OTHER_TENANT), 'b1', meetingId, motion.id, ballot('for')),
      ),
    ).toBe('VOTE.NOT_FOUND');
  });

  it('closes with the result, refuses casting afterwards, and verifies by recount', async () => {
    const motion = await openVote();
    for (const m of staff.slice(0, 7)) await cast(m, motion, ballot('for'));
    await cast(staff[7]!, motion, ballot('against'));
    await cast(staff[8]!, motion, ballot('abstain'));
    const closed = await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    expect(closed.status).toBe('closed');
    expect(closed.result?.tally.counts).toEqual({ for: 7, against: 1, abstain: 1 });
    // 7 of 12 attendees is more than half (the 3 who did not vote still count in the base).
    expect(closed.result?.decision).toMatchObject({ outcome: 'adopted', base: 12, required: 7 });
    expect(closed.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await refusal(cast(staff[9]!, motion))).toBe('VOTE.CLOSED');

    const verification = await verifyMotion(deps, actor(observer), 'b1', meetingId, motion.id);
    expect(verification.verified).toBe(true);

    // Someone edits a stored ballot behind the application's back: the recount catches it.
    const row = votes.voters.get(electorateId(closed))!.get(staff[0]!.userId)!;
    row.value = { ...row.value, marks: ['against'] };
    const tampered = await verifyMotion(deps, actor(observer), 'b1', meetingId, motion.id);
    expect(tampered.verified).toBe(false);
    expect(tampered.checks).toMatchObject({ recount: false, ballotsDigest: false });
  });

  it('audits every open, cast and close', async () => {
    const motion = await openVote();
    await cast(staff[0]!, motion, ballot('against'));
    await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    const audit = await listMotionAudit(deps, actor(head), 'b1', meetingId, motion.id);
    expect(audit.verified).toBe(true);
    expect(audit.events.map((e) => e.action)).toEqual([
      'vote.created',
      'vote.opened',
      'vote.closing',
      'vote.closed',
    ]);
    const casts = await votes.listVoterEvents(keyOf(motion));
    expect(casts).toHaveLength(1);
    expect(casts[0]).toMatchObject({
      action: 'vote.cast',
      changes: { choice: [null, ['against']] },
    });
  });

  it('shows an open-ballot voter their own choice', async () => {
    const motion = await openVote();
    await cast(staff[0]!, motion, ballot('against'));
    const view = await getMotion(deps, actor(staff[0]!), 'b1', meetingId, motion.id);
    expect(view.myBallot).toMatchObject({ eligible: true, status: 'voted', marks: ['against'] });
    const notVoted = await getMotion(deps, actor(staff[1]!), 'b1', meetingId, motion.id);
    expect(notVoted.myBallot).toMatchObject({ eligible: true, status: 'notVoted' });
  });

  it('accepts ballots only inside the scheduled window', async () => {
    const motion = await openVote({
      opensAt: '2026-12-15T09:30:00+07:00',
      closesAt: '2026-12-15T10:00:00+07:00',
    });
    expect(await refusal(cast(staff[0]!, motion))).toBe('VOTE.NOT_OPEN');
    now = new Date('2026-12-15T02:45:00.000Z');
    expect((await cast(staff[0]!, motion)).myBallot.status).toBe('voted');
    now = new Date('2026-12-15T03:00:00.000Z');
    expect(await refusal(cast(staff[1]!, motion))).toBe('VOTE.CLOSED');
  });

  it('absorbs concurrent duplicate submits: every voter recorded once', async () => {
    const motion = await openVote();
    const voters = [head, secretary, ...staff];
    await Promise.all(
      voters.flatMap((m, i) => [
        cast(m, motion, ballot('for', i)),
        cast(m, motion, ballot('for', i)),
      ]),
    );
    const stored = await votes.listVoters(keyOf(motion));
    expect(stored.filter((v) => v.state === 'voted')).toHaveLength(voters.length);
    expect(await votes.listVoterEvents(keyOf(motion))).toHaveLength(voters.length);
  });
});

describe('secret ballots', () => {
  beforeEach(() => markPresent(10));
  const openSecret = () => openVote({ method: 'secret' });

  it('keeps the receipt (who) apart from the ballot (what), and audits without the choice', async () => {
    const motion = await openSecret();
    const result = await cast(staff[0]!, motion, ballot('against'));
    expect(result.myBallot).toEqual({ eligible: true, status: 'voted', castAt: now.toISOString() });
    const receipt = (await votes.getVoter(keyOf(motion), staff[0]!.userId))!.value;
    expect(receipt).toMatchObject({ state: 'voted' });
    expect(receipt.marks).toBeUndefined();
    expect(receipt.pendingKey).toBeUndefined();
    const { ballots } = await votes.listSecretBallots(keyOf(motion));
    expect(ballots).toHaveLength(1);
    expect(Object.keys(ballots[0]!).sort()).toEqual(['key', 'marks']);
    expect(JSON.stringify(ballots)).not.toContain(staff[0]!.userId);
    const events = await votes.listVoterEvents(keyOf(motion));
    expect(JSON.stringify(events)).not.toContain('against');
    const view = await getMotion(deps, actor(staff[0]!), 'b1', meetingId, motion.id);
    expect(view.myBallot).toEqual({ eligible: true, status: 'voted', castAt: now.toISOString() });
  });

  it('never lets a secret ballot change; a retry of the same submission gets the same answer', async () => {
    const motion = await openSecret();
    const first = await cast(staff[0]!, motion, ballot('for', 7));
    expect(await cast(staff[0]!, motion, ballot('for', 7))).toEqual(first);
    expect(await refusal(cast(staff[0]!, motion, ballot('against', 8)))).toBe('VOTE.ALREADY_CAST');
    expect((await votes.listSecretBallots(keyOf(motion))).ballots).toHaveLength(1);
  });

  for (const crash of [
    { at: 'putSecretBallot', phase: 'before' },
    { at: 'putSecretBallot', phase: 'after' },
    { at: 'commitVoterChange', phase: 'after' },
  ] as const) {
    it(`neither loses nor doubles a ballot when the process dies ${crash.phase} ${crash.at}`, async () => {
      const motion = await openSecret();
      let armed = true;
      let calls = 0;
      votes.intercept = (operation, phase) => {
        if (operation !== crash.at || phase !== crash.phase || !armed) return;
        // commitVoterChange runs twice (pending, then voted): die after the first.
        calls += 1;
        if (crash.at === 'commitVoterChange' && calls > 1) return;
        armed = false;
        throw new Error('process died');
      };
      await expect(cast(staff[0]!, motion, ballot('against', 5))).rejects.toThrow('process died');
      votes.intercept = undefined;
      const retried = await cast(staff[0]!, motion, ballot('against', 5));
      expect(retried.myBallot.status).toBe('voted');
      const { ballots } = await votes.listSecretBallots(keyOf(motion));
      expect(ballots.map((b) => b.marks)).toEqual([['against']]);
      const closed = await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
      expect(closed.result?.tally.counts.against).toBe(1);
      expect(closed.result?.turnout).toEqual({ voted: 1, pending: 0 });
      expect((await verifyMotion(deps, actor(head), 'b1', meetingId, motion.id)).verified).toBe(
        true,
      );
    });
  }

  it('counts a ballot whose receipt was left pending by a crash, and only once', async () => {
    const motion = await openSecret();
    votes.intercept = (operation, phase) => {
      if (operation === 'putSecretBallot' && phase === 'after') throw new Error('process died');
    };
    await expect(cast(staff[0]!, motion, ballot('for', 3))).rejects.toThrow('process died');
    votes.intercept = undefined;
    await cast(staff[1]!, motion, ballot('against', 4));
    const closed = await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    expect(closed.result?.turnout).toEqual({ voted: 1, pending: 1 });
    expect(closed.result?.tally).toMatchObject({ counts: { for: 1, against: 1 }, ballotsCast: 2 });
    // Casting after the close is refused, whatever the submission.
    expect(await refusal(cast(staff[0]!, motion, ballot('for', 3)))).toBe('VOTE.CLOSED');
    expect(await refusal(cast(staff[0]!, motion, ballot('for', 9)))).toBe('VOTE.CLOSED');
  });

  it('tells a voter whose ballot reached the box just before the close that it counted', async () => {
    const motion = await openSecret();
    let commits = 0;
    votes.intercept = (operation, phase) => {
      // The close seals the box and the receipts between the ballot and the receipt's last write.
      if (operation === 'commitVoterChange' && phase === 'before' && ++commits === 2) {
        for (const row of votes.voters.get(electorateId(motion))!.values()) {
          row.value = { ...row.value, sealed: true };
          row.etag = 'sealed';
        }
        votes.boxes.get(electorateId(motion))!.sealed = true;
      }
    };
    const result = await cast(staff[0]!, motion, ballot('for', 3));
    votes.intercept = undefined;
    expect(result.myBallot.status).toBe('voted');
    const closed = await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    expect(closed.result?.turnout).toEqual({ voted: 0, pending: 1 });
    expect(closed.result?.tally.counts.for).toBe(1);
  });

  it('does not count a ballot that never reached the box before the close', async () => {
    const motion = await openSecret();
    votes.intercept = (operation, phase) => {
      if (operation === 'putSecretBallot' && phase === 'before') throw new Error('process died');
    };
    await expect(cast(staff[0]!, motion, ballot('for', 3))).rejects.toThrow('process died');
    votes.intercept = undefined;
    const closed = await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    expect(closed.result?.turnout).toEqual({ voted: 0, pending: 1 });
    expect(closed.result?.tally.ballotsCast).toBe(0);
    expect(await refusal(cast(staff[0]!, motion, ballot('for', 3)))).toBe('VOTE.CLOSED');
    expect((await votes.listSecretBallots(keyOf(motion))).ballots).toHaveLength(0);
  });

  it('refuses to announce when the box does not add up (a ballot slipped in behind the receipts)', async () => {
    const motion = await openSecret();
    await cast(staff[0]!, motion, ballot('for'));
    const box = votes.boxes.get(electorateId(motion))!;
    box.ballots.set('forged', ['for']);
    expect(await refusal(closeMotion(deps, actor(head), 'b1', meetingId, motion.id))).toBe(
      'VOTE.BALLOT_BOX_INCONSISTENT',
    );
  });

  it('resumes a close interrupted half-way', async () => {
    const motion = await openSecret();
    await cast(staff[0]!, motion, ballot('for'));
    votes.intercept = (operation) => {
      if (operation === 'remixSecretBallots') throw new Error('process died');
    };
    await expect(closeMotion(deps, actor(head), 'b1', meetingId, motion.id)).rejects.toThrow();
    votes.intercept = undefined;
    expect(await refusal(cast(staff[1]!, motion))).toBe('VOTE.CLOSED');
    const closed = await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    expect(closed.result?.tally.counts.for).toBe(1);
  });
});

describe('cancelling', () => {
  beforeEach(() => markPresent(10));

  it('cancels an open vote with a reason, seals it, and counts nothing', async () => {
    const motion = await openVote({ method: 'secret' });
    await cast(staff[0]!, motion, ballot('for'));
    expect(
      await refusal(
        cancelMotion(deps, actor(staff[1]!), 'b1', meetingId, motion.id, 'Nhầm nội dung'),
      ),
    ).toBe('PERMISSION.DENIED');
    const cancelled = await cancelMotion(
      deps,
      actor(secretary),
      'b1',
      meetingId,
      motion.id,
      'Nhầm nội dung',
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'Nhầm nội dung' });
    expect(cancelled.result).toBeUndefined();
    expect(await refusal(cast(staff[1]!, motion))).toBe('VOTE.CLOSED');
    expect(votes.boxes.get(electorateId(motion))!.sealed).toBe(true);
    expect((await votes.listVoters(keyOf(motion))).every((v) => v.sealed)).toBe(true);
    expect(await refusal(closeMotion(deps, actor(head), 'b1', meetingId, motion.id))).toBe(
      'VOTE.TRANSITION_NOT_ALLOWED',
    );
  });
});

describe('room votes counted by the counting board (Decree 59/2023 Art. 3)', () => {
  beforeEach(() => markPresent(10));
  const board = () => [staff[0]!, staff[1]!, staff[2]!];

  async function openRoomVote() {
    return openVote({ mode: 'room', countingBoard: board().map((m) => m.userId) });
  }

  it('takes the tally from the board, needs every member to confirm, and names them in the result', async () => {
    const motion = await openRoomVote();
    expect(await refusal(cast(staff[3]!, motion))).toBe('VOTE.ROOM_VOTE');
    const tally = { counts: { for: 8, against: 2, abstain: 1 } };
    expect(
      await refusal(enterRoomTally(deps, actor(staff[3]!), 'b1', meetingId, motion.id, tally)),
    ).toBe('VOTE.NOT_ON_COUNTING_BOARD');
    expect(
      await refusal(
        enterRoomTally(deps, actor(staff[0]!), 'b1', meetingId, motion.id, {
          counts: { for: 11, against: 2 },
        }),
      ),
    ).toBe('VOTE.TALLY_INVALID'); // 13 hands, 12 eligible
    const entered = await enterRoomTally(deps, actor(staff[0]!), 'b1', meetingId, motion.id, tally);
    expect(await refusal(closeMotion(deps, actor(head), 'b1', meetingId, motion.id))).toBe(
      'VOTE.TALLY_NOT_CONFIRMED',
    );
    await confirmRoomTally(deps, actor(staff[1]!), 'b1', meetingId, motion.id, { tallyVersion: 1 });
    // Re-entered: the earlier confirmations no longer count, and a stale confirmation is refused.
    await enterRoomTally(deps, actor(staff[1]!), 'b1', meetingId, motion.id, tally);
    expect(
      await refusal(
        confirmRoomTally(deps, actor(staff[2]!), 'b1', meetingId, motion.id, { tallyVersion: 1 }),
      ),
    ).toBe('VOTE.TALLY_CHANGED');
    await confirmRoomTally(deps, actor(staff[0]!), 'b1', meetingId, motion.id, { tallyVersion: 2 });
    await confirmRoomTally(deps, actor(staff[2]!), 'b1', meetingId, motion.id, { tallyVersion: 2 });
    const closed = await closeMotion(deps, actor(head), 'b1', meetingId, motion.id);
    expect(entered.roomTally?.version).toBe(1);
    expect(closed.result?.source).toBe('room');
    expect(closed.result?.decision).toMatchObject({ outcome: 'adopted' });
    expect(closed.result?.countingBoard?.map((c) => c.displayName).sort()).toEqual(
      board()
        .map((m) => m.displayName)
        .sort(),
    );
    expect((await verifyMotion(deps, actor(head), 'b1', meetingId, motion.id)).verified).toBe(true);
  });

  it('decides the same counts the same way whether cast electronically or counted in the room', async () => {
    const electronic = await openVote({ question: 'E' });
    for (const m of staff.slice(0, 5)) await cast(m, electronic, ballot('for'));
    for (const m of staff.slice(5, 10)) await cast(m, electronic, ballot('against'));
    const room = await openRoomVote();
    await enterRoomTally(deps, actor(staff[0]!), 'b1', meetingId, room.id, {
      counts: { for: 5, against: 5 },
    });
    for (const m of [staff[1]!, staff[2]!]) {
      await confirmRoomTally(deps, actor(m), 'b1', meetingId, room.id, { tallyVersion: 1 });
    }
    const a = await closeMotion(deps, actor(head), 'b1', meetingId, electronic.id);
    const b = await closeMotion(deps, actor(head), 'b1', meetingId, room.id);
    expect(a.result?.decision).toEqual(b.result?.decision);
    expect(a.result?.decision.outcome).toBe('rejected'); // 5 of 10 is not more than half
  });
});

describe("elections (People's Inspection Board: Law 10/2022 Art. 60, Decree 59/2023 Art. 21)", () => {
  beforeEach(() => markPresent(10));

  const electionInput = (overrides: Record<string, unknown> = {}) =>
    ZCreateElectionInput.parse({
      question: 'Bầu Ban Thanh tra nhân dân nhiệm kỳ 2027-2028',
      purpose: 'peoplesInspectionBoard',
      seats: 3,
      candidates: staff.slice(0, 5).map((m) => ({ name: m.displayName, userId: m.userId })),
      ...overrides,
    });

  it('bounds the seats to 3-9 and refuses the head as a candidate', async () => {
    expect(
      await refusal(
        createElection(deps, actor(secretary), 'b1', meetingId, electionInput({ seats: 2 })),
      ),
    ).toBe('ELECTION.SEATS_OUT_OF_RANGE');
    expect(
      await refusal(
        createElection(
          deps,
          actor(secretary),
          'b1',
          meetingId,
          electionInput({
            candidates: [head, ...staff.slice(0, 3)].map((m) => ({
              name: m.displayName,
              userId: m.userId,
            })),
          }),
        ),
      ),
    ).toBe('ELECTION.CANDIDATE_NOT_ELIGIBLE');
  });

  it('elects by secret ballot and reports a tie at the last seat as a runoff', async () => {
    const draft = await createElection(deps, actor(secretary), 'b1', meetingId, electionInput());
    expect(draft).toMatchObject({ method: 'secret', maxMarks: 3 });
    const election = await openMotion(deps, actor(head), 'b1', meetingId, draft.id);
    expect(await refusal(cast(staff[0]!, election, marks(['c1', 'c2', 'c3', 'c4'])))).toBe(
      'ELECTION.TOO_MANY_MARKS',
    );
    // 12 present: elected with more than 6. c1 12, c2 10, c3 8, c4 4.
    const voters = [head, secretary, ...staff];
    for (const [i, m] of voters.entries()) {
      const picked = ['c1', ...(i < 10 ? ['c2'] : []), i < 8 ? 'c3' : 'c4'];
      await cast(m, election, marks(picked, i));
    }
    const closed = await closeMotion(deps, actor(head), 'b1', meetingId, election.id);
    expect(closed.result?.tally.counts).toEqual({ c1: 12, c2: 10, c3: 8, c4: 4, c5: 0 });
    expect(closed.result?.decision).toMatchObject({
      outcome: 'elected',
      elected: ['c1', 'c2', 'c3'],
      required: 7,
    });

    // c2, c3 and c4 level on 8 for the last 2 seats: a runoff between them, nobody picked.
    const second = await openMotion(
      deps,
      actor(head),
      'b1',
      meetingId,
      (await createElection(deps, actor(secretary), 'b1', meetingId, electionInput())).id,
    );
    for (const [i, m] of voters.entries()) {
      const picked = i < 4 ? ['c1', 'c2', 'c3'] : i < 8 ? ['c1', 'c2', 'c4'] : ['c1', 'c3', 'c4'];
      await cast(m, second, marks(picked, i));
    }
    const runoff = await closeMotion(deps, actor(head), 'b1', meetingId, second.id);
    expect(runoff.result?.tally.counts).toMatchObject({ c1: 12, c2: 8, c3: 8, c4: 8 });
    expect(runoff.result?.decision).toMatchObject({
      outcome: 'runoff',
      elected: ['c1'],
      runoff: { choiceIds: ['c2', 'c3', 'c4'], seats: 2 },
    });
    expect((await verifyMotion(deps, actor(staff[5]!), 'b1', meetingId, second.id)).verified).toBe(
      true,
    );
  });
});

function keyOf(motion: Motion) {
  return {
    tenantId: motion.tenantId,
    bodyId: motion.bodyId,
    meetingId: motion.meetingId,
    motionId: motion.id,
    electorateId: motion.electorate!.id,
  };
}

function electorateId(motion: Motion): string {
  return `${motion.tenantId}/${motion.bodyId}/${motion.meetingId}/${motion.id}/${motion.electorate!.id}`;
}
