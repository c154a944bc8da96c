import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEFAULT_PATH = '/usr/bin/chromium';

/**
 * The system Chromium (playwright-core downloads no browser, and this machine cannot fetch one).
 * The flags keep it quiet and offline: no sandbox as root in containers, no GPU, no QUIC, no
 * background updates or sync.
 */
export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? DEFAULT_PATH;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (Debian: \`apt-get install chromium\`, as root) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
