import type { AuditEvent } from '../audit/audit-event';
import { nextVersion } from './aggregate-change';
import { DomainError, isDomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import type { Actor } from '../permissions/actor';

/** The next meeting state with its version bumped and its audit chain extended by one event. */
export function nextMeetingVersion(
  current: Meeting,
  next: Meeting,
  actor: Actor,
  at: string,
  action: string,
  changes: AuditEvent['changes'],
): { meeting: Meeting; event: AuditEvent } {
  const { value, event } = nextVersion('meeting', current, next, actor, at, action, changes);
  return { meeting: value, event };
}

/** The caller edited version `expected`; anything else is a conflict carrying the fresh meeting. */
export function assertMeetingVersion(current: Meeting, expected: number): void {
  if (current.version !== expected) {
    throw new DomainError('CONCURRENCY.CONFLICT', {}, { current });
  }
}

/**
 * Runs a load-decide-write use case again when storage reports that a row moved between our read and
 * our write. The rerun re-reads and re-checks everything, so a genuinely stale edit still ends as a
 * conflict with the fresh state; commuting changes (two sections, two attendance marks) both land.
 */
export async function retryOnWriteRace<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable =
        isDomainError(error) &&
        error.code === 'CONCURRENCY.CONFLICT' &&
        (error.details as { retryable?: boolean } | undefined)?.retryable === true;
      if (!retryable || attempt >= attempts) throw error;
    }
  }
}
