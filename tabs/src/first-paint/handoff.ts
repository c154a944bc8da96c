/*
 * The hand-over between the first paint (plain DOM, painted before the framework loads) and the app.
 * The app renders into #root while #root is hidden behind the snapshot; when the app's page has its
 * data (or has failed, or is another page), one call swaps them in the same frame, so the screen never
 * shows a spinner in between nor both at once.
 */

const SNAPSHOT_ID = 'qcdc-first-paint';

export function showSnapshot(snapshot: HTMLElement): void {
  const root = document.getElementById('root');
  if (!root) return;
  snapshot.id = SNAPSHOT_ID;
  root.hidden = true;
  root.before(snapshot);
  performance.mark('qcdc:first-paint');
}

/** Idempotent: every page calls it when it is ready to be seen. */
export function retireFirstPaint(): void {
  const snapshot = document.getElementById(SNAPSHOT_ID);
  if (!snapshot) return;
  snapshot.remove();
  performance.mark('qcdc:app-ready');
  document.getElementById('root')?.removeAttribute('hidden');
}
