import type {
  Assignment,
  AssignmentStats,
  AssignmentTransition,
  AttendanceStatus,
  Body,
  BodyRole,
  Meeting,
  MeetingTransition,
  Member,
  MinutesSectionKind,
  QuorumCheck,
  ZCreateAssignmentInput,
  ZCreateMeetingInput,
  ZDecideExtensionInput,
  ZProgressInput,
  ZRecordAttendanceInput,
  ZRequestExtensionInput,
  ZSaveMinutesSectionInput,
  ZUpdateMeetingInput,
} from '@qcdc/core';
import type { z } from 'zod';

/** Response shapes of docs/api.md; the tab reads only what the API's allow-list mappers send. */
export type BodyInfo = Pick<Body, 'id' | 'unitId' | 'unitName' | 'kind' | 'name'>;

export interface BodySummary extends BodyInfo {
  myRoles: BodyRole[];
}

export type BodyMember = Pick<Member, 'userId' | 'displayName' | 'title' | 'roles'>;

export interface BodyDetail {
  body: BodyInfo;
  myRoles: BodyRole[];
  members: BodyMember[];
}

export type MeetingView = Pick<
  Meeting,
  | 'id'
  | 'bodyId'
  | 'kind'
  | 'title'
  | 'startsAt'
  | 'endsAt'
  | 'location'
  | 'status'
  | 'statusReason'
  | 'chairId'
  | 'secretaryId'
  | 'agenda'
  | 'minutes'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
> & {
  /** What the lifecycle allows next from the status (the caller's roles still decide). */
  transitions: MeetingTransition[];
};

export interface Me {
  user: { tenantId: string; userId: string; displayName: string };
  locale: string;
}

/** One summoned member's mark; members nobody has marked yet are absent from the list. */
export interface AttendanceMark {
  userId: string;
  status: AttendanceStatus;
  delegateName?: string | undefined;
  note?: string | undefined;
}

/** GET/PUT `/attendance`: the marks and the live quorum they give. */
export interface AttendanceAnswer {
  attendance: AttendanceMark[];
  quorum: QuorumCheck;
}

/** One section of the minutes; unwritten sections have version 0 and empty text. */
export interface MinutesSectionView {
  key: string;
  kind: MinutesSectionKind;
  agendaItemId?: string | undefined;
  text: string;
  version: number;
  edition?: number | undefined;
  updatedAt?: string | undefined;
  updatedByName?: string | undefined;
}

export interface MinutesAnswer {
  meeting: MeetingView;
  sections: MinutesSectionView[];
}

/** The two official documents drawn from approved minutes. */
export type MeetingDocument = 'minutes' | 'conclusionNotice';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export interface ApiErrorPayload {
  code: string;
  message: string;
  messages?: { vi?: string; en?: string };
  issues?: { path: string | (string | number)[]; message: string }[];
  /** After a lost race: the fresh meeting, or the fresh minutes section. */
  current?: unknown;
}

/**
 * What the tab sends: the schemas' input side, so instants keep the +07:00 the user meant (the API
 * stores them in UTC).
 */
export type CreateMeetingBody = z.input<typeof ZCreateMeetingInput>;
export type UpdateMeetingBody = z.input<typeof ZUpdateMeetingInput>;
export type RecordAttendanceBody = z.input<typeof ZRecordAttendanceInput>;
export type SaveSectionBody = z.input<typeof ZSaveMinutesSectionInput>;
export interface TransitionBody {
  transition: MeetingTransition;
  version: number;
  reason?: string | undefined;
}

/**
 * An assignment as the API's allow-list sends it (functions/src/http/assignment-dto.ts): what is
 * stored, plus `overdue`, `extended` and `onTime`, decided by the server when read.
 */
export type AssignmentView = Pick<
  Assignment,
  | 'id'
  | 'bodyId'
  | 'title'
  | 'description'
  | 'ownerId'
  | 'coOwnerIds'
  | 'source'
  | 'deadline'
  | 'originalDeadline'
  | 'priority'
  | 'status'
  | 'assignedBy'
  | 'extensionRequest'
  | 'statusReason'
  | 'submittedAt'
  | 'completedAt'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
> & {
  overdue: boolean;
  extended: boolean;
  /** Done: submitted by the end of the deadline day; null while not done. */
  onTime: boolean | null;
  /** Oldest first; the API sends the writer's name, not their id. */
  progress: ProgressView[];
};

export interface ProgressView {
  at: string;
  byName: string;
  note: string;
  percent?: number | undefined;
  evidenceUrls: string[];
}

export type AssignmentStatsView = AssignmentStats;

/** GET `/api/bodies/{bodyId}/assignments`. */
export interface BodyAssignments {
  assignments: AssignmentView[];
  stats: AssignmentStatsView;
}

/**
 * A row of the dashboard's assignment table (`GET …/assignments?view=summary`,
 * functions/src/http/assignment-dto.ts `assignmentSummaryDto`): the full view's fields the table,
 * its filters, counts and exports read, with the same names, so a full view is also a row.
 */
export type AssignmentRow = Pick<
  AssignmentView,
  | 'id'
  | 'title'
  | 'ownerId'
  | 'coOwnerIds'
  | 'deadline'
  | 'originalDeadline'
  | 'extended'
  | 'priority'
  | 'status'
  | 'onTime'
> & {
  source: Pick<AssignmentView['source'], 'kind' | 'meetingId'>;
  completedAt?: string | undefined;
};

/** GET `/api/bodies/{bodyId}/assignments?view=summary`. */
export interface BodyAssignmentRows {
  assignments: AssignmentRow[];
  stats: AssignmentStatsView;
}

export type CreateAssignmentBody = z.input<typeof ZCreateAssignmentInput>;
export type ProgressBody = z.input<typeof ZProgressInput>;
export type RequestExtensionBody = z.input<typeof ZRequestExtensionInput>;
export type DecideExtensionBody = z.input<typeof ZDecideExtensionInput>;
export interface AssignmentTransitionBody {
  transition: AssignmentTransition;
  version: number;
  reason?: string | undefined;
}
