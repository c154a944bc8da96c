import { describe, expect, it } from 'vitest';
import { GENESIS_HEAD } from '../../src/audit/audit-event';
import {
  civilDateToIso,
  computeDeadline,
  createWorkCalendar,
  parseCivilDate,
} from '../../src/calendar/index';
import type { CitizenCase } from '../../src/cases/citizen-case';
import type { Consultation, Recommendation } from '../../src/consultations/consultation';
import type { Disclosure } from '../../src/disclosures/disclosure';
import {
  citizenCaseReminderSubject,
  DEFAULT_REMINDER_POLICY,
  disclosureReminderSubject,
  isReminderCurrent,
  nextReminderAfter,
  planReminders,
  recommendationReminderSubject,
  renderReminder,
  reportingReminderSubject,
  type PlanContext,
  type PlannedReminder,
} from '../../src/reminders/index';

const ctx: PlanContext = { calendar: createWorkCalendar(), policy: DEFAULT_REMINDER_POLICY };
const HEAD = 'head-1';
const OWNER = 'owner-2';
const HANDLER = 'handler-3';

/** Vietnam wall-clock 'yyyy-MM-ddTHH:mm' → UTC ISO. */
const vn = (local: string) => new Date(`${local}:00+07:00`).toISOString();
const rows = (planned: PlannedReminder[]) =>
  planned.map((r) => `${r.recipientId} ${r.key.split(':').at(-2)} ${r.dueAt} ${r.message.kind}`);

const consultation: Pick<Consultation, 'title' | 'status'> = {
  title: 'Phản biện dự thảo quy hoạch xã',
  status: 'sent',
};

function recommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    tenantId: 't1',
    bodyId: 'b1',
    consultationId: 'c1',
    id: 'r1',
    number: 2,
    text: 'Đề nghị công khai phương án bồi thường',
    receivedOn: '2027-01-05',
    rule: {
      id: 'front.recommendationResponse',
      amount: 30,
      unit: 'calendarDays',
      basis: 'Luật 75/2015 Điều 36',
      source: 'default',
    },
    deadline: '2027-02-11',
    ownerId: OWNER,
    status: 'assigned',
    createdAt: '2027-01-05T02:00:00.000Z',
    updatedAt: '2027-01-05T02:00:00.000Z',
    version: 2,
    audit: GENESIS_HEAD,
    ...overrides,
  } as Recommendation;
}

const CITIZEN_SUMMARY = 'Bà Hoàng Thị Lan khiếu nại quyết định thu hồi đất thửa số 12';

function citizenCase(overrides: Partial<CitizenCase> = {}): CitizenCase {
  return {
    tenantId: 't1',
    unitId: 'u1',
    bodyId: 'b1',
    id: 'case-1',
    number: 'KN-2027-0003',
    kind: 'complaint',
    channel: 'inPerson',
    summary: CITIZEN_SUMMARY,
    receivedOn: '2027-02-01',
    instance: 'first',
    remoteArea: false,
    complexity: 'normal',
    status: 'received',
    recordedBy: 'clerk-4',
    handlerIds: [HANDLER],
    hasIdentity: true,
    acceptance: {
      rule: {
        id: 'complaint.acceptance',
        amount: 7,
        unit: 'workingDays',
        basis: 'Luật 136/2025/QH15',
        source: 'law',
      },
      deadline: '2027-02-17',
    },
    createdAt: '2027-02-01T02:00:00.000Z',
    updatedAt: '2027-02-01T02:00:00.000Z',
    version: 1,
    audit: GENESIS_HEAD,
    ...overrides,
  } as CitizenCase;
}

