import { describe, expect, it } from 'vitest';
import {
  buildBodyReport,
  computeBodyReview,
  GENESIS_HEAD,
  INITIAL_MINUTES,
  parseReviewPeriod,
  presetPeriod,
  reviewScope,
  type Assignment,
  type AuditEvent,
  type Body,
  type Meeting,
  type MeetingKind,
  type MeetingStatus,
  type Motion,
} from '../src/index';
import { InMemoryVoteRepository } from '../src/voting/in-memory-vote-repository';
import { actor, body, codeOf, fakeDeps, person, TENANT } from './support/fixtures';

const head = person(1, ['head'], 7);
const deputy = person(2, ['deputyHead'], 7);
const secretary = person(3, ['secretary'], 7);
const member = person(4, ['member'], 7);
const members = [head, deputy, secretary, member];

const event = {} as AuditEvent;

function meeting(
  id: string,
  startsAt: string,
  status: MeetingStatus,
  kind: MeetingKind = 'steeringRegular',
  approved = false,
): Meeting {
  return {
    tenantId: TENANT,
    bodyId: body.id,
    id,
    kind,
    title: `Cuộc họp ${id}`,
    startsAt,
    location: 'Hội trường UBND xã',
    status,
    chairId: head.userId,
    secretaryId: secretary.userId,
    agenda: [],
    minutes: approved ? { edition: 1, status: 'approved' } : INITIAL_MINUTES,
    createdAt: '2025-10-01T00:00:00.000Z',
    createdBy: secretary.userId,
    updatedAt: '2025-10-01T00:00:00.000Z',
    version: 1,
    audit: GENESIS_HEAD,
  };
}

function assignment(
  id: string,
  deadline: string,
  createdAt: string,
  status: Assignment['status'],
  extra: Partial<Assignment> = {},
): Assignment {
  return {
    tenantId: TENANT,
    bodyId: body.id,
    id,
    title: `Nhiệm vụ ${id}`,
    description: '',
    ownerId: member.userId,
    coOwnerIds: [],
    source: { kind: 'direct' },
    deadline,
    originalDeadline: deadline,
    priority: 'normal',
    status,
    assignedBy: head.userId,
    progress: [],
    createdAt,
    updatedAt: createdAt,
    version: 1,
    audit: GENESIS_HEAD,
    ...extra,
  };
}

function motion(
  id: string,
  meetingId: string,
  kind: Motion['kind'],
  status: Motion['status'],
  outcome?: string,
): Motion {
  return {
    tenantId: TENANT,
    bodyId: body.id,
    meetingId,
    id,
    kind,
    status,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...(outcome ? { result: { decision: { kind, outcome } } } : {}),
  } as unknown as Motion;
}

/**
 * A seeded year (2026, Vietnam time UTC+7) with known answers. Instants are UTC: 16:59Z is 23:59 in
 * Vietnam, 17:00Z is 00:00 the next day there.
 */
const MEETINGS: Meeting[] = [
  meeting('m1', '2026-01-15T01:00:00.000Z', 'archived', 'steeringRegular', true),
  meeting('m2', '2026-03-10T01:00:00.000Z', 'minutesApproved', 'steeringRegular', true),
  // 23:30 on 30 June in Vietnam: first half.
  meeting('m3', '2026-06-30T16:30:00.000Z', 'ended', 'steeringHalfYearReview'),
  // 00:00 on 1 July in Vietnam: second half.
  meeting('m4', '2026-06-30T17:00:00.000Z', 'minutesInReview'),
  meeting('m5', '2026-12-20T01:00:00.000Z', 'minutesApproved', 'steeringYearEndReview', true),
  meeting('m6', '2026-09-01T01:00:00.000Z', 'cancelled'),
  meeting('m7', '2026-11-10T01:00:00.000Z', 'scheduled'),
  // 23:59 on 31 Dec 2025 in Vietnam: the year before.
  meeting('m8', '2025-12-31T16:59:00.000Z', 'ended'),
  // 23:59 on 31 Dec 2026 in Vietnam: still 2026.
  meeting('m9', '2026-12-31T16:59:00.000Z', 'ended'),
];

