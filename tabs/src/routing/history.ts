import { useSyncExternalStore } from 'react';

/** A one-shot note carried to the next page (e.g. "meeting created"), kept in history.state. */
export type Flash = 'meetingCreated' | 'meetingSaved';

interface HistoryState {
  flash?: Flash;
}

const CHANGE_EVENT = 'qcdc:navigate';

export function navigate(to: string, options: { flash?: Flash; replace?: boolean } = {}): void {
  const state: HistoryState = options.flash ? { flash: options.flash } : {};
  if (options.replace) history.replaceState(state, '', to);
  else history.pushState(state, '', to);
  window.dispatchEvent(new Event(CHANGE_EVENT));
  window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The current path and query; re-renders on navigate() and on back/forward. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const url = new URL(href, location.origin);
  return { pathname: url.pathname, search: url.search };
}

/** Reads the page's flash once and clears it, so a reload does not repeat "meeting created". */
export function consumeFlash(): Flash | undefined {
  const flash = (history.state as HistoryState | null)?.flash;
  if (flash) history.replaceState({}, '', location.pathname + location.search);
  return flash;
}