describe('Front recommendation reminders (Law 75/2015 Art. 29(6), 36(3); unit rule 30 days)', () => {
  it('a deadline falling in Tết 2027 moves to 11 Feb, and reminders before it move before Tết', () => {
    // 30 calendar days from 5 Jan 2027 end on Thu 4 Feb, a Tết day off (4-10 Feb): Civil Code
    // Art. 148(5) moves the limit to the next working day.
    expect(
      civilDateToIso(
        computeDeadline(parseCivilDate('2027-01-05'), { amount: 30, unit: 'calendarDays' }),
      ),
    ).toBe('2027-02-11');
    const planned = planReminders(
      recommendationReminderSubject(recommendation(), consultation, [HEAD]),
      ctx,
    );
    const before = planned.filter(
      (r) => r.message.kind.startsWith('recommendation.') && !r.key.includes(':od+'),
    );
    // 7, 3 and 1 days before (4, 8, 10 Feb) are all Tết: they collapse onto Wed 3 Feb 08:00,
    // kept once as the one nearest the deadline.
    expect(rows(before.filter((r) => r.recipientId === OWNER))).toEqual([
      `${OWNER} d-1 ${vn('2027-02-03T08:00')} recommendation.upcoming`,
      `${OWNER} d0 ${vn('2027-02-11T08:00')} recommendation.dueToday`,
    ]);
    expect(before[0]?.message.daysLeft).toBe(8);
    // Late: the owner every working day from Fri 12 Feb; the head once, the day after.
    const overdue = planned.filter((r) => r.key.includes(':od+'));
    expect(overdue[0]?.dueAt).toBe(vn('2027-02-12T08:00'));
    expect(overdue[1]?.dueAt).toBe(vn('2027-02-15T08:00')); // the weekend is skipped
    const escalation = planned.filter((r) => r.recipientId === HEAD);
    expect(rows(escalation)).toEqual([
      `${HEAD} esc+1 ${vn('2027-02-12T08:00')} recommendation.escalation`,
    ]);
  });

  it('names the recommendation by number and consultation in both languages', () => {
    const [first] = planReminders(
      recommendationReminderSubject(recommendation(), consultation, [HEAD]),
      ctx,
    );
    expect(renderReminder('vi', first!.message).text).toBe(
      'Hạn trả lời kiến nghị số 2 (“Phản biện dự thảo quy hoạch xã”) là ngày 11/02/2027 (còn 8 ngày).',
    );
    expect(renderReminder('en', first!.message).text).toBe(
      'The answer to recommendation no. 2 (“Phản biện dự thảo quy hoạch xã”) is due on 11/02/2027 (8 days left).',
    );
  });

  it('who is reminded follows the stage: head while unowned or awaiting approval, none once answered', () => {
    const unowned = recommendationReminderSubject(
      recommendation({ ownerId: undefined, status: 'received' }),
      consultation,
      [HEAD],
    );
    expect(unowned.workers).toEqual([HEAD]);
    expect(unowned.escalateTo).toEqual([]);
    const drafted = recommendationReminderSubject(
      recommendation({ status: 'responseDrafted' }),
      consultation,
      [HEAD],
    );
    expect(drafted.workers).toEqual([HEAD]);
    const answered = recommendation({ status: 'responded', respondedOn: '2027-02-01' });
    expect(
      planReminders(recommendationReminderSubject(answered, consultation, [HEAD]), ctx),
    ).toEqual([]);
    const closed = recommendationReminderSubject(
      recommendation(),
      { ...consultation, status: 'closed' },
      [HEAD],
    );
    expect(planReminders(closed, ctx)).toEqual([]);
    // A reminder planned before the answer is no longer current after it (the sweep drops it).
    const [first] = planReminders(
      recommendationReminderSubject(recommendation(), consultation, [HEAD]),
      ctx,
    );
    expect(
      isReminderCurrent(recommendationReminderSubject(answered, consultation, [HEAD]), first!, ctx),
    ).toBe(false);
  });

  it('keeps reminders out of quiet hours: 22:00 moves back to 20:30 the same evening', () => {
    const late: PlanContext = {
      calendar: ctx.calendar,
      policy: { ...DEFAULT_REMINDER_POLICY, assignmentOffsets: [{ days: 1, at: '22:00' }] },
    };
    const planned = planReminders(
      recommendationReminderSubject(recommendation({ deadline: '2027-03-17' }), consultation, [
        HEAD,
      ]),
      late,
    );
    expect(planned[0]?.dueAt).toBe(vn('2027-03-16T20:30'));
  });
});

