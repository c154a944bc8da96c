import { DomainError } from '../errors/domain-error';

/**
 * A standing delegation ("ủy quyền dự thay"): a body member is represented at that body's
 * meetings by someone else from one Vietnam civil date to another, both days included. The
 * per-meeting attendance still records who actually came (core/src/attendance); a delegation
 * in force on the meeting's date is what the attendance offers by default.
 */
export interface DelegationPerson {
  /** Absent for a named person outside Microsoft 365 (e.g. a deputy from another agency). */
  userId?: string | undefined;
  displayName: string;
  title: string;
}

export interface Delegation {
  id: string;
  bodyId: string;
  /** The body member who is represented. */
  memberId: string;
  memberName: string;
  delegate: DelegationPerson;
  /** yyyy-MM-dd, Vietnam civil dates, both inclusive. */
  from: string;
  until: string;
  reason: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  /** Set when an administrator ended it early (until moved) or cancelled it before it began. */
  endedAt?: string | undefined;
  endedBy?: string | undefined;
  endedByName?: string | undefined;
  /** Ended before its first day: it was never in force and never blocks another one. */
  cancelled?: boolean | undefined;
}

export type DelegationStatus = 'upcoming' | 'inForce' | 'past' | 'cancelled';

export function delegationStatus(delegation: Delegation, today: string): DelegationStatus {
  if (delegation.cancelled) return 'cancelled';
  if (today < delegation.from) return 'upcoming';
  if (today > delegation.until) return 'past';
  return 'inForce';
}

/** yyyy-MM-dd as dd/MM/yyyy, for the messages people read. */
function dmy(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

export interface NewDelegation {
  bodyId: string;
  memberId: string;
  memberName: string;
  delegate: DelegationPerson;
  from: string;
  until: string;
}

/**
 * A new delegation must name someone else, run forwards, and not overlap another delegation of
 * the same member in the same body (cancelled ones never count): two people standing in for one
 * member on the same day would leave the attendance unable to say who represents them.
 */
export function assertDelegationAllowed(
  candidate: NewDelegation,
  existing: readonly Delegation[],
): void {
  if (candidate.delegate.userId !== undefined && candidate.delegate.userId === candidate.memberId) {
    throw new DomainError('DELEGATION.SELF', { member: candidate.memberName });
  }
  if (candidate.until < candidate.from) {
    throw new DomainError('DELEGATION.DATES_REVERSED', {
      from: dmy(candidate.from),
      until: dmy(candidate.until),
    });
  }
  const clash = existing.find(
    (other) =>
      !other.cancelled &&
      other.bodyId === candidate.bodyId &&
      other.memberId === candidate.memberId &&
      other.from <= candidate.until &&
      candidate.from <= other.until,
  );
  if (clash) {
    throw new DomainError('DELEGATION.OVERLAP', {
      member: candidate.memberName,
      from: dmy(clash.from),
      until: dmy(clash.until),
    });
  }
}

/**
 * Ending a delegation. One that has not begun is cancelled (it was never in force). One in force
 * gets a new last day, from today on and within its dates: days already past stay as they were,
 * since meetings held on them may have counted the delegate. A past or cancelled one cannot end.
 */
export function planDelegationEnd(
  delegation: Delegation,
  requestedUntil: string | undefined,
  today: string,
  by: { userId: string; displayName: string; at: string },
): Delegation {
  const status = delegationStatus(delegation, today);
  if (status === 'cancelled' || status === 'past') {
    throw new DomainError('DELEGATION.ALREADY_ENDED');
  }
  const ended = { endedAt: by.at, endedBy: by.userId, endedByName: by.displayName };
  if (status === 'upcoming') return { ...delegation, ...ended, cancelled: true };
  const until = requestedUntil ?? today;
  if (until < today || until < delegation.from || until > delegation.until) {
    throw new DomainError('DELEGATION.END_INVALID', {
      until: dmy(until),
      today: dmy(today),
      from: dmy(delegation.from),
      current: dmy(delegation.until),
    });
  }
  return { ...delegation, ...ended, until };
}

/** The delegation representing a member of a body on a date, if one is in force that day. */
export function delegationInForce(
  delegations: readonly Delegation[],
  bodyId: string,
  memberId: string,
  date: string,
): Delegation | null {
  return (
    delegations.find(
      (d) =>
        !d.cancelled &&
        d.bodyId === bodyId &&
        d.memberId === memberId &&
        d.from <= date &&
        date <= d.until,
    ) ?? null
  );
}

/** memberId -> delegation, for every member of the body represented on that date. */
export function delegationsInForceOn(
  delegations: readonly Delegation[],
  bodyId: string,
  date: string,
): Map<string, Delegation> {
  const byMember = new Map<string, Delegation>();
  for (const d of delegations) {
    if (!d.cancelled && d.bodyId === bodyId && d.from <= date && date <= d.until) {
      byMember.set(d.memberId, d);
    }
  }
  return byMember;
}
