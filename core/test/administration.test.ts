import { describe, expect, it } from 'vitest';
import {
  assertAdminsRemain,
  assertCanAdministerUnit,
  assertSettingsVersionWritable,
  assertValidHolidayYear,
  DEADLINE_RULES,
  deadlineOverridesOf,
  DEFAULT_REMINDER_POLICY,
  DEFAULT_UNIT_SETTINGS,
  holidayTable,
  isDomainError,
  planMemberRemoval,
  planMemberUpsert,
  reminderPolicyFor,
  resolveDeadlineRule,
  settingsInForce,
  unitWorkCalendar,
  ZUnitSettingsValues,
  type Body,
  type Member,
  type UnitHolidayYear,
  type UnitSettingsValues,
  type UnitSettingsVersion,
} from '../src/index';

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return undefined;
};

const version = (
  effectiveFrom: string,
  values: Partial<UnitSettingsValues>,
): UnitSettingsVersion => ({
  effectiveFrom,
  values: { ...DEFAULT_UNIT_SETTINGS, ...values },
  savedAt: '2026-01-01T00:00:00.000Z',
  savedBy: 'admin',
  savedByName: 'Quản trị',
});

describe('settings in force on a date', () => {
  const versions = [
    version('2026-07-01', { quietHours: { start: '20:00', end: '07:30' } }),
    version('2026-01-01', { reminderOffsets: [{ days: 2, at: '09:00' }] }),
  ];

  it('uses the product defaults before the first version', () => {
    expect(settingsInForce(versions, '2025-12-31')).toEqual({
      effectiveFrom: null,
      values: DEFAULT_UNIT_SETTINGS,
    });
  });

  it('applies a version from its own date on, until the next one', () => {
    expect(settingsInForce(versions, '2026-01-01').effectiveFrom).toBe('2026-01-01');
    expect(settingsInForce(versions, '2026-06-30').values.reminderOffsets).toEqual([
      { days: 2, at: '09:00' },
    ]);
    expect(settingsInForce(versions, '2026-07-01').values.quietHours).toEqual({
      start: '20:00',
      end: '07:30',
    });
    expect(settingsInForce(versions, '2030-01-01').effectiveFrom).toBe('2026-07-01');
  });

  it('locks a version once in force and refuses new ones dated in the past', () => {
    const today = '2026-11-22';
    expect(codeOf(() => assertSettingsVersionWritable('2026-11-21', true, today))).toBe(
      'SETTINGS.VERSION_LOCKED',
    );
    expect(codeOf(() => assertSettingsVersionWritable('2026-11-22', true, today))).toBe(
      'SETTINGS.VERSION_LOCKED',
    );
    expect(codeOf(() => assertSettingsVersionWritable('2026-11-21', false, today))).toBe(
      'SETTINGS.EFFECTIVE_IN_PAST',
    );
    expect(codeOf(() => assertSettingsVersionWritable('2026-11-22', false, today))).toBeUndefined();
    expect(codeOf(() => assertSettingsVersionWritable('2026-11-23', true, today))).toBeUndefined();
  });
});

