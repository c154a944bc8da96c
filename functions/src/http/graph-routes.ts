import {
  authorizeAttendanceImport,
  authorizeRosterSync,
  authorizeTeamsMeetingLink,
  decideRosterProposals,
  DomainError,
  getBodyAudit,
  getMeeting,
  getRosterView,
  importAttendance,
  linkTeamsMeeting,
  MAX_ROSTER_PEOPLE,
  membersToReach,
  resolveMemberFlags,
  syncRoster,
  ZAttendanceImportInput,
  ZReachMembersInput,
  ZResolveMemberFlagsInput,
  ZRosterDecisionsInput,
  ZRosterPerson,
  ZRosterSyncInput,
  type Actor,
  type RosterMember,
  type RosterView,
} from '@qcdc/core';
import type { HttpRequest } from '@azure/functions';
import type { HttpRoute } from '../app';
import { installForMembers } from '../graph/app-installer';
import type { GraphAuth } from '../graph/graph-permissions';
import type { GraphServices } from '../graph/graph-services';
import type { Services } from '../services';
import { authenticated, type ApiHandler } from './api-handler';
import { attendanceDto, auditEventDto, meetingDto } from './dto';
import { readJson } from './read-json';
import { ZBodyParams, ZMeetingParams } from './route-params';

/** The caller's own API token, exchanged on their behalf for Graph (what they may see). */
function onBehalfOf(actor: Actor, request: HttpRequest): GraphAuth & { kind: 'user' } {
  const assertion = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!assertion) throw new DomainError('AUTH.MISSING_TOKEN');
  return { kind: 'user', tenantId: actor.tenantId, userId: actor.userId, assertion };
}

function requireGraph(services: Services): GraphServices {
  if (!services.graph)
    throw new DomainError('GRAPH.NOT_CONFIGURED', { missing: 'QCDC_GRAPH_MODE' });
  return services.graph;
}

function rosterMemberDto(member: RosterMember) {
  return {
    userId: member.userId,
    displayName: member.displayName,
    title: member.title,
    roles: member.roles,
    email: member.email ?? null,
    seenIn: member.seenIn ?? null,
    flag: member.flag ?? null,
  };
}

function rosterDto(roster: RosterView) {
  return {
    source: roster.source,
    syncedAt: roster.syncedAt,
    proposals: roster.proposals.map((proposal) => ({
      userId: proposal.userId,
      displayName: proposal.displayName,
      email: proposal.email ?? null,
      status: proposal.status,
      sourceKey: proposal.sourceKey,
      proposedAt: proposal.proposedAt,
      decidedAt: proposal.decidedAt ?? null,
    })),
    flagged: roster.flagged.map(rosterMemberDto),
    members: roster.members.map(rosterMemberDto),
  };
}

/**
 * Microsoft Graph routes: rosters from Teams, attendance from Teams meeting reports, the Teams
 * meeting behind a meeting, and reaching members (proactive install). Input is checked and the
 * caller authorized before Graph is asked anything; Graph's refusals answer stable 4xx/5xx codes.
 */
