import type { HttpResponseInit } from '@azure/functions';
import {
  getMeeting,
  listBodyMeetings,
  listMeetingAudit,
  scheduleMeeting,
  updateMeeting,
  verifyAuditChain,
  ZCreateMeetingInput,
  ZUpdateMeetingInput,
  type Meeting,
} from '@qcdc/core';
import type { Services } from '../services';
import type { ApiHandler } from './api-handler';
import { auditEventDto, meetingDto } from './dto';
import { readJson } from './read-json';
import { ZBodyParams, ZMeetingParams } from './route-params';

export function listMeetingsHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId } = ZBodyParams.parse(params);
    const meetings = await listBodyMeetings(services.deps, actor, bodyId);
    return { jsonBody: { meetings: meetings.map(meetingDto) } };
  };
}

export function createMeetingHandler(services: Services): ApiHandler {
  return async ({ actor, params, request }) => {
    const { bodyId } = ZBodyParams.parse(params);
    const input = ZCreateMeetingInput.parse(await readJson(request));
    const meeting = await scheduleMeeting(services.deps, actor, bodyId, input);
    return withEtag(meeting, { status: 201, jsonBody: { meeting: meetingDto(meeting) } });
  };
}

export function getMeetingHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const meeting = await getMeeting(services.deps, actor, bodyId, meetingId);
    return withEtag(meeting, { jsonBody: { meeting: meetingDto(meeting) } });
  };
}

export function updateMeetingHandler(services: Services): ApiHandler {
  return async ({ actor, params, request }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const input = ZUpdateMeetingInput.parse(await readJson(request));
    const meeting = await updateMeeting(services.deps, actor, bodyId, meetingId, input);
    return withEtag(meeting, { jsonBody: { meeting: meetingDto(meeting) } });
  };
}

export function meetingAuditHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const events = await listMeetingAudit(services.deps, actor, bodyId, meetingId);
    return {
      jsonBody: { events: events.map(auditEventDto), verified: verifyAuditChain(events).ok },
    };
  };
}

/** The version as an ETag, so HTTP-aware clients see the same concurrency token the body carries. */
function withEtag(meeting: Meeting, response: HttpResponseInit): HttpResponseInit {
  return { ...response, headers: { etag: `"${meeting.version}"` } };
}
