import type { BodyRole } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import type { ActorRoles, MeetingRole } from './actor';

/**
 * The one permission table. Handlers and card actions ask `can`/`assertCan`; nothing else decides.
 * A permission is granted when the actor holds any listed body role or any listed meeting role.
 * Unit administration (the unit, its bodies and members, dated settings, holidays) is not a body
 * role: the unit's admin list decides it, in administration/unit-administration.ts.
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
  /** Front consultations: the agency's leadership opens, sends and records them, assigns answers. */
  'consultation.manage': { bodyRoles: ['head', 'deputyHead', 'secretary'], meetingRoles: [] },
  /** The head approves the agency's formal answer to a recommendation and closes the consultation. */
  'consultation.approve': { bodyRoles: ['head'], meetingRoles: [] },
  /** Taking in a citizen's petition, complaint or denunciation (the recorder). */
  'case.intake': { bodyRoles: ['head', 'deputyHead', 'secretary', 'member'], meetingRoles: [] },
  /** Scheduling citizen reception sessions and dialogues. */
  'reception.schedule': { bodyRoles: ['head', 'deputyHead', 'secretary'], meetingRoles: [] },
  /** A unit's own numbers for the deadlines the law leaves open. */
  'deadlineSettings.update': { bodyRoles: ['head'], meetingRoles: [] },
  /** The public disclosure register. */
  'disclosure.manage': { bodyRoles: ['head', 'deputyHead', 'secretary'], meetingRoles: [] },
  /** Votes and elections: anyone in the body sees them and may have a result recounted. */
  'vote.read': {
    bodyRoles: ['head', 'deputyHead', 'member', 'secretary', 'observer'],
    meetingRoles: ['chair', 'secretary'],
  },
  /** Draft and cancel motions and elections. */
  'vote.manage': {
    bodyRoles: ['head', 'deputyHead', 'secretary'],
    meetingRoles: ['chair', 'secretary'],
  },
  /** Open and close a vote: the people running the room. */
  'vote.run': { bodyRoles: ['head'], meetingRoles: ['chair', 'secretary'] },
  /** Cast a ballot: summoned members (observers never); the roster fixed at opening decides who. */
  'vote.cast': { bodyRoles: ['head', 'deputyHead', 'member', 'secretary'], meetingRoles: [] },
  /** Sync the body's roster from Teams, see proposals and flags, reach members through Graph. */
  'roster.manage': { bodyRoles: ['head', 'deputyHead', 'secretary'], meetingRoles: [] },
  /** Make someone a member (accept a roster proposal): the body's head alone. */
  'member.grant': { bodyRoles: ['head'], meetingRoles: [] },
  /** Half-year and year-end reviews (sơ kết, tổng kết) and their exports. */
  'report.read': { bodyRoles: ['head', 'deputyHead', 'secretary'], meetingRoles: [] },
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
