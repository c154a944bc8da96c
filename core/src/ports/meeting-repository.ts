import type { AuditEvent } from '../audit/audit-event';
import type { Meeting } from '../meetings/meeting';

/** A stored meeting with the storage's concurrency token for the next conditional write. */
export interface StoredMeeting {
  meeting: Meeting;
  etag: string;
}

export interface MeetingRepository {
  getMeeting(tenantId: string, bodyId: string, meetingId: string): Promise<StoredMeeting | null>;
  listMeetings(tenantId: string, bodyId: string): Promise<Meeting[]>;
  /** Creates the meeting and its first audit event atomically. */
  createMeeting(meeting: Meeting, event: AuditEvent): Promise<void>;
  /**
   * Replaces the meeting if its stored etag still equals `etag`, appending `event` in the same atomic
   * write. Throws DomainError CONCURRENCY.CONFLICT when someone else wrote first.
   */
  updateMeeting(meeting: Meeting, etag: string, event: AuditEvent): Promise<void>;
  listAuditEvents(tenantId: string, bodyId: string, meetingId: string): Promise<AuditEvent[]>;
}
