import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Clock } from '@qcdc/core';
import { createRoutes, type HttpRoute } from '../app';
import { DevIssuer } from '../auth/dev-issuer';
import { loadConfig } from '../config';
import { createServices } from '../create-services';
import { consoleLogger } from '../logger';
import { ensureTables } from '../store/table-client-factory';
import { startAzurite } from './azurite';
import { DEMO_DIRECTORY } from './demo-data';
import { devIssuerRoutes } from './dev-issuer-routes';
import { seedGraphStandIn } from './graph-stand-in/demo-graph-data';
import type { GraphStandIn } from './graph-stand-in/graph-stand-in';
import { startHostGraph, type HostGraphOption } from './graph-stand-in/host-graph';
import { createNodeHttpServer } from './node-http-server';
import { seedDemoData } from './seed-demo-data';
import { startTimers } from './timers';

export const DEFAULT_TABS_DIR = fileURLToPath(new URL('../../../tabs/dist', import.meta.url));

export interface DevHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** `external` uses an Azurite (or storage account) someone else runs, e.g. the test run's. */
  storage:
    | { kind: 'memory' }
    | { kind: 'disk'; location: string }
    | { kind: 'external'; connectionString: string };
  tabsDir?: string;
  seedDemoData: boolean;
  quiet?: boolean;
  /** The API audience the dev issuer signs for; defaults to the local API id. */
  audience?: string;
  /** Microsoft Graph: the host's own seeded stand-in (default), a test's stand-in, or none. */
  graph?: HostGraphOption;
  /**
   * Tests only. `manual`: the timer jobs do not run on their schedules, only through
   * `DevHost.runTimerJob`. `clock`: what time the jobs (reminder sweep, outbox dispatch) read, while
   * the API and the bot keep the real time; so a test creates work now and runs the jobs at the
   * moment its reminder falls due (outside quiet hours) instead of waiting for it.
   */
  timers?: { mode: 'manual'; clock?: Clock };
}

export interface DevHost {
  baseUrl: string;
  storageConnection: string;
  devIssuer: DevIssuer;
  seeded: boolean;
  /** The Graph/Entra stand-in the app talks to (functions/src/dev/graph-stand-in). */
  graphStandIn?: GraphStandIn | undefined;
  /** Runs a timer job (`reminderSweep`, `outboxDispatch`) now; rejects if it throws. */
  runTimerJob(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole suite on one machine: Azurite, the Functions route table on a Node HTTP server, the dev
 * issuer, the built tabs and the timer jobs. `npm start` and the e2e tests both run it.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const log = consoleLogger(options.quiet ?? false);
  const storage = options.storage;
  const azurite =
    storage.kind === 'external'
      ? { connectionString: storage.connectionString, stop: async () => {} }
      : await startAzurite({ location: storage.kind === 'disk' ? storage.location : undefined });
  const routes: { api: HttpRoute[]; root: HttpRoute[] } = { api: [], root: [] };
  const server = createNodeHttpServer({
    apiRoutes: routes.api,
    rootRoutes: routes.root,
    tabsDir: options.tabsDir ?? DEFAULT_TABS_DIR,
    log,
  });
  let graph: Awaited<ReturnType<typeof startHostGraph>> | undefined;
  try {
    const port = await listen(server, options.port);
    const baseUrl = `http://localhost:${port}`;
    const audience = options.audience ?? 'qcdc-local-api';
    graph = await startHostGraph(options.graph, audience);
    const config = loadConfig({
      QCDC_STORAGE_CONNECTION: azurite.connectionString,
      QCDC_AUTH_MODE: 'dev',
      QCDC_DEV_AUTH: 'enabled',
      QCDC_DEV_ISSUER_URL: baseUrl,
      QCDC_API_AUDIENCE: audience,
      QCDC_ALLOWED_TENANTS: '*',
      QCDC_BOT_AUTH: 'anonymous-local', // the Agents Playground and tests post unsigned activities
      QCDC_BOT_OPEN_APP_URL: `${baseUrl}/my-tasks`,
      ...graph.env,
    });
    const devIssuer = await DevIssuer.create(baseUrl, audience, DEMO_DIRECTORY);
    const services = createServices(config, log, devIssuer);
    const jobsClock = options.timers?.clock;
    if (jobsClock && services.reminders) {
      // Only the jobs' view of time moves; the due index keeps being planned from the real time.
      services.reminders = { ...services.reminders, clock: jobsClock };
    }
    await ensureTables(services.tables);
    routes.api.push(...createRoutes(services));
    routes.root.push(...devIssuerRoutes(devIssuer));
    const { seeded } = options.seedDemoData
      ? await seedDemoData(services.deps, services.bodies)
      : { seeded: false };
    if (options.seedDemoData && graph.owned && graph.standIn && services.graph) {
      await seedGraphStandIn(graph.standIn, services.deps, services.graph.teamsMeetings);
    }
    const timers = startTimers(services, log, { scheduled: options.timers?.mode !== 'manual' });
    return {
      baseUrl,
      storageConnection: azurite.connectionString,
      devIssuer,
      seeded,
      graphStandIn: graph.standIn,
      runTimerJob: (name) => timers.run(name),
      stop: async () => {
        timers.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await graph?.stop();
        await azurite.stop();
      },
    };
  } catch (error) {
    server.close();
    await graph?.stop();
    await azurite.stop();
    throw error;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
