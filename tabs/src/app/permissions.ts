import { can, type BodyRole, type MeetingRole } from '@qcdc/core';
import type { MeetingView } from '../api/api-types';

/*
 * Buttons follow core's one permission table, the same one the API enforces, so the tab never offers
 * what the API would refuse (the API still decides).
 */
export function canCreateMeeting(bodyRoles: readonly BodyRole[]): boolean {
  return can({ bodyRoles, meetingRoles: [] }, 'meeting.create');
}

export function canUpdateMeeting(
  bodyRoles: readonly BodyRole[],
  meeting: Pick<MeetingView, 'chairId' | 'secretaryId'>,
  userId: string | null,
): boolean {
  return can({ bodyRoles, meetingRoles: meetingRolesOf(meeting, userId) }, 'meeting.update');
}

/** Running the room: start and end, attendance, the stage's current item (head, chair, secretary). */
export function canRunMeeting(
  bodyRoles: readonly BodyRole[],
  meeting: Pick<MeetingView, 'chairId' | 'secretaryId'>,
  userId: string | null,
): boolean {
  return can({ bodyRoles, meetingRoles: meetingRolesOf(meeting, userId) }, 'meeting.run');
}

/**
 * Assigning work (core's `assignment.create`): head, deputy head or secretary; for a meeting's
 * conclusions also that meeting's chair.
 */
export function canCreateAssignment(
  bodyRoles: readonly BodyRole[],
  meeting: Pick<MeetingView, 'chairId' | 'secretaryId'> | null = null,
  userId: string | null = null,
): boolean {
  const meetingRoles = meeting ? meetingRolesOf(meeting, userId) : [];
  return can({ bodyRoles, meetingRoles }, 'assignment.create');
}

export function meetingRolesOf(
  meeting: Pick<MeetingView, 'chairId' | 'secretaryId'>,
  userId: string | null,
): MeetingRole[] {
  if (!userId) return [];
  const roles: MeetingRole[] = [];
  if (meeting.chairId === userId) roles.push('chair');
  if (meeting.secretaryId === userId) roles.push('secretary');
  return roles;
}
