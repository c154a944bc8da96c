import type {
  AssignmentPriority,
  AssignmentStatus,
  AttendanceStatus,
  BodyKind,
  BodyRole,
  MeetingKind,
  MeetingRole,
  MeetingStatus,
  MeetingTransition,
  MinutesSectionKind,
} from '@qcdc/core';
import type { AssignmentAction } from '../assignments/assignment-actions';
import type { MessageKey } from './vi';

/*
 * Typed keys for domain labels: a new kind, status or role in core fails the build here until both
 * catalogues name it.
 */
export const kindKey = (kind: MeetingKind): MessageKey => `kind.${kind}`;
export const statusKey = (status: MeetingStatus): MessageKey => `status.${status}`;
export const roleKey = (role: BodyRole): MessageKey => `role.${role}`;
export const meetingRoleKey = (role: MeetingRole): MessageKey => `meetingRole.${role}`;
export const bodyKindKey = (kind: BodyKind): MessageKey => `bodyKind.${kind}`;
export const transitionKey = (transition: MeetingTransition): MessageKey =>
  `transition.${transition}`;
export const attendanceStatusKey = (status: AttendanceStatus): MessageKey =>
  `attendanceStatus.${status}`;
export const minutesSectionKey = (kind: MinutesSectionKind): MessageKey => `minutesSection.${kind}`;
export const assignmentStatusKey = (status: AssignmentStatus): MessageKey =>
  `assignmentStatus.${status}`;
export const priorityKey = (priority: AssignmentPriority): MessageKey => `priority.${priority}`;
export const assignmentActionKey = (action: AssignmentAction): MessageKey =>
  `assignmentAction.${action}`;
