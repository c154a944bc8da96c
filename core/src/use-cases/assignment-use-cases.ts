import {
  ACTIVE_ASSIGNMENT_STATUSES,
  ASSIGNMENT_TRANSITIONS,
  nextAssignmentStatus,
  type AssignmentTransition,
} from '../assignments/assignment-lifecycle';
import type { Assignment, AssignmentHeadline } from '../assignments/assignment';
import { partiesOf } from '../assignments/assignment-rules';
import type {
  TAssignmentTransitionInput,
  TCreateAssignmentInput,
  TDecideExtensionInput,
  TProgressInput,
  TRequestExtensionInput,
} from '../assignments/assignment-schemas';
import { ASSIGNMENT_LIMITS } from '../assignments/assignment-schemas';
import { chainAuditEvent, GENESIS_HEAD, auditHeadOf } from '../audit/audit-event';
import { toVietnamDate } from '../calendar/vietnam-time';
import { civilDateToIso } from '../calendar/civil-date';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { UseCaseDeps } from './deps';
import {
  assertAssignmentVersion,
  loadAssignment,
  nextAssignmentVersion,
} from './assignment-change';
import { retryOnWriteRace } from './meeting-change';
import { withReminderSchedule } from '../reminders/reminder-scheduler';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

type Deps = Pick<
  UseCaseDeps,
  'bodies' | 'meetings' | 'assignments' | 'clock' | 'ids' | 'reminders'
>;

/**
 * Assigns a task to members of the body, directly or from a meeting's conclusions (then the meeting's
 * chair may assign too). The deadline is a Vietnam civil date and may not already be over.
 */
export async function createAssignment(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  input: TCreateAssignmentInput,
): Promise<Assignment> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  let effectiveRoles = roles;
  if (input.meetingId) {
    const meeting = await deps.meetings.getMeeting(actor.tenantId, bodyId, input.meetingId);
    if (!meeting) throw new DomainError('MEETING.NOT_FOUND');
    effectiveRoles = withMeetingRoles(roles, meeting.meeting, actor.userId);
  }
  assertCan(effectiveRoles, 'assignment.create');
  const now = deps.clock.now();
  if (input.deadline < civilDateToIso(toVietnamDate(now))) {
    throw new DomainError('ASSIGNMENT.DEADLINE_IN_PAST');
  }
  const members = new Set(
    (await deps.bodies.listMembers(actor.tenantId, bodyId)).map((member) => member.userId),
  );
  for (const userId of [input.ownerId, ...input.coOwnerIds]) {
    if (!members.has(userId)) throw new DomainError('ASSIGNMENT.PERSON_NOT_MEMBER');
  }
  const id = deps.ids.next();
  const at = now.toISOString();
  const event = chainAuditEvent(GENESIS_HEAD, {
    tenantId: actor.tenantId,
    aggregateType: 'assignment',
    aggregateId: id,
    action: 'assignment.created',
    actorId: actor.userId,
    actorName: actor.displayName,
    at,
    changes: {
      title: [null, input.title],
      ownerId: [null, input.ownerId],
      deadline: [null, input.deadline],
    },
  });
  const assignment: Assignment = {
    tenantId: actor.tenantId,
    bodyId,
    id,
    title: input.title,
    description: input.description,
    ownerId: input.ownerId,
    coOwnerIds: [...new Set(input.coOwnerIds.filter((userId) => userId !== input.ownerId))],
    source: input.meetingId ? { kind: 'meeting', meetingId: input.meetingId } : { kind: 'direct' },
    deadline: input.deadline,
    originalDeadline: input.deadline,
    priority: input.priority,
    status: 'open',
    assignedBy: actor.userId,
    progress: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    audit: auditHeadOf(event),
  };
  await withReminderSchedule(
    deps.reminders,
    { type: 'assignment', previous: null, next: assignment },
    () => deps.assignments.createAssignment(assignment, event),
  );
  return assignment;
}

/**
 * Moves an assignment (start, submit, approve or return completion, cancel). Teams retries card
 * actions: replaying the same transition by the same person from the same version answers the
 * result again instead of a conflict, and writes nothing.
 */
