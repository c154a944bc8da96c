import type { PageCollection } from '@microsoft/microsoft-graph-client';
import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  DomainError,
  type RosterPerson,
  type RosterSource,
  type TeamsAttendanceReport,
} from '@qcdc/core';
import type { Logger } from '../logger';
import { collectPages, type GraphCallContext, type GraphClientFor } from './graph-client';
import { graphError } from './graph-errors';
import type { GraphAuth, GraphOperation } from './graph-permissions';

/** A conversationMember as Graph lists it (aadUserConversationMember). */
export interface TeamsMember extends RosterPerson {
  roles: string[];
}

export interface AttendanceReportSummary {
  id: string;
  meetingStartDateTime: string | null;
  meetingEndDateTime: string | null;
  totalParticipantCount: number | null;
}

/** Graph's activity notification, as `POST /users/{id}/teamwork/sendActivityNotification` takes it. */
export interface ActivityNotification {
  topic: { source: 'text'; value: string; webUrl: string } | { source: 'entityUrl'; value: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: { name: string; value: string }[];
}

export interface OnlineMeeting {
  id: string;
  joinWebUrl: string;
  subject: string | null;
  startDateTime: string | null;
  endDateTime: string | null;
  externalId: string | null;
}

const segment = (value: string) => encodeURIComponent(value);

/**
 * Typed access to the few Graph endpoints the app uses. Every call runs through the Graph client's
 * middleware (token, retry policy); whatever Graph finally answers becomes a stable DomainError.
 */
export class GraphGateway {
  constructor(
    private readonly clientFor: GraphClientFor,
    private readonly baseUrl: string,
    private readonly log: Logger,
  ) {}

  /** Members of a team, a channel or a chat, every page; people without an Entra id are skipped. */
  async listMembers(
    auth: GraphAuth,
    source: RosterSource,
    max: number,
  ): Promise<{ people: TeamsMember[]; truncated: boolean }> {
    const [operation, path]: [GraphOperation, string] =
      source.kind === 'team'
        ? ['listTeamMembers', `/teams/${segment(source.teamId)}/members`]
        : source.kind === 'channel'
          ? [
              'listChannelMembers',
              `/teams/${segment(source.teamId)}/channels/${segment(source.channelId)}/members`,
            ]
          : ['listChatMembers', `/chats/${segment(source.chatId)}/members`];
    return this.call(operation, auth, async (client) => {
      const first = (await client.api(path).get()) as PageCollection;
      const { items, truncated } = await collectPages(client, first, toMember, max);
      return { people: items, truncated };
    });
  }

  async listAttendanceReports(
    auth: GraphAuth,
    organizerId: string,
    onlineMeetingId: string,
  ): Promise<AttendanceReportSummary[]> {
    const path = `/users/${segment(organizerId)}/onlineMeetings/${segment(onlineMeetingId)}/attendanceReports`;
    return this.call('readAttendanceReports', auth, async (client) => {
      const first = (await client.api(path).get()) as PageCollection;
      const { items } = await collectPages(client, first, (item) => {
        const report = item as Record<string, unknown>;
        return {
          id: String(report.id),
          meetingStartDateTime: stringOrNull(report.meetingStartDateTime),
          meetingEndDateTime: stringOrNull(report.meetingEndDateTime),
          totalParticipantCount:
            typeof report.totalParticipantCount === 'number' ? report.totalParticipantCount : null,
        };
      });
      return items;
    });
  }

