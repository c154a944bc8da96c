import type { Member } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import { meetsThreshold, minimumToMeet } from '../templates/fractions';
import type { LocalizedText, ProcessTemplate } from '../templates/process-templates';

export const ATTENDANCE_STATUSES = ['present', 'absentExcused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One summoned member's attendance; a delegate standing in makes the member count as present. */
export interface AttendanceEntry {
  userId: string;
  status: AttendanceStatus;
  /** Someone attending in the member's place ("dự thay"); only with status present. */
  delegateName?: string | undefined;
  note?: string | undefined;
}

/** userId -> entry; members with no entry have not been marked yet. */
export type Attendance = Record<string, AttendanceEntry>;

/** Observers follow the body's work but are not summoned to decide: they never count for quorum. */
export function summonedMembers(members: readonly Member[]): Member[] {
  return members.filter((member) => member.roles.some((role) => role !== 'observer'));
}

/** The Entra ids of the summoned members (who meeting reminders go to). */
export function summonedIds(members: readonly Member[]): string[] {
  return summonedMembers(members).map((member) => member.userId);
}

export interface QuorumCheck {
  /** Always true when the template needs no quorum. */
  met: boolean;
  present: number;
  summoned: number;
  /** The smallest number present that meets the rule (0 when there is no rule). */
  required: number;
  delegates: number;
  basis: LocalizedText;
}

/** Live quorum: summoned members marked present (in person or through a delegate) against the rule. */
export function checkQuorum(
  template: ProcessTemplate,
  members: readonly Member[],
  attendance: Attendance,
): QuorumCheck {
  const summoned = summonedMembers(members);
  const presentEntries = summoned
    .map((member) => attendance[member.userId])
    .filter((entry): entry is AttendanceEntry => entry?.status === 'present');
  const present = presentEntries.length;
  const delegates = presentEntries.filter((entry) => entry.delegateName).length;
  if (template.quorum.kind === 'none') {
    return {
      met: true,
      present,
      summoned: summoned.length,
      required: 0,
      delegates,
      basis: template.quorum.basis,
    };
  }
  const { threshold, basis } = template.quorum;
  return {
    met: summoned.length > 0 && meetsThreshold(present, summoned.length, threshold),
    present,
    summoned: summoned.length,
    required: minimumToMeet(summoned.length, threshold),
    delegates,
    basis,
  };
}

/** A meeting that lacks quorum cannot adopt anything; the error says how many and under which rule. */
export function assertQuorum(check: QuorumCheck): void {
  if (!check.met) {
    throw new DomainError('MEETING.QUORUM_NOT_MET', {
      present: check.present,
      summoned: check.summoned,
      required: check.required,
      basis: check.basis.vi,
    });
  }
}

/** Applies marks to the attendance; every marked person must be a summoned member. */
export function applyAttendance(
  current: Attendance,
  marks: readonly AttendanceEntry[],
  members: readonly Member[],
): Attendance {
  const summoned = new Set(summonedMembers(members).map((member) => member.userId));
  const next: Attendance = { ...current };
  for (const mark of marks) {
    if (!summoned.has(mark.userId)) throw new DomainError('ATTENDANCE.NOT_A_MEMBER');
    next[mark.userId] = {
      userId: mark.userId,
      status: mark.status,
      delegateName: mark.status === 'present' ? mark.delegateName : undefined,
      note: mark.note,
    };
  }
  return next;
}

/**
 * Marks "attended by their standing delegate" become present marks naming the delegate of the
 * delegation in force on the meeting's date (`inForce`: memberId -> delegate's name). A name
 * typed by the person marking wins: who actually came is what the attendance records. Without a
 * delegation in force there is nobody to name: ATTENDANCE.NO_STANDING_DELEGATE.
 */
export function withStandingDelegates<
  M extends AttendanceEntry & { byStandingDelegate?: true | undefined },
>(marks: readonly M[], inForce: ReadonlyMap<string, string>): AttendanceEntry[] {
  return marks.map(({ byStandingDelegate, ...mark }) => {
    if (!byStandingDelegate || mark.delegateName) return mark;
    const delegateName = inForce.get(mark.userId);
    if (!delegateName) throw new DomainError('ATTENDANCE.NO_STANDING_DELEGATE');
    return { ...mark, status: 'present', delegateName };
  });
}
