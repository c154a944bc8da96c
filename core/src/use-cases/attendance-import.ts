import {
  applyAttendance,
  checkQuorum,
  type Attendance,
  type AttendanceEntry,
  type QuorumCheck,
} from '../attendance/attendance';
import { DomainError } from '../errors/domain-error';
import type { Meeting, MeetingStatus } from '../meetings/meeting';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { TAttendanceImportInput } from '../rosters/roster-schemas';
import type { TeamsMeetingLink, TeamsMeetingLinkRepository } from '../rosters/teams-meeting-link';
import {
  planAttendanceImport,
  type AttendanceImportPlan,
  type TeamsAttendanceReport,
} from '../rosters/teams-attendance';
import { templateFor } from '../templates/process-templates';
import type { UseCaseDeps } from './deps';
import { nextMeetingVersion, retryOnWriteRace } from './meeting-change';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

/**
 * Teams writes the attendance report when the meeting ends, so it may be imported while the meeting
 * is still open in the app or after it ended, until the minutes go to the chair.
 */
export const ATTENDANCE_IMPORT_STATUSES: readonly MeetingStatus[] = [
  'scheduled',
  'inProgress',
  'ended',
];

/** A table batch holds 100 operations: the meeting row, its audit event and up to 90 marks. */
const MARKS_PER_CHANGE = 90;

/**
 * The people running the meeting (its chair and secretary, or the body's head) may import; checked
 * before the report is fetched from Teams. Answers the meeting (its ids may name the Teams meeting).
 */
export async function authorizeAttendanceImport(
  deps: Pick<UseCaseDeps, 'bodies' | 'meetings'>,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<Meeting> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
  if (!stored) throw new DomainError('MEETING.NOT_FOUND');
  assertCan(withMeetingRoles(roles, stored.meeting, actor.userId), 'meeting.run');
  if (!ATTENDANCE_IMPORT_STATUSES.includes(stored.meeting.status)) {
    throw new DomainError('ATTENDANCE.NOT_OPEN');
  }
  return stored.meeting;
}

export interface AttendanceImportResult {
  meeting: Meeting;
  attendance: Attendance;
  quorum: QuorumCheck;
  reportId: string;
  /** Marks written (Teams' and the corrections'), by member. */
  marked: AttendanceEntry[];
  matched: AttendanceImportPlan['matched'];
  notSummoned: AttendanceImportPlan['notSummoned'];
  unmatched: AttendanceImportPlan['unmatched'];
  meetingSeconds: number;
}

/**
 * Turns a Teams attendance report into the meeting's attendance (core/src/rosters/teams-attendance.ts
 * says how), applies the manual corrections given with it, and writes only what changes, audited on
 * the meeting's chain as `meeting.attendanceImported`. Quorum and the minutes' attendee list then come
 * from what Teams recorded. A re-import of the same report writes nothing.
 */
export async function importAttendance(
  deps: UseCaseDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  report: TeamsAttendanceReport,
  input: Pick<TAttendanceImportInput, 'minimumShare' | 'overrides'>,
): Promise<AttendanceImportResult> {
  return retryOnWriteRace(async () => {
    await authorizeAttendanceImport(deps, actor, bodyId, meetingId);
    const [members, attendance] = await Promise.all([
      deps.bodies.listMembers(actor.tenantId, bodyId),
      deps.meetings.getAttendance(actor.tenantId, bodyId, meetingId),
    ]);
    const plan = planAttendanceImport(report, members, attendance, {
      minimumShare: input.minimumShare,
    });
    const marks = new Map<string, AttendanceEntry>();
    for (const mark of plan.marks) marks.set(mark.userId, mark);
    for (const mark of input.overrides) marks.set(mark.userId, mark);
    const next = applyAttendance(attendance, [...marks.values()], members);
    const changed = [...marks.keys()]
      .filter((userId) => !sameEntry(attendance[userId], next[userId]))
      .map((userId) => next[userId]!);

    let meeting: Meeting | undefined;
    for (let start = 0; start < changed.length; start += MARKS_PER_CHANGE) {
      const chunk = changed.slice(start, start + MARKS_PER_CHANGE);
      const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
      if (!stored) throw new DomainError('MEETING.NOT_FOUND');
      const changes: Record<string, [unknown, unknown]> = {
        'teams.attendanceReport': [null, report.id],
      };
      for (const mark of chunk) {
        changes[`attendance.${mark.userId}`] = [attendance[mark.userId] ?? null, mark];
      }
      const change = nextMeetingVersion(
        stored.meeting,
        stored.meeting,
        actor,
        deps.clock.now().toISOString(),
        'meeting.attendanceImported',
        changes,
      );
      await deps.meetings.commitMeetingChange({
        ...change,
        etag: stored.etag,
        attendanceMarks: chunk,
      });
      meeting = change.meeting;
    }
    if (!meeting) {
      const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
      if (!stored) throw new DomainError('MEETING.NOT_FOUND');
      meeting = stored.meeting;
    }
    return {
      meeting,
      attendance: next,
      quorum: checkQuorum(templateFor(meeting.kind), members, next),
      reportId: report.id,
      marked: changed,
      matched: plan.matched,
      notSummoned: plan.notSummoned,
      unmatched: plan.unmatched,
      meetingSeconds: plan.meetingSeconds,
    };
  });
}

