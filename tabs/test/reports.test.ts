import { describe, expect, it } from 'vitest';
import type { ReviewView } from '../src/api/report-api';
import { reviewQueryString } from '../src/api/report-api';
import { parseRoute } from '../src/routing/routes';
import {
  extraGroups,
  meetingKindItems,
  recordIndex,
  voteItems,
} from '../src/reports/figure-groups';
import { reportPaths } from '../src/reports/report-routes';
import {
  defaultPeriodChoice,
  toReviewQuery,
  type PeriodChoice,
} from '../src/reports/review-period';

const fig = (...ids: string[]) => ({ count: ids.length, ids });
const none = fig();

/** A review as the API answers it, with one extra figure group the tab has no words for yet. */
function review(extra: Record<string, unknown> = {}): ReviewView {
  return {
    body: {
      id: 'b1',
      name: 'Ban Chỉ đạo',
      unitName: 'UBND xã Chi Lăng',
      kind: 'steeringCommittee',
    },
    period: { from: '2026-01-01', to: '2026-12-31' },
    scope: { kind: 'year', year: 2026 },
    asOf: '2026-11-22T10:00:00.000Z',
    figures: {
      meetings: {
        held: fig('m1', 'm2'),
        byKind: {
          steeringRegular: fig('m1'),
          steeringHalfYearReview: fig('m2'),
          steeringYearEndReview: none,
          staffConference: none,
          frontConsultation: none,
          citizenDialogue: none,
        },
        minutesApproved: fig('m1'),
        cancelled: none,
      },
      assignments: {
        total: fig('a1'),
        done: fig('a1'),
        onTime: fig('a1'),
        late: none,
        awaitingApproval: none,
        open: none,
        overdue: none,
        cancelled: none,
        onTimeRate: 1,
        lateRate: 0,
        completionRate: 1,
      },
      votes: {
        available: true,
        motions: fig('v1'),
        adopted: fig('v1'),
        rejected: none,
        undecided: none,
        elections: none,
        electionsDecided: none,
      },
      ...extra,
    },
    meetingRows: [
      {
        id: 'm1',
        title: 'Họp tháng 3',
        kind: 'steeringRegular',
        startsAt: '2026-03-10T01:00:00.000Z',
        status: 'minutesApproved',
        minutesApproved: true,
      },
      {
        id: 'm2',
        title: 'Sơ kết 6 tháng',
        kind: 'steeringHalfYearReview',
        // 23:30 UTC on 24 June is 06:30 on 25 June in Vietnam.
        startsAt: '2026-06-24T23:30:00.000Z',
        status: 'ended',
        minutesApproved: false,
      },
    ],
    assignmentRows: [
      {
        id: 'a1',
        title: 'Niêm yết công khai',
        ownerId: 'u1',
        ownerName: 'Lương Văn Bình',
        deadline: '2026-04-30',
        originalDeadline: '2026-04-30',
        status: 'done',
        stateAtEnd: 'done',
        onTime: true,
      },
    ],
    overdue: [],
    signerName: 'Triệu Văn Thanh',
  } as unknown as ReviewView;
}

const choice = (patch: Partial<PeriodChoice>): PeriodChoice => ({
  mode: 'custom',
  year: '2026',
  from: '',
  to: '',
  ...patch,
});

describe('the review period picker', () => {
  it('starts at the last period that has ended, in Vietnam time', () => {
    expect(defaultPeriodChoice(new Date('2026-11-22T10:00:00Z'))).toMatchObject({
      mode: 'H1',
      year: '2026',
      from: '01/01/2026',
      to: '30/06/2026',
    });
    // 17:30 UTC on 30 June is 00:30 on 1 July in Vietnam: the first half has ended.
    expect(defaultPeriodChoice(new Date('2026-06-30T17:30:00Z'))).toMatchObject({ mode: 'H1' });
    expect(defaultPeriodChoice(new Date('2026-06-30T16:59:59Z'))).toMatchObject({
      mode: 'year',
      year: '2025',
      to: '31/12/2025',
    });
  });

  it('checks the choice as the API will', () => {
    expect(toReviewQuery(choice({ mode: 'H2', year: '2026' }))).toEqual({
      ok: true,
      query: { preset: 'H2', year: 2026 },
    });
    expect(toReviewQuery(choice({ mode: 'year', year: '26' }))).toEqual({
      ok: false,
      errors: { year: 'report.period.yearInvalid' },
    });
    expect(toReviewQuery(choice({ from: '01/03/2026', to: '31/05/2026' }))).toEqual({
      ok: true,
      query: { from: '2026-03-01', to: '2026-05-31' },
    });
    expect(toReviewQuery(choice({ from: '30/02/2026', to: 'x' }))).toEqual({
      ok: false,
      errors: { from: 'report.period.dateInvalid', to: 'report.period.dateInvalid' },
    });
    expect(toReviewQuery(choice({ from: '31/05/2026', to: '01/03/2026' }))).toMatchObject({
      errors: { to: 'report.period.reversed' },
    });
    // 731 days (two years, one of them leap) is the longest period; one more is refused.
    expect(toReviewQuery(choice({ from: '01/01/2024', to: '31/12/2025' }))).toMatchObject({
      ok: true,
    });
    expect(toReviewQuery(choice({ from: '01/01/2024', to: '01/01/2026' }))).toMatchObject({
      errors: { to: 'report.period.tooLong' },
    });
  });

  it('sends presets or dates in the query the route reads', () => {
    expect(reviewQueryString({ preset: 'year', year: 2026 })).toBe('preset=year&year=2026');
    expect(reviewQueryString({ from: '2026-01-01', to: '2026-03-31' })).toBe(
      'from=2026-01-01&to=2026-03-31',
    );
  });

  it('has a deep-linkable route', () => {
    expect(parseRoute(reportPaths.reports('b 1'), '')).toEqual({ name: 'reports', bodyId: 'b 1' });
    expect(parseRoute('/bodies/b1/reports/x', '')).toEqual({ name: 'notFound' });
  });
});

