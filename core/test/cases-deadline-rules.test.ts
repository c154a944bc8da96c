import { describe, expect, it } from 'vitest';
import {
  acceptanceRuleId,
  CASE_COMPLEXITIES,
  CONFIGURABLE_RULE_IDS,
  DEADLINE_RULES,
  deadlineFrom,
  DomainError,
  extensionRuleFor,
  FRONT_LEAD_TIME_RULES,
  isSentLate,
  latestSendDate,
  receptionCadenceGaps,
  resolutionRuleId,
  resolveDeadlineRule,
  type ReceptionSession,
} from '../src/index';

const rule = (
  id: string,
  on: string,
  overrides: {
    ruleId: string;
    amount: number;
    unit: 'calendarDays' | 'workingDays';
    effectiveFrom: string;
  }[] = [],
) => resolveDeadlineRule(DEADLINE_RULES, id, on, { overrides });

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('complaints (Law 02/2011/QH13)', () => {
  it('Art. 9: a complaint is filed within 90 calendar days of learning of the decision', () => {
    const filing = rule('complaint.filing', '2026-01-05');
    expect(filing).toMatchObject({ amount: 90, unit: 'calendarDays', source: 'law' });
    expect(filing.basis).toContain('Art. 9');
    // 5 Jan + 90 days = Sun 5 Apr 2026, a day off: the limit ends on Mon 6 Apr (Civil Code Art. 148(5)).
    expect(deadlineFrom('2026-01-05', filing)).toBe('2026-04-06');
  });

  it('Art. 27: acceptance within 10 working days for cases received until 30 Jun 2026', () => {
    const acceptance = rule(acceptanceRuleId('complaint'), '2026-06-30');
    expect(acceptance).toMatchObject({ amount: 10, unit: 'workingDays', source: 'law' });
    expect(acceptance.basis).toContain('Art. 27');
    // Received Tue 16 Jun 2026: 10 working days later is Tue 30 Jun.
    expect(deadlineFrom('2026-06-16', acceptance)).toBe('2026-06-30');
  });

  it('Law 136/2025 and Decree 155/2026: 7 working days for cases received from 1 Jul 2026', () => {
    const acceptance = rule(acceptanceRuleId('complaint'), '2026-07-01');
    expect(acceptance).toMatchObject({
      amount: 7,
      unit: 'workingDays',
      effectiveFrom: '2026-07-01',
    });
    expect(acceptance.basis).toContain('Law 136/2025');
    // The version is picked by the received date: 30 Jun still counts 10.
    expect(rule(acceptanceRuleId('complaint'), '2026-06-30').amount).toBe(10);
  });

  it('counts working days across Tết 2027: received Tue 2 Feb 2027, accepted by Thu 18 Feb', () => {
    // Tết Đinh Mùi: 5–9 Feb holidays, Thu 4 and Wed 10 Feb compensatory (Sat 6, Sun 7 Feb).
    const acceptance = rule(acceptanceRuleId('complaint'), '2027-02-02');
    expect(deadlineFrom('2027-02-02', acceptance)).toBe('2027-02-18');
  });

  it('Art. 28: first instance 30 days (complex 45), remote areas 45 (complex 60), from acceptance', () => {
    const days = (remote: boolean, complexity: 'normal' | 'complex') =>
      rule(resolutionRuleId('complaint', { instance: 'first', complexity, remote }), '2026-08-01');
    expect(
      [
        days(false, 'normal'),
        days(false, 'complex'),
        days(true, 'normal'),
        days(true, 'complex'),
      ].map((r) => [r.amount, r.unit]),
    ).toEqual([
      [30, 'calendarDays'],
      [45, 'calendarDays'],
      [45, 'calendarDays'],
      [60, 'calendarDays'],
    ]);
    expect(days(true, 'complex').basis).toContain('Art. 28');
    // Accepted Thu 7 Jan 2027: 30 days end on Sat 6 Feb, in Tết; the limit moves to Thu 11 Feb.
    expect(deadlineFrom('2027-01-07', days(false, 'normal'))).toBe('2027-02-11');
  });

  it('Art. 37: second instance 45 days (complex 60), remote areas 60 (complex 70)', () => {
    const days = (remote: boolean, complexity: 'normal' | 'complex') =>
      rule(resolutionRuleId('complaint', { instance: 'second', complexity, remote }), '2026-08-01');
    expect(
      [
        days(false, 'normal'),
        days(false, 'complex'),
        days(true, 'normal'),
        days(true, 'complex'),
      ].map((r) => r.amount),
    ).toEqual([45, 60, 60, 70]);
    expect(days(false, 'normal').basis).toContain('Art. 37');
  });

  it('has no extension: the longer limit for complex cases applies instead', () => {
    const extension = extensionRuleFor('complaint', '2026-08-01')!;
    expect(CASE_COMPLEXITIES.map((c) => extension.maxExtensions[c])).toEqual([0, 0, 0]);
  });

  it('answers DEADLINE.RULE_NOT_FOUND for a rule the law does not have', () => {
    // No "especially complex" complaint; nothing before Law 02/2011 came into force (1 Jul 2012).
    expect(
      codeOf(() =>
        rule(
          resolutionRuleId('complaint', { complexity: 'especiallyComplex', remote: false }),
          '2026-08-01',
        ),
      ),
    ).toBe('DEADLINE.RULE_NOT_FOUND');
    expect(codeOf(() => rule('complaint.acceptance', '2012-06-30'))).toBe(
      'DEADLINE.RULE_NOT_FOUND',
    );
    expect(codeOf(() => rule('complaint.nonsense', '2026-08-01'))).toBe('DEADLINE.RULE_NOT_FOUND');
  });
});

