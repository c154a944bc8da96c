import type { TransactionAction } from '@azure/data-tables';
import {
  assignmentReminderSubject,
  defaultPlanContext,
  scheduledReminders,
  type Assignment,
  type Clock,
  type PlannedReminder,
} from '@qcdc/core';
import { randomUUID } from 'node:crypto';
import { startAzurite } from '../../functions/src/dev/azurite';
import {
  createReminderRuntime,
  dispatchOnce,
  sweepOnce,
  type ReminderRuntime,
} from '../../functions/src/jobs/reminder-runtime';
import type { Logger } from '../../functions/src/logger';
import { BotConnectorSender } from '../../functions/src/notify/bot-connector-sender';
import { noBotToken } from '../../functions/src/notify/bot-token-provider';
import { toAssignmentEntity } from '../../functions/src/store/assignment-entities';
import { conversationKeys } from '../../functions/src/store/conversation-store';
import { newTableStats, type TableStats } from '../../functions/src/store/counting-table-client';
import type { WriteFlags } from '../../functions/src/store/due-index-store';
import {
  connectionStringTables,
  ensureTables,
  type TableClientFactory,
} from '../../functions/src/store/table-client-factory';
import { TABLES } from '../../functions/src/store/table-names';
import { startBotConnectorStandIn } from '../../functions/test/support/bot-connector-stand-in';

/** Vietnam wall-clock → instant. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const TENANTS = 10;
const BODIES_PER_TENANT = 100;
const ASSIGNMENTS_PER_BODY = 100;
const MEMBERS_PER_BODY = 20;

/** The sweep runs Tuesday 16/3/2027 at 08:05; the index was written as of Monday noon. */
const NOW = vn('2027-03-16T08:05');
const PLANNED_AT = vn('2027-03-15T12:00');
/** Deadlines that put one reminder per assignment at 08:00 today (800), and overdue ones (100 × 2). */
const DUE_DEADLINES = ['2027-03-23', '2027-03-19', '2027-03-17', '2027-03-16'];
const OVERDUE_DEADLINE = '2027-03-15';

export interface SeededBody {
  tenantId: string;
  bodyId: string;
  headId: string;
  members: string[];
}

/**
 * Reminder sweep cost: 100,000 open assignments of which 1,000 reminders are due now. The sweep must
 * read only what is due (the due index's hour buckets, a RowKey range), not the assignments: the
 * ratio of entities read to due reminders should stay near 1. Two sweeps run back to back (the second
 * finds nothing), messages go out through the stand-in Bot Connector, and duplicates are counted there.
 * Mixed in: 20 due rows flagged for a check against their aggregate (sent), 10 stale rows (deadline
 * since moved) and 10 orphans (aggregate never written), both dropped.
 */
