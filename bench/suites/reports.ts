import { odata, TableClient } from '@azure/data-tables';
import { DEMO_BODY, DEMO_MEMBERS } from '../../functions/src/dev/demo-data';
import { startDevHost } from '../../functions/src/dev/host';
import { keys, rowKeyRange } from '../../functions/src/store/keys';
import { TABLES } from '../../functions/src/store/table-names';
import { seedYear } from '../support/seed-year';

const MEETINGS = Number(process.env['BENCH_MEETINGS'] ?? 50);
const ASSIGNMENTS = Number(process.env['BENCH_ASSIGNMENTS'] ?? 2_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

/**
 * A year's review of one body with about 50 meetings and 2,000 assignments, generated through the
 * real route (`GET …/reports/review?preset=year`, token validated, every store read, the figures
 * computed in core) against Azurite, compared with reading the same entities straight from their
 * partitions (meetings, assignments, members) with a plain TableClient at the same time. Both are
 * medians of several runs after one warm-up. Data is seeded through the API, as a head would.
 * Last line: `reports assignments=N ms=N raw_read_ms=N`; the target is under 3 s and within 4x.
 */
export async function runReportsBench(): Promise<void> {
  const host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    tabsDir: '/nonexistent',
    seedDemoData: true,
    quiet: true,
  });
  try {
    const token = await host.devIssuer.issueToken(DEMO_MEMBERS.head);
    const seeded = performance.now();
    await seedYear(host.baseUrl, token, { meetings: MEETINGS, assignments: ASSIGNMENTS });
    console.log(
      `seeded ${MEETINGS} meetings and ${ASSIGNMENTS} assignments through the API in ` +
        `${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );

    const year = new Date().getUTCFullYear();
    const url = `${host.baseUrl}/api/bodies/${DEMO_BODY.id}/reports/review?preset=year&year=${year}`;
    let assignmentsSeen = 0;
    const generate = async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) {
        throw new Error(`review answered ${response.status}: ${await response.text()}`);
      }
      const { review } = (await response.json()) as {
        review: { figures: { assignments: { total: { count: number } } } };
      };
      assignmentsSeen = review.figures.assignments.total.count;
    };

    const client = (table: string) =>
      TableClient.fromConnectionString(host.storageConnection, table, {
        allowInsecureConnection: true,
      });
    const partition = keys.tenantBody(DEMO_BODY.tenantId, DEMO_BODY.id);
    const readRange = async (table: string, prefix: string | null) => {
      const range = prefix ? rowKeyRange(prefix) : null;
      const filter = range
        ? odata`PartitionKey eq ${partition} and RowKey ge ${range.from} and RowKey lt ${range.to}`
        : odata`PartitionKey eq ${partition}`;
      let count = 0;
      for await (const _ of client(table).listEntities({ queryOptions: { filter } })) count += 1;
      return count;
    };
    let rawEntities = 0;
    const rawRead = async () => {
      const counts = await Promise.all([
        readRange(TABLES.meetings, 'meeting'),
        readRange(TABLES.assignments, 'assignment'),
        readRange(TABLES.bodies, 'member'),
      ]);
      rawEntities = counts.reduce((a, b) => a + b, 0);
    };

    await generate();
    await rawRead();
    const reportTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternated, so both see the same machine load.
      reportTimes.push(await timed(generate));
      rawTimes.push(await timed(rawRead));
    }
    const ms = median(reportTimes);
    const rawMs = median(rawTimes);
    console.log(
      `review: ${assignmentsSeen} assignments counted in the year; raw read: ${rawEntities} entities; ` +
        `ratio ${(ms / rawMs).toFixed(2)}x (target: under 3000 ms and within 4x)`,
    );
    console.log(
      `reports assignments=${ASSIGNMENTS} ms=${Math.round(ms)} raw_read_ms=${Math.round(rawMs)}`,
    );
  } finally {
    await host.stop();
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
