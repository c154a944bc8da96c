import {
  getAttendance,
  getMinutes,
  listMinutesHistory,
  recordAttendance,
  saveMinutesSection,
  transitionMeeting,
  withStandingDelegates,
  ZRecordAttendanceInput,
  ZSaveMinutesSectionInput,
  ZTransitionMeetingInput,
} from '@qcdc/core';
import { z } from 'zod';
import { sendMinutesApprovalRequest } from '../bot/minutes-approval';
import { minutesDecidedQuietly, minutesSubmittedQuietly } from '../notify/minutes-card-publisher';
import type { Services } from '../services';
import { standingDelegateDto, standingDelegatesForMeeting } from '../store/admin-delegations';
import type { ApiHandler } from './api-handler';
import { attendanceDto, meetingDto, minutesDto, sectionDto } from './dto';
import { readJson } from './read-json';
import { ZMeetingParams } from './route-params';

const ZSectionParams = ZMeetingParams.extend({
  sectionKey: z.string().regex(/^[0-9A-Za-z-]{1,80}$/, 'not a valid section'),
});

export function transitionMeetingHandler(services: Services): ApiHandler {
  return async ({ actor, params, request }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const input = ZTransitionMeetingInput.parse(await readJson(request));
    const meeting = await transitionMeeting(services.deps, actor, bodyId, meetingId, input);
    if (input.transition === 'submitMinutes') {
      // The chair gets the approval card in their chat. The submission stands either way: a chair
      // without the bot installed still approves in the tab, so a failed send is logged, not raised.
      await sendMinutesApprovalRequest(services, meeting).catch((error: unknown) =>
        services.log.warn('minutes approval card not sent', {
          meetingId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      // Everyone in the meeting chat sees the status (when the bot is in that chat).
      await minutesSubmittedQuietly(services, meeting);
    }
    if (input.transition === 'approveMinutes' || input.transition === 'returnMinutes') {
      await minutesDecidedQuietly(services, meeting);
    }
    return { jsonBody: { meeting: meetingDto(meeting) } };
  };
}

export function getAttendanceHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const view = await getAttendance(services.deps, actor, bodyId, meetingId);
    // Read only once the caller may see the attendance: who stands in for whom that day.
    const standing = await standingDelegatesForMeeting(services, actor.tenantId, bodyId, meetingId);
    return {
      jsonBody: {
        ...attendanceDto(view),
        standingDelegates: [...standing.values()].map(standingDelegateDto),
      },
    };
  };
}

export function recordAttendanceHandler(services: Services): ApiHandler {
  return async ({ actor, params, request }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const input = ZRecordAttendanceInput.parse(await readJson(request));
    // "Attended by their standing delegate" names the delegate in force on the meeting's date;
    // the use case still authorizes the caller before anything is written.
    const standing = await standingDelegatesForMeeting(services, actor.tenantId, bodyId, meetingId);
    const names = new Map([...standing].map(([memberId, d]) => [memberId, d.delegate.displayName]));
    let marks;
    try {
      marks = withStandingDelegates(input.marks, names);
    } catch (error) {
      // "No standing delegate" is said only to someone who may read the attendance (which lists
      // the delegates anyway): anyone else gets the read's refusal instead.
      await getAttendance(services.deps, actor, bodyId, meetingId);
      throw error;
    }
    const result = await recordAttendance(services.deps, actor, bodyId, meetingId, { marks });
    return {
      jsonBody: {
        ...attendanceDto(result),
        standingDelegates: [...standing.values()].map(standingDelegateDto),
        meeting: meetingDto(result.meeting),
      },
    };
  };
}

export function getMinutesHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    return { jsonBody: minutesDto(await getMinutes(services.deps, actor, bodyId, meetingId)) };
  };
}

export function saveMinutesSectionHandler(services: Services): ApiHandler {
  return async ({ actor, params, request }) => {
    const { bodyId, meetingId, sectionKey } = ZSectionParams.parse(params);
    const input = ZSaveMinutesSectionInput.parse(await readJson(request));
    const result = await saveMinutesSection(
      services.deps,
      actor,
      bodyId,
      meetingId,
      sectionKey,
      input,
    );
    return {
      jsonBody: { section: sectionDto(result.section), meeting: meetingDto(result.meeting) },
    };
  };
}

export function minutesHistoryHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const revisions = await listMinutesHistory(services.deps, actor, bodyId, meetingId);
    return { jsonBody: { revisions: revisions.map(sectionDto) } };
  };
}
