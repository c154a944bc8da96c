import type { HttpHandler, HttpMethod, TimerHandler } from '@azure/functions';
import { authenticated } from './http/api-handler';
import { adminRoutes } from './http/admin-routes';
import { assignmentRoutes } from './http/assignment-routes';
import { caseRoutes } from './http/case-routes';
import { consultationRoutes } from './http/consultation-routes';
import { disclosureRoutes } from './http/disclosure-routes';
import { reportRoutes } from './http/report-routes';
import { documentRoutes } from './http/document-routes';
import { graphRoutes } from './http/graph-routes';
import { notificationSettingsRoutes } from './http/notification-settings-routes';
import { getBodyHandler, listBodiesHandler, meHandler } from './http/body-routes';
import { healthHandler } from './http/health-route';
import {
  createMeetingHandler,
  getMeetingHandler,
  listMeetingsHandler,
  meetingAuditHandler,
  updateMeetingHandler,
} from './http/meeting-routes';
import {
  getAttendanceHandler,
  getMinutesHandler,
  minutesHistoryHandler,
  recordAttendanceHandler,
  saveMinutesSectionHandler,
  transitionMeetingHandler,
} from './http/minutes-routes';
import { createBotHandler } from './bot/bot-handler';
import { reminderTimerJobs } from './jobs/reminder-runtime';
import { outboxRoutes } from './notify/outbox-routes';
import type { Services } from './services';
import { voteRoutes } from './http/vote-routes';

export interface HttpRoute {
  name: string;
  methods: HttpMethod[];
  /** Functions route template, relative to the `api/` prefix. */
  route: string;
  handler: HttpHandler;
}

export interface TimerJob {
  name: string;
  /** NCRONTAB with seconds, in UTC (Functions' format). */
  schedule: string;
  handler: TimerHandler;
}

/**
 * The one route table: production registers it with @azure/functions (index.ts), the local host
 * (dev/host.ts) and the tests mount exactly the same handlers.
 */
export function createRoutes(services: Services, extra: HttpRoute[] = []): HttpRoute[] {
  return [
    { name: 'health', methods: ['GET'], route: 'health', handler: healthHandler(services) },
    { name: 'messages', methods: ['POST'], route: 'messages', handler: createBotHandler(services) },
    { name: 'me', methods: ['GET'], route: 'me', handler: authenticated(services, meHandler()) },
    {
      name: 'listBodies',
      methods: ['GET'],
      route: 'bodies',
      handler: authenticated(services, listBodiesHandler(services)),
    },
    {
      name: 'getBody',
      methods: ['GET'],
      route: 'bodies/{bodyId}',
      handler: authenticated(services, getBodyHandler(services)),
    },
    {
      name: 'listMeetings',
      methods: ['GET'],
      route: 'bodies/{bodyId}/meetings',
      handler: authenticated(services, listMeetingsHandler(services)),
    },
    {
      name: 'createMeeting',
      methods: ['POST'],
      route: 'bodies/{bodyId}/meetings',
      handler: authenticated(services, createMeetingHandler(services)),
    },
    {
      name: 'getMeeting',
      methods: ['GET'],
      route: 'bodies/{bodyId}/meetings/{meetingId}',
      handler: authenticated(services, getMeetingHandler(services)),
    },
    {
      name: 'updateMeeting',
      methods: ['PATCH'],
      route: 'bodies/{bodyId}/meetings/{meetingId}',
      handler: authenticated(services, updateMeetingHandler(services)),
    },
    {
      name: 'meetingAudit',
      methods: ['GET'],
      route: 'bodies/{bodyId}/meetings/{meetingId}/audit',
      handler: authenticated(services, meetingAuditHandler(services)),
    },
    {
      name: 'transitionMeeting',
      methods: ['POST'],
      route: 'bodies/{bodyId}/meetings/{meetingId}/transitions',
      handler: authenticated(services, transitionMeetingHandler(services)),
    },
    {
      name: 'getAttendance',
      methods: ['GET'],
      route: 'bodies/{bodyId}/meetings/{meetingId}/attendance',
      handler: authenticated(services, getAttendanceHandler(services)),
    },
    {
      name: 'recordAttendance',
      methods: ['PUT'],
      route: 'bodies/{bodyId}/meetings/{meetingId}/attendance',
      handler: authenticated(services, recordAttendanceHandler(services)),
    },
    {
      name: 'getMinutes',
      methods: ['GET'],
      route: 'bodies/{bodyId}/meetings/{meetingId}/minutes',
      handler: authenticated(services, getMinutesHandler(services)),
    },
    {
      name: 'minutesHistory',
      methods: ['GET'],
      route: 'bodies/{bodyId}/meetings/{meetingId}/minutes/history',
      handler: authenticated(services, minutesHistoryHandler(services)),
    },
    {
      name: 'saveMinutesSection',
      methods: ['PUT'],
      route: 'bodies/{bodyId}/meetings/{meetingId}/minutes/sections/{sectionKey}',
      handler: authenticated(services, saveMinutesSectionHandler(services)),
    },
    ...documentRoutes(services),
    ...assignmentRoutes(services),
    ...voteRoutes(services),
    ...outboxRoutes(services),
    ...consultationRoutes(services),
    ...caseRoutes(services),
    ...disclosureRoutes(services),
    ...graphRoutes(services),
    ...reportRoutes(services),
    ...notificationSettingsRoutes(services),
    ...adminRoutes(services),
    ...extra,
  ];
}

export function createTimerJobs(services: Services): TimerJob[] {
  return services.reminders ? reminderTimerJobs(services.reminders, services.log) : [];
}
