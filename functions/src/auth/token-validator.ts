import { DomainError, type Actor } from '@qcdc/core';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface TokenValidatorOptions {
  /** The JWKS for a tenant: Entra's is the same for all, the dev issuer's is per tenant. */
  jwksUriFor(tenantId: string): string;
  /** The `iss` a valid token from this tenant carries. */
  issuerFor(tenantId: string): string;
  audience: string | string[];
  allowedTenants: string[] | '*';
  requiredScope: string;
  clockToleranceInSeconds?: number;
}

export type TokenValidator = (authorization: string | null) => Promise<Actor>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates a bearer token the way Teams SSO tokens must be validated: signature from the JWKS,
 * issuer for the token's own tenant, audience, expiry/not-before, allowed tenant, scope. The same code
 * runs locally against the dev issuer's JWKS and in production against Entra ID's.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keySetFor = (uri: string) => {
    let keySet = keySets.get(uri);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000 });
      keySets.set(uri, keySet);
    }
    return keySet;
  };

  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new DomainError('AUTH.MISSING_TOKEN');

    let tenantId: string;
    try {
      const unverified = decodeJwt(token);
      tenantId = String(unverified.tid ?? '');
    } catch {
      throw new DomainError('AUTH.INVALID_TOKEN');
    }
    if (!GUID.test(tenantId)) throw new DomainError('AUTH.INVALID_TOKEN');
    if (options.allowedTenants !== '*' && !options.allowedTenants.includes(tenantId)) {
      throw new DomainError('AUTH.TENANT_NOT_ALLOWED');
    }

    try {
      const { payload } = await jwtVerify(token, keySetFor(options.jwksUriFor(tenantId)), {
        issuer: options.issuerFor(tenantId),
        audience: options.audience,
        algorithms: ['RS256'],
        clockTolerance: options.clockToleranceInSeconds ?? 60,
        requiredClaims: ['exp', 'oid', 'tid'],
      });
      const scopes = String(payload.scp ?? '').split(' ');
      if (!scopes.includes(options.requiredScope) || payload.tid !== tenantId) {
        throw new DomainError('AUTH.INVALID_TOKEN');
      }
      const userId = String(payload.oid);
      if (!GUID.test(userId)) throw new DomainError('AUTH.INVALID_TOKEN');
      return {
        tenantId,
        userId,
        displayName: String(payload.name ?? payload.preferred_username ?? userId),
      };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof errors.JWTExpired) throw new DomainError('AUTH.TOKEN_EXPIRED');
      if (error instanceof errors.JOSEError) throw new DomainError('AUTH.INVALID_TOKEN');
      throw error;
    }
  };
}

/** Entra ID v2 endpoints for Teams SSO tokens. */
export function entraValidatorOptions(
  audience: string,
  allowedTenants: string[] | '*',
): TokenValidatorOptions {
  return {
    jwksUriFor: () => 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    issuerFor: (tenantId) => `https://login.microsoftonline.com/${tenantId}/v2.0`,
    audience,
    allowedTenants,
    requiredScope: 'access_as_user',
  };
}
