import { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { startDevHost } from '../../functions/src/dev/host';
import { DEMO_BODY, DEMO_MEMBERS, demoMeetingInput } from '../../functions/src/dev/demo-data';
import { createBody } from '../../functions/src/dev/seed-demo-data';
import { TableBodyRepository } from '../../functions/src/store/body-store';
import { connectionStringTables } from '../../functions/src/store/table-client-factory';
import { report, timeBurst, timeSequential } from '../support/timing';

/**
 * Benchmarks, each printed as a ratio against a baseline measured in the same run on the same Azurite:
 * - create a meeting through the API (HTTP, token validation, zod, permission check, member lookup,
 *   atomic batch of meeting + audit event) vs a raw Azurite upsert of a row of the same size;
 * - the same in a body of 40 members: each summoned member's reminder is a due-index row written
 *   before the meeting and confirmed after it, so this shows what the reminders add per member;
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

    // The demo body's people plus 34 more members: 40, all summoned but the observer.
    const large = { ...DEMO_BODY, id: 'bcd-bench-40', name: 'Ban Chỉ đạo (40 thành viên)' };
    await createBody(
      new TableBodyRepository(connectionStringTables(host.storageConnection)),
      large,
      [
        ...Object.values(DEMO_MEMBERS),
        ...Array.from({ length: 40 - Object.keys(DEMO_MEMBERS).length }, (_, i) => ({
          tenantId: DEMO_BODY.tenantId,
          userId: randomUUID(),
          displayName: `Ủy viên ${i + 1}`,
          title: 'Ủy viên',
          roles: ['member' as const],
        })),
      ],
      new Date(),
    );
    const largeCreate = async () => {
      const response = await fetch(`${host.baseUrl}/api/bodies/${large.id}/meetings`, {
        method: 'POST',
        headers,
        body,
      });
      if (response.status !== 201) throw new Error(`create answered ${response.status}`);
      await response.arrayBuffer();
    };
    for (let i = 0; i < 5; i++) await largeCreate();
    const largeRounds = Math.max(1, Math.round(ROUNDS / 4));
    const rawUpsertAgain = await timeSequential(largeRounds, () => raw.upsertEntity(rawRow()));
    const largeCreateMs = await timeSequential(largeRounds, largeCreate);
    report('create meeting, 40 members (API) vs raw upsert', largeCreateMs, rawUpsertAgain);

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