const ASSIGNMENTS: Assignment[] = [
  // Handed in at 23:59:59 on the deadline day (Vietnam time): on time.
  assignment('a1', '2026-03-31', '2026-01-20T02:00:00.000Z', 'done', {
    submittedAt: '2026-03-31T16:59:59.000Z',
    completedAt: '2026-04-02T02:00:00.000Z',
  }),
  // Handed in at 24:00 (00:00 the next day): late.
  assignment('a2', '2026-03-31', '2026-01-20T02:00:00.000Z', 'done', {
    submittedAt: '2026-03-31T17:00:00.000Z',
    completedAt: '2026-04-02T02:00:00.000Z',
  }),
  assignment('a3', '2026-05-15', '2026-04-01T02:00:00.000Z', 'done', {
    submittedAt: '2026-05-10T02:00:00.000Z',
    completedAt: '2026-05-11T02:00:00.000Z',
  }),
  // Due on the year's last day and still open: overdue at 24:00 that day, the year's end.
  assignment('a4', '2026-12-31', '2026-10-01T02:00:00.000Z', 'inProgress'),
  assignment('a5', '2026-12-30', '2026-12-01T02:00:00.000Z', 'submitted', {
    submittedAt: '2026-12-29T02:00:00.000Z',
  }),
  assignment('a6', '2026-08-01', '2026-07-01T02:00:00.000Z', 'cancelled', {
    updatedAt: '2026-07-15T02:00:00.000Z',
  }),
  // Given in the year, due the next: open.
  assignment('a7', '2027-02-28', '2026-11-01T02:00:00.000Z', 'open'),
  // Done today, but handed in after the year ended: overdue at the year's end.
  assignment('a8', '2026-10-31', '2026-09-01T02:00:00.000Z', 'done', {
    submittedAt: '2027-01-05T02:00:00.000Z',
    completedAt: '2027-01-06T02:00:00.000Z',
  }),
  // Out of scope: given and due in 2025; given in 2027.
  assignment('a9', '2025-12-15', '2025-11-01T02:00:00.000Z', 'done', {
    submittedAt: '2025-12-10T02:00:00.000Z',
  }),
  assignment('a10', '2027-03-01', '2027-01-10T02:00:00.000Z', 'open'),
  // Due on 30 June, still open: overdue in the first half's review (24:00 on its last day).
  assignment('a11', '2026-06-30', '2026-06-01T02:00:00.000Z', 'open'),
];

const MOTIONS: Motion[] = [
  motion('v1', 'm2', 'motion', 'closed', 'adopted'),
  motion('v2', 'm2', 'motion', 'closed', 'rejected'),
  motion('v3', 'm4', 'motion', 'closed', 'noQuorum'),
  motion('v4', 'm5', 'election', 'closed', 'elected'),
  motion('v5', 'm5', 'motion', 'draft'),
  // In a meeting not held: not counted.
  motion('v6', 'm7', 'motion', 'closed', 'adopted'),
];

const LATER = new Date('2027-02-01T03:00:00.000Z');

function review(period = presetPeriod(2026, 'year'), now = LATER, reviewBody: Body = body) {
  return computeBodyReview({
    body: reviewBody,
    members,
    period,
    now,
    meetings: MEETINGS,
    assignments: ASSIGNMENTS,
    motions: MOTIONS,
  });
}