describe('citizen case reminders (Law 02/2011 Art. 27-28, Law 136/2025; Law 25/2018 Art. 30)', () => {
  it('acceptance within 7 working days across Tết: received 1 Feb 2027, due 17 Feb', () => {
    expect(
      civilDateToIso(
        computeDeadline(parseCivilDate('2027-02-01'), { amount: 7, unit: 'workingDays' }),
      ),
    ).toBe('2027-02-17');
    const planned = planReminders(citizenCaseReminderSubject(citizenCase(), [HEAD]), ctx);
    expect(rows(planned.filter((r) => !r.key.includes(':od+')))).toEqual([
      // 7 days before is Wed 10 Feb (Tết): moved back to Wed 3 Feb.
      `${HANDLER} d-7 ${vn('2027-02-03T08:00')} case.upcoming`,
      // 3 days before is Sun 14 Feb: moved back to Fri 12 Feb.
      `${HANDLER} d-3 ${vn('2027-02-12T08:00')} case.upcoming`,
      `${HANDLER} d-1 ${vn('2027-02-16T08:00')} case.upcoming`,
      `${HANDLER} d0 ${vn('2027-02-17T08:00')} case.dueToday`,
      `${HEAD} esc+1 ${vn('2027-02-18T08:00')} case.escalation`,
    ]);
    expect(planned.every((r) => r.message.stage === 'acceptance')).toBe(true);
    expect(planned[0]?.key).toBe(`case:case-1:acceptance:2027-02-17:d-7:${HANDLER}`);
  });

  it('carries the case number only: no name, no content, in the plan or the text', () => {
    const planned = planReminders(citizenCaseReminderSubject(citizenCase(), [HEAD]), ctx);
    const json = JSON.stringify(planned);
    expect(json).not.toContain('Hoàng');
    expect(json).not.toContain('thu hồi đất');
    const text = renderReminder('vi', planned[0]!.message).text;
    expect(text).toBe('Hạn thụ lý hồ sơ số KN-2027-0003 là ngày 17/02/2027 (còn 14 ngày).');
  });

  it('accepting moves to the resolution deadline; an extension replans; resolving ends it', () => {
    const accepted = citizenCase({
      status: 'accepted',
      acceptance: { ...citizenCase().acceptance, decidedOn: '2027-02-16', decidedBy: HEAD },
      resolution: {
        rule: {
          id: 'denunciation.resolution',
          amount: 30,
          unit: 'calendarDays',
          basis: 'Luật 25/2018 Điều 30',
          source: 'law',
          effectiveFrom: '2019-01-01',
        },
        deadline: '2027-03-18',
        originalDeadline: '2027-03-18',
        extensions: [],
      },
    });
    const before = planReminders(citizenCaseReminderSubject(accepted, [HEAD]), ctx);
    expect(before[0]?.key).toBe(`case:case-1:resolution:2027-03-18:d-7:${HANDLER}`);
    expect(before[0]?.dueAt).toBe(vn('2027-03-11T08:00'));
    // The acceptance reminders are no longer current once accepted.
    const acceptanceRow = planReminders(citizenCaseReminderSubject(citizenCase(), [HEAD]), ctx)[0]!;
    expect(
      isReminderCurrent(citizenCaseReminderSubject(accepted, [HEAD]), acceptanceRow, ctx),
    ).toBe(false);
    const extended = citizenCase({
      ...accepted,
      resolution: { ...accepted.resolution!, deadline: '2027-04-17' },
    });
    // 17 Apr 2027 is a Saturday: the day before (Fri 16 Apr) gets d-1, the deadline day itself
    // is off so "due today" moves back to Friday too; the last one wins the slot.
    const ext = planReminders(citizenCaseReminderSubject(extended, [HEAD]), ctx).filter(
      (r) => r.recipientId === HANDLER && !r.key.includes(':od+'),
    );
    expect(ext.map((r) => r.key.split(':').slice(2, 5).join(':'))).toEqual([
      'resolution:2027-04-17:d-7',
      'resolution:2027-04-17:d-3',
      'resolution:2027-04-17:d0',
    ]);
    const resolved = citizenCase({ ...accepted, status: 'resolved' });
    expect(planReminders(citizenCaseReminderSubject(resolved, [HEAD]), ctx)).toEqual([]);
  });

  it('without a handler the head is reminded, and is not told again as the escalation', () => {
    const subject = citizenCaseReminderSubject(citizenCase({ handlerIds: [] }), [HEAD]);
    expect(subject.workers).toEqual([HEAD]);
    expect(subject.escalateTo).toEqual([]);
  });
});