  /** One report with every attendance record (paged) and their join/leave intervals. */
  async getAttendanceReport(
    auth: GraphAuth,
    organizerId: string,
    onlineMeetingId: string,
    reportId: string,
  ): Promise<TeamsAttendanceReport> {
    const base = `/users/${segment(organizerId)}/onlineMeetings/${segment(onlineMeetingId)}/attendanceReports/${segment(reportId)}`;
    return this.call('readAttendanceReports', auth, async (client) => {
      const report = (await client.api(base).get()) as Record<string, unknown>;
      const first = (await client.api(`${base}/attendanceRecords`).get()) as PageCollection;
      const { items } = await collectPages(client, first, (item) => {
        const record = item as {
          emailAddress?: string | null;
          role?: string | null;
          identity?: { id?: string | null; displayName?: string | null } | null;
          attendanceIntervals?: {
            joinDateTime: string;
            leaveDateTime?: string | null;
            durationInSeconds?: number | null;
          }[];
        };
        return {
          userId: record.identity?.id ?? null,
          displayName: record.identity?.displayName ?? record.emailAddress ?? '',
          email: record.emailAddress ?? null,
          role: record.role ?? null,
          intervals: (record.attendanceIntervals ?? []).map((interval) => ({
            joinDateTime: interval.joinDateTime,
            leaveDateTime: interval.leaveDateTime ?? null,
            durationInSeconds: interval.durationInSeconds ?? null,
          })),
        };
      });
      return {
        id: String(report.id ?? reportId),
        meetingStartDateTime: stringOrNull(report.meetingStartDateTime),
        meetingEndDateTime: stringOrNull(report.meetingEndDateTime),
        records: items,
      };
    });
  }

  async sendActivityNotification(
    auth: GraphAuth,
    userId: string,
    notification: ActivityNotification,
  ): Promise<void> {
    await this.call('sendActivityNotification', auth, async (client) => {
      await client
        .api(`/users/${segment(userId)}/teamwork/sendActivityNotification`)
        .post(notification);
    });
  }

  /**
   * Installs the app (by its catalog id) in a user's personal scope, so the bot can reach them.
   * 409 means it is already there.
   */
  async installAppForUser(
    auth: GraphAuth,
    userId: string,
    catalogAppId: string,
  ): Promise<'installed' | 'alreadyInstalled'> {
    return this.call('installAppForUser', auth, async (client) => {
      try {
        await client.api(`/users/${segment(userId)}/teamwork/installedApps`).post({
          'teamsApp@odata.bind': `${this.baseUrl}/v1.0/appCatalogs/teamsApps/${segment(catalogAppId)}`,
        });
        return 'installed' as const;
      } catch (error) {
        if (error instanceof GraphError && error.statusCode === 409) return 'alreadyInstalled';
        throw error;
      }
    });
  }

  /**
   * Creates the signed-in user's Teams meeting for an app meeting, or gets the one created before:
   * `createOrGet` keyed by our meeting id makes a retried request return the same Teams meeting.
   */
  async createOrGetOnlineMeeting(
    auth: GraphAuth & { kind: 'user' },
    input: { externalId: string; subject: string; startDateTime: string; endDateTime: string },
  ): Promise<OnlineMeeting> {
    return this.call('createOnlineMeeting', auth, async (client) => {
      const meeting = (await client.api('/me/onlineMeetings/createOrGet').post(input)) as Record<
        string,
        unknown
      >;
      return {
        id: String(meeting.id),
        joinWebUrl: String(meeting.joinWebUrl ?? meeting.joinUrl ?? ''),
        subject: stringOrNull(meeting.subject),
        startDateTime: stringOrNull(meeting.startDateTime),
        endDateTime: stringOrNull(meeting.endDateTime),
        externalId: stringOrNull(meeting.externalId),
      };
    });
  }

  private async call<T>(
    operation: GraphOperation,
    auth: GraphAuth,
    work: (client: GraphCallContext['client']) => Promise<T>,
  ): Promise<T> {
    const context = this.clientFor(auth, operation);
    try {
      return await work(context.client);
    } catch (error) {
      // A token refusal is already a stable error (and logged by the token provider).
      const tokenFailure = context.tokenFailure();
      if (tokenFailure instanceof DomainError) throw tokenFailure;
      const mapped = graphError(error, operation, auth);
      if (!(error instanceof DomainError)) {
        this.log.warn('graph call failed', {
          operation,
          auth: auth.kind,
          tenantId: auth.tenantId,
          code: mapped.code,
          cause: (mapped.details as { cause?: string } | undefined)?.cause,
        });
      }
      throw mapped;
    }
  }
}

function toMember(item: unknown): TeamsMember | null {
  const member = item as {
    userId?: string | null;
    displayName?: string | null;
    email?: string | null;
    roles?: string[] | null;
  };
  if (!member.userId) return null;
  return {
    userId: member.userId,
    displayName: member.displayName?.trim() || member.email || member.userId,
    email: member.email ?? undefined,
    roles: member.roles ?? [],
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