describe('settings feed the deadline rules the law leaves to the unit (RULES.md: Front response)', () => {
  const rule = 'front.recommendationResponse';

  it('turns versions into dated overrides resolveDeadlineRule reads', () => {
    const versions = [
      version('2026-03-01', { deadlines: { [rule]: { amount: 45, unit: 'calendarDays' } } }),
      version('2026-09-01', { deadlines: {} }),
    ];
    const settings = { overrides: deadlineOverridesOf(versions) };
    expect(resolveDeadlineRule(DEADLINE_RULES, rule, '2026-02-28', settings)).toMatchObject({
      amount: 30,
      source: 'default',
    });
    expect(resolveDeadlineRule(DEADLINE_RULES, rule, '2026-05-01', settings)).toMatchObject({
      amount: 45,
      source: 'unit',
      effectiveFrom: '2026-03-01',
    });
    // Dropping the unit's number goes back to the default from that version's date only.
    expect(resolveDeadlineRule(DEADLINE_RULES, rule, '2026-09-01', settings)).toMatchObject({
      amount: 30,
      effectiveFrom: '2026-09-01',
    });
  });

  it('accepts numbers only for rules the law leaves open', () => {
    const base = { ...DEFAULT_UNIT_SETTINGS };
    expect(
      ZUnitSettingsValues.safeParse({
        ...base,
        deadlines: { [rule]: { amount: 20, unit: 'workingDays' } },
      }).success,
    ).toBe(true);
    expect(
      ZUnitSettingsValues.safeParse({
        ...base,
        deadlines: { 'complaint.acceptance': { amount: 3, unit: 'workingDays' } },
      }).success,
    ).toBe(false);
  });

  it('refuses quiet hours that leave no daytime, or malformed times, without throwing', () => {
    const parse = (quietHours: unknown) =>
      ZUnitSettingsValues.safeParse({ ...DEFAULT_UNIT_SETTINGS, quietHours }).success;
    expect(parse({ start: '21:00', end: '07:00' })).toBe(true);
    expect(parse({ start: '07:00', end: '21:00' })).toBe(false);
    expect(parse({ start: '25:00', end: '07:00' })).toBe(false);
    // Garbage anywhere is a validation failure, never an exception (which would be a 500).
    for (const garbage of [null, 5, 'x', [1]]) {
      expect(
        ZUnitSettingsValues.safeParse({ ...DEFAULT_UNIT_SETTINGS, deadlines: garbage }).success,
      ).toBe(false);
      expect(
        ZUnitSettingsValues.safeParse({ ...DEFAULT_UNIT_SETTINGS, reminderOffsets: garbage })
          .success,
      ).toBe(false);
      expect(parse(garbage)).toBe(false);
    }
    expect(
      ZUnitSettingsValues.safeParse({
        ...DEFAULT_UNIT_SETTINGS,
        reminderOffsets: [
          { days: 1, at: '08:00' },
          { days: 1, at: '09:00' },
        ],
      }).success,
    ).toBe(false);
  });

  it('gives reminder planning the unit offsets and quiet hours, keeping the rest', () => {
    const policy = reminderPolicyFor({
      deadlines: {},
      reminderOffsets: [{ days: 5, at: '08:30' }],
      quietHours: { start: '20:00', end: '07:30' },
    });
    expect(policy.assignmentOffsets).toEqual([{ days: 5, at: '08:30' }]);
    expect(policy.quietHours).toEqual({ start: '20:00', end: '07:30', marginMinutes: 30 });
    expect(policy.overdueMaxDays).toBe(DEFAULT_REMINDER_POLICY.overdueMaxDays);
  });
});

describe('members and roles: a body always keeps a head', () => {
  const body: Body = {
    tenantId: 't',
    unitId: 'u',
    id: 'b',
    kind: 'steeringCommittee',
    name: 'Ban Chỉ đạo',
    unitName: 'UBND xã',
  };
  const person = (userId: string, roles: Member['roles']): Member => ({
    tenantId: 't',
    bodyId: 'b',
    userId,
    displayName: userId,
    title: '',
    roles,
  });
  const members = [person('head', ['head']), person('sec', ['secretary'])];

  it('refuses removing or demoting the last head', () => {
    expect(codeOf(() => planMemberRemoval(body, members, 'head'))).toBe('ADMIN.LAST_HEAD');
    expect(
      codeOf(() =>
        planMemberUpsert(body, members, {
          userId: 'head',
          displayName: 'h',
          title: '',
          roles: ['member'],
        }),
      ),
    ).toBe('ADMIN.LAST_HEAD');
    expect(codeOf(() => planMemberRemoval(body, members, 'nobody'))).toBe('ADMIN.MEMBER_NOT_FOUND');
  });

  it('allows it once someone else is head, and stores roles in one order', () => {
    const withTwo = planMemberUpsert(body, members, {
      userId: 'sec',
      displayName: 'sec',
      title: '',
      roles: ['secretary', 'head', 'head'],
    });
    expect(withTwo.after.roles).toEqual(['head', 'secretary']);
    expect(withTwo.before?.roles).toEqual(['secretary']);
    expect(planMemberRemoval(body, withTwo.members, 'head').members.map((m) => m.userId)).toEqual([
      'sec',
    ]);
  });

  it('lets only the unit admin list administer, and never empties it', () => {
    const unit = { admins: [{ userId: 'a', displayName: 'A' }] };
    expect(
      codeOf(() => assertCanAdministerUnit(unit, { userId: 'a' }, 'settings.update')),
    ).toBeUndefined();
    expect(codeOf(() => assertCanAdministerUnit(unit, { userId: 'head' }, 'unit.read'))).toBe(
      'PERMISSION.DENIED',
    );
    expect(codeOf(() => assertAdminsRemain([]))).toBe('ADMIN.LAST_ADMIN');
  });
});

