import { readLocal, writeLocal } from './browser-storage';

const STORAGE_KEY = 'qcdc.selectedBody';

/** The body last chosen on the dashboard, so the next visit opens on it. */
export function rememberedBodyId(): string | null {
  return readLocal(STORAGE_KEY);
}

export function rememberBodyId(bodyId: string): void {
  writeLocal(STORAGE_KEY, bodyId);
}
