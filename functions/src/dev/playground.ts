import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

/** The Microsoft 365 Agents Playground CLI (`@microsoft/m365agentsplayground`, a root devDependency). */
const CLI = fileURLToPath(new URL('../../../node_modules/.bin/agentsplayground', import.meta.url));

export interface PlaygroundUser {
  /** Entra object id: our bot resolves the caller by it (and the tenant). */
  aadObjectId: string;
  name: string;
  email: string;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://localhost:7071/api/messages. */
  endpoint: string;
  /** The tenant every activity carries (`conversation.tenantId`, `channelData.tenant.id`). */
  tenantId: string;
  /** Who types in the playground. */
  user: PlaygroundUser;
  /** Where its web UI listens; a free port when omitted. */
  port?: number;
}

export interface Playground {
  /** The web UI (and its connector at `/_connector`). */
  url: string;
  /** Everything the CLI printed, for failure messages. */
  output(): string;
  /** The CLI's log file (activities in and out), for failure messages. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The playground's config file: who the current user is and which tenant they are in. Its schema
 * (version 0.1.1) wants exactly five other users, a personal chat, a group chat and a team.
 */
export function playgroundConfig(options: Pick<PlaygroundOptions, 'tenantId' | 'user'>): string {
  const { tenantId, user } = options;
  const [givenName = user.name, ...rest] = user.name.split(' ').reverse();
  const others = [1, 2, 3, 4, 5]
    .map(
      (n) => `  - id: user-id-${n}
    name: Demo User ${n}
    userPrincipleName: demo${n}@example.gov.vn
    aadObjectId: 00000000-0000-4000-8000-00000000000${n}
    givenName: Demo
    surname: User ${n}
    email: demo${n}@example.gov.vn`,
    )
    .join('\n');
  return `version: "0.1.1"
tenantId: ${tenantId}
bot:
  id: 00000000-0000-4000-8000-0000000000b0
  name: QCDC
currentUser:
  id: user-id-0
  name: ${JSON.stringify(user.name)}
  userPrincipleName: ${user.email}
  aadObjectId: ${user.aadObjectId}
  givenName: ${JSON.stringify(givenName)}
  surname: ${JSON.stringify(rest.reverse().join(' ') || givenName)}
  email: ${user.email}
users:
${others}
personalChat:
  id: __PERSONAL_CHAT_ID__
groupChat:
  id: __GROUP_CHAT_ID__
  name: Group Chat
team:
  id: team-id
  name: QCDC
  aadGroupId: 00000000-0000-4000-8000-0000000000c1
  channels:
    - id: channel-announcements-id
      name: Announcements
`;
}

/**
 * Starts the playground CLI on a free port, pointed at `endpoint`, as `user` of `tenantId`, with no
 * browser of its own and no telemetry. Resolves once its web UI answers.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const dir = await mkdtemp(join(tmpdir(), 'qcdc-playground-'));
  const configPath = join(dir, '.m365agentsplayground.yml');
  const logPath = join(dir, 'playground.log');
  await writeFile(configPath, playgroundConfig(options), 'utf8');
  const port = options.port ?? (await freePort());
  const child = spawn(
    CLI,
    ['-e', options.endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: dir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stop() ends the CLI and anything it started
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://localhost:${port}`;
  const playground: Playground = {
    url,
    output: () => output,
    log: () => readFile(logPath, 'utf8').catch(() => ''),
    stop: async () => {
      await stopProcessGroup(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await playground.stop();
    throw error;
  }
  return playground;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The Agents Playground exited (${child.exitCode}):\n${output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The Agents Playground did not answer at ${url} within 60 s:\n${output()}`);
}

/** SIGTERM to the child's process group, SIGKILL if it lingers. Only the process we started. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signal('SIGKILL');
    await exited;
  }
}
