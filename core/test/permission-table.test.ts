import { describe, expect, it } from 'vitest';
import { BODY_ROLES, can, DomainError, assertCan, PERMISSIONS, type Action } from '../src/index';

const noRoles = { bodyRoles: [], meetingRoles: [] } as const;

describe('permission table (DESIGN.md: one table decides)', () => {
  it('lets every body role read the body, and nobody without a role', () => {
    for (const role of BODY_ROLES) {
      expect(can({ bodyRoles: [role], meetingRoles: [] }, 'body.read')).toBe(true);
    }
    expect(can(noRoles, 'body.read')).toBe(false);
  });

  it('lets only the head, deputy head and secretary schedule meetings', () => {
    const allowed = BODY_ROLES.filter((role) =>
      can({ bodyRoles: [role], meetingRoles: [] }, 'meeting.create'),
    );
    expect(allowed).toEqual(['head', 'deputyHead', 'secretary']);
  });

  it("lets a plain member edit a meeting only as that meeting's chair or secretary", () => {
    const member = { bodyRoles: ['member'] as const, meetingRoles: [] };
    expect(can(member, 'meeting.update')).toBe(false);
    expect(can({ ...member, meetingRoles: ['chair'] }, 'meeting.update')).toBe(true);
    expect(can({ ...member, meetingRoles: ['secretary'] }, 'meeting.update')).toBe(true);
  });

  it('never grants anything to an actor with no roles', () => {
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      expect(can(noRoles, action)).toBe(false);
    }
  });

  it('throws PERMISSION.DENIED naming the action', () => {
    try {
      assertCan({ bodyRoles: ['observer'], meetingRoles: [] }, 'meeting.create');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('PERMISSION.DENIED');
      expect((error as DomainError).params).toEqual({ action: 'meeting.create' });
    }
  });
});
