import { DomainError } from '../errors/domain-error';
import type { Action } from '../permissions/permission-table';
import type { MeetingStatus } from './meeting';

/**
 * The meeting lifecycle. Each transition names the states it leaves from, where it goes, the permission
 * it needs, and whether a reason is required (cancel, postpone, return and correct must say why).
 */
export const MEETING_TRANSITIONS = {
  schedule: {
    from: ['draft', 'postponed'],
    to: 'scheduled',
    permission: 'meeting.schedule',
    reason: false,
  },
  start: { from: ['scheduled'], to: 'inProgress', permission: 'meeting.run', reason: false },
  end: { from: ['inProgress'], to: 'ended', permission: 'meeting.run', reason: false },
  submitMinutes: {
    from: ['ended'],
    to: 'minutesInReview',
    permission: 'minutes.submit',
    reason: false,
  },
  returnMinutes: {
    from: ['minutesInReview'],
    to: 'ended',
    permission: 'minutes.approve',
    reason: true,
  },
  approveMinutes: {
    from: ['minutesInReview'],
    to: 'minutesApproved',
    permission: 'minutes.approve',
    reason: false,
  },
  correctMinutes: {
    from: ['minutesApproved'],
    to: 'ended',
    permission: 'minutes.submit',
    reason: true,
  },
  archive: {
    from: ['minutesApproved'],
    to: 'archived',
    permission: 'meeting.archive',
    reason: false,
  },
  cancel: {
    from: ['draft', 'scheduled', 'postponed'],
    to: 'cancelled',
    permission: 'meeting.schedule',
    reason: true,
  },
  postpone: { from: ['scheduled'], to: 'postponed', permission: 'meeting.schedule', reason: true },
} as const satisfies Record<
  string,
  { from: readonly MeetingStatus[]; to: MeetingStatus; permission: Action; reason: boolean }
>;

export type MeetingTransition = keyof typeof MEETING_TRANSITIONS;
export const MEETING_TRANSITION_NAMES = Object.keys(MEETING_TRANSITIONS) as MeetingTransition[];

/** Where `transition` takes a meeting that is `status`, or a 409-class error saying why not. */
export function nextStatus(status: MeetingStatus, transition: MeetingTransition): MeetingStatus {
  const rule: { from: readonly MeetingStatus[]; to: MeetingStatus } =
    MEETING_TRANSITIONS[transition];
  if (!rule.from.includes(status)) {
    throw new DomainError('MEETING.TRANSITION_NOT_ALLOWED', { transition, status });
  }
  return rule.to;
}

export function transitionsFrom(status: MeetingStatus): MeetingTransition[] {
  return MEETING_TRANSITION_NAMES.filter((name) =>
    (MEETING_TRANSITIONS[name].from as readonly MeetingStatus[]).includes(status),
  );
}
