import { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { startDevHost } from '../../functions/src/dev/host';
import { DEMO_BODY, DEMO_MEMBERS, demoMeetingInput } from '../../functions/src/dev/demo-data';
import { report, timeBurst, timeSequential } from '../support/timing';

/**
 * Benchmarks, each printed as a ratio against a baseline measured in the same run on the same Azurite:
 * - create a meeting through the API (HTTP, token validation, zod, permission check, member lookup,
 *   atomic batch of meeting + audit event) vs a raw Azurite upsert of a row of the same size;
 * - list a body's meetings through the API vs a raw query of the same partition;
 * - a burst of concurrent creates vs the same number of concurrent raw upserts.
 * Not a test: numbers vary by machine; correctness under bursts is asserted in functions/test.
 */
export async function runApiBench(): Promise<void> {
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
  const BURST = Number(process.env.BENCH_BURST ?? 100);

  const host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    seedDemoData: true,
    quiet: true,
    tabsDir: '/nonexistent',
  });

  try {
    const raw = TableClient.fromConnectionString(host.storageConnection, 'benchraw', {
      allowInsecureConnection: true,
    });
    await raw.createTable();
    const token = await host.devIssuer.issueToken(DEMO_MEMBERS.secretary);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const meetingsUrl = `${host.baseUrl}/api/bodies/${DEMO_BODY.id}/meetings`;
    const body = JSON.stringify(demoMeetingInput(new Date()));
    const rawRow = () => ({
      partitionKey: 'bench',
      rowKey: randomUUID(),
      payload: body,
      title: 'x'.repeat(80),
    });
    const apiCreate = async () => {
      const response = await fetch(meetingsUrl, { method: 'POST', headers, body });
      if (response.status !== 201) throw new Error(`create answered ${response.status}`);
      await response.arrayBuffer();
    };

    // Warm up both paths (JIT, JWKS fetch, connection pools).
    for (let i = 0; i < 10; i++) {
      await raw.upsertEntity(rawRow());
      await apiCreate();
    }

    const rawUpsert = await timeSequential(ROUNDS, () => raw.upsertEntity(rawRow()));
    const apiCreateMs = await timeSequential(ROUNDS, apiCreate);
    report('create meeting (API) vs raw upsert', apiCreateMs, rawUpsert);

    const rawList = await timeSequential(50, async () => {
      let n = 0;
      for await (const _ of raw.listEntities({
        queryOptions: { filter: "PartitionKey eq 'bench'" },
      }))
        n++;
      return n;
    });
    const apiList = await timeSequential(50, async () => {
      const response = await fetch(meetingsUrl, { headers });
      await response.json();
    });
    report(`list ~${ROUNDS} meetings (API) vs raw partition query`, apiList, rawList);

    const rawBurst = await timeBurst(BURST, () => raw.upsertEntity(rawRow()));
    const apiBurst = await timeBurst(BURST, apiCreate);
    report(`burst of ${BURST} concurrent creates vs raw upserts`, apiBurst, rawBurst);
  } finally {
    await host.stop();
  }
}