/** A Teams meeting can be created for a meeting that has not started yet, by those who schedule it. */
export const TEAMS_MEETING_STATUSES: readonly MeetingStatus[] = ['draft', 'scheduled'];

/**
 * Checks, before Graph is asked, that the caller may give this meeting a Teams meeting. Answers the
 * meeting (its title and times become the Teams meeting's).
 */
export async function authorizeTeamsMeetingLink(
  deps: Pick<UseCaseDeps, 'bodies' | 'meetings'>,
  actor: Actor,
  bodyId: string,
  meetingId: string,
): Promise<Meeting> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
  if (!stored) throw new DomainError('MEETING.NOT_FOUND');
  assertCan(withMeetingRoles(roles, stored.meeting, actor.userId), 'meeting.schedule');
  if (!TEAMS_MEETING_STATUSES.includes(stored.meeting.status)) {
    throw new DomainError('MEETING.NOT_EDITABLE', { status: stored.meeting.status });
  }
  return stored.meeting;
}

/**
 * Records the Teams meeting behind a meeting: an audited meeting change
 * (`meeting.teamsMeetingLinked`), then the link row. Linking the same Teams meeting again writes
 * nothing.
 */
export async function linkTeamsMeeting(
  deps: UseCaseDeps,
  links: TeamsMeetingLinkRepository,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  online: Pick<TeamsMeetingLink, 'onlineMeetingId' | 'organizerId' | 'joinWebUrl'>,
): Promise<{ meeting: Meeting; link: TeamsMeetingLink }> {
  return retryOnWriteRace(async () => {
    await authorizeTeamsMeetingLink(deps, actor, bodyId, meetingId);
    const existing = await links.getLink(actor.tenantId, bodyId, meetingId);
    const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
    if (!stored) throw new DomainError('MEETING.NOT_FOUND');
    if (
      existing &&
      existing.onlineMeetingId === online.onlineMeetingId &&
      existing.joinWebUrl === online.joinWebUrl
    ) {
      return { meeting: stored.meeting, link: existing };
    }
    const now = deps.clock.now().toISOString();
    const link: TeamsMeetingLink = {
      tenantId: actor.tenantId,
      bodyId,
      meetingId,
      ...online,
      linkedAt: now,
      linkedBy: actor.userId,
    };
    const change = nextMeetingVersion(
      stored.meeting,
      stored.meeting,
      actor,
      now,
      'meeting.teamsMeetingLinked',
      {
        'teams.onlineMeetingId': [existing?.onlineMeetingId ?? null, link.onlineMeetingId],
        'teams.joinWebUrl': [existing?.joinWebUrl ?? null, link.joinWebUrl],
      },
    );
    await deps.meetings.commitMeetingChange({ ...change, etag: stored.etag });
    // After the audited change: a failure here leaves an event without its row, and the retry
    // (which finds no row) records it again; never a link nobody can see in the audit trail.
    await links.saveLink(link);
    return { meeting: change.meeting, link };
  });
}

function sameEntry(a: AttendanceEntry | undefined, b: AttendanceEntry | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.status === b.status &&
    (a.delegateName ?? null) === (b.delegateName ?? null) &&
    (a.note ?? null) === (b.note ?? null)
  );
}
