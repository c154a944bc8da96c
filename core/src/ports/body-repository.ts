import type { AuditEvent } from '../audit/audit-event';
import type { Body, Member, Membership } from '../bodies/body';
import type { RosterChange, StoredRoster } from '../rosters/roster';

export interface BodyRepository {
  getBody(tenantId: string, bodyId: string): Promise<Body | null>;
  getMember(tenantId: string, bodyId: string, userId: string): Promise<Member | null>;
  listMembers(tenantId: string, bodyId: string): Promise<Member[]>;
  /** The bodies a user belongs to, from the memberships index (one partition per user). */
  listMemberships(tenantId: string, userId: string): Promise<Membership[]>;
  /**
   * Rosters (core/src/rosters): the body's members with their roster fields, its proposals and its
   * audit head, with the body row's etag. Optional so fakes that predate rosters keep compiling.
   */
  getRoster?(tenantId: string, bodyId: string): Promise<StoredRoster | null>;
  /**
   * Writes one roster change (new members' index rows first, then one batch with the body's audit
   * event); throws DomainError CONCURRENCY.CONFLICT (retryable) when the body row moved meanwhile.
   * Answers the body row's new etag, for the next change of a sync split over several batches.
   */
  commitRosterChange?(change: RosterChange): Promise<{ etag: string }>;
  /** The body's own audit chain (creation, roster changes), oldest first. */
  listBodyAuditEvents?(tenantId: string, bodyId: string): Promise<AuditEvent[]>;
}
