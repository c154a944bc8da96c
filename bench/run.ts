import { runApiBench } from './suites/api';
import { runFanoutBench } from './suites/fanout';
import { runRemindersBench } from './suites/reminders';
import { runReportsBench } from './suites/reports';
import { runTabsBench } from './suites/tabs';
import { runVotesBench } from './suites/votes';

/**
 * `npm run bench` runs every suite; `npm run bench -- NAME` runs one. Each suite measures its baseline
 * in the same run and prints ratios. Benchmarks are not tests: correctness lives in the test suite.
 */
const SUITES: Record<string, () => Promise<void>> = {
  api: runApiBench,
  votes: runVotesBench,
  reminders: runRemindersBench,
  fanout: runFanoutBench,
  tabs: runTabsBench,
  reports: runReportsBench,
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(
    `Unknown bench suite(s): ${unknown.join(', ')}. Known: ${Object.keys(SUITES).join(', ')}`,
  );
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(SUITES)) {
  console.log(`\n# ${name}`);
  await SUITES[name]!();
}
