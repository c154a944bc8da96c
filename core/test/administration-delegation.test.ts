import { describe, expect, it } from 'vitest';
import {
  assertDelegationAllowed,
  delegationInForce,
  delegationsInForceOn,
  delegationStatus,
  isDomainError,
  planDelegationEnd,
  withStandingDelegates,
  ZAddDelegationInput,
  type Delegation,
  type NewDelegation,
} from '../src/index';

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
  return undefined;
};

const MEMBER = '11111111-1111-4111-8111-111111111111';
const DEPUTY = '22222222-2222-4222-8222-222222222222';
const by = { userId: 'admin', displayName: 'Triệu Văn Thanh', at: '2026-03-10T01:00:00.000Z' };

function delegation(over: Partial<Delegation> = {}): Delegation {
  return {
    id: 'd1',
    bodyId: 'bcd',
    memberId: MEMBER,
    memberName: 'Lê Văn Nam',
    delegate: { userId: DEPUTY, displayName: 'Vũ Thị Mai', title: '' },
    from: '2026-03-01',
    until: '2026-03-31',
    reason: 'Đi học tập trung',
    createdAt: '2026-02-20T01:00:00.000Z',
    createdBy: 'admin',
    createdByName: 'Triệu Văn Thanh',
    ...over,
  };
}

const candidate = (over: Partial<NewDelegation> = {}): NewDelegation => ({
  bodyId: 'bcd',
  memberId: MEMBER,
  memberName: 'Lê Văn Nam',
  delegate: { userId: DEPUTY, displayName: 'Vũ Thị Mai', title: '' },
  from: '2026-04-01',
  until: '2026-04-30',
  ...over,
});

