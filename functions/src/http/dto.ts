import type { AuditEvent, Body, Member, Meeting, Membership } from '@qcdc/core';

/** Allow-list mappers: responses never spread stored rows, so internal fields never leak. */
export function meetingDto(meeting: Meeting) {
  return {
    id: meeting.id,
    bodyId: meeting.bodyId,
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    location: meeting.location,
    status: meeting.status,
    chairId: meeting.chairId,
    secretaryId: meeting.secretaryId,
    agenda: meeting.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      presenterId: item.presenterId,
      durationMinutes: item.durationMinutes,
    })),
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
    version: meeting.version,
  };
}

export function bodyDto(body: Body) {
  return {
    id: body.id,
    unitId: body.unitId,
    unitName: body.unitName,
    kind: body.kind,
    name: body.name,
  };
}

export function membershipDto(membership: Membership) {
  return { ...bodyDto(membership.body), myRoles: membership.roles };
}

export function memberDto(member: Member) {
  return {
    userId: member.userId,
    displayName: member.displayName,
    title: member.title,
    roles: member.roles,
  };
}

export function auditEventDto(event: AuditEvent) {
  return {
    seq: event.seq,
    action: event.action,
    actorId: event.actorId,
    actorName: event.actorName,
    at: event.at,
    changes: event.changes,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
