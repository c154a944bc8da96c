import { useCallback, useState } from 'react';

/**
 * One administrative change at a time: while it runs the buttons wait; when it fails the error is
 * kept for the section to show, and the section keeps showing what the server last answered
 * (state is only ever replaced by a successful answer, so a refused change never half-shows).
 */
export function useAdminAction(): {
  busy: boolean;
  error: unknown;
  run: (work: () => Promise<void>) => Promise<boolean>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
