import type { Body, Member, Membership } from '../bodies/body';

export interface BodyRepository {
  getBody(tenantId: string, bodyId: string): Promise<Body | null>;
  getMember(tenantId: string, bodyId: string, userId: string): Promise<Member | null>;
  listMembers(tenantId: string, bodyId: string): Promise<Member[]>;
  /** The bodies a user belongs to, from the memberships index (one partition per user). */
  listMemberships(tenantId: string, userId: string): Promise<Membership[]>;
}
