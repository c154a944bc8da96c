import {
  transitionsFrom,
  type AttendanceView,
  type AuditEvent,
  type Body,
  type Member,
  type Meeting,
  type Membership,
  type MinutesSection,
  type MinutesView,
} from '@qcdc/core';

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
    statusReason: meeting.statusReason,
    /** What may happen next (the UI offers these; the server still checks role and state). */
    transitions: transitionsFrom(meeting.status),
    chairId: meeting.chairId,
    secretaryId: meeting.secretaryId,
    agenda: meeting.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      presenterId: item.presenterId,
      durationMinutes: item.durationMinutes,
    })),
    minutes: {
      edition: meeting.minutes.edition,
      status: meeting.minutes.status,
      approvedHash: meeting.minutes.approvedHash,
      approvedAt: meeting.minutes.approvedAt,
      approvedBy: meeting.minutes.approvedBy,
      lastComment: meeting.minutes.lastComment,
    },
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
    version: meeting.version,
  };
}

export function sectionDto(
  section: Partial<MinutesSection> & Pick<MinutesSection, 'key' | 'text' | 'version'>,
) {
  return {
    key: section.key,
    kind: section.kind,
    agendaItemId: section.agendaItemId,
    text: section.text,
    version: section.version,
    edition: section.edition,
    updatedAt: section.updatedAt,
    updatedByName: section.updatedByName,
  };
}

export function minutesDto(view: MinutesView) {
  return { meeting: meetingDto(view.meeting), sections: view.sections.map(sectionDto) };
}

export function attendanceDto(view: AttendanceView) {
  return {
    attendance: Object.values(view.attendance).map((entry) => ({
      userId: entry.userId,
      status: entry.status,
      delegateName: entry.delegateName,
      note: entry.note,
    })),
    quorum: view.quorum,
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
