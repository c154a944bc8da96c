import { readSession, writeSession } from '../storage/browser-storage';
import type { DemoUser, DevToken } from './dev-issuer';

/**
 * The dev sign-in lives in sessionStorage: it survives reloads and in-app navigation but not the
 * browser tab, and each demo user can be tried in a separate tab.
 */
export interface DevSession extends DevToken {
  user: DemoUser;
}

const STORAGE_KEY = 'qcdc.devSession';
/** Sign in again a little before expiry rather than fail a save half-way. */
const EXPIRY_MARGIN_MS = 30_000;

export function loadDevSession(now = Date.now()): DevSession | null {
  const raw = readSession(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as DevSession;
    if (typeof session.accessToken !== 'string') return null;
    if (session.expiresAtMs !== null && session.expiresAtMs - EXPIRY_MARGIN_MS <= now) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveDevSession(session: DevSession | null): void {
  writeSession(STORAGE_KEY, session === null ? null : JSON.stringify(session));
}
