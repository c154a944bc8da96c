import './first-paint.css';
import { retireFirstPaint } from './handoff';
import { paintDashboardSnapshot } from './paint-dashboard';

/*
 * The page's entry. The framework (React, Fluent UI) is most of the first load's work: on a slow
 * machine, parsing and running it takes longer than the dashboard's data takes to arrive. So the
 * dashboard's first screen is painted from the early answers as plain DOM first (at most
 * SNAPSHOT_WAIT_MS spent waiting for them), and only then is the app run (its scripts have been
 * downloading meanwhile: index.html preloads them). The app takes the screen over when its page is
 * ready (handoff.ts).
 */

/** Past this the app starts anyway: it shows its own loading state, rather than a blank page. */
const SNAPSHOT_WAIT_MS = 1_000;
/** If a page never says it is ready (a bug, a hung request), the app is shown all the same. */
const HANDOFF_LIMIT_MS = 10_000;

async function boot(): Promise<void> {
  const painted = await paintDashboardSnapshot(SNAPSHOT_WAIT_MS).catch(() => false);
  // Let the browser put the first paint on screen before the app's long first run.
  if (painted) await afterNextPaint();
  try {
    await import('../main');
  } catch (error) {
    retireFirstPaint();
    throw error;
  }
  if (painted) setTimeout(retireFirstPaint, HANDOFF_LIMIT_MS);
}

/** Resolves once the next frame has been produced (a task queued from its animation frame). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

void boot();
