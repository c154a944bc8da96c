import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createRoutes, type HttpRoute } from '../app';
import { DevIssuer } from '../auth/dev-issuer';
import { loadConfig } from '../config';
import { createServices } from '../create-services';
import { consoleLogger } from '../logger';
import { ensureTables } from '../store/table-client-factory';
import { startAzurite } from './azurite';
import { DEMO_DIRECTORY } from './demo-data';
import { devIssuerRoutes } from './dev-issuer-routes';
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
}

export interface DevHost {
  baseUrl: string;
  storageConnection: string;
  devIssuer: DevIssuer;
  seeded: boolean;
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
  try {
    const port = await listen(server, options.port);
    const baseUrl = `http://localhost:${port}`;
    const audience = options.audience ?? 'qcdc-local-api';
    const config = loadConfig({
      QCDC_STORAGE_CONNECTION: azurite.connectionString,
      QCDC_AUTH_MODE: 'dev',
      QCDC_DEV_AUTH: 'enabled',
      QCDC_DEV_ISSUER_URL: baseUrl,
      QCDC_API_AUDIENCE: audience,
      QCDC_ALLOWED_TENANTS: '*',
    });
    const devIssuer = await DevIssuer.create(baseUrl, audience, DEMO_DIRECTORY);
    const services = createServices(config, log, devIssuer);
    await ensureTables(services.tables);
    routes.api.push(...createRoutes(services));
    routes.root.push(...devIssuerRoutes(devIssuer));
    const { seeded } = options.seedDemoData
      ? await seedDemoData(services.deps, services.bodies)
      : { seeded: false };
    const timers = startTimers(services, log);
    return {
      baseUrl,
      storageConnection: azurite.connectionString,
      devIssuer,
      seeded,
      stop: async () => {
        timers.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await azurite.stop();
      },
    };
  } catch (error) {
    server.close();
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