describe('the review figures', () => {
  it('lists the meeting kinds held, and every vote outcome', () => {
    expect(meetingKindItems(review()).map((item) => [item.key, item.figure.count])).toEqual([
      ['meetings.byKind.steeringRegular', 1],
      ['meetings.byKind.steeringHalfYearReview', 1],
    ]);
    expect(voteItems(review()).map((item) => item.figure.count)).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('shows figure groups the tab does not know yet, one section per sub-group', () => {
    const groups = extraGroups(
      review({
        citizens: {
          front: {
            available: true,
            received: fig('r1', 'r2'),
            answeredOnTime: fig('r1'),
            onTimeRate: 0.5,
          },
          cases: { available: false, received: none },
          reception: { available: true, held: fig('s1'), kinds: [{ held: fig('s1') }] },
        },
        surveys: { sent: fig('q1'), answers: { late: fig('q1') }, note: 'x' },
        notFigures: { text: 'x' },
      }),
    );
    expect(
      groups.map((g) => ({
        key: g.key,
        title: g.title,
        available: g.available,
        items: g.items.map((i) => [i.key, i.label, i.figure.count, i.source]),
        rates: g.rates.map((r) => [r.label, r.value]),
      })),
    ).toEqual([
      {
        key: 'citizens.front',
        title: { key: 'report.group.citizens.front' },
        available: true,
        items: [
          ['citizens.front.received', { key: 'report.field.received' }, 2, 'recommendation'],
          [
            'citizens.front.answeredOnTime',
            { key: 'report.field.answeredOnTime' },
            1,
            'recommendation',
          ],
        ],
        rates: [[{ key: 'report.field.onTimeRate' }, 0.5]],
      },
      // Its store is missing: said so, not shown as zeros.
      {
        key: 'citizens.cases',
        title: { key: 'report.group.citizens.cases' },
        available: false,
        items: [],
        rates: [],
      },
      {
        key: 'citizens.reception',
        title: { key: 'report.group.citizens.reception' },
        available: true,
        items: [['citizens.reception.held', { key: 'report.field.held' }, 1, 'other']],
        rates: [],
      },
      // Unknown words: the field names, until the catalogue names them.
      {
        key: 'surveys',
        title: { text: 'Surveys' },
        available: true,
        items: [
          ['surveys.sent', { text: 'Sent' }, 1, 'other'],
          ['surveys.answers.late', { text: 'Late' }, 1, 'other'],
        ],
        rates: [],
      },
    ]);
  });

  it('names the records behind a number from the rows the review carries', () => {
    const index = recordIndex(review() as ReviewView & Record<string, unknown>, 'b1');
    expect(index.get('m2')).toEqual({
      id: 'm2',
      title: 'Sơ kết 6 tháng',
      detail: '25/06/2026',
      href: '/meetings/b1/m2',
    });
    expect(index.get('a1')).toMatchObject({
      title: 'Niêm yết công khai',
      detail: 'Lương Văn Bình · 30/04/2026',
      href: '/bodies/b1/assignments/a1',
    });
    const withCases = recordIndex(
      {
        ...review(),
        caseRows: [
          { id: 'k1', subject: 'Phản ánh đường thôn', receivedOn: '2026-05-02' },
          { id: 7 },
        ],
      } as ReviewView,
      'b1',
    );
    expect(withCases.get('k1')).toEqual({
      id: 'k1',
      title: 'Phản ánh đường thôn',
      detail: '02/05/2026',
    });
  });
});