describe('the yearly holiday table (Labour Code Art. 112, lunar holidays, announced swaps)', () => {
  const swap: UnitHolidayYear = {
    year: 2027,
    daysOff: [{ date: '2027-12-31', holiday: 'newYear', note: '' }],
    makeUpWorkingDays: [{ date: '2027-12-18', replacesDayOff: '2027-12-31', note: '' }],
  };

  it('lists the computed holidays, Tết and Hùng Kings included', () => {
    const rows = holidayTable(2027, null);
    expect(rows.filter((r) => r.holiday === 'tet').map((r) => r.date)).toContain('2027-02-06');
    // 10th day of the 3rd lunar month of Đinh Mùi.
    expect(rows.find((r) => r.holiday === 'hungKings')?.date).toBe('2027-04-16');
    expect(rows.every((r) => r.source === 'computed')).toBe(true);
  });

  it("marks the Government's announced days and the unit's own", () => {
    expect(holidayTable(2025, null).find((r) => r.date === '2025-05-02')?.source).toBe('announced');
    const rows = holidayTable(2027, swap);
    expect(rows).toContainEqual(
      expect.objectContaining({ date: '2027-12-31', kind: 'swapped', source: 'unit' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ date: '2027-12-18', kind: 'makeUpWorkingDay', source: 'unit' }),
    );
  });

  it("counts the unit's swaps in its working-day calendar", () => {
    const calendar = unitWorkCalendar([swap]);
    expect(calendar.isWorkingDay({ year: 2027, month: 12, day: 31 })).toBe(false);
    expect(calendar.isWorkingDay({ year: 2027, month: 12, day: 18 })).toBe(true);
    expect(unitWorkCalendar([]).isWorkingDay({ year: 2027, month: 12, day: 31 })).toBe(true);
  });

  it('refuses changes that would shift deadlines silently', () => {
    const invalid = (changes: Partial<UnitHolidayYear>) =>
      codeOf(() => assertValidHolidayYear({ ...swap, ...changes }));
    expect(
      invalid({
        daysOff: [{ date: '2027-12-25', holiday: 'newYear', note: '' }],
        makeUpWorkingDays: [],
      }),
    ).toBe('HOLIDAY.INVALID');
    expect(
      invalid({
        daysOff: [{ date: '2028-01-03', holiday: 'newYear', note: '' }],
        makeUpWorkingDays: [],
      }),
    ).toBe('HOLIDAY.INVALID');
    expect(
      invalid({
        makeUpWorkingDays: [{ date: '2027-12-20', replacesDayOff: '2027-12-31', note: '' }],
      }),
    ).toBe('HOLIDAY.INVALID');
    expect(
      invalid({
        makeUpWorkingDays: [{ date: '2027-12-18', replacesDayOff: '2027-12-30', note: '' }],
      }),
    ).toBe('HOLIDAY.INVALID');
    expect(
      invalid({
        daysOff: [{ date: '2027-02-08', holiday: 'tet', note: '' }],
        makeUpWorkingDays: [],
      }),
    ).toBe('HOLIDAY.INVALID');
    expect(invalid({})).toBeUndefined();
  });
});
