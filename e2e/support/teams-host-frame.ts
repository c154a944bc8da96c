import type { Frame, Page } from 'playwright-core';
import type { DirectoryUser } from '../../functions/src/auth/dev-issuer';

/**
 * A stand-in for the Teams web client: a page on https://teams.microsoft.com (served by Playwright's
 * router, so nothing leaves the machine) that iframes the tab from the local host and answers the
 * teams-js v2 postMessage protocol: `initialize`, `getContext`, `authentication.getAuthToken` and
 * `executeDeepLink` (app.openLink), and sends `themeChange` like Teams does when the user switches.
 *
 * The origins matter: teams-js only talks to a parent on an https origin from its own list of Teams
 * hosts, so a host on the test server's http origin would be ignored and the tab would fall back to
 * the browser path this test exists to avoid. And Chromium blocks a public https page from framing a
 * loopback address (Local Network Access), so the tab is shown on an https origin of its own, as in
 * production, whose requests (pages, scripts, /api) the router forwards to the local host.
 */
const HOST_ORIGIN = 'https://teams.microsoft.com';
export const TAB_ORIGIN = 'https://tab.qcdc.example';
/** teams-js fetches its list of valid origins from this CDN; refused here, it uses its built-in list. */
const VALID_ORIGINS_CDN = 'https://res.cdn.office.net/**';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHostContext {
  user: DirectoryUser;
  /** Teams' language tag, e.g. "vi-vn" or "en-us". */
  locale: string;
  theme: TeamsTheme;
  /** "content" (channel or personal tab), "sidePanel" or "meetingStage". */
  frameContext: 'content' | 'sidePanel' | 'meetingStage';
  /** "web", "desktop", "android", "ios"… */
  clientType?: string;
  teamId?: string;
  channelId?: string;
  meetingId?: string;
}

export interface TeamsHostFrame {
  /** The tab's frame, to find things in as a user would. */
  tab: Frame;
  /** Sends a theme change to the tab, as Teams does when the user switches theme. */
  setTheme(theme: TeamsTheme): Promise<void>;
  /** The teams-js functions the tab called, in order (for "it asked for an SSO token" checks). */
  calls(): Promise<string[]>;
  /** URLs the tab opened through app.openLink. */
  openedLinks(): Promise<string[]>;
}

/**
 * Opens `path` of the tab (served by the local host at `tabOrigin`) inside the stand-in Teams host. `issueToken` answers
 * `authentication.getAuthToken`; give it the suite's dev issuer so the API validates the token with
 * the production code.
 */
export async function openInTeamsHost(
  page: Page,
  options: {
    tabOrigin: string;
    path: string;
    context: TeamsHostContext;
    issueToken: (user: DirectoryUser) => Promise<string>;
  },
): Promise<TeamsHostFrame> {
  const { context, tabOrigin } = options;
  await page.route(VALID_ORIGINS_CDN, (route) => route.abort());
  await page.exposeBinding('qcdcTeamsHostToken', () => options.issueToken(context.user));
  await page.route(`${TAB_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${tabOrigin}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
  const html = hostPage(`${TAB_ORIGIN}${options.path}`, TAB_ORIGIN, legacyContext(context));
  await page.route(`${HOST_ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(`${HOST_ORIGIN}/_tab`);
  const element = await page.waitForSelector('iframe#tab', { state: 'attached' });
  const tab = await element.contentFrame();
  if (!tab) throw new Error('the host page has no tab frame');
  return {
    tab,
    setTheme: (theme) =>
      page.evaluate((value) => (window as unknown as HostWindow).qcdcSendTheme(value), theme),
    calls: () => page.evaluate(() => [...(window as unknown as HostWindow).qcdcCalls]),
    openedLinks: () => page.evaluate(() => [...(window as unknown as HostWindow).qcdcLinks]),
  };
}

interface HostWindow {
  qcdcCalls: string[];
  qcdcLinks: string[];
  qcdcSendTheme(theme: string): void;
}

/**
 * The context in the shape the host sends on the wire (teams-js turns it into `app.Context`):
 * `userObjectId` becomes `user.id`, `tid` `user.tenant.id`, `hostClientType` `app.host.clientType`.
 */
function legacyContext(context: TeamsHostContext): Record<string, unknown> {
  return {
    locale: context.locale,
    theme: context.theme,
    frameContext: context.frameContext,
    hostClientType: context.clientType ?? 'web',
    hostName: 'Teams',
    appSessionId: 'e2e-app-session',
    sessionId: 'e2e-session',
    entityId: 'qcdc-dashboard',
    tid: context.user.tenantId,
    userObjectId: context.user.userId,
    userPrincipalName: context.user.email,
    loginHint: context.user.email,
    teamId: context.teamId,
    groupId: context.teamId,
    channelId: context.channelId,
    meetingId: context.meetingId,
  };
}

/**
 * The host's script. Requests carry a numeric `id` and a `uuidAsString`; teams-js matches answers on
 * them. Only what the tab uses is answered; other requests (e.g. handler registrations) expect none.
 */
function hostPage(tabUrl: string, tabOrigin: string, context: Record<string, unknown>): string {
  const runtime = {
    apiVersion: 4,
    supports: { appEntity: {}, pages: { config: {}, backStack: {} }, teamsCore: {} },
  };
  const script = `
    const CONTEXT = ${JSON.stringify(context)};
    const RUNTIME = ${JSON.stringify(JSON.stringify(runtime))};
    const TAB_ORIGIN = ${JSON.stringify(tabOrigin)};
    window.qcdcCalls = [];
    window.qcdcLinks = [];
    const frame = () => document.getElementById('tab').contentWindow;
    window.qcdcSendTheme = (theme) => {
      CONTEXT.theme = theme;
      frame().postMessage({ func: 'themeChange', args: [theme] }, TAB_ORIGIN);
    };
    async function answer(message) {
      switch (message.func) {
        case 'initialize':
          return [CONTEXT.frameContext, CONTEXT.hostClientType, RUNTIME, '2.58.0'];
        case 'getContext':
          return [CONTEXT];
        case 'authentication.getAuthToken':
          try {
            return [true, await window.qcdcTeamsHostToken()];
          } catch (error) {
            return [false, String(error)];
          }
        case 'executeDeepLink':
          window.qcdcLinks.push(message.args[0]);
          return [true];
        default:
          return undefined;
      }
    }
    window.addEventListener('message', async (event) => {
      if (event.source !== frame() || event.origin !== TAB_ORIGIN) return;
      const message = event.data;
      if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
      window.qcdcCalls.push(message.func);
      const args = await answer(message);
      if (args === undefined) return;
      event.source.postMessage(
        { id: message.id, uuidAsString: message.uuidAsString, args },
        event.origin,
      );
    });
  `;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams (test host)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style>
</head><body><script>${script}</script>
<iframe id="tab" title="QCDC" src="${tabUrl.replace(/"/g, '&quot;')}"></iframe>
</body></html>`;
}