export async function runRemindersBench(): Promise<void> {
  const azurite = await startAzurite();
  const connector = await startBotConnectorStandIn();
  try {
    const tables = connectionStringTables(azurite.connectionString);
    await ensureTables(tables);
    let now = PLANNED_AT;
    const clock: Clock = { now: () => new Date(now) };
    const runtime = runtimeOver(tables, clock);
    const plan = defaultPlanContext();

    const seedStarted = performance.now();
    const bodies = seedBodies();
    const open: Assignment[] = [];
    let dueAssignments = 0;
    for (const [b, body] of bodies.entries()) {
      for (let i = 0; i < ASSIGNMENTS_PER_BODY; i++) {
        const n = b * ASSIGNMENTS_PER_BODY + i;
        // Of every 1,000 assignments, 8 have one reminder due now and 1 is a day overdue (its owner
        // and its assigner are both due): 800 + 100 × 2 = 1,000 due reminders in all.
        const k = n / 100;
        const isDue = n % 100 === 0 && k % 10 !== 8;
        const deadline = !isDue
          ? futureDeadline(n)
          : k % 10 === 9
            ? OVERDUE_DEADLINE
            : DUE_DEADLINES[k % 4]!;
        if (isDue) dueAssignments += 1;
        // Owners are members other than the head (who assigns, and is told when work is overdue).
        open.push(assignment(body, body.members[1 + (n % (MEMBERS_PER_BODY - 1))]!, deadline, n));
      }
    }
    const planned = performance.now();
    await writeAssignments(tables, open);
    const assignmentsMs = performance.now() - planned;
    const rows: { reminder: PlannedReminder; flags: WriteFlags }[] = [];
    const trusted: WriteFlags = { verify: false, markedAt: '' };
    let flagged = 0;
    for (const a of open) {
      for (const reminder of scheduledReminders(
        assignmentReminderSubject(a),
        PLANNED_AT,
        600_000,
        plan,
      )) {
        const due = reminder.dueAt <= NOW.toISOString();
        // 20 of the due rows are still flagged (a change whose confirm never ran): checked, sent.
        const flag = due && flagged < 20 && reminder.message.kind !== 'assignment.escalation';
        if (flag) flagged += 1;
        rows.push({
          reminder,
          flags: flag ? { verify: true, markedAt: PLANNED_AT.toISOString() } : trusted,
        });
      }
    }
    // 10 stale rows (an old deadline of a due assignment) and 10 orphans (no aggregate), flagged.
    const dueOnes = open.filter((a) => DUE_DEADLINES.includes(a.deadline));
    for (let i = 0; i < 10; i++) {
      const moved = { ...dueOnes[i]!, deadline: '2027-03-12' };
      const [first] = scheduledReminders(
        assignmentReminderSubject(moved),
        vn('2027-03-11T12:00'),
        0,
        plan,
      );
      rows.push({
        reminder: { ...first!, dueAt: vn('2027-03-16T08:00').toISOString() },
        flags: { verify: true, markedAt: PLANNED_AT.toISOString() },
      });
      const orphan = assignment(bodies[i]!, bodies[i]!.members[0]!, '2027-03-17', 1_000_000 + i);
      const [lost] = scheduledReminders(assignmentReminderSubject(orphan), PLANNED_AT, 0, plan);
      rows.push({ reminder: lost!, flags: { verify: true, markedAt: PLANNED_AT.toISOString() } });
    }
    const indexStarted = performance.now();
    await runtime.index.writeMany(rows, 16);
    const indexMs = performance.now() - indexStarted;
    // The people who will be messaged have the app installed (a conversation reference each). Only
    // they are written: Azurite scans a whole table for every read, which Azure does not.
    const dueRows = rows.filter((row) => row.reminder.dueAt <= NOW.toISOString());
    const recipients = new Set(
      dueRows.map((row) => `${row.reminder.subject.tenantId}|${row.reminder.recipientId}`),
    );
    await writeConversations(
      tables,
      [...recipients].map((pair) => {
        const [tenantId = '', userId = ''] = pair.split('|');
        return { tenantId, bodyId: '', headId: '', members: [userId] };
      }),
      connector.serviceUrl,
    );
    // Steady state: the sweep has been running every 5 minutes, so at 08:05 its watermark is the
    // 07:00 bucket (an hour stays open until 15 minutes after it ends).
    await runtime.index.writeWatermark(vn('2027-03-16T07:00').getTime(), null);
    const seedMs = performance.now() - seedStarted;
    const dueReminders = dueRows.filter((row) => !row.flags.verify).length + flagged;

    // Sweep (twice: the second run at the same moment must find nothing), counting entities read.
    now = NOW;
    const beforeSweep = snapshot(runtime.stats);
    const sweepStarted = performance.now();
    const first = await sweepOnce(runtime, quiet);
    const second = await sweepOnce(runtime, quiet);
    const sweepMs = performance.now() - sweepStarted;
    const sweepCost = diff(runtime.stats, beforeSweep);

    // Dispatch until the outbox is empty (each call is one timer run).
    const beforeDispatch = snapshot(runtime.stats);
    const dispatchStarted = performance.now();
    let sent = 0;
    for (let run = 0; run < 20; run++) {
      const result = await dispatchOnce(runtime, quiet);
      sent += result.sent;
      if (result.attempts === 0 && result.parked === 0) break;
    }
    const dispatchMs = performance.now() - dispatchStarted;
    const dispatchCost = diff(runtime.stats, beforeDispatch);

    const counts = connector.countsByKey();
    const duplicates = connector.duplicates();
    const read = sweepCost.entitiesRead;
    console.log(
      `reminders open=${open.length} due=${dueReminders} read=${read} sent=${counts.size} ` +
        `duplicates=${duplicates} read_ratio=${(read / dueReminders).toFixed(2)}`,
    );
    console.log(
      `  sweep: ${first.rows + second.rows} index rows read in ${first.hours + second.hours} hour buckets ` +
        `(${sweepCost.queries} queries), ${first.checked} checked against their aggregate ` +
        `(${first.dropped} dropped as stale/orphan), ${sweepCost.pointReads} point reads incl. watermark; ` +
        `enqueued ${first.enqueued}+${second.enqueued}, chained ${first.chained}; ${sweepMs.toFixed(0)} ms`,
    );
    console.log(
      `  dispatch: ${sent} recorded sent, ${dispatchCost.entitiesRead} entities read (queue rows + ` +
        `conversation references), ${connector.throttled} answered 429; ${dispatchMs.toFixed(0)} ms`,
    );
    console.log(
      `  seed: ${open.length} assignments (${dueAssignments} with a reminder due now; ` +
        `${(assignmentsMs / 1000).toFixed(1)} s) and ${rows.length} index rows ` +
        `(${(indexMs / 1000).toFixed(1)} s) in 100-op batches, ${recipients.size} conversation ` +
        `references; ${(seedMs / 1000).toFixed(1)} s in all`,
    );
  } finally {
    await connector.close();
    await azurite.stop();
  }
}