export async function transitionAssignment(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TAssignmentTransitionInput,
): Promise<Assignment> {
  const transition = input.transition as AssignmentTransition;
  const rule = ASSIGNMENT_TRANSITIONS[transition];
  return retryOnWriteRace(async () => {
    const { stored, isHead } = await loadAssignment(deps, actor, bodyId, id);
    const current = stored.assignment;
    if (await isReplay(deps, current, actor, input.version, `assignment.${transition}`)) {
      return current;
    }
    if (!partiesOf(current, actor.userId, isHead).has(rule.by)) {
      throw new DomainError('PERMISSION.DENIED', { action: `assignment.${transition}` });
    }
    assertAssignmentVersion(current, input.version);
    const status = nextAssignmentStatus(current.status, transition);
    if (rule.reason && !input.reason) {
      throw new DomainError('ASSIGNMENT.REASON_REQUIRED', { transition });
    }
    const at = deps.clock.now().toISOString();
    const next: Assignment = {
      ...current,
      status,
      statusReason: rule.reason ? input.reason : current.statusReason,
      submittedAt: transition === 'submit' ? at : current.submittedAt,
      completedAt: transition === 'approveCompletion' ? at : current.completedAt,
      extensionRequest:
        status === 'done' || status === 'cancelled' ? undefined : current.extensionRequest,
    };
    const changes: Record<string, [unknown, unknown]> = { status: [current.status, status] };
    if (input.reason) changes.reason = [null, input.reason];
    const change = nextAssignmentVersion(
      current,
      next,
      actor,
      at,
      `assignment.${transition}`,
      changes,
    );
    await withReminderSchedule(
      deps.reminders,
      { type: 'assignment', previous: current, next: change.assignment },
      () => deps.assignments.commitAssignment(change.assignment, stored.etag, change.event),
    );
    return change.assignment;
  });
}

/** Owner or co-owners report progress with optional evidence links (https only). */
export async function reportProgress(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TProgressInput,
): Promise<Assignment> {
  return retryOnWriteRace(async () => {
    const { stored, isHead } = await loadAssignment(deps, actor, bodyId, id);
    const current = stored.assignment;
    if (await isReplay(deps, current, actor, input.version, 'assignment.progress')) return current;
    if (!partiesOf(current, actor.userId, isHead).has('worker')) {
      throw new DomainError('PERMISSION.DENIED', { action: 'assignment.progress' });
    }
    assertAssignmentVersion(current, input.version);
    assertActive(current);
    if (current.progress.length >= ASSIGNMENT_LIMITS.progressMax) {
      throw new DomainError('ASSIGNMENT.TOO_MANY_UPDATES', { max: ASSIGNMENT_LIMITS.progressMax });
    }
    const at = deps.clock.now().toISOString();
    const update = {
      at,
      byId: actor.userId,
      byName: actor.displayName,
      note: input.note,
      percent: input.percent,
      evidenceUrls: input.evidenceUrls,
    };
    const next: Assignment = {
      ...current,
      status: current.status === 'open' ? 'inProgress' : current.status,
      progress: [...current.progress, update],
    };
    const change = nextAssignmentVersion(current, next, actor, at, 'assignment.progress', {
      progress: [null, input.note],
      ...(next.status !== current.status ? { status: [current.status, next.status] } : {}),
    });
    await deps.assignments.commitAssignment(change.assignment, stored.etag, change.event);
    return change.assignment;
  });
}

/** The owner asks for a later deadline, with a reason; the assigner or head decides. */
export async function requestExtension(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TRequestExtensionInput,
): Promise<Assignment> {
  return retryOnWriteRace(async () => {
    const { stored, isHead } = await loadAssignment(deps, actor, bodyId, id);
    const current = stored.assignment;
    if (await isReplay(deps, current, actor, input.version, 'assignment.extensionRequested')) {
      return current;
    }
    if (!partiesOf(current, actor.userId, isHead).has('owner')) {
      throw new DomainError('PERMISSION.DENIED', { action: 'assignment.requestExtension' });
    }
    assertAssignmentVersion(current, input.version);
    assertActive(current);
    if (input.requestedDeadline <= current.deadline) {
      throw new DomainError('ASSIGNMENT.EXTENSION_NOT_LATER', { deadline: current.deadline });
    }
    const at = deps.clock.now().toISOString();
    const extensionRequest = {
      requestedDeadline: input.requestedDeadline,
      reason: input.reason,
      requestedAt: at,
      requestedBy: actor.userId,
    };
    const change = nextAssignmentVersion(
      current,
      { ...current, extensionRequest },
      actor,
      at,
      'assignment.extensionRequested',
      { extensionRequest: [current.extensionRequest ?? null, extensionRequest] },
    );
    await deps.assignments.commitAssignment(change.assignment, stored.etag, change.event);
    return change.assignment;
  });
}

