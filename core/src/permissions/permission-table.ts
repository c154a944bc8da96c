import type { BodyRole } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import type { ActorRoles, MeetingRole } from './actor';

/**
 * The one permission table. Handlers and card actions ask `can`/`assertCan`; nothing else decides.
 * A permission is granted when the actor holds any listed body role or any listed meeting role.
 */
export const PERMISSIONS = {
  'body.read': {
    bodyRoles: ['head', 'deputyHead', 'member', 'secretary', 'observer'],
    meetingRoles: [],
  },
  'meeting.read': {
    bodyRoles: ['head', 'deputyHead', 'member', 'secretary', 'observer'],
    meetingRoles: ['chair', 'secretary'],
  },
  'meeting.create': { bodyRoles: ['head', 'deputyHead', 'secretary'], meetingRoles: [] },
  'meeting.update': {
    bodyRoles: ['head', 'deputyHead', 'secretary'],
    meetingRoles: ['chair', 'secretary'],
  },
  'audit.read': { bodyRoles: ['head', 'deputyHead', 'secretary'], meetingRoles: ['chair'] },
  /** Schedule, postpone, cancel. */
  'meeting.schedule': {
    bodyRoles: ['head', 'deputyHead', 'secretary'],
    meetingRoles: ['chair'],
  },
  /** Open and close the session, record attendance: the people running the room. */
  'meeting.run': { bodyRoles: ['head'], meetingRoles: ['chair', 'secretary'] },
  'meeting.archive': { bodyRoles: ['head', 'secretary'], meetingRoles: ['chair'] },
  /** Only the meeting's own secretary drafts and submits its minutes (and the chair may step in). */
  'minutes.edit': { bodyRoles: [], meetingRoles: ['secretary', 'chair'] },
  'minutes.submit': { bodyRoles: [], meetingRoles: ['secretary'] },
  /** Assigning work is the body leadership's, or the chair's for their meeting's conclusions. */
  'assignment.create': {
    bodyRoles: ['head', 'deputyHead', 'secretary'],
    meetingRoles: ['chair'],
  },
  /** Only the chair approves or returns the minutes they will sign. */
  'minutes.approve': { bodyRoles: [], meetingRoles: ['chair'] },
} as const satisfies Record<
  string,
  { bodyRoles: readonly BodyRole[]; meetingRoles: readonly MeetingRole[] }
>;

export type Action = keyof typeof PERMISSIONS;

export function can(roles: ActorRoles, action: Action): boolean {
  const rule: { bodyRoles: readonly BodyRole[]; meetingRoles: readonly MeetingRole[] } =
    PERMISSIONS[action];
  return (
    roles.bodyRoles.some((role) => rule.bodyRoles.includes(role)) ||
    roles.meetingRoles.some((role) => rule.meetingRoles.includes(role))
  );
}

export function assertCan(roles: ActorRoles, action: Action): void {
  if (!can(roles, action)) throw new DomainError('PERMISSION.DENIED', { action });
}
