import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DEMO_BODY, DEMO_MEMBERS } from '../../functions/src/dev/demo-data';
import { launchBenchChromium } from '../support/browser';
import { spawnHost } from '../support/spawn-host';
import { seedYear } from '../support/seed-year';
import { percentile } from '../support/timing';

/** Another build can be measured the same way (e.g. an older one, to compare). */
const TABS_DIST =
  process.env['BENCH_TABS_DIST'] ?? fileURLToPath(new URL('../../tabs/dist', import.meta.url));
const MEETINGS = Number(process.env['BENCH_MEETINGS'] ?? 50);
const ASSIGNMENTS = Number(process.env['BENCH_ASSIGNMENTS'] ?? 1_000);
// Enough runs that one slow or fast page load on a busy two-core machine does not move the medians.
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);

/**
 * The tab app's weight and speed, for one body with a year of data:
 * - js_gzip_kb: the JavaScript the HTML loads before any interaction (entry script and the chunks
 *   it preloads: the first paint's and the app's), gzipped with node:zlib; every route is served by
 *   the same index.html, so this is every page's initial JS (lazy chunks load later, not counted);
 * - dashboard_ms: median, over fresh browser profiles, from navigation to the dashboard showing the
 *   body's assignment table and meetings (the first paint, src/first-paint, shows them before the
 *   app has run: the dashboard is readable then, its links work as plain links);
 * - dashboard_app_ms (a line of its own): the same until the app has taken over and its controls
 *   (filters, "create meeting") are there;
 * - blank_page_ms: the same measure for a static blank page served by the same host (the floor).
 * Data is seeded through the real API (HTTP, token validation, the stores), as a head would. The
 * host runs in its own process, as `npm start` runs it: in this one, Playwright's protocol traffic
 * and the seeding client would share the server's event loop and slow both pages' answers.
 * Uses the existing `tabs/dist` (`npm run build:tabs`); builds nothing.
 */
