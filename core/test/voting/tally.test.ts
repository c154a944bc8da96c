import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADOPTION_PRESETS,
  DEFAULT_CHOICES,
  decideElection,
  decideMotion,
  decideVote,
  tallyElection,
  tallyMotion,
  type BallotMarks,
  type ElectorateCounts,
  type VoteAdoptionRule,
  type VoteChoice,
  type VoteShape,
} from '../../src/index';

const quorate = (present: number, summoned = present): ElectorateCounts => ({
  present,
  summoned,
  quorum: { met: true },
});

const motion = (adoption: VoteAdoptionRule, choices = DEFAULT_CHOICES): VoteShape => ({
  kind: 'motion',
  choices: [...choices],
  maxMarks: 1,
  seats: 1,
  adoption,
  quorumRequired: true,
});

/** `for` × for, `against` × against, `abstain` × abstain. */
const hands = (forCount: number, against: number, abstain: number): BallotMarks[] => [
  ...Array.from({ length: forCount }, () => ({ marks: ['for'] })),
  ...Array.from({ length: against }, () => ({ marks: ['against'] })),
  ...Array.from({ length: abstain }, () => ({ marks: ['abstain'] })),
];

const decide = (shape: VoteShape, ballots: BallotMarks[], electorate: ElectorateCounts) =>
  decideMotion(shape, tallyMotion(shape, ballots), electorate);

describe('staff conference resolutions: more than 50% of attendees (Law 10/2022 Art. 51(2)(c))', () => {
  const staff = motion({ ...ADOPTION_PRESETS.staffConference });

  it('rejects at exactly half (10 of 20) and adopts at 11', () => {
    const half = decide(staff, hands(10, 10, 0), quorate(20));
    expect(half).toMatchObject({ outcome: 'rejected', count: 10, base: 20, required: 11 });
    expect(half.reason.code).toBe('thresholdNotMet');
    const over = decide(staff, hands(11, 9, 0), quorate(20));
    expect(over).toMatchObject({ outcome: 'adopted', choiceId: 'for', required: 11 });
    expect(over.reason.text.vi).toContain('Điều 51');
    expect(over.reason.text.en).toContain('Art. 51(2)(c)');
  });

  it('counts the base over attendees, so abstentions and people who did not vote still count', () => {
    expect(decide(staff, hands(11, 0, 9), quorate(20)).outcome).toBe('adopted');
    expect(decide(staff, hands(10, 1, 9), quorate(20)).outcome).toBe('rejected');
    // 10 of 10 ballots but 21 present: 10 is not more than half of 21.
    expect(decide(staff, hands(10, 0, 0), quorate(21)).outcome).toBe('rejected');
  });

  it('decides nothing when the meeting lacked quorum, whatever the ballots say', () => {
    const decision = decide(staff, hands(20, 0, 0), {
      present: 20,
      summoned: 40,
      quorum: { met: false },
    });
    expect(decision.outcome).toBe('noQuorum');
    expect(decision.reason.code).toBe('quorumNotMet');
  });

  it('rejects when there is no base to count against', () => {
    expect(decide(staff, [], quorate(0))).toMatchObject({
      outcome: 'rejected',
      reason: { code: 'emptyBase' },
    });
  });
});

describe('residential community decisions over ALL household representatives (Law 10/2022 Art. 21(1))', () => {
  it('contributions pass with at least 2/3 of all households: exactly 20 of 30 is enough', () => {
    const rule = { ...ADOPTION_PRESETS.communityContribution, householdCount: 30 };
    expect(decide(motion(rule), hands(20, 2, 0), quorate(22))).toMatchObject({
      outcome: 'adopted',
      base: 30,
      required: 20,
    });
    expect(decide(motion(rule), hands(19, 0, 0), quorate(25)).outcome).toBe('rejected');
  });

  it('counts the total, not those present: 21 of 21 present is not 2/3 of 33 households', () => {
    const rule = { ...ADOPTION_PRESETS.communityContribution, householdCount: 33 };
    expect(decide(motion(rule), hands(21, 0, 0), quorate(21))).toMatchObject({
      outcome: 'rejected',
      required: 22,
    });
  });

  it('self-management needs more than 50% of all households: 20 of 40 is not enough', () => {
    const rule = { ...ADOPTION_PRESETS.communitySelfManagement, householdCount: 40 };
    expect(decide(motion(rule), hands(20, 0, 0), quorate(30)).outcome).toBe('rejected');
    expect(decide(motion(rule), hands(21, 0, 0), quorate(30)).outcome).toBe('adopted');
  });
});