describe('denunciations (Law 25/2018/QH14)', () => {
  it('Art. 24: initial processing within 7 working days, across Tết 2027 too', () => {
    const acceptance = rule(acceptanceRuleId('denunciation'), '2027-02-02');
    expect(acceptance).toMatchObject({ amount: 7, unit: 'workingDays' });
    expect(acceptance.basis).toContain('Art. 24');
    expect(deadlineFrom('2027-02-02', acceptance)).toBe('2027-02-18');
    // Received Wed 3 Feb 2027: Thu 4 – Wed 10 Feb are off, so 7 working days end on Fri 19 Feb.
    expect(deadlineFrom('2027-02-03', acceptance)).toBe('2027-02-19');
  });

  it('Art. 30(1): 30 days from acceptance whatever the complexity; complex once +30, especially complex twice', () => {
    for (const complexity of CASE_COMPLEXITIES) {
      const resolution = rule(
        resolutionRuleId('denunciation', { complexity, remote: true }),
        '2026-08-01',
      );
      expect([resolution.amount, resolution.unit]).toEqual([30, 'calendarDays']);
      expect(resolution.basis).toContain('Art. 30');
    }
    const extension = extensionRuleFor('denunciation', '2026-08-01')!;
    expect(extension.basis).toContain('Art. 30(1)');
    expect(extension.perExtension).toEqual({ amount: 30, unit: 'calendarDays' });
    expect(extension.maxExtensions).toEqual({ normal: 0, complex: 1, especiallyComplex: 2 });
    // A denunciation is resolved once: there is no second instance.
    expect(
      codeOf(() =>
        rule(
          resolutionRuleId('denunciation', {
            instance: 'second',
            complexity: 'normal',
            remote: false,
          }),
          '2026-08-01',
        ),
      ),
    ).toBe('DEADLINE.RULE_NOT_FOUND');
    expect(codeOf(() => rule(acceptanceRuleId('denunciation'), '2018-12-31'))).toBe(
      'DEADLINE.RULE_NOT_FOUND',
    );
  });
});

