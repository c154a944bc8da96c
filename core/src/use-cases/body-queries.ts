import type { Body, Member, Membership } from '../bodies/body';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { UseCaseDeps } from './deps';
import { resolveActorInBody } from './resolve-actor-roles';

export async function listMyBodies(
  deps: Pick<UseCaseDeps, 'bodies'>,
  actor: Actor,
): Promise<Membership[]> {
  return deps.bodies.listMemberships(actor.tenantId, actor.userId);
}

export async function getBodyWithMembers(
  deps: Pick<UseCaseDeps, 'bodies'>,
  actor: Actor,
  bodyId: string,
): Promise<{ body: Body; members: Member[]; myRoles: Member['roles'] }> {
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
  const members = await deps.bodies.listMembers(actor.tenantId, bodyId);
  return { body, members, myRoles: [...roles.bodyRoles] };
}
