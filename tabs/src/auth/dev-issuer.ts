/**
 * The local dev issuer (only on `npm start` with QCDC_DEV_AUTH=enabled): demo users and tokens shaped
 * like Entra's, so the API validates them the same way it validates Teams SSO tokens.
 */
export interface DemoUser {
  tenantId: string;
  userId: string;
  displayName: string;
  title: string;
}

export interface DevToken {
  accessToken: string;
  /** When the token stops working (ms since epoch), if the issuer said. */
  expiresAtMs: number | null;
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch('/dev-issuer/users', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { users: DemoUser[] }).users;
}

export async function requestDevToken(user: DemoUser): Promise<DevToken> {
  const response = await fetch('/dev-issuer/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ tenantId: user.tenantId, userId: user.userId }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { accessToken: string; expiresOn?: unknown };
  return { accessToken: body.accessToken, expiresAtMs: expiryOf(body.expiresOn) };
}

/** `expiresOn` may be an ISO string, epoch seconds (as in JWT `exp`) or epoch milliseconds. */
function expiryOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value < 1e12 ? value * 1000 : value;
  }
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}
