import { summonedMembers, type Attendance, type AttendanceEntry } from '../attendance/attendance';
import type { Member } from '../bodies/body';

/**
 * A Teams meeting's attendance report, as Graph's attendanceReport/attendanceRecord resources carry it
 * (only what attendance needs). Graph's instants carry 7 fractional digits; Date parses them.
 */
export interface TeamsAttendanceInterval {
  joinDateTime: string;
  leaveDateTime?: string | null | undefined;
  durationInSeconds?: number | null | undefined;
}

export interface TeamsAttendanceRecord {
  /** identity.id: the Entra object id for people of the tenant; absent for anonymous guests. */
  userId?: string | null | undefined;
  displayName: string;
  email?: string | null | undefined;
  role?: string | null | undefined;
  intervals: TeamsAttendanceInterval[];
}

export interface TeamsAttendanceReport {
  id: string;
  meetingStartDateTime?: string | null | undefined;
  meetingEndDateTime?: string | null | undefined;
  records: TeamsAttendanceRecord[];
}

/** One participant's time in the meeting: intervals merged (rejoins summed, overlaps once). */
export interface ParticipantPresence {
  userId?: string | undefined;
  displayName: string;
  email?: string | undefined;
  seconds: number;
  /** How many times they joined (one per interval Teams recorded). */
  joins: number;
}

export interface ReportPresence {
  /** By Entra object id. */
  byUser: Map<string, ParticipantPresence>;
  /** Participants without an identity id (anonymous, dial-in). */
  anonymous: ParticipantPresence[];
  /** The meeting's length: the report's start to end, else first join to last leave. */
  meetingSeconds: number;
}

export function presenceFromReport(report: TeamsAttendanceReport): ReportPresence {
  const spans = new Map<string, { person: ParticipantPresence; spans: [number, number][] }>();
  const anonymous: ParticipantPresence[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const record of report.records) {
    const recordSpans: [number, number][] = [];
    for (const interval of record.intervals) {
      const join = Date.parse(interval.joinDateTime);
      if (Number.isNaN(join)) continue;
      let leave = interval.leaveDateTime ? Date.parse(interval.leaveDateTime) : Number.NaN;
      if (Number.isNaN(leave)) leave = join + Math.max(0, interval.durationInSeconds ?? 0) * 1000;
      if (leave < join) continue;
      recordSpans.push([join, leave]);
      first = Math.min(first, join);
      last = Math.max(last, leave);
    }
    const userId = record.userId ?? undefined;
    if (!userId) {
      anonymous.push({
        displayName: record.displayName,
        email: record.email ?? undefined,
        seconds: mergedSeconds(recordSpans),
        joins: recordSpans.length,
      });
      continue;
    }
    const entry = spans.get(userId) ?? {
      person: {
        userId,
        displayName: record.displayName,
        email: record.email ?? undefined,
        seconds: 0,
        joins: 0,
      },
      spans: [],
    };
    entry.spans.push(...recordSpans);
    spans.set(userId, entry);
  }
  const byUser = new Map<string, ParticipantPresence>();
  for (const [userId, entry] of spans) {
    byUser.set(userId, {
      ...entry.person,
      seconds: mergedSeconds(entry.spans),
      joins: entry.spans.length,
    });
  }
  const start = report.meetingStartDateTime ? Date.parse(report.meetingStartDateTime) : Number.NaN;
  const end = report.meetingEndDateTime ? Date.parse(report.meetingEndDateTime) : Number.NaN;
  const meetingSeconds =
    !Number.isNaN(start) && !Number.isNaN(end) && end > start
      ? Math.round((end - start) / 1000)
      : last > first
        ? Math.round((last - first) / 1000)
        : 0;
  return { byUser, anonymous, meetingSeconds };
}

/** Seconds covered by the union of the spans: two devices at once count once. */
function mergedSeconds(spans: readonly [number, number][]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [join, leave] of sorted) {
    if (current && join <= current[1]) {
      current[1] = Math.max(current[1], leave);
    } else {
      if (current) total += current[1] - current[0];
      current = [join, leave];
    }
  }
  if (current) total += current[1] - current[0];
  return Math.round(total / 1000);
}

