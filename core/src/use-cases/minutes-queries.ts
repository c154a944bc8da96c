import { checkQuorum, type Attendance } from '../attendance/attendance';
import type { Body, Member } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import { minutesSectionKeys, type MinutesSection } from '../minutes/minutes';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { templateFor } from '../templates/process-templates';
import type { UseCaseDeps } from './deps';
import type { AttendanceView } from './record-attendance';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

type QueryDeps = Pick<UseCaseDeps, 'bodies' | 'meetings'>;

async function loadReadable(deps: QueryDeps, actor: Actor, bodyId: string, meetingId: string) {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
  if (!stored) throw new DomainError('MEETING.NOT_FOUND');
  assertCan(withMeetingRoles(roles, stored.meeting, actor.userId), 'meeting.read');
  return stored.meeting;
}

export async function getAttendance(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<AttendanceView> {
  const meeting = await loadReadable(deps, actor, bodyId, meetingId);
  const [members, attendance] = await Promise.all([
    deps.bodies.listMembers(actor.tenantId, bodyId),
    deps.meetings.getAttendance(actor.tenantId, bodyId, meetingId),
  ]);
  return { attendance, quorum: checkQuorum(templateFor(meeting.kind), members, attendance) };
}

export interface MinutesView {
  meeting: Meeting;
  /** Every section the minutes have, in order, written or not (unwritten: version 0, empty text). */
  sections: (Pick<MinutesSection, 'key' | 'kind' | 'agendaItemId' | 'text' | 'version'> &
    Partial<Pick<MinutesSection, 'updatedAt' | 'updatedByName'>>)[];
}

export async function getMinutes(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<MinutesView> {
  const meeting = await loadReadable(deps, actor, bodyId, meetingId);
  const stored = await deps.meetings.listMinutesSections(actor.tenantId, bodyId, meetingId);
  const byKey = new Map(stored.map((row) => [row.value.key, row.value]));
  return {
    meeting,
    sections: minutesSectionKeys(meeting).map((slot) => {
      const section = byKey.get(slot.key);
      return section
        ? {
            key: section.key,
            kind: section.kind,
            agendaItemId: section.agendaItemId,
            text: section.text,
            version: section.version,
            updatedAt: section.updatedAt,
            updatedByName: section.updatedByName,
          }
        : { ...slot, text: '', version: 0 };
    }),
  };
}

export async function listMinutesHistory(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<MinutesSection[]> {
  await loadReadable(deps, actor, bodyId, meetingId);
  return deps.meetings.listMinutesRevisions(actor.tenantId, bodyId, meetingId);
}

export interface MinutesForExport {
  meeting: Meeting;
  body: Body;
  members: Member[];
  attendance: Attendance;
  sections: MinutesSection[];
}

/** Everything the official documents print; only approved (or archived) minutes are exported. */
export async function getMinutesForExport(
  deps: QueryDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<MinutesForExport> {
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
  if (!stored) throw new DomainError('MEETING.NOT_FOUND');
  const meeting = stored.meeting;
  assertCan(withMeetingRoles(roles, meeting, actor.userId), 'meeting.read');
  if (meeting.minutes.status !== 'approved') {
    throw new DomainError('MINUTES.NOT_APPROVED', { status: meeting.status });
  }
  const [members, attendance, sections] = await Promise.all([
    deps.bodies.listMembers(actor.tenantId, bodyId),
    deps.meetings.getAttendance(actor.tenantId, bodyId, meetingId),
    deps.meetings.listMinutesSections(actor.tenantId, bodyId, meetingId),
  ]);
  return { meeting, body, members, attendance, sections: sections.map((row) => row.value) };
}
