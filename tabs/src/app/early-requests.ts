/**
 * GET answers started by index.html's inline script while the scripts download (the dashboard's
 * body, meetings and assignment rows). Each is handed out once, to the first request for the same
 * path with the same token and language, and only for a short while: after that the app asks again,
 * so nothing stale is shown on a later visit to the page.
 */
interface EarlyRequests {
  token: string;
  locale: string;
  /** Date.now() when the requests started. */
  at: number;
  /** Path → the answer, or null when the request failed to reach the server. */
  answers: Record<string, Promise<Response | null> | undefined>;
}

declare global {
  interface Window {
    __qcdcEarly?: EarlyRequests | undefined;
  }
}

/** Long enough for the slowest first render; short enough that a reload-free revisit asks afresh. */
const FRESH_FOR_MS = 15_000;

export function takeEarlyAnswer(
  path: string,
  token: string,
  locale: string,
  now = Date.now(),
): Promise<Response | null> | null {
  const early = typeof window === 'undefined' ? undefined : window.__qcdcEarly;
  if (!early || early.token !== token || early.locale !== locale) return null;
  if (now - early.at > FRESH_FOR_MS) {
    window.__qcdcEarly = undefined;
    return null;
  }
  const answer = early.answers[path];
  if (!answer) return null;
  delete early.answers[path];
  return answer;
}