describe('standing delegations (ủy quyền dự thay)', () => {
  it('refuses a delegation to oneself', () => {
    expect(
      codeOf(() =>
        assertDelegationAllowed(
          candidate({ delegate: { userId: MEMBER, displayName: 'Lê Văn Nam', title: '' } }),
          [],
        ),
      ),
    ).toBe('DELEGATION.SELF');
    // A named person without an account is never "oneself".
    expect(
      codeOf(() =>
        assertDelegationAllowed(
          candidate({ delegate: { displayName: 'Nông Văn Hải', title: 'Phó Chủ tịch' } }),
          [],
        ),
      ),
    ).toBeUndefined();
  });

  it('refuses dates that run backwards but takes a one-day delegation', () => {
    expect(
      codeOf(() =>
        assertDelegationAllowed(candidate({ from: '2026-04-02', until: '2026-04-01' }), []),
      ),
    ).toBe('DELEGATION.DATES_REVERSED');
    expect(
      codeOf(() =>
        assertDelegationAllowed(candidate({ from: '2026-04-02', until: '2026-04-02' }), []),
      ),
    ).toBeUndefined();
  });

  it('refuses overlapping delegations of the same member in the same body, bounds inclusive', () => {
    const existing = [delegation()];
    // Touching on the last day overlaps (both days are inclusive)...
    expect(
      codeOf(() =>
        assertDelegationAllowed(candidate({ from: '2026-03-31', until: '2026-04-10' }), existing),
      ),
    ).toBe('DELEGATION.OVERLAP');
    expect(
      codeOf(() =>
        assertDelegationAllowed(candidate({ from: '2026-02-01', until: '2026-03-01' }), existing),
      ),
    ).toBe('DELEGATION.OVERLAP');
    // ...the next day does not.
    expect(
      codeOf(() =>
        assertDelegationAllowed(candidate({ from: '2026-04-01', until: '2026-04-10' }), existing),
      ),
    ).toBeUndefined();
    // Another member, another body, or a cancelled delegation never clash.
    expect(
      codeOf(() =>
        assertDelegationAllowed(
          candidate({ from: '2026-03-10', until: '2026-03-12', memberId: 'someone-else' }),
          existing,
        ),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        assertDelegationAllowed(
          candidate({ from: '2026-03-10', until: '2026-03-12', bodyId: 'other' }),
          existing,
        ),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        assertDelegationAllowed(candidate({ from: '2026-03-10', until: '2026-03-12' }), [
          delegation({ cancelled: true }),
        ]),
      ),
    ).toBeUndefined();
  });

  it('is in force from its first to its last day, both included', () => {
    const list = [delegation()];
    expect(delegationInForce(list, 'bcd', MEMBER, '2026-02-28')).toBeNull();
    expect(delegationInForce(list, 'bcd', MEMBER, '2026-03-01')?.id).toBe('d1');
    expect(delegationInForce(list, 'bcd', MEMBER, '2026-03-31')?.id).toBe('d1');
    expect(delegationInForce(list, 'bcd', MEMBER, '2026-04-01')).toBeNull();
    expect(delegationInForce(list, 'other', MEMBER, '2026-03-15')).toBeNull();
    expect(delegationInForce([delegation({ cancelled: true })], 'bcd', MEMBER, '2026-03-15')).toBe(
      null,
    );
    expect([...delegationsInForceOn(list, 'bcd', '2026-03-15').keys()]).toEqual([MEMBER]);
    expect(delegationStatus(delegation(), '2026-02-28')).toBe('upcoming');
    expect(delegationStatus(delegation(), '2026-03-31')).toBe('inForce');
    expect(delegationStatus(delegation(), '2026-04-01')).toBe('past');
  });

  it('ends early from today on, cancels one not begun, and refuses to rewrite the past', () => {
    const ended = planDelegationEnd(delegation(), undefined, '2026-03-10', by);
    expect(ended).toMatchObject({ until: '2026-03-10', endedBy: 'admin', from: '2026-03-01' });
    expect(ended.cancelled).toBeUndefined();
    expect(planDelegationEnd(delegation(), '2026-03-20', '2026-03-10', by).until).toBe(
      '2026-03-20',
    );
    expect(codeOf(() => planDelegationEnd(delegation(), '2026-03-09', '2026-03-10', by))).toBe(
      'DELEGATION.END_INVALID',
    );
    expect(codeOf(() => planDelegationEnd(delegation(), '2026-04-05', '2026-03-10', by))).toBe(
      'DELEGATION.END_INVALID',
    );
    const cancelled = planDelegationEnd(delegation(), undefined, '2026-02-15', by);
    expect(cancelled.cancelled).toBe(true);
    expect(delegationInForce([cancelled], 'bcd', MEMBER, '2026-03-05')).toBeNull();
    expect(codeOf(() => planDelegationEnd(delegation(), undefined, '2026-04-01', by))).toBe(
      'DELEGATION.ALREADY_ENDED',
    );
    expect(codeOf(() => planDelegationEnd(cancelled, undefined, '2026-02-16', by))).toBe(
      'DELEGATION.ALREADY_ENDED',
    );
  });

  it('validates the input at the edge', () => {
    const ok = ZAddDelegationInput.safeParse({
      bodyId: 'bcd',
      memberId: MEMBER,
      delegate: { displayName: 'Nông Văn Hải' },
      from: '2026-04-01',
      until: '2026-04-30',
      reason: 'Nghỉ ốm',
    });
    expect(ok.success).toBe(true);
    expect(ok.data?.delegate.title).toBe('');
    expect(
      ZAddDelegationInput.safeParse({
        bodyId: 'bcd',
        memberId: MEMBER,
        delegate: { displayName: 'X' },
        from: '01/04/2026',
        until: '2026-04-30',
        reason: '',
      }).success,
    ).toBe(false);
  });

  it("names the standing delegate for 'attended by delegate' marks, a typed name winning", () => {
    const inForce = new Map([[MEMBER, 'Vũ Thị Mai']]);
    expect(
      withStandingDelegates(
        [
          { userId: MEMBER, status: 'present', byStandingDelegate: true },
          { userId: DEPUTY, status: 'absentExcused', note: 'Ốm' },
        ],
        inForce,
      ),
    ).toEqual([
      { userId: MEMBER, status: 'present', delegateName: 'Vũ Thị Mai' },
      { userId: DEPUTY, status: 'absentExcused', note: 'Ốm' },
    ]);
    expect(
      withStandingDelegates(
        [
          {
            userId: MEMBER,
            status: 'present',
            delegateName: 'Nông Văn Hải',
            byStandingDelegate: true,
          },
        ],
        inForce,
      ),
    ).toEqual([{ userId: MEMBER, status: 'present', delegateName: 'Nông Văn Hải' }]);
    expect(
      codeOf(() =>
        withStandingDelegates(
          [{ userId: DEPUTY, status: 'present', byStandingDelegate: true }],
          inForce,
        ),
      ),
    ).toBe('ATTENDANCE.NO_STANDING_DELEGATE');
  });
});