export function graphRoutes(services: Services): HttpRoute[] {
  const route = (
    name: string,
    methods: HttpRoute['methods'],
    path: string,
    handler: ApiHandler,
  ): HttpRoute => ({ name, methods, route: path, handler: authenticated(services, handler) });

  return [
    route('getRoster', ['GET'], 'bodies/{bodyId}/roster', async ({ actor, params }) => {
      const { bodyId } = ZBodyParams.parse(params);
      return { jsonBody: { roster: rosterDto(await getRosterView(services.deps, actor, bodyId)) } };
    }),

    route(
      'syncRoster',
      ['POST'],
      'bodies/{bodyId}/roster/sync',
      async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZRosterSyncInput.parse(await readJson(request));
        await authorizeRosterSync(services.deps, actor, bodyId, input);
        const graph = requireGraph(services);
        const { people, truncated } = await graph.gateway.listMembers(
          onBehalfOf(actor, request),
          input.source,
          MAX_ROSTER_PEOPLE,
        );
        if (truncated) {
          throw new DomainError('ROSTER.TOO_LARGE', {
            count: `> ${MAX_ROSTER_PEOPLE}`,
            max: MAX_ROSTER_PEOPLE,
          });
        }
        const checked = people.flatMap((person) => {
          const parsed = ZRosterPerson.safeParse(person);
          return parsed.success ? [parsed.data] : [];
        });
        const result = await syncRoster(services.deps, actor, bodyId, input, checked);
        return {
          jsonBody: {
            summary: result.summary,
            changes: result.changes,
            listed: people.length,
            skipped: people.length - checked.length,
            roster: rosterDto(result.roster),
          },
        };
      },
    ),

    route(
      'decideRosterProposals',
      ['POST'],
      'bodies/{bodyId}/roster/decisions',
      async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZRosterDecisionsInput.parse(await readJson(request));
        const result = await decideRosterProposals(services.deps, actor, bodyId, input);
        return { jsonBody: { ...result, roster: rosterDto(result.roster) } };
      },
    ),

    route(
      'resolveMemberFlags',
      ['POST'],
      'bodies/{bodyId}/roster/flags/resolve',
      async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZResolveMemberFlagsInput.parse(await readJson(request));
        const result = await resolveMemberFlags(services.deps, actor, bodyId, input);
        return { jsonBody: { resolved: result.resolved, roster: rosterDto(result.roster) } };
      },
    ),

    route('bodyAudit', ['GET'], 'bodies/{bodyId}/roster/audit', async ({ actor, params }) => {
      const { bodyId } = ZBodyParams.parse(params);
      const { events, verified } = await getBodyAudit(services.deps, actor, bodyId);
      return { jsonBody: { events: events.map(auditEventDto), verified } };
    }),

    route('reachMembers', ['POST'], 'bodies/{bodyId}/reach', async ({ actor, params, request }) => {
      const { bodyId } = ZBodyParams.parse(params);
      const input = ZReachMembersInput.parse(await readJson(request));
      const members = await membersToReach(services.deps, actor, bodyId, input.userIds);
      const graph = requireGraph(services);
      if (!graph.config.appCatalogId) {
        throw new DomainError('GRAPH.NOT_CONFIGURED', { missing: 'QCDC_TEAMS_APP_CATALOG_ID' });
      }
      const report = await installForMembers(
        graph.gateway,
        actor.tenantId,
        members,
        graph.config.appCatalogId,
      );
      return { jsonBody: report };
    }),

    route(
      'listAttendanceReports',
      ['GET'],
      'bodies/{bodyId}/meetings/{meetingId}/attendance/reports',
      async ({ actor, params, request }) => {
        const { bodyId, meetingId } = ZMeetingParams.parse(params);
        await authorizeAttendanceImport(services.deps, actor, bodyId, meetingId);
        const graph = requireGraph(services);
        const link = await graph.teamsMeetings.getLink(actor.tenantId, bodyId, meetingId);
        if (!link) throw new DomainError('ATTENDANCE.NO_ONLINE_MEETING');
        const reports = await graph.gateway.listAttendanceReports(
          onBehalfOf(actor, request),
          link.organizerId,
          link.onlineMeetingId,
        );
        return { jsonBody: { reports } };
      },
    ),

    route(
      'importAttendance',
      ['POST'],
      'bodies/{bodyId}/meetings/{meetingId}/attendance/import',
      async ({ actor, params, request }) => {
        const { bodyId, meetingId } = ZMeetingParams.parse(params);
        const input = ZAttendanceImportInput.parse(await readJson(request));
        await authorizeAttendanceImport(services.deps, actor, bodyId, meetingId);
        const graph = requireGraph(services);
        const link =
          input.organizerId && input.onlineMeetingId
            ? { organizerId: input.organizerId, onlineMeetingId: input.onlineMeetingId }
            : await graph.teamsMeetings.getLink(actor.tenantId, bodyId, meetingId);
        if (!link) throw new DomainError('ATTENDANCE.NO_ONLINE_MEETING');
        const auth = onBehalfOf(actor, request);
        let reportId = input.reportId;
        if (!reportId) {
          const reports = await graph.gateway.listAttendanceReports(
            auth,
            link.organizerId,
            link.onlineMeetingId,
          );
          // The latest session's report (a meeting restarted in Teams has several).
          reportId = reports
            .slice()
            .sort((a, b) => (a.meetingEndDateTime ?? '').localeCompare(b.meetingEndDateTime ?? ''))
            .at(-1)?.id;
          if (!reportId) throw new DomainError('ATTENDANCE.REPORT_NOT_FOUND');
        }
        const report = await graph.gateway.getAttendanceReport(
          auth,
          link.organizerId,
          link.onlineMeetingId,
          reportId,
        );
        const result = await importAttendance(
          services.deps,
          actor,
          bodyId,
          meetingId,
          report,
          input,
        );
        return {
          jsonBody: {
            ...attendanceDto(result),
            meeting: meetingDto(result.meeting),
            import: {
              reportId: result.reportId,
              meetingSeconds: result.meetingSeconds,
              marked: result.marked,
              matched: result.matched,
              notSummoned: result.notSummoned,
              unmatched: result.unmatched,
            },
          },
        };
      },
    ),

    route(
      'getTeamsMeeting',
      ['GET'],
      'bodies/{bodyId}/meetings/{meetingId}/teams-meeting',
      async ({ actor, params }) => {
        const { bodyId, meetingId } = ZMeetingParams.parse(params);
        // Anyone who may read the meeting may see its join link.
        await getMeeting(services.deps, actor, bodyId, meetingId);
        const link = services.graph
          ? await services.graph.teamsMeetings.getLink(actor.tenantId, bodyId, meetingId)
          : null;
        return { jsonBody: { teamsMeeting: link } };
      },
    ),

    route(
      'createTeamsMeeting',
      ['POST'],
      'bodies/{bodyId}/meetings/{meetingId}/teams-meeting',
      async ({ actor, params, request }) => {
        const { bodyId, meetingId } = ZMeetingParams.parse(params);
        const meeting = await authorizeTeamsMeetingLink(services.deps, actor, bodyId, meetingId);
        const graph = requireGraph(services);
        const startsAt = new Date(meeting.startsAt);
        const endsAt = meeting.endsAt
          ? new Date(meeting.endsAt)
          : new Date(startsAt.getTime() + 2 * 3600_000);
        const online = await graph.gateway.createOrGetOnlineMeeting(onBehalfOf(actor, request), {
          externalId: meeting.id,
          subject: meeting.title,
          startDateTime: startsAt.toISOString(),
          endDateTime: endsAt.toISOString(),
        });
        const result = await linkTeamsMeeting(
          services.deps,
          graph.teamsMeetings,
          actor,
          bodyId,
          meetingId,
          { onlineMeetingId: online.id, organizerId: actor.userId, joinWebUrl: online.joinWebUrl },
        );
        return {
          status: 201,
          jsonBody: { teamsMeeting: result.link, meeting: meetingDto(result.meeting) },
        };
      },
    ),
  ];
}
