import {
  ACTIVE_ASSIGNMENT_STATUSES,
  ASSIGNMENT_TRANSITIONS,
  type AssignmentParty,
  type AssignmentTransition,
} from '@qcdc/core';
import type { AssignmentView } from '../api/api-types';

/**
 * Which sides of an assignment the caller is on, as core's `partiesOf` decides it (the API checks
 * the same): owner and co-owners work, the assigner or the body's head judges.
 */
export function partiesFor(
  assignment: Pick<AssignmentView, 'ownerId' | 'coOwnerIds' | 'assignedBy'>,
  userId: string | null,
  isBodyHead: boolean,
): Set<AssignmentParty> {
  const parties = new Set<AssignmentParty>();
  if (userId && assignment.ownerId === userId) parties.add('owner').add('worker');
  if (userId && assignment.coOwnerIds.includes(userId)) parties.add('worker');
  if ((userId && assignment.assignedBy === userId) || isBodyHead) parties.add('assigner');
  return parties;
}

/** A lifecycle move, or one of the updates that keep the status. */
export type AssignmentAction =
  AssignmentTransition | 'progress' | 'requestExtension' | 'approveExtension' | 'rejectExtension';

/** Buttons in this order: the workers' next steps, then the judge's. */
const ORDER: readonly AssignmentAction[] = [
  'start',
  'progress',
  'submit',
  'requestExtension',
  'approveCompletion',
  'returnCompletion',
  'approveExtension',
  'rejectExtension',
  'cancel',
];

/**
 * The actions to offer: lifecycle moves the status allows to the caller's parties
 * (`ASSIGNMENT_TRANSITIONS`), progress for workers while the work is active, an extension request
 * for the owner while the work is still theirs (not once handed in), and a decision on a pending
 * request for the assigner or head.
 */
export function availableActions(
  assignment: Pick<AssignmentView, 'status' | 'extensionRequest'>,
  parties: ReadonlySet<AssignmentParty>,
): AssignmentAction[] {
  const active = ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status);
  const allowed = new Set<AssignmentAction>();
  for (const [name, rule] of Object.entries(ASSIGNMENT_TRANSITIONS)) {
    const from: readonly string[] = rule.from;
    if (from.includes(assignment.status) && parties.has(rule.by)) {
      allowed.add(name as AssignmentTransition);
    }
  }
  if (active && parties.has('worker')) allowed.add('progress');
  if (active && assignment.status !== 'submitted' && parties.has('owner')) {
    allowed.add('requestExtension');
  }
  if (active && assignment.extensionRequest && parties.has('assigner')) {
    allowed.add('approveExtension').add('rejectExtension');
  }
  return ORDER.filter((action) => allowed.has(action));
}

/** The moves that must say why (the API refuses them without a reason). */
export function actionNeedsReason(action: AssignmentAction): boolean {
  if (action === 'rejectExtension') return true;
  return (
    action in ASSIGNMENT_TRANSITIONS &&
    ASSIGNMENT_TRANSITIONS[action as AssignmentTransition].reason
  );
}

/** Undo-like actions look secondary, so the expected next step stands out. */
export function isPrimaryAction(action: AssignmentAction): boolean {
  return !['cancel', 'returnCompletion', 'rejectExtension', 'requestExtension'].includes(action);
}

export type ReviewReason = 'completion' | 'extension';

/** What waits on the caller as judge: handed-in work, or a pending request for more time. */
export function reviewReasons(
  assignment: Pick<AssignmentView, 'status' | 'extensionRequest'>,
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (assignment.status === 'submitted') reasons.push('completion');
  if (assignment.extensionRequest && ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status)) {
    reasons.push('extension');
  }
  return reasons;
}

/**
 * "Chờ tôi duyệt": assignments in the caller's bodies that wait on a decision the caller may take
 * (they assigned it, or head the body), the longest waiting first.
 */
export function awaitingMyReview<T extends AssignmentView>(
  assignments: readonly T[],
  userId: string | null,
  isHeadOf: (bodyId: string) => boolean,
): T[] {
  const waitingSince = (a: T) =>
    [a.status === 'submitted' ? a.submittedAt : undefined, a.extensionRequest?.requestedAt]
      .filter((at): at is string => at !== undefined)
      .sort()[0] ?? a.updatedAt;
  return assignments
    .filter(
      (a) =>
        reviewReasons(a).length > 0 && partiesFor(a, userId, isHeadOf(a.bodyId)).has('assigner'),
    )
    .sort((a, b) => waitingSince(a).localeCompare(waitingSince(b)));
}
