/*
 * Storage can throw (Teams webviews with storage blocked, private modes, quota): the app must keep
 * working without it, only forgetting choices.
 */
export function readLocal(key: string): string | null {
  return safely(() => localStorage.getItem(key), null);
}

export function writeLocal(key: string, value: string): void {
  safely(() => localStorage.setItem(key, value), undefined);
}

export function readSession(key: string): string | null {
  return safely(() => sessionStorage.getItem(key), null);
}

export function writeSession(key: string, value: string | null): void {
  safely(
    () => (value === null ? sessionStorage.removeItem(key) : sessionStorage.setItem(key, value)),
    undefined,
  );
}

function safely<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}