describe('feedback and petitions (Law 42/2013/QH13)', () => {
  it('Art. 28: the citizen is told how it is handled within 10 working days; the unit may change it', () => {
    const acceptance = rule(acceptanceRuleId('feedback'), '2027-02-02');
    expect(acceptance).toMatchObject({ amount: 10, unit: 'workingDays', source: 'default' });
    expect(acceptance.basis).toContain('Art. 28');
    expect(deadlineFrom('2027-02-02', acceptance)).toBe('2027-02-23');
    const own = rule(acceptanceRuleId('feedback'), '2027-02-02', [
      {
        ruleId: 'feedback.acceptance',
        amount: 5,
        unit: 'workingDays',
        effectiveFrom: '2027-01-01',
      },
      {
        ruleId: 'feedback.acceptance',
        amount: 8,
        unit: 'workingDays',
        effectiveFrom: '2027-03-01',
      },
    ]);
    expect(own).toMatchObject({ amount: 5, source: 'unit', effectiveFrom: '2027-01-01' });
    expect(CONFIGURABLE_RULE_IDS).toEqual(
      expect.arrayContaining([
        'feedback.acceptance',
        'feedback.resolution',
        'front.recommendationResponse',
      ]),
    );
  });

  it('never lets a unit override a statutory limit', () => {
    const statutory = rule(acceptanceRuleId('complaint'), '2026-08-01', [
      {
        ruleId: 'complaint.acceptance',
        amount: 30,
        unit: 'calendarDays',
        effectiveFrom: '2020-01-01',
      },
    ]);
    expect(statutory).toMatchObject({ amount: 7, source: 'law' });
    expect(CONFIGURABLE_RULE_IDS).not.toContain('complaint.acceptance');
  });

  it('Art. 15 and 18: the commune chair receives citizens every week, an agency head every month', () => {
    const session = (
      date: string,
      kind: ReceptionSession['kind'],
      status: ReceptionSession['status'] = 'held',
    ) => ({ kind, date, status }) as ReceptionSession;
    const sessions = [
      session('2026-11-02', 'communeChair'),
      session('2026-11-12', 'communeChair', 'cancelled'),
      session('2026-11-20', 'communeChair', 'scheduled'),
      session('2026-10-15', 'agencyHead'),
    ];
    // Weeks from Monday: 2–8 Nov has one, 9–15 Nov only a cancelled one, 16–22 Nov a planned one.
    expect(receptionCadenceGaps(sessions, 'communeChair', '2026-11-02', '2026-11-22')).toEqual([
      { from: '2026-11-09', to: '2026-11-15', sessions: 0 },
    ]);
    expect(receptionCadenceGaps(sessions, 'agencyHead', '2026-10-01', '2026-11-30')).toEqual([
      { from: '2026-11-01', to: '2026-11-30', sessions: 0 },
    ]);
  });
});

describe('Fatherland Front (Law 75/2015/QH13)', () => {
  it('Art. 29(6), 36(3): no statutory answer time; 30 days by default, the unit may set its own', () => {
    const response = rule('front.recommendationResponse', '2026-11-02');
    expect(response).toMatchObject({ amount: 30, unit: 'calendarDays', source: 'default' });
    expect(response.basis).toContain('Art. 29(6), 36(3)');
    // 2 Nov 2026 + 30 days = Wed 2 Dec 2026.
    expect(deadlineFrom('2026-11-02', response)).toBe('2026-12-02');
  });

  it('Art. 36(1): the draft for critique reaches the Front at least 15 days before submission', () => {
    const lead = FRONT_LEAD_TIME_RULES.socialCritique;
    expect(lead.basis).toContain('Art. 36(1)');
    expect(latestSendDate(lead, '2026-12-20')).toBe('2026-12-05');
    expect(isSentLate(lead, '2026-12-05', '2026-12-20')).toBe(false);
    expect(isSentLate(lead, '2026-12-06', '2026-12-20')).toBe(true);
    expect(FRONT_LEAD_TIME_RULES.supervision.days).toBe(7);
  });
});
