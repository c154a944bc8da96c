import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DirectoryUser } from '../../functions/src/auth/dev-issuer';

export interface HostProcess {
  baseUrl: string;
  /** A token from the host's dev issuer, over HTTP as the tab's dev sign-in gets one. */
  tokenFor(user: Pick<DirectoryUser, 'tenantId' | 'userId'>): Promise<string>;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./host-process.ts', import.meta.url));

/** Starts bench/support/host-process.ts (through tsx, with the `source` condition) and waits for it. */
export async function spawnHost(tabsDir: string): Promise<HostProcess> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsx, '--conditions=source', SCRIPT, tabsDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve((JSON.parse(line) as { baseUrl: string }).baseUrl));
    child.once('exit', (code) => reject(new Error(`the host process exited (${code})`)));
  });
  return {
    baseUrl,
    tokenFor: async (user) => {
      const response = await fetch(`${baseUrl}/dev-issuer/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: user.tenantId, userId: user.userId }),
      });
      if (!response.ok) throw new Error(`dev issuer answered ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