describe('disclosure reminders (disclosureEndOn: the start day is not counted)', () => {
  const disclosure = (overrides: Partial<Disclosure> = {}): Disclosure =>
    ({
      tenantId: 't1',
      bodyId: 'b1',
      id: 'd1',
      title: 'Công khai dự toán ngân sách xã năm 2027',
      description: '',
      basis: 'Luật 10/2022/QH15 Điều 11',
      channels: ['headquarters'],
      days: 30,
      startOn: '2027-03-01',
      endOn: '2027-03-31',
      status: 'planned',
      createdBy: OWNER,
      createdAt: '2027-02-20T02:00:00.000Z',
      updatedAt: '2027-02-20T02:00:00.000Z',
      version: 1,
      audit: GENESIS_HEAD,
      ...overrides,
    }) as Disclosure;

  it('planned: before the start day and before the end; posted: the end and once after it', () => {
    expect(rows(planReminders(disclosureReminderSubject(disclosure()), ctx))).toEqual([
      // 3 days before Mon 1 Mar is Fri 26 Feb; 1 day before is Sunday, moved back onto Friday.
      `${OWNER} d-1 ${vn('2027-02-26T08:00')} disclosure.mustStart`,
      `${OWNER} d0 ${vn('2027-03-01T08:00')} disclosure.mustStart`,
      `${OWNER} d-1 ${vn('2027-03-30T08:00')} disclosure.ending`,
      `${OWNER} d0 ${vn('2027-03-31T08:00')} disclosure.ending`,
    ]);
    const posted = disclosure({ status: 'posted', postedAt: '2027-03-01T02:00:00.000Z' });
    expect(rows(planReminders(disclosureReminderSubject(posted), ctx))).toEqual([
      `${OWNER} d-1 ${vn('2027-03-30T08:00')} disclosure.ending`,
      `${OWNER} d0 ${vn('2027-03-31T08:00')} disclosure.ending`,
      `${OWNER} over ${vn('2027-04-01T08:00')} disclosure.periodOver`,
    ]);
    expect(planReminders(disclosureReminderSubject(disclosure({ status: 'ended' })), ctx)).toEqual(
      [],
    );
  });
});

describe('reporting deadlines (Law 10/2022 Art. 51(1), 52(3); review defaults)', () => {
  const members = [
    { userId: HEAD, roles: ['head' as const] },
    { userId: 'sec-5', roles: ['secretary' as const] },
    { userId: 'm-6', roles: ['member' as const] },
  ];

  it('the staff conference for 2026 by 31 March 2027, reminded 30, 14, 7 and 1 days before', () => {
    const subject = reportingReminderSubject(
      { tenantId: 't1', id: 'hn-1', kind: 'staffConference' },
      members,
      2026,
    )!;
    expect(subject.workers).toEqual([HEAD, 'sec-5']);
    const conference = planReminders(subject, ctx).filter(
      (r) =>
        r.recipientId === HEAD && r.message.duty === 'staffConference' && r.message.year === 2026,
    );
    expect(conference.map((r) => r.dueAt)).toEqual([
      vn('2027-03-01T08:00'),
      vn('2027-03-17T08:00'),
      vn('2027-03-24T08:00'),
      vn('2027-03-30T08:00'),
    ]);
    expect(renderReminder('vi', conference[0]!.message).text).toBe(
      'Hội nghị cán bộ, công chức, viên chức (Luật 10/2022 Điều 51) năm 2026: hạn ngày 31/03/2027 (còn 30 ngày).',
    );
    const review = planReminders(subject, ctx).find(
      (r) =>
        r.message.duty === 'resolutionReview' && r.message.year === 2026 && r.key.includes(':d-7:'),
    );
    expect(review?.dueAt).toBe(vn('2027-09-23T08:00'));
  });

  it('the series never ends: the next one after the last planned year rolls the window on', () => {
    const subject = reportingReminderSubject(
      { tenantId: 't1', id: 'bcd-1', kind: 'steeringCommittee' },
      members,
      2026,
    )!;
    let at = vn('2026-06-01T00:00');
    const seen: string[] = [];
    let current = subject;
    for (let i = 0; i < 20; i++) {
      const next = nextReminderAfter(current, HEAD, at, ctx);
      expect(next).not.toBeNull();
      seen.push(`${next!.message.duty} ${next!.message.year}`);
      at = next!.dueAt;
      current = next!.subject as typeof subject;
    }
    // Four reminders per review, two reviews a year: 20 reminders reach the half-year review of 2028.
    expect(seen.at(-1)).toBe('yearEndReview 2028');
    expect(
      reportingReminderSubject({ tenantId: 't1', id: 'f', kind: 'fatherlandFront' }, members, 2026),
    ).toBeNull();
  });
});
