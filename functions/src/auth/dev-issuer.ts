import { exportJWK, generateKeyPair, SignJWT, type JWK, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { TokenValidatorOptions } from './token-validator';

/** A person the dev issuer can sign in: the local stand-in for an Entra ID directory entry. */
export interface DirectoryUser {
  tenantId: string;
  userId: string;
  displayName: string;
  title: string;
  email: string;
}

export interface IssueTokenOptions {
  /** Lifetime in seconds; negative values make an already-expired token (for tests). */
  lifetimeInSeconds?: number;
  audience?: string;
  scope?: string;
}

/**
 * Local stand-in for Entra ID's token service: RS256 tokens shaped like Teams SSO v2 access tokens,
 * with its own key pair published as a JWKS, so the API validates them with exactly the production code.
 * Enabled only by explicit configuration (QCDC_AUTH_MODE=dev + QCDC_DEV_AUTH=enabled).
 */
export class DevIssuer {
  private constructor(
    private readonly baseUrl: string,
    private readonly audience: string,
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly directory: readonly DirectoryUser[],
  ) {}

  static async create(
    baseUrl: string,
    audience: string,
    directory: readonly DirectoryUser[],
  ): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const publicJwk = {
      ...(await exportJWK(publicKey)),
      kid: randomUUID(),
      alg: 'RS256',
      use: 'sig',
    };
    return new DevIssuer(baseUrl.replace(/\/$/, ''), audience, privateKey, publicJwk, directory);
  }

  users(): readonly DirectoryUser[] {
    return this.directory;
  }

  findUser(tenantId: string, userId: string): DirectoryUser | undefined {
    return this.directory.find((user) => user.tenantId === tenantId && user.userId === userId);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async issueToken(user: DirectoryUser, options: IssueTokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = options.lifetimeInSeconds ?? 3600;
    return new SignJWT({
      tid: user.tenantId,
      oid: user.userId,
      name: user.displayName,
      preferred_username: user.email,
      scp: options.scope ?? 'access_as_user',
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid!, typ: 'JWT' })
      .setIssuer(this.issuerFor(user.tenantId))
      .setAudience(options.audience ?? this.audience)
      .setSubject(user.userId)
      .setIssuedAt(lifetime < 0 ? now + lifetime - 60 : now)
      .setNotBefore(lifetime < 0 ? now + lifetime - 60 : now)
      .setExpirationTime(now + lifetime)
      .sign(this.privateKey);
  }

  issuerFor(tenantId: string): string {
    return `${this.baseUrl}/dev-issuer/${tenantId}/v2.0`;
  }

  validatorOptions(allowedTenants: string[] | '*'): TokenValidatorOptions {
    return devIssuerValidatorOptions(this.baseUrl, this.audience, allowedTenants);
  }
}

/** The validator's view of the dev issuer: only URLs, fetched over HTTP like Entra's. */
export function devIssuerValidatorOptions(
  baseUrl: string,
  audience: string,
  allowedTenants: string[] | '*',
): TokenValidatorOptions {
  const base = baseUrl.replace(/\/$/, '');
  return {
    jwksUriFor: (tenantId) => `${base}/dev-issuer/${tenantId}/discovery/v2.0/keys`,
    issuerFor: (tenantId) => `${base}/dev-issuer/${tenantId}/v2.0`,
    audience,
    allowedTenants,
    requiredScope: 'access_as_user',
  };
}
