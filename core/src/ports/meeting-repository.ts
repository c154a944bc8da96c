import type { Attendance, AttendanceEntry } from '../attendance/attendance';
import type { AuditEvent } from '../audit/audit-event';
import type { Meeting } from '../meetings/meeting';
import type { MinutesSection } from '../minutes/minutes';

/** A stored row with the storage's concurrency token for the next conditional write. */
export interface Stored<T> {
  value: T;
  /** null when the row does not exist yet (the write will create it). */
  etag: string | null;
}

export interface StoredMeeting {
  meeting: Meeting;
  etag: string;
}

/**
 * One atomic change to a meeting: the meeting row (conditional on its etag), its next audit event,
 * and optionally attendance marks (one row per person; the meeting row's etag already serialises them)
 * or one minutes section (conditional on its own etag; a save also appends the section's revision,
 * the version history). All of it lands, or none of it.
 */
export interface MeetingChange {
  meeting: Meeting;
  etag: string;
  event: AuditEvent;
  attendanceMarks?: AttendanceEntry[];
  section?: Stored<MinutesSection>;
}

export interface MeetingRepository {
  getMeeting(tenantId: string, bodyId: string, meetingId: string): Promise<StoredMeeting | null>;
  listMeetings(tenantId: string, bodyId: string): Promise<Meeting[]>;
  /** Creates the meeting and its first audit event atomically. */
  createMeeting(meeting: Meeting, event: AuditEvent): Promise<void>;
  /** Throws DomainError CONCURRENCY.CONFLICT (details.retryable) when any etag no longer matches. */
  commitMeetingChange(change: MeetingChange): Promise<void>;
  getAttendance(tenantId: string, bodyId: string, meetingId: string): Promise<Attendance>;
  listMinutesSections(
    tenantId: string,
    bodyId: string,
    meetingId: string,
  ): Promise<Stored<MinutesSection>[]>;
  /** Every saved version of the sections, oldest first (the minutes' version history). */
  listMinutesRevisions(
    tenantId: string,
    bodyId: string,
    meetingId: string,
  ): Promise<MinutesSection[]>;
  listAuditEvents(tenantId: string, bodyId: string, meetingId: string): Promise<AuditEvent[]>;
}