export function runtimeOver(tables: TableClientFactory, clock: Clock): ReminderRuntime {
  return createReminderRuntime({
    tables: {
      dueIndex: tables(TABLES.dueIndex),
      outbox: tables(TABLES.outbox),
      assignments: tables(TABLES.assignments),
      meetings: tables(TABLES.meetings),
      conversations: tables(TABLES.conversations),
    },
    clock,
    log: quiet,
    sender: new BotConnectorSender({ tokens: noBotToken, requestTimeoutMs: 10_000 }),
    dispatchOptions: { concurrency: 32, budgetMs: 50_000 },
  });
}

function seedBodies(): SeededBody[] {
  const bodies: SeededBody[] = [];
  for (let t = 0; t < TENANTS; t++) {
    const tenantId = randomUUID();
    for (let b = 0; b < BODIES_PER_TENANT; b++) {
      const members = Array.from({ length: MEMBERS_PER_BODY }, () => randomUUID());
      bodies.push({ tenantId, bodyId: `bcd-${t}-${b}`, headId: members[0]!, members });
    }
  }
  return bodies;
}

/** Deadlines from 25/3 to late June: the first reminder (7 days before) is after now. */
function futureDeadline(n: number): string {
  const day = new Date(Date.UTC(2027, 2, 25) + (n % 90) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function assignment(body: SeededBody, ownerId: string, deadline: string, n: number): Assignment {
  const at = '2027-03-01T02:00:00.000Z';
  return {
    tenantId: body.tenantId,
    bodyId: body.bodyId,
    id: `01JBENCH${String(n).padStart(18, '0')}`,
    title: `Nhiệm vụ số ${n}: rà soát, niêm yết công khai theo quy chế dân chủ`,
    description: '',
    ownerId,
    coOwnerIds: [],
    source: { kind: 'direct' },
    deadline,
    originalDeadline: deadline,
    priority: 'normal',
    status: n % 3 === 0 ? 'inProgress' : 'open',
    assignedBy: body.headId,
    progress: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    audit: { seq: 1, hash: '0'.repeat(64) },
  };
}

/** One 100-operation batch per body partition, 16 in flight. */
async function writeAssignments(
  tables: TableClientFactory,
  assignments: Assignment[],
): Promise<void> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const a of assignments) {
    const entity = toAssignmentEntity(a);
    const list = byPartition.get(entity.partitionKey) ?? [];
    list.push(['upsert', entity, 'Replace']);
    byPartition.set(entity.partitionKey, list);
  }
  const batches = [...byPartition.values()].flatMap((actions) =>
    Array.from({ length: Math.ceil(actions.length / 100) }, (_, i) =>
      actions.slice(i * 100, i * 100 + 100),
    ),
  );
  const client = tables(TABLES.assignments);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < batches.length) await client.submitTransaction(batches[next++]!);
    }),
  );
}

/** Every member has the app installed: a personal conversation at the stand-in connector. */
export async function writeConversations(
  tables: TableClientFactory,
  bodies: SeededBody[],
  serviceUrl: string,
): Promise<void> {
  const client = tables(TABLES.conversations);
  const people = bodies.flatMap((body) =>
    body.members.map((userId) => ({ tenantId: body.tenantId, userId })),
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < people.length) {
        const { tenantId, userId } = people[next++]!;
        await client.upsertEntity({
          ...conversationKeys.personal(tenantId, userId),
          tenantId,
          conversationId: `a:${userId}`,
          conversationType: 'personal',
          serviceUrl,
          channelId: 'msteams',
          botId: '28:qcdc-bench',
          userAadObjectId: userId,
          locale: next % 5 === 0 ? 'en' : 'vi',
        });
      }
    }),
  );
}

function snapshot(stats: TableStats): TableStats {
  return { ...stats };
}

function diff(stats: TableStats, before: TableStats): TableStats {
  const result = newTableStats();
  for (const key of Object.keys(result) as (keyof TableStats)[])
    result[key] = stats[key] - before[key];
  return result;
}
