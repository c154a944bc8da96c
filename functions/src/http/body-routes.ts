import { getBodyWithMembers, listMyBodies } from '@qcdc/core';
import type { Services } from '../services';
import type { ApiHandler } from './api-handler';
import { bodyDto, memberDto, membershipDto } from './dto';
import { ZBodyParams } from './route-params';

export function listBodiesHandler(services: Services): ApiHandler {
  return async ({ actor }) => {
    const memberships = await listMyBodies(services.deps, actor);
    return { jsonBody: { bodies: memberships.map(membershipDto) } };
  };
}

export function getBodyHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId } = ZBodyParams.parse(params);
    const { body, members, myRoles } = await getBodyWithMembers(services.deps, actor, bodyId);
    return {
      jsonBody: { body: bodyDto(body), myRoles, members: members.map(memberDto) },
    };
  };
}

export function meHandler(): ApiHandler {
  return async ({ actor, locale }) => ({
    jsonBody: {
      user: { tenantId: actor.tenantId, userId: actor.userId, displayName: actor.displayName },
      locale,
    },
  });
}