describe('other bases and custom options', () => {
  const votesCast: VoteAdoptionRule = {
    threshold: { numerator: 1, denominator: 2, comparison: 'moreThan' },
    base: 'votesCast',
    basis: { vi: 'theo cấu hình của đơn vị', en: 'unit setting' },
  };

  it("'votesCast' leaves abstentions out of the base", () => {
    expect(decide(motion(votesCast), hands(3, 2, 10), quorate(15))).toMatchObject({
      outcome: 'adopted',
      base: 5,
    });
    expect(decide(motion(votesCast), hands(0, 0, 10), quorate(10)).outcome).toBe('rejected');
  });

  it("'summoned' counts over everyone summoned", () => {
    const rule = { ...votesCast, base: 'summoned' as const };
    expect(decide(motion(rule), hands(6, 0, 0), quorate(8, 12)).outcome).toBe('rejected');
    expect(decide(motion(rule), hands(7, 0, 0), quorate(8, 12)).outcome).toBe('adopted');
  });

  const options: VoteChoice[] = [
    { id: 'o1', label: 'Phương án 1', role: 'option' },
    { id: 'o2', label: 'Phương án 2', role: 'option' },
    { id: 'o3', label: 'Phương án 3', role: 'option' },
    { id: 'abstain', label: 'Không biểu quyết', role: 'abstain' },
  ];
  const atLeastThird: VoteAdoptionRule = {
    threshold: { numerator: 1, denominator: 3, comparison: 'atLeast' },
    base: 'attendees',
    basis: { vi: 'theo cấu hình của đơn vị', en: 'unit setting' },
  };
  const pick = (counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([id, n]) => Array.from({ length: n }, () => ({ marks: [id] })));

  it('adopts the option that meets the threshold', () => {
    const shape = motion(atLeastThird, options);
    expect(decide(shape, pick({ o1: 12, o2: 8, o3: 6 }), quorate(30))).toMatchObject({
      outcome: 'adopted',
      choiceId: 'o1',
    });
  });

  it('never settles two options level at the top: a tie decides nothing', () => {
    const shape = motion(atLeastThird, options);
    const decision = decide(shape, pick({ o1: 10, o2: 10, o3: 5 }), quorate(30));
    expect(decision).toMatchObject({ outcome: 'noDecision', reason: { code: 'tie' } });
    expect(decision.choiceId).toBeUndefined();
  });

  it('decides nothing when no option reaches the threshold', () => {
    const shape = motion(atLeastThird, options);
    expect(decide(shape, pick({ o1: 9, o2: 9, o3: 9 }), quorate(30)).outcome).toBe('noDecision');
  });

  it('counts malformed ballots as invalid, never for a choice', () => {
    const tally = tallyMotion(motion(votesCast), [
      { marks: ['for'] },
      { marks: ['for', 'against'] },
      { marks: ['maybe'] },
      { marks: [] },
    ]);
    expect(tally).toEqual({
      counts: { for: 1, against: 0, abstain: 0 },
      ballotsCast: 1,
      blank: 0,
      invalid: 3,
    });
  });
});

const candidates = (n: number): VoteChoice[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `c${i + 1}`,
    label: `Ứng viên ${i + 1}`,
    role: 'candidate',
  }));

const election = (seats: number, n: number, maxMarks = seats): VoteShape => ({
  kind: 'election',
  choices: candidates(n),
  seats,
  maxMarks,
  adoption: { ...ADOPTION_PRESETS.peoplesInspectionBoard },
  quorumRequired: true,
});

