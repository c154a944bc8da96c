import { odata, TableClient } from '@azure/data-tables';
import type { Body, Member } from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { DirectoryUser } from '../../functions/src/auth/dev-issuer';
import { startDevHost } from '../../functions/src/dev/host';
import { createBody } from '../../functions/src/dev/seed-demo-data';
import { TableBodyRepository } from '../../functions/src/store/body-store';
import { connectionStringTables } from '../../functions/src/store/table-client-factory';
import { TABLES } from '../../functions/src/store/table-names';
import { addMembersForTesting } from '../../functions/src/store/vote-seed';
import { percentile } from '../support/timing';

/**
 * Votes under a burst: VOTERS eligible members (present at a running meeting) cast through the real
 * HTTP route with real dev-issuer tokens, all within one burst, with a share of them submitting
 * twice (a double click or a client retry, sent at the same moment as the original). The baseline is
 * a plain single-entity upsert to the same Azurite, at the same concurrency, in the same run.
 *
 * Prints, last: `votes voters=… recorded=… lost=… duplicates=… p99_ms=… raw_p99_ms=… ratio=…`
 * - recorded: voters whose receipt (roster row) says voted, read straight from the table;
 * - lost: voters - recorded (every voter submitted);
 * - duplicates: stored ballots and cast audit events beyond one per voter;
 * - p99_ms: per request, duplicates included; raw_p99_ms over the baseline run just before and just
 *   after the burst (the machine's load drifts).
 * Environment: BENCH_VOTERS (1000), BENCH_DUPLICATES (0.2), BENCH_CONCURRENCY (100),
 * BENCH_METHOD (secret | open; default secret).
 */
