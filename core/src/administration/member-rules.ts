import type { Body, BodyRole, Member } from '../bodies/body';
import { DomainError } from '../errors/domain-error';

/** Roles in a stable order, without duplicates, so the same set always stores and hashes the same. */
export function normalizeRoles(roles: readonly BodyRole[]): BodyRole[] {
  const order: readonly BodyRole[] = ['head', 'deputyHead', 'secretary', 'member', 'observer'];
  return order.filter((role) => roles.includes(role));
}

/**
 * A body without a head has nobody to chair it, approve its minutes or grant membership: every
 * change that would leave none is refused (ADMIN.LAST_HEAD, 409).
 */
export function assertHeadRemains(body: Pick<Body, 'name'>, membersAfter: readonly Member[]): void {
  if (!membersAfter.some((member) => member.roles.includes('head'))) {
    throw new DomainError('ADMIN.LAST_HEAD', { body: body.name });
  }
}

export interface MemberUpsert {
  userId: string;
  displayName: string;
  title: string;
  roles: BodyRole[];
}

/** The members after adding someone or changing their roles; `before` is null for a newcomer. */
export function planMemberUpsert(
  body: Body,
  members: readonly Member[],
  input: MemberUpsert,
): { before: Member | null; after: Member; members: Member[] } {
  const before = members.find((member) => member.userId === input.userId) ?? null;
  const after: Member = {
    tenantId: body.tenantId,
    bodyId: body.id,
    userId: input.userId,
    displayName: input.displayName,
    title: input.title,
    roles: normalizeRoles(input.roles),
  };
  const next = [...members.filter((member) => member.userId !== input.userId), after];
  assertHeadRemains(body, next);
  return { before, after, members: next };
}

/** The members after removing one; unknown: ADMIN.MEMBER_NOT_FOUND; the last head: ADMIN.LAST_HEAD. */
export function planMemberRemoval(
  body: Body,
  members: readonly Member[],
  userId: string,
): { removed: Member; members: Member[] } {
  const removed = members.find((member) => member.userId === userId);
  if (!removed) throw new DomainError('ADMIN.MEMBER_NOT_FOUND', { body: body.name });
  const next = members.filter((member) => member.userId !== userId);
  assertHeadRemains(body, next);
  return { removed, members: next };
}