/** A tally with the given votes per candidate c1, c2… */
const votes = (list: number[], ballotsCast = 40) => ({
  counts: Object.fromEntries(list.map((v, i) => [`c${i + 1}`, v])),
  ballotsCast,
  blank: 0,
  invalid: 0,
});

describe("People's Inspection Board election: > 50% of attendees (Decree 59/2023 Art. 21, Law 10/2022 Art. 60)", () => {
  it('elects those over half of the attendees, by votes, up to the seats', () => {
    const decision = decideElection(
      election(5, 7),
      votes([30, 28, 25, 22, 21, 20, 10]),
      quorate(40),
    );
    expect(decision).toMatchObject({ outcome: 'elected', required: 21, unfilledSeats: 0 });
    expect(decision.elected).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    // Exactly half (20 of 40) is not more than half.
    expect(decision.standings.find((s) => s.choiceId === 'c6')).toMatchObject({
      overThreshold: false,
      status: 'notElected',
    });
  });

  it('reports a tie at the last seat as a runoff, never deciding it silently', () => {
    const decision = decideElection(
      election(5, 7),
      votes([30, 28, 25, 22, 22, 22, 5]),
      quorate(40),
    );
    expect(decision.outcome).toBe('runoff');
    expect(decision.elected).toEqual(['c1', 'c2', 'c3']);
    expect(decision.runoff).toEqual({ choiceIds: ['c4', 'c5', 'c6'], seats: 2 });
    expect(decision.standings.filter((s) => s.status === 'runoff').map((s) => s.rank)).toEqual([
      4, 4, 4,
    ]);
    expect(decision.reason.text.vi).toContain('bầu lại');
  });

  it('elects a level group whole when it fits in the remaining seats', () => {
    const decision = decideElection(election(3, 4), votes([30, 25, 25, 24]), quorate(40));
    expect(decision).toMatchObject({ outcome: 'elected', elected: ['c1', 'c2', 'c3'] });
  });

  it('leaves seats unfilled when too few candidates reach the threshold', () => {
    const decision = decideElection(election(5, 6), votes([30, 25, 20, 15, 10, 5]), quorate(40));
    expect(decision).toMatchObject({ outcome: 'elected', elected: ['c1', 'c2'], unfilledSeats: 3 });
    const none = decideElection(election(3, 3), votes([20, 19, 1]), quorate(40));
    expect(none).toMatchObject({ outcome: 'noneElected', elected: [], unfilledSeats: 3 });
  });

  it('elects nobody without quorum', () => {
    const decision = decideElection(election(3, 3), votes([40, 40, 40]), {
      present: 40,
      summoned: 100,
      quorum: { met: false },
    });
    expect(decision).toMatchObject({ outcome: 'noQuorum', elected: [] });
  });

  it('counts blank ballots as cast, and ballots over the mark limit as invalid', () => {
    const { tally } = tallyElection(
      election(2, 3),
      [
        { marks: ['c1', 'c2'] },
        { marks: [] },
        { marks: ['c1', 'c2', 'c3'] },
        { marks: ['c1', 'c1'] },
      ],
      quorate(4),
    );
    expect(tally).toEqual({
      counts: { c1: 1, c2: 1, c3: 0 },
      ballotsCast: 2,
      blank: 1,
      invalid: 2,
    });
  });
});

