import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './free-port';

/** Azurite's documented development account (public, well-known; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Folder for the table data; omitted keeps everything in memory. */
  location?: string | undefined;
  port?: number | undefined;
  /**
   * Serve HTTPS and accept Entra bearer tokens (Azurite's "basic" OAuth), as Azure Storage does for
   * managed identities. Azurite allows OAuth only over HTTPS, hence the certificate files.
   */
  oauth?: { certPath: string; keyPath: string } | undefined;
}

export interface RunningAzurite {
  connectionString: string;
  /** The table endpoint, e.g. https://127.0.0.1:PORT/devstoreaccount1 with OAuth. */
  tableEndpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Runs Azurite's Table service as a child process (its server classes are internal; the CLI is the
 * stable surface), with telemetry off, and resolves once it accepts connections.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const port = options.port ?? (await freePort());
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('azurite/package.json'));
  const entry = join(packageDir, 'dist', 'src', 'table', 'main.js');
  const args = [
    entry,
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
  ];
  if (options.oauth) {
    args.push('--oauth', 'basic', '--cert', options.oauth.certPath, '--key', options.oauth.keyPath);
  }
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitUntilListening(child);
  const scheme = options.oauth ? 'https' : 'http';
  const tableEndpoint = `${scheme}://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  return {
    port,
    tableEndpoint,
    connectionString:
      `DefaultEndpointsProtocol=${scheme};AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=${tableEndpoint};`,
    stop: () => stopChild(child),
  };
}

function waitUntilListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Azurite did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/successfully (started|listening)/i.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}:\n${output}`));
    });
  });
}

/**
 * Azurite closes gracefully on SIGINT, flushing its on-disk database (SIGTERM would lose the last few
 * seconds of writes); it is killed only if it has not exited 10 s later.
 */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    killer.unref();
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      // Closed means flushed; some versions keep the process alive after that.
      if (/successfully closed/i.test(chunk.toString())) child.kill('SIGTERM');
    });
    child.kill('SIGINT');
  });
}
