import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

/**
 * Loads data for a page. `key` names what is loaded: a new key reloads, and an answer for an old
 * key (the user moved on) is dropped rather than shown on the wrong page.
 */
export function useResource<T>(key: string, load: () => Promise<T>): [Resource<T>, () => void] {
  const [state, setState] = useState<{ key: string; resource: Resource<T> }>({
    key,
    resource: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let live = true;
    setState({ key, resource: { status: 'loading' } });
    loadRef.current().then(
      (data) => live && setState({ key, resource: { status: 'ready', data } }),
      (error: unknown) => live && setState({ key, resource: { status: 'failed', error } }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state.key === key ? state.resource : { status: 'loading' }, reload];
}
