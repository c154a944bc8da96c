import { can, MEETING_TRANSITIONS, type BodyRole, type MeetingTransition } from '@qcdc/core';
import type { MeetingView } from '../api/api-types';
import { meetingRolesOf } from '../app/permissions';

/**
 * The lifecycle buttons to show: what the meeting's status allows next (`transitions`, from the
 * API), kept to those core's permission table grants this caller through body or meeting roles.
 */
export function allowedTransitions(
  meeting: Pick<MeetingView, 'transitions' | 'chairId' | 'secretaryId'>,
  bodyRoles: readonly BodyRole[],
  userId: string | null,
): MeetingTransition[] {
  const roles = { bodyRoles, meetingRoles: meetingRolesOf(meeting, userId) };
  return meeting.transitions.filter(
    (transition) =>
      transition in MEETING_TRANSITIONS && can(roles, MEETING_TRANSITIONS[transition].permission),
  );
}

/** Cancel, postpone, return and correct must say why (the API refuses them without a reason). */
export function needsReason(transition: MeetingTransition): boolean {
  return MEETING_TRANSITIONS[transition].reason;
}

/** Buttons that undo or stop something look secondary, so the expected next step stands out. */
export function isPrimaryTransition(transition: MeetingTransition): boolean {
  return !['cancel', 'postpone', 'returnMinutes', 'correctMinutes', 'archive'].includes(transition);
}
