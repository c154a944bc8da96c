import type { Action } from '../permissions/permission-table';
import type { AssignmentStatus } from './assignment';
import { DomainError } from '../errors/domain-error';

/**
 * Who may move an assignment and where. Parties: the owner and co-owners do the work, the assigner (or
 * the body's head) judges it. `reason` marks the moves that must say why.
 */
export const ASSIGNMENT_TRANSITIONS = {
  start: { from: ['open', 'returned'], to: 'inProgress', by: 'worker', reason: false },
  submit: { from: ['open', 'inProgress', 'returned'], to: 'submitted', by: 'owner', reason: false },
  approveCompletion: { from: ['submitted'], to: 'done', by: 'assigner', reason: false },
  returnCompletion: { from: ['submitted'], to: 'returned', by: 'assigner', reason: true },
  cancel: {
    from: ['open', 'inProgress', 'submitted', 'returned'],
    to: 'cancelled',
    by: 'assigner',
    reason: true,
  },
} as const satisfies Record<
  string,
  {
    from: readonly AssignmentStatus[];
    to: AssignmentStatus;
    by: AssignmentParty;
    reason: boolean;
  }
>;

/** worker = owner or co-owner; owner = the lead only; assigner = who assigned it, or the head. */
export type AssignmentParty = 'worker' | 'owner' | 'assigner';

export type AssignmentTransition = keyof typeof ASSIGNMENT_TRANSITIONS;
export const ASSIGNMENT_TRANSITION_NAMES = Object.keys(
  ASSIGNMENT_TRANSITIONS,
) as AssignmentTransition[];

/** Statuses in which the work is still going on (progress, extensions and reminders apply). */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  'open',
  'inProgress',
  'submitted',
  'returned',
];

export function nextAssignmentStatus(
  status: AssignmentStatus,
  transition: AssignmentTransition,
): AssignmentStatus {
  const rule: { from: readonly AssignmentStatus[]; to: AssignmentStatus } =
    ASSIGNMENT_TRANSITIONS[transition];
  if (!rule.from.includes(status)) {
    throw new DomainError('ASSIGNMENT.TRANSITION_NOT_ALLOWED', { transition, status });
  }
  return rule.to;
}

/** Assigning is a body decision: the same people who schedule meetings may assign directly. */
export const ASSIGN_PERMISSION: Action = 'assignment.create';
