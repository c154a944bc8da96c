import type { BodySummary } from '../api/api-types';
import { readLocal, writeLocal } from './browser-storage';

const STORAGE_KEY = 'qcdc.selectedBody';

/** The body last chosen on the dashboard, so the next visit opens on it. */
export function rememberedBodyId(): string | null {
  return readLocal(STORAGE_KEY);
}

export function rememberBodyId(bodyId: string): void {
  writeLocal(STORAGE_KEY, bodyId);
}

/** The body the dashboard opens: the one in the URL, then the one chosen last time, then the first. */
export function chooseBody(
  bodies: readonly BodySummary[],
  fromUrl: string | null,
): BodySummary | null {
  const byId = (id: string | null) => (id ? bodies.find((body) => body.id === id) : undefined);
  return byId(fromUrl) ?? byId(rememberedBodyId()) ?? bodies[0] ?? null;
}