describe('review periods (sơ kết 6 tháng, tổng kết năm)', () => {
  it('has presets H1, H2 and the year, and names them', () => {
    expect(presetPeriod(2026, 'H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod(2026, 'H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(reviewScope(presetPeriod(2026, 'year'))).toEqual({ kind: 'year', year: 2026 });
    expect(reviewScope({ from: '2026-03-01', to: '2026-08-31' })).toEqual({ kind: 'custom' });
  });

  it('refuses bad dates, reversed and over-long periods with stable codes', async () => {
    const code = (query: unknown) => codeOf(Promise.resolve().then(() => parseReviewPeriod(query)));
    expect(await code({ from: '2026-02-30', to: '2026-03-01' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ from: '2026/01/01', to: '2026-03-01' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ from: '2026-01-01' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ from: '2026-07-01', to: '2026-06-30' })).toBe('REPORT.PERIOD_REVERSED');
    expect(await code({ from: '2026-01-01', to: '2028-01-02' })).toBe('REPORT.PERIOD_TOO_LONG');
    expect(parseReviewPeriod({ from: '2026-01-01', to: '2028-01-01' })).toEqual({
      from: '2026-01-01',
      to: '2028-01-01',
    });
    expect(parseReviewPeriod({ preset: 'H2', year: '2026' })).toEqual(presetPeriod(2026, 'H2'));
  });
});

describe('computeBodyReview: a seeded year with known answers', () => {
  it('counts meetings held by kind (Vietnam time), approved minutes and cancellations', () => {
    const { figures, meetingRows } = review();
    expect(figures.meetings.held.ids).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm9']);
    expect(figures.meetings.held.count).toBe(6);
    expect(figures.meetings.byKind.steeringRegular.ids).toEqual(['m1', 'm2', 'm4', 'm9']);
    expect(figures.meetings.byKind.steeringHalfYearReview.ids).toEqual(['m3']);
    expect(figures.meetings.byKind.steeringYearEndReview.ids).toEqual(['m5']);
    expect(figures.meetings.byKind.staffConference.count).toBe(0);
    expect(figures.meetings.minutesApproved.ids).toEqual(['m1', 'm2', 'm5']);
    expect(figures.meetings.cancelled.ids).toEqual(['m6']);
    expect(meetingRows).toHaveLength(6);

    expect(review(presetPeriod(2026, 'H1')).figures.meetings.held.ids).toEqual(['m1', 'm2', 'm3']);
    expect(review(presetPeriod(2026, 'H2')).figures.meetings.held.ids).toEqual(['m4', 'm5', 'm9']);
  });

  it('counts assignments by state at the year end, on time and late at 24:00 on the deadline day', () => {
    const result = review();
    const a = result.figures.assignments;
    expect(result.asOf).toBe('2026-12-31T17:00:00.000Z');
    expect(a.total.ids).toEqual(['a1', 'a2', 'a3', 'a11', 'a6', 'a8', 'a5', 'a4', 'a7']);
    expect(a.done.ids).toEqual(['a1', 'a2', 'a3']);
    expect(a.onTime.ids).toEqual(['a1', 'a3']);
    expect(a.late.ids).toEqual(['a2']);
    expect(a.awaitingApproval.ids).toEqual(['a5']);
    expect(a.open.ids).toEqual(['a7']);
    expect(a.overdue.ids).toEqual(['a11', 'a8', 'a4']);
    expect(a.cancelled.ids).toEqual(['a6']);
    expect(a.onTimeRate).toBeCloseTo(2 / 3);
    expect(a.lateRate).toBeCloseTo(1 / 3);
    expect(a.completionRate).toBeCloseTo(3 / 8);
    expect(result.overdue.map((r) => [r.id, r.daysOverdue, r.ownerName])).toEqual([
      ['a11', 185, member.displayName],
      ['a8', 62, member.displayName],
      ['a4', 1, member.displayName],
    ]);
  });

  it('judges the first half at 24:00 on 30 June: the task due that day is overdue', () => {
    const a = review(presetPeriod(2026, 'H1')).figures.assignments;
    expect(a.total.ids).toEqual(['a1', 'a2', 'a3', 'a11']);
    expect(a.overdue.ids).toEqual(['a11']);
    expect([a.onTime.count, a.late.count]).toEqual([2, 1]);
  });

  it('cuts off at now while the period runs: one second before 24:00 the task is not yet overdue', () => {
    const result = review(presetPeriod(2026, 'year'), new Date('2026-12-31T16:59:59.000Z'));
    expect(result.asOf).toBe('2026-12-31T16:59:59.000Z');
    expect(result.figures.assignments.overdue.ids).toEqual(['a11', 'a8']);
    expect(result.figures.assignments.open.ids).toEqual(['a4', 'a7']);
  });

  it('counts closed motions and elections of the meetings held in the period', () => {
    const votes = review().figures.votes;
    expect(votes.available).toBe(true);
    expect(votes.motions.ids).toEqual(['v1', 'v2', 'v3']);
    expect(votes.adopted.ids).toEqual(['v1']);
    expect(votes.rejected.ids).toEqual(['v2']);
    expect(votes.undecided.ids).toEqual(['v3']);
    expect(votes.elections.ids).toEqual(['v4']);
    expect(votes.electionsDecided.ids).toEqual(['v4']);
    const withoutStore = computeBodyReview({
      body,
      members,
      period: presetPeriod(2026, 'year'),
      now: LATER,
      meetings: MEETINGS,
      assignments: [],
    });
    expect(withoutStore.figures.votes.available).toBe(false);
  });

  it('checks the staff conference was held within 3 months after the year (Law 10/2022 Art. 51(1))', () => {
    const conference: Body = { ...body, kind: 'staffConference' };
    const check = (startsAt: string | null, now = LATER) =>
      computeBodyReview({
        body: conference,
        members,
        period: presetPeriod(2026, 'year'),
        now,
        meetings: startsAt ? [meeting('sc', startsAt, 'minutesApproved', 'staffConference')] : [],
        assignments: [],
      }).figures.staffConference;
    // 23:59 on 31 March (Vietnam time): on time; 00:00 on 1 April: late.
    expect(check('2026-03-31T16:59:00.000Z')).toMatchObject({
      workYear: 2025,
      dueBy: '2026-03-31',
      status: 'onTime',
      meetingIds: ['sc'],
    });
    expect(check('2026-03-31T17:00:00.000Z')?.status).toBe('late');
    expect(check(null)?.status).toBe('notHeld');
    expect(check(null, new Date('2026-03-15T00:00:00.000Z'))?.status).toBe('notYetDue');
    expect(review().figures.staffConference).toBeUndefined();
  });

  it('finds the six-monthly review of the conference resolution (Law 10/2022 Art. 52(3))', () => {
    const conference: Body = { ...body, kind: 'staffConference' };
    const reviews = (list: Meeting[], period = presetPeriod(2026, 'year'), now = LATER) =>
      computeBodyReview({ body: conference, members, period, now, meetings: list, assignments: [] })
        .figures.staffConference?.resolutionReviews;
    const held = meeting('sc', '2026-03-20T02:00:00.000Z', 'minutesApproved', 'staffConference');
    // 23:59 on 30 September (Vietnam time): on time, with both meetings' ids behind it.
    expect(
      reviews([
        held,
        meeting('rv', '2026-09-30T16:59:00.000Z', 'minutesApproved', 'staffConference'),
      ]),
    ).toEqual([
      {
        conferenceYear: 2026,
        dueBy: '2026-09-30',
        status: 'onTime',
        conferenceMeetingId: 'sc',
        conferenceHeldOn: '2026-03-20T02:00:00.000Z',
        meetingIds: ['rv'],
        heldOn: '2026-09-30T16:59:00.000Z',
      },
    ]);
    // 00:00 on 1 October: late; a steering-kind meeting of the body counts, a dialogue does not.
    const late = reviews([
      held,
      meeting('dlg', '2026-06-10T02:00:00.000Z', 'ended', 'citizenDialogue'),
      meeting('rv', '2026-09-30T17:00:00.000Z', 'ended', 'steeringRegular'),
    ]);
    expect(late?.[0]).toMatchObject({ status: 'late', meetingIds: ['rv'] });
    // Cancelled or only scheduled meetings are not reviews; by the cut-off it is then not held.
    expect(
      reviews([
        held,
        meeting('x', '2026-07-01T02:00:00.000Z', 'cancelled'),
        meeting('y', '2026-08-01T02:00:00.000Z', 'scheduled'),
      ])?.[0],
    ).toMatchObject({ status: 'notHeld', meetingIds: [] });
    // Before 30 September has ended: not yet due (the first half-year's report).
    expect(reviews([held], presetPeriod(2026, 'H1'))?.[0]).toMatchObject({
      dueBy: '2026-09-30',
      status: 'notYetDue',
    });
    // No conference in the year: nothing to review.
    expect(reviews([])).toEqual([
      { conferenceYear: 2026, dueBy: '2026-09-30', status: 'noConference', meetingIds: [] },
    ]);
    // A conference held late (15 May) gives six months from it: due 15 November.
    const lateConference = meeting('sc', '2026-05-15T02:00:00.000Z', 'ended', 'staffConference');
    expect(
      reviews([
        lateConference,
        meeting('rv', '2026-11-10T02:00:00.000Z', 'ended', 'staffConference'),
      ])?.[0],
    ).toMatchObject({ dueBy: '2026-11-15', status: 'onTime', meetingIds: ['rv'] });
    // A two-year custom period has one check per conference year.
    const twoYears = parseReviewPeriod({ from: '2025-01-01', to: '2026-12-31' });
    expect(reviews([held], twoYears)?.map((c) => [c.conferenceYear, c.status])).toEqual([
      [2025, 'noConference'],
      [2026, 'notHeld'],
    ]);
  });
});

describe('buildBodyReport (use case)', () => {
  async function seeded() {
    const { deps, meetings, assignments } = fakeDeps(members, () => LATER);
    for (const m of MEETINGS) await meetings.createMeeting(m, event);
    for (const a of ASSIGNMENTS) await assignments.createAssignment(a, event);
    const votes = new InMemoryVoteRepository();
    for (const v of MOTIONS) await votes.createMotion(v, event as never);
    return { ...deps, votes };
  }

  it('lets the head, deputy head and secretary read it, and no one else', async () => {
    const deps = await seeded();
    for (const reader of [head, deputy, secretary]) {
      const result = await buildBodyReport(
        deps,
        actor(reader),
        body.id,
        presetPeriod(2026, 'year'),
      );
      expect(result.figures.meetings.held.count).toBe(6);
      expect(result.figures.votes.motions.count).toBe(3);
      expect(result.signerName).toBe(head.displayName);
    }
    expect(
      await codeOf(buildBodyReport(deps, actor(member), body.id, presetPeriod(2026, 'year'))),
    ).toBe('PERMISSION.DENIED');
    expect(
      await codeOf(
        buildBodyReport(deps, actor(head), body.id, { from: '2026-12-31', to: '2026-01-01' }),
      ),
    ).toBe('REPORT.PERIOD_REVERSED');
    expect(
      await codeOf(buildBodyReport(deps, actor(head), 'nope', presetPeriod(2026, 'year'))),
    ).toBe('BODY.NOT_FOUND');
  });

  it('leaves votes out without a vote store', async () => {
    const { votes: _votes, ...deps } = await seeded();
    const result = await buildBodyReport(deps, actor(head), body.id, presetPeriod(2026, 'year'));
    expect(result.figures.votes.available).toBe(false);
  });
});
