import { describe, expect, it } from 'vitest';
import type { CitizenCase } from '../src/cases/citizen-case';
import type { ReceptionSession } from '../src/cases/reception';
import type { Recommendation } from '../src/consultations/consultation';
import type { Disclosure } from '../src/disclosures/disclosure';
import { citizenFigures, presetPeriod, type ReviewPeriod } from '../src/reports/index';

/** The first half of 2027, reviewed well after it ended (cut-off: 24:00 on 30 June, Vietnam time). */
const H1 = presetPeriod(2027, 'H1');
const LATER = new Date('2027-08-01T03:00:00Z');
const endOf = (period: ReviewPeriod) =>
  new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);

function rec(id: string, receivedOn: string, deadline: string, answer?: [string, string]) {
  return {
    id,
    receivedOn,
    deadline,
    createdAt: `${receivedOn}T02:00:00.000Z`,
    status: answer ? 'responded' : 'assigned',
    respondedOn: answer?.[0],
    respondedAt: answer?.[1],
  } as Recommendation;
}

const RECOMMENDATIONS = [
  // Approved at 23:59:59 on the deadline day (Vietnam time): on time.
  rec('r1', '2027-01-10', '2027-02-09', ['2027-02-09', '2027-02-09T16:59:59.000Z']),
  // Approved at 00:00 the day after: late.
  rec('r2', '2027-01-30', '2027-03-01', ['2027-03-02', '2027-03-01T17:00:00.000Z']),
  // Open, due on the period's last day: overdue at 24:00 that day, the cut-off itself.
  rec('r3', '2027-06-01', '2027-06-30'),
  // Open, due after the period: not overdue.
  rec('r4', '2027-06-10', '2027-07-10'),
  // Received last year, answered late in the period: answered late, not received.
  rec('r5', '2026-12-01', '2026-12-31', ['2027-01-05', '2027-01-05T03:00:00.000Z']),
  // Answered after the cut-off: open and overdue at the cut-off.
  rec('r6', '2027-05-01', '2027-05-31', ['2027-07-05', '2027-07-05T03:00:00.000Z']),
];

function citizenCase(
  id: string,
  kind: CitizenCase['kind'],
  receivedOn: string,
  extra: Partial<CitizenCase>,
): CitizenCase {
  return {
    id,
    kind,
    receivedOn,
    createdAt: `${receivedOn}T02:00:00.000Z`,
    status: 'received',
    acceptance: { deadline: '2099-01-01' },
    ...extra,
  } as CitizenCase;
}

const resolution = (deadline: string, extra: object = {}) =>
  ({
    deadline,
    originalDeadline: deadline,
    extensions: [],
    ...extra,
  }) as unknown as CitizenCase['resolution'];

const CASES = [
  citizenCase('c1', 'complaint', '2027-01-05', {
    status: 'resolved',
    acceptance: { deadline: '2027-01-15', decidedOn: '2027-01-10' } as CitizenCase['acceptance'],
    resolution: resolution('2027-02-10', { resolvedOn: '2027-02-10' }),
  }),
  // Resolved on the extended deadline (Law 25/2018 Art. 30): on time.
  citizenCase('c2', 'denunciation', '2027-02-01', {
    status: 'resolved',
    acceptance: { deadline: '2027-02-10', decidedOn: '2027-02-08' } as CitizenCase['acceptance'],
    resolution: resolution('2027-04-14', {
      originalDeadline: '2027-03-15',
      extensions: [
        {
          number: 1,
          fromDeadline: '2027-03-15',
          toDeadline: '2027-04-14',
          decidedOn: '2027-03-10',
        },
      ],
      resolvedOn: '2027-04-14',
    }),
  }),
  citizenCase('c3', 'feedback', '2027-03-01', {
    status: 'resolved',
    acceptance: { deadline: '2027-03-15', decidedOn: '2027-03-02' } as CitizenCase['acceptance'],
    resolution: resolution('2027-04-01', { resolvedOn: '2027-04-02' }),
  }),
  // Undecided, acceptance due on the period's last day: overdue at the cut-off.
  citizenCase('c4', 'complaint', '2027-06-20', {
    acceptance: { deadline: '2027-06-30' } as CitizenCase['acceptance'],
  }),
  citizenCase('c5', 'complaint', '2027-05-01', {
    status: 'rejected',
    acceptance: { deadline: '2027-05-12', decidedOn: '2027-05-05' } as CitizenCase['acceptance'],
  }),
  // Resolved after the cut-off, past its deadline: open and overdue at the cut-off.
  citizenCase('c6', 'complaint', '2027-04-01', {
    status: 'resolved',
    acceptance: { deadline: '2027-04-12', decidedOn: '2027-04-05' } as CitizenCase['acceptance'],
    resolution: resolution('2027-05-15', { resolvedOn: '2027-07-10' }),
  }),
];

const session = (id: string, kind: ReceptionSession['kind'], date: string, status = 'held') =>
  ({ id, kind, date, status }) as ReceptionSession;

