import { DomainError } from '../errors/domain-error';
import { MEETING_TRANSITIONS, nextStatus, type MeetingTransition } from '../meetings/lifecycle';
import type { Meeting } from '../meetings/meeting';
import { hashMinutes, type MinutesState } from '../minutes/minutes';
import type { TTransitionMeetingInput } from '../minutes/minutes-schemas';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { summonedIds } from '../attendance/attendance';
import { withReminderSchedule } from '../reminders/reminder-scheduler';
import type { UseCaseDeps } from './deps';
import { assertMeetingVersion, nextMeetingVersion, retryOnWriteRace } from './meeting-change';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

/**
 * Moves a meeting through its lifecycle (lifecycle.ts says what may follow what and who may do it).
 * Approving the minutes seals them with a hash; a correction afterwards opens the next edition.
 */
export async function transitionMeeting(
  deps: UseCaseDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  input: TTransitionMeetingInput,
): Promise<Meeting> {
  const transition = input.transition as MeetingTransition;
  const rule = MEETING_TRANSITIONS[transition];
  return retryOnWriteRace(async () => {
    const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
    if (!stored) throw new DomainError('MEETING.NOT_FOUND');
    const current = stored.meeting;
    assertCan(withMeetingRoles(roles, current, actor.userId), rule.permission);
    assertMeetingVersion(current, input.version);
    const status = nextStatus(current.status, transition);
    if (rule.reason && !input.reason) {
      throw new DomainError('MEETING.REASON_REQUIRED', { transition });
    }

    const now = deps.clock.now().toISOString();
    const minutes = await nextMinutesState(deps, current, transition, actor, now, input.reason);
    const next: Meeting = {
      ...current,
      status,
      statusReason: rule.reason ? input.reason : current.statusReason,
      minutes,
    };
    const changes: Record<string, [unknown, unknown]> = { status: [current.status, status] };
    if (input.reason) changes.reason = [null, input.reason];
    if (minutes !== current.minutes) changes.minutes = [current.minutes, minutes];
    const change = nextMeetingVersion(current, next, actor, now, `meeting.${transition}`, changes);
    // Status changes move reminders: cancelled or postponed meetings drop theirs, minutes in review
    // start the chair's, approval ends them.
    const members = await deps.bodies.listMembers(actor.tenantId, bodyId);
    await withReminderSchedule(
      deps.reminders,
      { type: 'meeting', previous: current, next: change.meeting, summoned: summonedIds(members) },
      () => deps.meetings.commitMeetingChange({ ...change, etag: stored.etag }),
    );
    return change.meeting;
  });
}

async function nextMinutesState(
  deps: UseCaseDeps,
  meeting: Meeting,
  transition: MeetingTransition,
  actor: Actor,
  now: string,
  reason: string | undefined,
): Promise<MinutesState> {
  const minutes = meeting.minutes;
  switch (transition) {
    case 'submitMinutes':
      return { ...minutes, status: 'inReview' };
    case 'returnMinutes':
      return { ...minutes, status: 'drafting', lastComment: reason };
    case 'approveMinutes': {
      const sections = await deps.meetings.listMinutesSections(
        meeting.tenantId,
        meeting.bodyId,
        meeting.id,
      );
      return {
        ...minutes,
        status: 'approved',
        approvedHash: hashMinutes(
          meeting.id,
          minutes.edition,
          sections.map((stored) => stored.value),
        ),
        approvedAt: now,
        approvedBy: actor.userId,
      };
    }
    case 'correctMinutes':
      return { edition: minutes.edition + 1, status: 'drafting', lastComment: reason };
    case 'schedule':
    case 'start':
    case 'end':
    case 'archive':
    case 'cancel':
    case 'postpone':
      return minutes;
    default: {
      const unreachable: never = transition;
      return unreachable;
    }
  }
}
