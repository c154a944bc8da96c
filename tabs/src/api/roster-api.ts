import type { BodyRole } from '@qcdc/core';
import type { ApiClient } from './api-client';
import type { AttendanceAnswer, MeetingView } from './api-types';

/** docs/graph.md: the body's roster as Teams sees it. */
export interface RosterMemberView {
  userId: string;
  displayName: string;
  title?: string | undefined;
  roles: BodyRole[];
  email: string | null;
  flag: { kind: string; sourceKey: string; since: string } | null;
}

export interface RosterProposal {
  userId: string;
  displayName: string;
  email: string | null;
  status: 'proposed' | 'dismissed';
  sourceKey: string;
  proposedAt: string;
}

export type RosterSource =
  | { kind: 'team'; teamId: string }
  | { kind: 'channel'; teamId: string; channelId: string }
  | { kind: 'chat'; chatId: string };

export interface RosterView {
  source: RosterSource | null;
  syncedAt: string | null;
  proposals: RosterProposal[];
  flagged: RosterMemberView[];
  members: RosterMemberView[];
}

export interface AttendanceImportAnswer extends AttendanceAnswer {
  meeting: MeetingView;
  import: {
    reportId: string;
    meetingSeconds: number;
    marked: { userId: string }[];
    matched: { userId: string; displayName: string; seconds: number }[];
    notSummoned: { userId: string; displayName: string; seconds: number }[];
    unmatched: { displayName: string; seconds: number }[];
  };
}

const enc = encodeURIComponent;
const rosterPath = (bodyId: string) => `/api/bodies/${enc(bodyId)}/roster`;

/** Rosters and attendance from Microsoft Teams (Graph, on behalf of the caller). */
export function rosterApi(api: Pick<ApiClient, 'call'>) {
  return {
    get: async (bodyId: string) =>
      (await api.call<{ roster: RosterView }>('GET', rosterPath(bodyId))).roster,
    sync: async (bodyId: string, source: RosterSource) =>
      (await api.call<{ roster: RosterView }>('POST', `${rosterPath(bodyId)}/sync`, { source }))
        .roster,
    decide: async (
      bodyId: string,
      decisions: { userId: string; decision: 'accept' | 'dismiss'; role?: 'member' | 'observer' }[],
    ) =>
      (
        await api.call<{ roster: RosterView }>('POST', `${rosterPath(bodyId)}/decisions`, {
          decisions,
        })
      ).roster,
    resolveFlags: async (bodyId: string, userIds: string[]) =>
      (
        await api.call<{ roster: RosterView }>('POST', `${rosterPath(bodyId)}/flags/resolve`, {
          userIds,
        })
      ).roster,
    importAttendance: (bodyId: string, meetingId: string) =>
      api.call<AttendanceImportAnswer>(
        'POST',
        `/api/bodies/${enc(bodyId)}/meetings/${enc(meetingId)}/attendance/import`,
        {},
      ),
  };
}