const SESSIONS = [
  // The agency head's monthly day (Law 42/2013 Art. 18): May is missed.
  session('s1', 'agencyHead', '2027-01-15'),
  session('s2', 'agencyHead', '2027-02-20'),
  session('s3', 'agencyHead', '2027-03-10'),
  session('s4', 'agencyHead', '2027-04-12'),
  session('s5', 'agencyHead', '2027-05-14', 'cancelled'),
  session('s6', 'agencyHead', '2027-05-28', 'scheduled'),
  session('s7', 'agencyHead', '2027-06-05'),
  session('s8', 'dialogue', '2027-04-20'),
];

const disclosure = (id: string, status: Disclosure['status'], startOn: string, extra = {}) =>
  ({
    id,
    status,
    startOn,
    createdAt: '2026-11-01T02:00:00.000Z',
    postedAt: status === 'planned' ? undefined : `${startOn}T02:00:00.000Z`,
    ...extra,
  }) as Disclosure;

const DISCLOSURES = [
  disclosure('d1', 'ended', '2027-02-01', { endedOn: '2027-03-03' }),
  disclosure('d2', 'posted', '2027-06-15'),
  disclosure('d3', 'planned', '2027-06-01'),
  disclosure('d4', 'planned', '2027-07-15'),
  disclosure('d5', 'ended', '2026-12-01', { endedOn: '2027-01-01' }),
];

const figures = (period: ReviewPeriod = H1, now: Date = LATER) =>
  citizenFigures({
    period,
    asOf: new Date(Math.min(now.getTime(), endOf(period).getTime())),
    recommendations: RECOMMENDATIONS,
    sessions: SESSIONS,
    cases: CASES,
    disclosures: DISCLOSURES,
  });

describe('review: Front recommendations (Law 75/2015 Art. 29(6), 36(3))', () => {
  it('counts received, answered on time / late and open overdue at the cut-off', () => {
    const front = figures().front;
    expect(front.received).toEqual({ count: 5, ids: ['r1', 'r2', 'r3', 'r4', 'r6'] });
    expect(front.answered.ids).toEqual(['r1', 'r2', 'r5']);
    expect(front.answeredOnTime.ids).toEqual(['r1']);
    expect(front.answeredLate.ids).toEqual(['r2', 'r5']);
    expect(front.openOverdue.ids).toEqual(['r3', 'r6']);
    expect(front.onTimeRate).toBeCloseTo(1 / 3);
  });

  it('the deadline ends at 24:00 Vietnam time: a day earlier, r3 is not yet overdue', () => {
    const earlier = figures({ from: '2027-01-01', to: '2027-06-29' }).front;
    expect(earlier.openOverdue.ids).toEqual(['r6']);
  });
});

describe('review: citizen cases (Law 02/2011 Art. 27-28; Law 25/2018 Art. 30; counts only)', () => {
  it('resolved within the deadline in force (extensions included), late, rejected, open overdue', () => {
    const cases = figures().cases;
    expect(cases.received.count).toBe(6);
    expect(cases.resolved.ids).toEqual(['c1', 'c2', 'c3']);
    expect(cases.resolvedOnTime.ids).toEqual(['c1', 'c2']);
    expect(cases.resolvedLate.ids).toEqual(['c3']);
    expect(cases.rejected.ids).toEqual(['c5']);
    expect(cases.openOverdue.ids).toEqual(['c4', 'c6']);
    expect(cases.byKind).toEqual({
      complaint: { received: 4, resolvedOnTime: 1, resolvedLate: 0, openOverdue: 2 },
      denunciation: { received: 1, resolvedOnTime: 1, resolvedLate: 0, openOverdue: 0 },
      feedback: { received: 1, resolvedOnTime: 0, resolvedLate: 1, openOverdue: 0 },
    });
  });

  it('carries no number, name or content: only opaque ids and counts', () => {
    const json = JSON.stringify(figures().cases);
    expect(json).not.toMatch(/KN-|TC-|PA-|summary|fullName/);
  });
});

describe('review: citizen reception against Law 42/2013 Art. 15, 18 and the yearly dialogue', () => {
  it('six months need six agency-head days; May had none held, so one month is short', () => {
    const reception = figures().reception;
    expect(reception.held.count).toBe(6);
    expect(reception.kinds.map((k) => k.kind)).toEqual(['agencyHead', 'dialogue']);
    expect(reception.kinds[0]).toMatchObject({
      ruleId: 'reception.agencyHead',
      cadence: 'month',
      required: 6,
      periodsShort: 1,
      met: false,
    });
    expect(reception.kinds[0]!.held.ids).toEqual(['s1', 's2', 's3', 's4', 's7']);
    expect(reception.kinds[1]).toMatchObject({ required: 1, periodsShort: 0, met: true });
  });
});

describe('review: public disclosures', () => {
  it('made in the period, ended in it, and those whose start was missed', () => {
    const disclosures = figures().disclosures;
    expect(disclosures.made.ids).toEqual(['d1', 'd2']);
    expect(disclosures.ended.ids).toEqual(['d1', 'd5']);
    expect(disclosures.startOverdue.ids).toEqual(['d3']);
  });

  it('without a store the part is marked unavailable, not zero', () => {
    const none = citizenFigures({ period: H1, asOf: endOf(H1) });
    expect(none.disclosures.available).toBe(false);
    expect(none.front.available).toBe(false);
  });
});
