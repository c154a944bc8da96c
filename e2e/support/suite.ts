import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DirectoryUser } from '../../functions/src/auth/dev-issuer';
import { startDevHost } from '../../functions/src/dev/host';
import { launchChromium } from './chromium';

/** The built tab app; the root test script builds it before Vitest starts (`npm run build:tabs`). */
const TABS_DIR = fileURLToPath(new URL('../../tabs/dist', import.meta.url));

export interface Suite {
  baseUrl: string;
  browser: Browser;
  /**
   * A fresh browser profile (own sessionStorage) speaking `locale`, on the suite's origin; `viewport`
   * defaults to a desktop window (a Teams side panel is about 320 px wide).
   */
  newPage(options?: {
    locale?: string;
    viewport?: { width: number; height: number };
  }): Promise<Page>;
  /** A token signed by the suite's dev issuer that expired a few minutes ago. */
  expiredTokenFor(user: DirectoryUser): Promise<string>;
  /** A valid token from the suite's dev issuer, as Teams SSO would hand the tab (see teams-host-frame.ts). */
  tokenFor(user: DirectoryUser): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` runs, in-process for one test file: Azurite in memory on a free port, the
 * API, the dev issuer and the built tabs, with the demo commune seeded; plus a headless Chromium.
 */
export async function startSuite(): Promise<Suite> {
  if (!existsSync(`${TABS_DIR}/index.html`)) {
    throw new Error(
      `The tab app is not built (${TABS_DIR}/index.html is missing). Run \`npm run build:tabs\` first.`,
    );
  }
  const host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    tabsDir: TABS_DIR,
    seedDemoData: true,
    quiet: true,
  });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await host.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: host.baseUrl,
    browser,
    newPage: async ({ locale = 'vi-VN', viewport = { width: 1280, height: 900 } } = {}) => {
      const context = await browser.newContext({
        baseURL: host.baseUrl,
        locale,
        timezoneId: 'Europe/London', // not Vietnam: dates must still show in Vietnam time
        viewport,
      });
      contexts.push(context);
      return context.newPage();
    },
    expiredTokenFor: (user) => host.devIssuer.issueToken(user, { lifetimeInSeconds: -300 }),
    tokenFor: (user) => host.devIssuer.issueToken(user),
    stop: async () => {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close();
      await host.stop();
    },
  };
}