export async function runVotesBench(): Promise<void> {
  const VOTERS = Number(process.env.BENCH_VOTERS ?? 1000);
  const DUPLICATE_SHARE = Number(process.env.BENCH_DUPLICATES ?? 0.2);
  const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
  const METHOD = process.env.BENCH_METHOD === 'open' ? 'open' : 'secret';

  const host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    seedDemoData: false,
    quiet: true,
    tabsDir: '/nonexistent',
  });
  try {
    const tables = connectionStringTables(host.storageConnection);

    // Setup: a staff conference body with VOTERS members, through the store.
    const tenantId = randomUUID();
    const body: Body = {
      tenantId,
      unitId: 'bench-unit',
      unitName: 'UBND xã Đo Tải',
      id: `hn-${randomUUID().slice(0, 8)}`,
      kind: 'staffConference',
      name: 'Hội nghị cán bộ, công chức (đo tải)',
    };
    const person = (displayName: string, roles: Member['roles']) => ({
      tenantId,
      userId: randomUUID(),
      displayName,
      title: 'Công chức',
      email: `${randomUUID().slice(0, 8)}@example.gov.vn`,
      roles,
    });
    const head = person('Chủ tịch', ['head']);
    const secretary = person('Thư ký', ['secretary']);
    const voters = Array.from({ length: VOTERS }, (_, i) => person(`Cán bộ ${i + 1}`, ['member']));
    await createBody(new TableBodyRepository(tables), body, [head, secretary], new Date());
    await addMembersForTesting(
      tables,
      body,
      voters.map((v) => ({ ...v, bodyId: body.id })),
    );

    const call = async (user: DirectoryUser, path: string, method = 'GET', payload?: unknown) => {
      const response = await fetch(`${host.baseUrl}/api/bodies/${body.id}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await host.devIssuer.issueToken(user)}`,
          'content-type': 'application/json',
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const json = (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bench only
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };

    // A running meeting with everyone marked present (90 marks per request, the API's limit).
    const { meeting } = await call(secretary, '/meetings', 'POST', {
      kind: 'staffConference',
      title: 'Hội nghị cán bộ, công chức năm 2026',
      startsAt: '2026-12-15T08:00:00+07:00',
      location: 'Hội trường',
      chairId: head.userId,
      secretaryId: secretary.userId,
    });
    await call(head, `/meetings/${meeting.id}/transitions`, 'POST', {
      transition: 'start',
      version: meeting.version,
    });
    const everyone = [head, secretary, ...voters];
    for (let i = 0; i < everyone.length; i += 90) {
      await call(secretary, `/meetings/${meeting.id}/attendance`, 'PUT', {
        marks: everyone.slice(i, i + 90).map((p) => ({ userId: p.userId, status: 'present' })),
      });
    }
    const openVote = async (question: string) => {
      const { motion } = await call(secretary, `/meetings/${meeting.id}/motions`, 'POST', {
        question,
        method: METHOD,
      });
      await call(head, `/meetings/${meeting.id}/motions/${motion.id}/open`, 'POST');
      return `${host.baseUrl}/api/bodies/${body.id}/meetings/${meeting.id}/motions/${motion.id}`;
    };

    // Real tokens, signed before the burst (a client holds its token already).
    const tokens = await Promise.all(voters.map((v) => host.devIssuer.issueToken(v)));
    const choiceOf = (i: number) => (i % 4 === 0 ? 'against' : 'for');
    // A plain keep-alive HTTP client: the client's own cost should not weigh on the server's.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const castRequest = (url: string, i: number, submissionId: string) => () =>
      post(
        agent,
        `${url}/ballots`,
        tokens[i]!,
        JSON.stringify({ submissionId, choice: choiceOf(i) }),
      );

    // Warm up both paths (JIT, JWKS, connection pools) on a separate vote and table.
    const raw = TableClient.fromConnectionString(host.storageConnection, 'benchraw', {
      allowInsecureConnection: true,
    });
    await raw.createTable();
    const rawRow = (i: number) => ({
      partitionKey: `bench~${i % 50}`,
      rowKey: randomUUID(),
      userId: randomUUID(),
      state: 'voted',
      castAt: new Date().toISOString(),
      payload: 'x'.repeat(200),
    });
    const warmUrl = await openVote('Khởi động');
    await runPool(
      Array.from({ length: 200 }, (_, i) => castRequest(warmUrl, i, randomUUID())),
      CONCURRENCY,
    );
    await runPool(
      Array.from({ length: 200 }, (_, i) => () => raw.upsertEntity(rawRow(i), 'Replace')),
      CONCURRENCY,
    );

    // The burst: every voter once, DUPLICATE_SHARE of them twice at the same moment.
    const url = await openVote('Thông qua Nghị quyết Hội nghị');
    const submissions = voters.map(() => randomUUID());
    const work: (() => Promise<number>)[] = [];
    for (const i of shuffled(voters.map((_, index) => index))) {
      work.push(castRequest(url, i, submissions[i]!));
      if (i < VOTERS * DUPLICATE_SHARE) work.push(castRequest(url, i, submissions[i]!));
    }
    const rawWork = work.map((_, i) => () => raw.upsertEntity(rawRow(i), 'Replace'));
    // The baseline runs right before and right after the burst (the machine's load drifts).
    const rawBefore = await runPool(rawWork, CONCURRENCY);
    const apiRun = await runPool(work, CONCURRENCY);
    const rawAfter = await runPool(rawWork, CONCURRENCY);
    const rawRun = { latencies: [...rawBefore.latencies, ...rawAfter.latencies] };
    const failures = apiRun.results.filter((status) => status !== 200).length;

    // What storage holds, read straight from the table.
    const votes = TableClient.fromConnectionString(host.storageConnection, TABLES.votes, {
      allowInsecureConnection: true,
    });
    const motionId = url.split('/').pop()!;
    const motionRow = await votes.getEntity<Record<string, unknown>>(
      `${tenantId}~${body.id}`,
      `motion~${meeting.id}~${motionId}`,
    );
    const electorateId = (JSON.parse(String(motionRow.electorate)) as { id: string }).id;
    const voterPartition = `${tenantId}~${body.id}~${motionId}~${electorateId}`;
    let recorded = 0;
    let castEvents = 0;
    for await (const row of votes.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${voterPartition}` },
    })) {
      const key = String(row.rowKey);
      if (key.startsWith('voter~') && row.state === 'voted') recorded += 1;
      if (key.startsWith('voter~')) {
        castEvents += Object.keys(row).filter((column) => /^ev\d{6}$/.test(column)).length;
      }
    }
    let ballots = recorded;
    if (METHOD === 'secret') {
      ballots = 0;
      for await (const row of votes.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${`${voterPartition}~box`}` },
      })) {
        if (String(row.rowKey).startsWith('ballot~')) ballots += 1;
      }
    }
    const duplicates = Math.max(0, ballots - recorded) + Math.max(0, castEvents - recorded);
    const lost = VOTERS - recorded;

    // Close: the announced tally must equal what was sent.
    const closeStarted = performance.now();
    const { motion } = await call(
      head,
      `/meetings/${meeting.id}/motions/${motionId}/close`,
      'POST',
    );
    const closeMs = performance.now() - closeStarted;
    const against = voters.filter((_, i) => choiceOf(i) === 'against').length;
    const tallyOk =
      motion.result.tally.counts.for === VOTERS - against &&
      motion.result.tally.counts.against === against;
    const { verification } = await call(head, `/meetings/${meeting.id}/motions/${motionId}/verify`);

    const p99 = percentile(apiRun.latencies, 99);
    const rawP99 = percentile(rawRun.latencies, 99);
    const ms = (value: number) => value.toFixed(1);
    console.log(
      `method=${METHOD} requests=${work.length} (duplicate submits ${work.length - VOTERS}) ` +
        `concurrency=${CONCURRENCY} burst_ms=${apiRun.elapsed.toFixed(0)} ` +
        `within_10s=${apiRun.elapsed <= 10_000} non200=${failures} ballots=${ballots} ` +
        `cast_events=${castEvents}`,
    );
    console.log(
      `p50_ms=${ms(percentile(apiRun.latencies, 50))} raw_p50_ms=${ms(percentile(rawRun.latencies, 50))} ` +
        `raw_p99_before_ms=${ms(percentile(rawBefore.latencies, 99))} ` +
        `raw_p99_after_ms=${ms(percentile(rawAfter.latencies, 99))}`,
    );
    console.log(
      `close_ms=${closeMs.toFixed(0)} tally_matches=${tallyOk} verified=${verification.verified}`,
    );
    console.log(
      `votes voters=${VOTERS} recorded=${recorded} lost=${lost} duplicates=${duplicates} ` +
        `p99_ms=${p99.toFixed(1)} raw_p99_ms=${rawP99.toFixed(1)} ratio=${(p99 / rawP99).toFixed(2)}`,
    );
  } finally {
    await host.stop();
  }
}

function post(agent: Agent, url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

/** Runs the work with at most `concurrency` in flight; per-item latency in ms. */
async function runPool<T>(
  work: readonly (() => Promise<T>)[],
  concurrency: number,
): Promise<{ results: T[]; latencies: number[]; elapsed: number }> {
  const results: T[] = new Array<T>(work.length);
  const latencies: number[] = new Array<number>(work.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, work.length) }, async () => {
      while (next < work.length) {
        const index = next++;
        const begun = performance.now();
        results[index] = await work[index]!();
        latencies[index] = performance.now() - begun;
      }
    }),
  );
  return { results, latencies, elapsed: performance.now() - started };
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