describe('properties', () => {
  const shape = motion({ ...ADOPTION_PRESETS.staffConference });
  const motionBallots = fc.array(
    fc.constantFrom('for', 'against', 'abstain').map((id) => ({ marks: [id] })),
    { maxLength: 300 },
  );

  it('the motion tally equals a recount of the same ballots', () => {
    fc.assert(
      fc.property(motionBallots, (ballots) => {
        const tally = tallyMotion(shape, ballots);
        for (const choice of DEFAULT_CHOICES) {
          expect(tally.counts[choice.id]).toBe(
            ballots.filter((b) => b.marks[0] === choice.id).length,
          );
        }
        expect(tally.ballotsCast).toBe(ballots.length);
      }),
    );
  });

  it('the order of ballots never changes a tally or an outcome', () => {
    fc.assert(
      fc.property(
        motionBallots.chain((ballots) =>
          fc.tuple(
            fc.constant(ballots),
            fc.shuffledSubarray(ballots, { minLength: ballots.length }),
          ),
        ),
        fc.integer({ min: 0, max: 50 }),
        ([ballots, shuffled], extra) => {
          const electorate = quorate(ballots.length + extra);
          expect(tallyMotion(shape, shuffled)).toEqual(tallyMotion(shape, ballots));
          expect(decide(shape, shuffled, electorate)).toEqual(decide(shape, ballots, electorate));
        },
      ),
    );
  });

  it('one more vote for never turns an adopted motion into a rejected one', () => {
    fc.assert(
      fc.property(motionBallots, fc.integer({ min: 0, max: 50 }), (ballots, extra) => {
        const electorate = quorate(ballots.length + extra + 1);
        const before = decide(shape, ballots, electorate).outcome;
        const after = decide(shape, [...ballots, { marks: ['for'] }], electorate).outcome;
        if (before === 'adopted') expect(after).toBe('adopted');
      }),
    );
  });

  const electionCase = fc
    .record({ seats: fc.integer({ min: 1, max: 9 }), extra: fc.integer({ min: 0, max: 6 }) })
    .chain(({ seats, extra }) => {
      const n = seats + extra;
      const ballot = fc
        .shuffledSubarray(
          candidates(n).map((c) => c.id),
          { maxLength: seats },
        )
        .map((marks) => ({ marks }));
      return fc.record({
        seats: fc.constant(seats),
        n: fc.constant(n),
        ballots: fc.array(ballot, { maxLength: 120 }),
        absent: fc.integer({ min: 0, max: 40 }),
      });
    });

  it('the election tally equals a recount, and its outcome fills exactly the seats it can', () => {
    fc.assert(
      fc.property(electionCase, ({ seats, n, ballots, absent }) => {
        const shape = election(seats, n);
        const electorate = quorate(ballots.length + absent);
        const { tally, decision } = tallyElection(shape, ballots, electorate);
        for (const c of candidates(n)) {
          expect(tally.counts[c.id]).toBe(ballots.filter((b) => b.marks.includes(c.id)).length);
        }
        expect(
          decision.elected.length + (decision.runoff?.seats ?? 0) + decision.unfilledSeats,
        ).toBe(seats);
        const byId = new Map(decision.standings.map((s) => [s.choiceId, s]));
        for (const id of decision.elected) expect(byId.get(id)!.overThreshold).toBe(true);
        const lowestElected = Math.min(...decision.elected.map((id) => byId.get(id)!.votes));
        for (const s of decision.standings) {
          if (s.status !== 'elected' && s.overThreshold)
            expect(s.votes).toBeLessThanOrEqual(lowestElected);
        }
        if (decision.runoff) {
          const level = decision.runoff.choiceIds.map((id) => byId.get(id)!.votes);
          expect(new Set(level).size).toBe(1);
          expect(level.length).toBeGreaterThan(decision.runoff.seats);
        }
      }),
    );
  });

  it('the order of election ballots never changes the outcome', () => {
    fc.assert(
      fc.property(
        electionCase.chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray(c.ballots, { minLength: c.ballots.length })),
        ),
        ([{ seats, n, ballots, absent }, shuffled]) => {
          const shape = election(seats, n);
          const electorate = quorate(ballots.length + absent);
          expect(tallyElection(shape, shuffled, electorate)).toEqual(
            tallyElection(shape, ballots, electorate),
          );
        },
      ),
    );
  });

  it('electronic and room votes share one outcome function', () => {
    fc.assert(
      fc.property(motionBallots, (ballots) => {
        const electorate = quorate(ballots.length);
        const tally = tallyMotion(shape, ballots);
        expect(decideVote(shape, tally, electorate)).toEqual(
          decideMotion(shape, tally, electorate),
        );
      }),
    );
  });
});
