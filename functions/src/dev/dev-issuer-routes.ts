import type { HttpHandler } from '@azure/functions';
import { DomainError, pickLocale } from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { DevIssuer } from '../auth/dev-issuer';
import { errorResponse } from '../http/error-response';
import { readJson } from '../http/read-json';

const ZTokenRequest = z.strictObject({
  tenantId: z.string().uuid(),
  userId: z.string().uuid(),
});

/**
 * The dev issuer's HTTP face (outside /api, like Entra's own endpoints): the demo directory, a
 * sign-in that returns an access token, and the JWKS the API fetches to validate it.
 */
export function devIssuerRoutes(issuer: DevIssuer): HttpRoute[] {
  const users: HttpHandler = async () => ({
    jsonBody: {
      users: issuer.users().map(({ tenantId, userId, displayName, title }) => ({
        tenantId,
        userId,
        displayName,
        title,
      })),
    },
  });
  const token: HttpHandler = async (request) => {
    try {
      const input = ZTokenRequest.parse(await readJson(request));
      const user = issuer.findUser(input.tenantId, input.userId);
      if (!user) throw new DomainError('AUTH.INVALID_TOKEN');
      const lifetimeInSeconds = 3600;
      return {
        jsonBody: {
          accessToken: await issuer.issueToken(user, { lifetimeInSeconds }),
          expiresOn: new Date(Date.now() + lifetimeInSeconds * 1000).toISOString(),
        },
      };
    } catch (error) {
      return errorResponse(error, pickLocale(request.headers.get('accept-language')));
    }
  };
  const keys: HttpHandler = async () => ({ jsonBody: issuer.jwks() });
  return [
    { name: 'devIssuerUsers', methods: ['GET'], route: 'dev-issuer/users', handler: users },
    { name: 'devIssuerToken', methods: ['POST'], route: 'dev-issuer/token', handler: token },
    {
      name: 'devIssuerKeys',
      methods: ['GET'],
      route: 'dev-issuer/{tenantId}/discovery/v2.0/keys',
      handler: keys,
    },
  ];
}
