import {
  applyAttendance,
  checkQuorum,
  type QuorumCheck,
  type Attendance,
} from '../attendance/attendance';
import type { TRecordAttendanceInput } from '../attendance/attendance-schemas';
import { DomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { templateFor } from '../templates/process-templates';
import type { UseCaseDeps } from './deps';
import { nextMeetingVersion, retryOnWriteRace } from './meeting-change';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

export interface AttendanceView {
  attendance: Attendance;
  quorum: QuorumCheck;
}

/**
 * Marks attendance (present, excused, absent, or present through a delegate) and answers the live
 * quorum. Marks are per person and commute, so concurrent markers never block each other.
 */
export async function recordAttendance(
  deps: UseCaseDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  input: TRecordAttendanceInput,
): Promise<AttendanceView & { meeting: Meeting }> {
  return retryOnWriteRace(async () => {
    const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
    if (!stored) throw new DomainError('MEETING.NOT_FOUND');
    const current = stored.meeting;
    assertCan(withMeetingRoles(roles, current, actor.userId), 'meeting.run');
    if (current.status !== 'scheduled' && current.status !== 'inProgress') {
      throw new DomainError('ATTENDANCE.NOT_OPEN');
    }
    const [members, attendance] = await Promise.all([
      deps.bodies.listMembers(actor.tenantId, bodyId),
      deps.meetings.getAttendance(actor.tenantId, bodyId, meetingId),
    ]);
    const next = applyAttendance(attendance, input.marks, members);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const mark of input.marks) {
      changes[`attendance.${mark.userId}`] = [attendance[mark.userId] ?? null, next[mark.userId]];
    }
    const now = deps.clock.now().toISOString();
    const change = nextMeetingVersion(
      current,
      current,
      actor,
      now,
      'meeting.attendanceRecorded',
      changes,
    );
    await deps.meetings.commitMeetingChange({
      ...change,
      etag: stored.etag,
      attendanceMarks: input.marks.map((mark) => next[mark.userId]!),
    });
    return {
      meeting: change.meeting,
      attendance: next,
      quorum: checkQuorum(templateFor(current.kind), members, next),
    };
  });
}
