import {
  ZRecordAttendanceInput,
  type AttendanceStatus,
  type BodyRole,
  type MeetingStatus,
} from '@qcdc/core';
import type {
  AttendanceAnswer,
  AttendanceMark,
  BodyMember,
  MeetingView,
  RecordAttendanceBody,
} from '../api/api-types';
import { canRunMeeting } from '../app/permissions';

/** One line of the attendance form: the member and what is chosen for them (null: not marked). */
export interface AttendanceRow {
  userId: string;
  displayName: string;
  title: string | undefined;
  status: AttendanceStatus | null;
  /** As typed; sent only for someone present. */
  delegateName: string;
  /** The standing delegation in force on the meeting's date (docs/admin.md), if any. */
  standingDelegate: { name: string; until: string } | null;
}

/** GET/PUT `/attendance` also answer who stands in for whom on the meeting's date. */
export interface StandingDelegateView {
  userId: string;
  delegationId: string;
  delegate: { userId?: string | undefined; displayName: string; title: string };
  from: string;
  until: string;
  reason: string;
}
export type AttendanceWithStanding = AttendanceAnswer & {
  standingDelegates?: StandingDelegateView[] | undefined;
};

/** Attendance is recorded while the meeting is scheduled or running (the API refuses otherwise). */
const ATTENDANCE_OPEN: readonly MeetingStatus[] = ['scheduled', 'inProgress'];

export type AttendanceAccess = 'edit' | 'notRunner' | 'closed';

/** Who may mark: those running the room (`meeting.run`: head, chair, meeting secretary). */
export function attendanceAccess(
  meeting: Pick<MeetingView, 'status' | 'chairId' | 'secretaryId'>,
  bodyRoles: readonly BodyRole[],
  userId: string | null,
): AttendanceAccess {
  if (!ATTENDANCE_OPEN.includes(meeting.status)) return 'closed';
  return canRunMeeting(bodyRoles, meeting, userId) ? 'edit' : 'notRunner';
}

/**
 * The summoned members (core's rule: everyone with a role other than observer) with their current
 * marks, in the body's order.
 */
export function attendanceRows(
  members: readonly BodyMember[],
  marks: readonly AttendanceMark[],
  standing: readonly StandingDelegateView[] = [],
): AttendanceRow[] {
  const byUser = new Map(marks.map((mark) => [mark.userId, mark]));
  const standingBy = new Map(standing.map((s) => [s.userId, s]));
  return members
    .filter((member) => member.roles.some((role) => role !== 'observer'))
    .map((member) => {
      const mark = byUser.get(member.userId);
      return {
        userId: member.userId,
        displayName: member.displayName,
        title: member.title,
        status: mark?.status ?? null,
        delegateName: mark?.delegateName ?? '',
        standingDelegate: standingBy.has(member.userId)
          ? {
              name: standingBy.get(member.userId)!.delegate.displayName,
              until: standingBy.get(member.userId)!.until,
            }
          : null,
      };
    });
}

type Mark = RecordAttendanceBody['marks'][number];

function markOf(row: AttendanceRow): Mark | null {
  if (row.status === null) return null;
  const delegateName = row.status === 'present' ? row.delegateName.trim() : '';
  return delegateName
    ? { userId: row.userId, status: row.status, delegateName }
    : { userId: row.userId, status: row.status };
}

/**
 * The marks to send: only rows that differ from what is stored, so the audit log records real
 * changes. Null when nothing changed (the API wants at least one mark).
 */
export function changedMarks(
  rows: readonly AttendanceRow[],
  saved: readonly AttendanceMark[],
): RecordAttendanceBody | null {
  const before = new Map(saved.map((mark) => [mark.userId, mark]));
  const marks = rows.flatMap((row) => {
    const mark = markOf(row);
    if (!mark) return [];
    const old = before.get(row.userId);
    const same =
      old !== undefined &&
      old.status === mark.status &&
      (old.delegateName ?? '') === (mark.delegateName ?? '');
    return same ? [] : [mark];
  });
  if (marks.length === 0) return null;
  const body = { marks };
  return ZRecordAttendanceInput.safeParse(body).success ? body : null;
}
