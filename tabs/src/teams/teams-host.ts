/** Where the tab runs: inside a Teams (or Microsoft 365) host, or in a plain browser. */
export type Host = BrowserHost | TeamsHost;

export interface BrowserHost {
  kind: 'browser';
}

export interface TeamsHost {
  kind: 'teams';
  /** The user's Teams language, e.g. "vi-vn" or "en-us". */
  locale: string;
  /** "default", "dark", "contrast" (or newer values, treated as default). */
  theme: string;
  /** Where Teams shows the tab: "content", "sidePanel", "meetingStage"… */
  frameContext: string | undefined;
  /** "desktop", "web", "android", "ios"… (blob downloads do not work on the mobile clients). */
  clientType: string;
  onThemeChange(handler: (theme: string) => void): void;
  /** A Teams SSO token for our API (Teams caches and refreshes it). */
  getToken(): Promise<string>;
  /** Opens a URL through Teams' link API (the only way a mobile client downloads a file). */
  openLink(url: string): Promise<void>;
}

/**
 * Outside Teams `app.initialize()` never settles (or rejects), so it races a timeout. A top-level
 * window with no opener and no native bridge cannot be a Teams host (web and desktop Teams load tabs
 * in an iframe, mobile Teams injects `nativeInterface`), so that case answers at once instead of
 * making every local page load wait for the timeout (or load teams-js at all).
 */
export async function detectHost(timeoutInMs = 3000): Promise<Host> {
  const known = knownHost();
  if (known) return known;
  // Loaded only when a host is possible: teams-js fetches its domain list from a CDN on load.
  const { app, authentication } = await import('@microsoft/teams-js');
  const initialized = await Promise.race([
    app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutInMs)),
  ]);
  if (!initialized) return { kind: 'browser' };

  const context = await app.getContext();
  app.notifySuccess();
  return {
    kind: 'teams',
    locale: context.app.locale,
    theme: context.app.theme,
    frameContext: context.page.frameContext,
    clientType: context.app.host.clientType,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    getToken: () => authentication.getAuthToken(),
    openLink: (url) => app.openLink(url),
  };
}

/**
 * The host when it is known without asking teams-js (a plain browser window), else null. Synchronous,
 * so outside Teams the first render is already the app, not a "starting…" screen replaced a moment
 * later.
 */
export function knownHost(): BrowserHost | null {
  return clearlyStandalone() ? { kind: 'browser' } : null;
}

function clearlyStandalone(): boolean {
  let framed: boolean;
  try {
    framed = window.self !== window.top;
  } catch {
    framed = true; // a cross-origin parent throws: that is what Teams looks like
  }
  return !framed && !window.opener && !('nativeInterface' in window);
}
