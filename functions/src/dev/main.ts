import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_MEMBERS } from './demo-data';
import { DEMO_TEAM_ID } from './graph-stand-in/demo-graph-data';
import { startDevHost } from './host';
import { isPortFree } from './free-port';
import { startPlayground } from './playground';

/**
 * `npm start`: the whole suite locally. Data persists under .data/ unless --memory is given.
 */
const { values } = parseArgs({
  options: {
    memory: { type: 'boolean', default: false },
    /** The Agents Playground (a Teams-like chat with the bot) starts unless this is given. */
    'no-playground': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '7071' },
  },
});

const dataDir = fileURLToPath(new URL('../../../.data/azurite', import.meta.url));
const started = performance.now();
const host = await startDevHost({
  port: Number(values.port),
  storage: values.memory ? { kind: 'memory' } : { kind: 'disk', location: dataDir },
  seedDemoData: true,
  quiet: true,
});

// Chat with the bot with no Teams tenant: the playground's user is the demo commune's head.
const playground = values['no-playground']
  ? null
  : await startPlayground({
      endpoint: `${host.baseUrl}/api/messages`,
      // The playground's usual port when it is free, so the URL stays the same between runs.
      port: (await isPortFree(56150)) ? 56150 : undefined,
      tenantId: DEMO_MEMBERS.head.tenantId,
      user: {
        aadObjectId: DEMO_MEMBERS.head.userId,
        name: DEMO_MEMBERS.head.displayName,
        email: DEMO_MEMBERS.head.email,
      },
    }).catch((error: unknown) => {
      process.stderr.write(`Agents Playground did not start: ${String(error)}\n`);
      return null;
    });

const lines = [
  '',
  `QCDC for Microsoft Teams is running (${Math.round(performance.now() - started)} ms).`,
  '',
  `  Tabs (start here)   ${host.baseUrl}/`,
  `  Channel dashboard   ${host.baseUrl}/`,
  `  My tasks (personal) ${host.baseUrl}/my-tasks`,
  `  Tab configuration   ${host.baseUrl}/config`,
  `  API health          ${host.baseUrl}/api/health`,
  `  API                 ${host.baseUrl}/api/bodies  (Bearer token from the dev issuer)`,
  `  Dev issuer users    ${host.baseUrl}/dev-issuer/users`,
  `  Bot endpoint        ${host.baseUrl}/api/messages`,
  playground
    ? `  Agents Playground   ${playground.url}  (chat with the bot as ${DEMO_MEMBERS.head.displayName})`
    : '  Agents Playground   not started (--no-playground)',
  `  Graph stand-in      ${host.graphStandIn?.origin ?? 'off'}  (demo team ${DEMO_TEAM_ID}; docs/graph.md)`,
  '',
  `  Storage: Azurite ${values.memory ? 'in memory' : `in ${dataDir}`}; ` +
    `demo data ${host.seeded ? 'seeded now' : 'already present'}.`,
  `  Sign in as ${DEMO_MEMBERS.head.displayName} (head) or any demo user. Ctrl+C stops everything.`,
  '',
];
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await playground?.stop();
  await host.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
