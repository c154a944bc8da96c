import type { AuditHead } from '../audit/audit-event';
import type { MinutesState } from '../minutes/minutes';

/** Meeting kinds the product runs (process templates refine them). */
export const MEETING_KINDS = [
  'steeringRegular',
  'steeringHalfYearReview',
  'steeringYearEndReview',
  'staffConference',
  'frontConsultation',
  'citizenDialogue',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = [
  'draft',
  'scheduled',
  'inProgress',
  'ended',
  'minutesInReview',
  'minutesApproved',
  'archived',
  'cancelled',
  'postponed',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Agenda and logistics may change only before the meeting starts. */
export const EDITABLE_STATUSES: readonly MeetingStatus[] = ['draft', 'scheduled'];

export interface AgendaItem {
  id: string;
  title: string;
  presenterId?: string | undefined;
  durationMinutes?: number | undefined;
}

export interface Meeting {
  tenantId: string;
  bodyId: string;
  id: string;
  kind: MeetingKind;
  title: string;
  /** UTC ISO instants; shown in Asia/Ho_Chi_Minh. */
  startsAt: string;
  endsAt?: string | undefined;
  location: string;
  status: MeetingStatus;
  /** Why it was cancelled, postponed, returned or corrected (the latest such reason). */
  statusReason?: string | undefined;
  chairId: string;
  secretaryId: string;
  agenda: AgendaItem[];
  minutes: MinutesState;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Increments on every change; clients send it back to prove they saw the latest state. */
  version: number;
  audit: AuditHead;
}