export interface AttendanceImportOptions {
  /** Share of the meeting (0..1) someone must be present to count; 0 means any presence at all. */
  minimumShare: number;
}

export interface ImportedParticipant {
  userId: string;
  displayName: string;
  seconds: number;
  joins: number;
  /** seconds / meeting length, 0..1 (rounded to 3 places). */
  share: number;
  countsPresent: boolean;
}

export interface AttendanceImportPlan {
  /** Marks to write (only those that change something). */
  marks: AttendanceEntry[];
  /** Summoned members Teams saw. */
  matched: ImportedParticipant[];
  /** Members Teams saw who are not summoned (observers): listed, never marked. */
  notSummoned: ImportedParticipant[];
  /** People Teams saw who are not members of the body (guests, other staff, anonymous). */
  unmatched: { displayName: string; email?: string | undefined; seconds: number }[];
  meetingSeconds: number;
}

const minutesOf = (seconds: number) => Math.round(seconds / 60);

/**
 * Turns a Teams attendance report into attendance marks for the body's summoned members, matched by
 * Entra object id. Present for at least `minimumShare` of the meeting (default: any presence) counts
 * present. What people recorded by hand is respected: Teams' evidence of presence turns an `absent` or
 * `absentExcused` mark into `present`, but never overwrites a `present` mark (a delegate, a note), and
 * someone Teams did not see (they may have been in the room) keeps whatever mark they have; only
 * members with no mark at all become `absent`. Running it twice changes nothing the second time.
 */
export function planAttendanceImport(
  report: TeamsAttendanceReport,
  members: readonly Member[],
  current: Attendance,
  options: AttendanceImportOptions,
): AttendanceImportPlan {
  const presence = presenceFromReport(report);
  const summoned = new Set(summonedMembers(members).map((member) => member.userId));
  const memberIds = new Set(members.map((member) => member.userId));
  const counts = (seconds: number) =>
    seconds > 0 &&
    (options.minimumShare <= 0 || seconds >= options.minimumShare * presence.meetingSeconds);
  const participant = (person: ParticipantPresence & { userId: string }): ImportedParticipant => ({
    userId: person.userId,
    displayName: person.displayName,
    seconds: person.seconds,
    joins: person.joins,
    share:
      presence.meetingSeconds > 0
        ? Math.round(
            (Math.min(person.seconds, presence.meetingSeconds) / presence.meetingSeconds) * 1000,
          ) / 1000
        : 0,
    countsPresent: counts(person.seconds),
  });

  const matched: ImportedParticipant[] = [];
  const notSummoned: ImportedParticipant[] = [];
  const unmatched: AttendanceImportPlan['unmatched'] = presence.anonymous.map((person) => ({
    displayName: person.displayName,
    email: person.email,
    seconds: person.seconds,
  }));
  for (const person of presence.byUser.values()) {
    const userId = person.userId!;
    if (summoned.has(userId)) matched.push(participant({ ...person, userId }));
    else if (memberIds.has(userId)) notSummoned.push(participant({ ...person, userId }));
    else
      unmatched.push({
        displayName: person.displayName,
        email: person.email,
        seconds: person.seconds,
      });
  }

  const seen = new Map(matched.map((person) => [person.userId, person]));
  const marks: AttendanceEntry[] = [];
  for (const member of summonedMembers(members)) {
    const existing = current[member.userId];
    const person = seen.get(member.userId);
    if (person?.countsPresent) {
      if (existing?.status === 'present') continue;
      marks.push({
        userId: member.userId,
        status: 'present',
        note: `Theo Teams: ${minutesOf(person.seconds)} phút, vào họp ${person.joins} lần`,
      });
    } else if (!existing) {
      marks.push({
        userId: member.userId,
        status: 'absent',
        note: person
          ? `Theo Teams: ${minutesOf(person.seconds)} phút, dưới mức tối thiểu ${Math.round(options.minimumShare * 100)}%`
          : 'Không có trong báo cáo điểm danh của Teams',
      });
    }
  }
  const byId = (a: { userId: string }, b: { userId: string }) =>
    a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
  return {
    marks: marks.sort(byId),
    matched: matched.sort(byId),
    notSummoned: notSummoned.sort(byId),
    unmatched,
    meetingSeconds: presence.meetingSeconds,
  };
}
