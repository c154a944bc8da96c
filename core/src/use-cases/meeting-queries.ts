import type { AuditEvent } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { UseCaseDeps } from './deps';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

type QueryDeps = Pick<UseCaseDeps, 'bodies' | 'meetings'>;

export async function listBodyMeetings(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
): Promise<Meeting[]> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'meeting.read');
  const meetings = await deps.meetings.listMeetings(actor.tenantId, bodyId);
  return meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

export async function getMeeting(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<Meeting> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
  if (!stored) throw new DomainError('MEETING.NOT_FOUND');
  assertCan(withMeetingRoles(roles, stored.meeting, actor.userId), 'meeting.read');
  return stored.meeting;
}

export async function listMeetingAudit(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<AuditEvent[]> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
  if (!stored) throw new DomainError('MEETING.NOT_FOUND');
  assertCan(withMeetingRoles(roles, stored.meeting, actor.userId), 'audit.read');
  return deps.meetings.listAuditEvents(actor.tenantId, bodyId, meetingId);
}
