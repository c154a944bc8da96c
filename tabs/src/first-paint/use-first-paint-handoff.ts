import { useLayoutEffect } from 'react';
import { retireFirstPaint } from './handoff';

/**
 * A page calls this with `ready` true once what it shows has settled (data in, or an error to show):
 * the first paint, if any, gives way before the browser paints the page.
 */
export function useFirstPaintHandoff(ready: boolean): void {
  useLayoutEffect(() => {
    if (ready) retireFirstPaint();
  }, [ready]);
}
