import { DomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import type { Actor, ActorRoles } from '../permissions/actor';
import type { UseCaseDeps } from '../use-cases/deps';
import { resolveActorInBody, withMeetingRoles } from '../use-cases/resolve-actor-roles';
import type { RandomSource } from './ballot-secrecy';
import type { Motion } from './motion';
import { nextVersion } from '../use-cases/aggregate-change';
import type { VoteAuditEvent } from './vote-audit';
import type { StoredMotion, VoteRepository } from './vote-repository';

/** The use-case dependencies plus the vote store and a source of randomness (ballot keys). */
export interface VoteDeps extends UseCaseDeps {
  votes: VoteRepository;
  random: RandomSource;
}

export interface LoadedMotion {
  meeting: Meeting;
  stored: StoredMotion;
  roles: ActorRoles;
}

/** Loads the caller's roles (body + meeting), the meeting and the motion, all within the tenant. */
export async function loadMotion(
  deps: Pick<VoteDeps, 'bodies' | 'meetings' | 'votes'>,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  motionId: string,
): Promise<LoadedMotion> {
  const [{ roles }, meeting, stored] = await Promise.all([
    resolveActorInBody(deps.bodies, actor, bodyId),
    deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId),
    deps.votes.getMotion(actor.tenantId, bodyId, meetingId, motionId),
  ]);
  if (!meeting) throw new DomainError('MEETING.NOT_FOUND');
  if (!stored) throw new DomainError('VOTE.NOT_FOUND');
  return {
    meeting: meeting.meeting,
    stored,
    roles: withMeetingRoles(roles, meeting.meeting, actor.userId),
  };
}

/** The next motion state with its version bumped and its audit chain extended by one event. */
export function nextMotionVersion(
  current: Motion,
  next: Motion,
  actor: Actor,
  at: string,
  action: string,
  changes: VoteAuditEvent['changes'],
): { motion: Motion; event: VoteAuditEvent } {
  const { value, event } = nextVersion('motion', current, next, actor, at, action, changes);
  return { motion: value, event };
}

export function transitionNotAllowed(transition: string, motion: Motion): DomainError {
  return new DomainError('VOTE.TRANSITION_NOT_ALLOWED', { transition, status: motion.status });
}
