import type { Body, Member } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import type { Actor, ActorRoles, MeetingRole } from '../permissions/actor';
import type { BodyRepository } from '../ports/body-repository';

export interface ActorInBody {
  body: Body;
  member: Member | null;
  roles: ActorRoles;
}

/**
 * Loads the body within the actor's tenant (another tenant's id is simply not found) and the actor's
 * roles in it. Authorization is then the permission table's job.
 */
export async function resolveActorInBody(
  bodies: BodyRepository,
  actor: Actor,
  bodyId: string,
): Promise<ActorInBody> {
  const [body, member] = await Promise.all([
    bodies.getBody(actor.tenantId, bodyId),
    bodies.getMember(actor.tenantId, bodyId, actor.userId),
  ]);
  if (!body) throw new DomainError('BODY.NOT_FOUND');
  return { body, member, roles: { bodyRoles: member?.roles ?? [], meetingRoles: [] } };
}

export function meetingRolesOf(meeting: Meeting, userId: string): MeetingRole[] {
  const roles: MeetingRole[] = [];
  if (meeting.chairId === userId) roles.push('chair');
  if (meeting.secretaryId === userId) roles.push('secretary');
  return roles;
}

export function withMeetingRoles(roles: ActorRoles, meeting: Meeting, userId: string): ActorRoles {
  return { bodyRoles: roles.bodyRoles, meetingRoles: meetingRolesOf(meeting, userId) };
}
