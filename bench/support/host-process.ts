import { startDevHost } from '../../functions/src/dev/host';

/**
 * The dev host in a process of its own, as `npm start` runs it: started by a benchmark that drives a
 * browser, so the measuring side (Playwright's protocol traffic, the seeding client) does not share
 * the server's event loop. Serves the tab files in argv[2] with in-memory storage and the demo data;
 * prints `{"baseUrl": …}` on one line once listening, and stops on SIGTERM.
 */
const tabsDir = process.argv[2];
if (!tabsDir) throw new Error('usage: host-process.ts <tabsDir>');
const host = await startDevHost({
  port: 0,
  storage: { kind: 'memory' },
  tabsDir,
  seedDemoData: true,
  quiet: true,
});
process.stdout.write(`${JSON.stringify({ baseUrl: host.baseUrl })}\n`);
process.on('SIGTERM', () => {
  void host.stop().finally(() => process.exit(0));
});
