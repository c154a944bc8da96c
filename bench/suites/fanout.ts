import {
  assignmentReminderSubject,
  defaultPlanContext,
  scheduledReminders,
  type Clock,
  type PlannedReminder,
} from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { startAzurite } from '../../functions/src/dev/azurite';
import { dispatchOnce, sweepOnce } from '../../functions/src/jobs/reminder-runtime';
import type { Logger } from '../../functions/src/logger';
import { TEAMS_PER_TENANT_LIMITS } from '../../functions/src/notify/teams-rate-limits';
import {
  connectionStringTables,
  ensureTables,
} from '../../functions/src/store/table-client-factory';
import { startBotConnectorStandIn } from '../../functions/test/support/bot-connector-stand-in';
import { runtimeOver, writeConversations, type SeededBody } from './reminders';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const MESSAGES = Number(process.env.BENCH_FANOUT ?? 2_000);

/**
 * Fan-out under Teams' rate limits: 2,000 reminders due at once to 2,000 people of one tenant, each in
 * their own 1:1 conversation, through the sweep, the outbox and the stand-in Bot Connector (which
 * enforces the published limits with 429). The tenant ceiling (30 messages/s) is the bottleneck:
 * rate_ratio = achieved messages per second / 30. Nothing may be lost or delivered twice.
 */
export async function runFanoutBench(): Promise<void> {
  const azurite = await startAzurite();
  const connector = await startBotConnectorStandIn();
  try {
    const tables = connectionStringTables(azurite.connectionString);
    await ensureTables(tables);
    const start = new Date('2027-03-16T01:05:00.000Z'); // Tuesday 08:05 in Vietnam
    const t0 = performance.now();
    // A clock that runs (leases and retries need time to pass), starting at 08:05.
    const clock: Clock = { now: () => new Date(start.getTime() + (performance.now() - t0)) };
    const runtime = runtimeOver(tables, clock);
    const plan = defaultPlanContext();

    const tenantId = randomUUID();
    const body: SeededBody = {
      tenantId,
      bodyId: 'hoi-nghi-can-bo',
      headId: randomUUID(),
      members: Array.from({ length: MESSAGES }, () => randomUUID()),
    };
    const rows: { reminder: PlannedReminder; flags: { verify: boolean; markedAt: string } }[] = [];
    for (const [i, ownerId] of body.members.entries()) {
      const [due] = scheduledReminders(
        assignmentReminderSubject({
          tenantId,
          bodyId: body.bodyId,
          id: `01JFANOUT${String(i).padStart(17, '0')}`,
          title: 'Nộp báo cáo kiểm điểm cá nhân trước Hội nghị cán bộ, công chức',
          description: '',
          ownerId,
          coOwnerIds: [],
          source: { kind: 'direct' },
          deadline: '2027-03-16',
          originalDeadline: '2027-03-16',
          priority: 'normal',
          status: 'open',
          assignedBy: body.headId,
          progress: [],
          createdAt: '2027-03-01T02:00:00.000Z',
          updatedAt: '2027-03-01T02:00:00.000Z',
          version: 1,
          audit: { seq: 1, hash: '0'.repeat(64) },
        }),
        new Date('2027-03-15T05:00:00.000Z'),
        0,
        plan,
      );
      rows.push({ reminder: due!, flags: { verify: false, markedAt: '' } });
    }
    const seedStarted = performance.now();
    await runtime.index.writeMany(rows, 16);
    await writeConversations(tables, [body], connector.serviceUrl);
    const seedS = (performance.now() - seedStarted) / 1000;

    const sweepStarted = performance.now();
    const sweep = await sweepOnce(runtime, quiet);
    const sweepS = (performance.now() - sweepStarted) / 1000;
    const started = performance.now();
    let sent = 0;
    let runs = 0;
    for (; runs < 10; runs++) {
      const result = await dispatchOnce(runtime, quiet);
      sent += result.sent;
      if (result.attempts === 0 && result.parked === 0) break;
    }
    const elapsedS = (performance.now() - started) / 1000;

    const counts = connector.countsByKey();
    const delivered = rows.filter((row) => counts.has(row.reminder.key)).length;
    const limit = TEAMS_PER_TENANT_LIMITS[0]!.max;
    const rate = delivered / elapsedS;
    console.log(
      `fanout messages=${rows.length} delivered=${delivered} lost=${rows.length - delivered} ` +
        `duplicates=${connector.duplicates()} rate_ratio=${(rate / limit).toFixed(2)}`,
    );
    console.log(
      `  ${rate.toFixed(1)} messages/s against the tenant limit of ${limit}/s, ${elapsedS.toFixed(1)} s ` +
        `in ${runs} dispatcher runs; ${connector.throttled} answered 429; ${sent} recorded sent; ` +
        `sweep enqueued ${sweep.enqueued} in ${sweepS.toFixed(1)} s; seeding ${seedS.toFixed(1)} s`,
    );
  } finally {
    await connector.close();
    await azurite.stop();
  }
}
