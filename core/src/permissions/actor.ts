import type { BodyRole } from '../bodies/body';

/** The validated caller: who (tenant + Entra object id) and what they hold where it matters. */
export interface Actor {
  tenantId: string;
  userId: string;
  displayName: string;
}

/** Per-meeting roles, separate from body roles (DESIGN: people and permissions). */
export const MEETING_ROLES = ['chair', 'secretary'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** An actor's roles in the body and, when a meeting is in play, in that meeting. */
export interface ActorRoles {
  bodyRoles: readonly BodyRole[];
  meetingRoles: readonly MeetingRole[];
}