export async function runTabsBench(): Promise<void> {
  if (!existsSync(join(TABS_DIST, 'index.html'))) {
    throw new Error(
      `tabs/dist/index.html is missing: run \`npm run build:tabs\` before \`npm run bench -- tabs\`.`,
    );
  }
  const jsGzipKb = initialJsGzipKb(TABS_DIST);
  console.log(`initial JS (entry + preloaded scripts), gzip: ${jsGzipKb.toFixed(1)} kB`);

  // A copy of the build with a blank page beside it, so both are served the same way.
  const served = mkdtempSync(join(tmpdir(), 'qcdc-bench-tabs-'));
  cpSync(TABS_DIST, served, { recursive: true });
  writeFileSync(
    join(served, 'blank.html'),
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>blank</title></head>' +
      '<body><p id="ready">Trang trống</p></body></html>',
  );
  const host = await spawnHost(served);
  let browser: Browser | null = null;
  try {
    const seeded = performance.now();
    await seedYear(host.baseUrl, await host.tokenFor(DEMO_MEMBERS.head), {
      meetings: MEETINGS,
      assignments: ASSIGNMENTS,
    });
    console.log(
      `seeded ${MEETINGS} meetings and ${ASSIGNMENTS} assignments through the API in ` +
        `${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    browser = await launchBenchChromium();
    const token = await host.tokenFor(DEMO_MEMBERS.head);
    const session = JSON.stringify({
      accessToken: token,
      expiresAtMs: Date.now() + 3_600_000,
      user: DEMO_MEMBERS.head,
    });
    /** ms to `ready`, and to `then` (after ready) when given. */
    const timeLoad = async (
      path: string,
      ready: (page: Page) => Promise<unknown>,
      then?: (page: Page) => Promise<unknown>,
    ) => {
      // A fresh profile each run: nothing cached, as on a first open in Teams.
      const context = await browser!.newContext({ baseURL: host.baseUrl, locale: 'vi-VN' });
      await context.addInitScript((value) => {
        sessionStorage.setItem('qcdc.devSession', value);
      }, session);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(path, { waitUntil: 'commit' });
      await ready(page);
      const elapsed = performance.now() - started;
      await then?.(page);
      const thenElapsed = performance.now() - started;
      await context.close();
      return { elapsed, thenElapsed };
    };
    // Each page's "ready" is checked in the page on every animation frame. Playwright's own locator
    // waits poll with a backoff (after 0, 20, 50, 100, 100 ms, then every 500 ms), which rounded a
    // page that was ready between two polls up to the next one, by up to half a second.
    const onEveryFrame = (page: Page, check: (arg: string) => boolean, arg: string) =>
      page.waitForFunction(check, arg, { polling: 'raf', timeout: 60_000 });
    // Data visibly rendered: the body's heading, an assignment row's link and the latest meeting's.
    const dashboardReady = (page: Page) =>
      onEveryFrame(
        page,
        // No named functions inside: the bench runs through a transform that would wrap them in a
        // helper the page does not have.
        (args) => {
          const { body, meeting } = JSON.parse(args) as { body: string; meeting: string };
          return [
            [...document.querySelectorAll('h1')].find((h) => h.textContent === body),
            document.querySelector('table a[href]'),
            [...document.querySelectorAll('a[href]')].find((a) => a.textContent?.endsWith(meeting)),
          ].every((element) => element?.checkVisibility() ?? false);
        },
        JSON.stringify({ body: DEMO_BODY.name, meeting: `phiên ${MEETINGS}` }),
      );
    // The app has taken over from the first paint: its own controls are there.
    const appReady = (page: Page) =>
      onEveryFrame(
        page,
        () =>
          document.getElementById('qcdc-first-paint') === null &&
          (document.querySelector('#root button')?.checkVisibility() ?? false),
        '',
      );
    const blankReady = (page: Page) =>
      onEveryFrame(page, () => document.getElementById('ready')?.checkVisibility() ?? false, '');

    // One warm-up of each (Chromium start, JIT, the API's first JWKS fetch).
    await timeLoad(`/?body=${DEMO_BODY.id}`, dashboardReady);
    await timeLoad('/blank.html', blankReady);
    const dashboard: number[] = [];
    const app: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await timeLoad(`/?body=${DEMO_BODY.id}`, dashboardReady, appReady);
      dashboard.push(run.elapsed);
      app.push(run.thenElapsed);
      blank.push((await timeLoad('/blank.html', blankReady)).elapsed);
    }
    const dashboardMs = percentile(dashboard, 50);
    const blankMs = percentile(blank, 50);
    const list = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(', ');
    console.log(
      `dashboard runs (ms): ${list(dashboard)}; app took over: ${list(app)}; blank: ${list(blank)}`,
    );
    console.log(
      `targets: js_gzip_kb ≤ 250 ${jsGzipKb <= 250 ? 'ok' : 'MISSED'}; dashboard_ms < 1500 ` +
        `${dashboardMs < 1500 ? 'ok' : 'MISSED'}; dashboard ≤ 3× blank ` +
        `${dashboardMs <= 3 * blankMs ? 'ok' : 'MISSED'}`,
    );
    console.log(`tabs dashboard_app_ms=${Math.round(percentile(app, 50))}`);
    console.log(
      `tabs js_gzip_kb=${Math.round(jsGzipKb)} dashboard_ms=${Math.round(dashboardMs)} ` +
        `blank_page_ms=${Math.round(blankMs)}`,
    );
  } finally {
    await browser?.close();
    await host.stop();
    rmSync(served, { recursive: true, force: true });
  }
}

/** The scripts index.html loads up front: module scripts and modulepreload links. */
export function initialJsGzipKb(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) {
    sources.add(match[1]!);
  }
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    sources.add(match[1]!);
  }
  for (const match of html.matchAll(
    /<link[^>]*rel="preload"[^>]*as="script"[^>]*href="([^"]+)"/g,
  )) {
    sources.add(match[1]!);
  }
  if (sources.size === 0) throw new Error('tabs/dist/index.html loads no module script');
  let bytes = 0;
  for (const source of sources) {
    bytes += gzipSync(readFileSync(join(dist, source.replace(/^\//, '')))).length;
  }
  return bytes / 1024;
}