export async function decideExtension(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TDecideExtensionInput,
): Promise<Assignment> {
  return retryOnWriteRace(async () => {
    const { stored, isHead } = await loadAssignment(deps, actor, bodyId, id);
    const current = stored.assignment;
    const action = `assignment.extension${input.decision === 'approve' ? 'Approved' : 'Rejected'}`;
    if (await isReplay(deps, current, actor, input.version, action)) return current;
    if (!partiesOf(current, actor.userId, isHead).has('assigner')) {
      throw new DomainError('PERMISSION.DENIED', { action: 'assignment.decideExtension' });
    }
    assertAssignmentVersion(current, input.version);
    const request = current.extensionRequest;
    if (!request) throw new DomainError('ASSIGNMENT.NO_EXTENSION_PENDING');
    if (input.decision === 'reject' && !input.reason) {
      throw new DomainError('ASSIGNMENT.REASON_REQUIRED', { transition: 'rejectExtension' });
    }
    const at = deps.clock.now().toISOString();
    const next: Assignment = {
      ...current,
      extensionRequest: undefined,
      deadline: input.decision === 'approve' ? request.requestedDeadline : current.deadline,
      statusReason: input.reason ?? current.statusReason,
    };
    const change = nextAssignmentVersion(current, next, actor, at, action, {
      deadline: [current.deadline, next.deadline],
      ...(input.reason ? { reason: [null, input.reason] } : {}),
    });
    await withReminderSchedule(
      deps.reminders,
      { type: 'assignment', previous: current, next: change.assignment },
      () => deps.assignments.commitAssignment(change.assignment, stored.etag, change.event),
    );
    return change.assignment;
  });
}

export async function getAssignment(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  id: string,
): Promise<Assignment> {
  return (await loadAssignment(deps, actor, bodyId, id)).stored.assignment;
}

export async function listBodyAssignments(
  deps: Deps,
  actor: Actor,
  bodyId: string,
): Promise<Assignment[]> {
  await assertCanReadBodyAssignments(deps, actor, bodyId);
  const assignments = await deps.assignments.listBodyAssignments(actor.tenantId, bodyId);
  return byDeadline(assignments);
}

/**
 * The body's assignment list for its table, counts and export: the same people may read it, and the
 * rows come in the same order, as `listBodyAssignments`, without the detail fields the list never
 * shows (the store then reads less).
 */
export async function listBodyAssignmentHeadlines(
  deps: Deps,
  actor: Actor,
  bodyId: string,
): Promise<AssignmentHeadline[]> {
  await assertCanReadBodyAssignments(deps, actor, bodyId);
  const headlines = await deps.assignments.listBodyAssignmentHeadlines(actor.tenantId, bodyId);
  return byDeadline(headlines);
}

/** One rule for both views of a body's list, so they cannot drift apart. */
async function assertCanReadBodyAssignments(
  deps: Deps,
  actor: Actor,
  bodyId: string,
): Promise<void> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
}

/** Earliest deadline first; stable, so equal deadlines keep the store's (key) order. */
function byDeadline<T extends Pick<Assignment, 'deadline'>>(assignments: T[]): T[] {
  return assignments.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/** "Việc của tôi": what the caller owns or co-owns, across bodies, earliest deadline first. */
export async function listMyAssignments(
  deps: Pick<UseCaseDeps, 'assignments'>,
  actor: Actor,
): Promise<Assignment[]> {
  const assignments = await deps.assignments.listUserAssignments(actor.tenantId, actor.userId);
  return byDeadline(assignments);
}

function assertActive(assignment: Assignment): void {
  if (!ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status)) {
    throw new DomainError('ASSIGNMENT.NOT_ACTIVE', { status: assignment.status });
  }
}

/**
 * A retried request: the stored assignment is exactly one version past what the caller sent, and
 * that version was written by this caller doing this action (read from the last audit event).
 */
async function isReplay(
  deps: Deps,
  current: Assignment,
  actor: Actor,
  version: number,
  action: string,
): Promise<boolean> {
  if (current.version !== version + 1) return false;
  const events = await deps.assignments.listAssignmentAudit(
    current.tenantId,
    current.bodyId,
    current.id,
  );
  const last = events.at(-1);
  return last?.seq === current.audit.seq && last.actorId === actor.userId && last.action === action;
}
