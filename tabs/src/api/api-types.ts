import type {
  Body,
  BodyRole,
  Meeting,
  Member,
  ZCreateMeetingInput,
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
  | 'chairId'
  | 'secretaryId'
  | 'agenda'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
>;

export interface Me {
  user: { tenantId: string; userId: string; displayName: string };
  locale: string;
}

export interface ApiErrorPayload {
  code: string;
  message: string;
  messages?: { vi?: string; en?: string };
  issues?: { path: string | (string | number)[]; message: string }[];
  current?: MeetingView;
}

/**
 * What the tab sends: the schemas' input side, so instants keep the +07:00 the user meant (the API
 * stores them in UTC).
 */
export type CreateMeetingBody = z.input<typeof ZCreateMeetingInput>;
export type UpdateMeetingBody = z.input<typeof ZUpdateMeetingInput>;
