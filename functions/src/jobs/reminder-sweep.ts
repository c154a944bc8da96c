import { randomUUID } from 'node:crypto';
import {
  isReminderCurrent,
  isReminderExpired,
  narrowSubject,
  nextReminderAfter,
  subjectRef,
  type Clock,
  type PlanContext,
  type PlannedReminder,
  type ReminderSubject,
} from '@qcdc/core';
import type { Logger } from '../logger';
import {
  dueIndexKeys,
  hourStartMs,
  reminderOf,
  type DueIndexStore,
  type DueRow,
} from '../store/due-index-store';
import type { OutboxStore } from '../store/outbox-store';
import { forEachLimited } from './pool';
import type { ReminderSubjects } from './reminder-subjects';
import { REMINDER_TIMING, type ReminderTiming } from './reminder-timing';
import {
  fixedPlanContexts,
  type PlanContexts,
  type PlanContextSession,
} from './unit-plan-contexts';

const HOUR_MS = 3_600_000;

export interface SweepDeps {
  index: DueIndexStore;
  outbox: OutboxStore;
  subjects: ReminderSubjects;
  /** The plan for subjects whose unit has nothing of its own (and for all, without `contexts`). */
  plan: PlanContext;
  /** Per-unit policy and calendar; one session per run caches each unit's read. */
  contexts?: PlanContexts | undefined;
  clock: Clock;
  log: Logger;
  timing?: ReminderTiming;
  /** Rows processed at once. */
  concurrency?: number;
  /** Rows taken per partition per run (a backlog is worked off over several runs). */
  maxRowsPerPartition?: number;
}

export interface SweepResult {
  /** Hour buckets read (each is DUE_INDEX_SHARDS partition queries). */
  hours: number;
  /** Index rows the bucket queries returned. */
  rows: number;
  /** Rows this sweep claimed (the others were held by another sweep or changed meanwhile). */
  claimed: number;
  /** Messages put in the outbox; `alreadyQueued` were there already (a re-claimed reminder). */
  enqueued: number;
  alreadyQueued: number;
  /** Rows checked against their aggregate, and those dropped as stale or orphaned. */
  checked: number;
  dropped: number;
  /** Next reminders planned into the index. */
  chained: number;
  /** Rows left for a later run (held elsewhere, or failed). */
  left: number;
  /** The first hour bucket still open after this run. */
  watermark: string;
}

/**
 * The reminder sweep (timer, every 5 minutes). Reads only the hour buckets from the watermark to now,
 * and in them only rows due by now (a RowKey range), never the assignments. For each row:
 * 1. claim it: a conditional update with its ETag (a concurrent sweep gets 412 and skips it);
 * 2. if it is flagged, or late, or about a vote, check it against its aggregate (point reads):
 *    dropped when the aggregate is gone (orphan: its write never happened) or no longer plans this
 *    key at this time (stale: completed, cancelled, deadline moved, voted, vote closed);
 * 3. put the message in the outbox, keyed by the idempotency key (insert-if-absent, so a row
 *    claimed again after a crash cannot make a second message);
 * 4. plan the person's next reminder into the index (insert-if-absent);
 * 5. delete the row, conditional on the claim's ETag.
 * The watermark moves past an hour once it ended more than the grace period ago and is empty.
 */
export async function runReminderSweep(deps: SweepDeps): Promise<SweepResult> {
  const timing = deps.timing ?? REMINDER_TIMING;
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const sweepId = randomUUID();
  const result: SweepResult = {
    hours: 0,
    rows: 0,
    claimed: 0,
    enqueued: 0,
    alreadyQueued: 0,
    checked: 0,
    dropped: 0,
    chained: 0,
    left: 0,
    watermark: '',
  };

  const stored = await deps.index.readWatermark();
  const currentHour = hourStartMs(nowMs);
  const fromHour = Math.min(
    stored ? stored.hourMs : hourStartMs(nowMs - timing.firstRunLookbackMs),
    currentHour,
  );
  const hours: number[] = [];
  for (
    let hour = fromHour;
    hour <= currentHour && hours.length < timing.maxHoursPerRun;
    hour += HOUR_MS
  ) {
    hours.push(hour);
  }
  result.hours = hours.length;

  // Read every due row of those hours (4 partitions per hour), then work through them.
  const limit = deps.maxRowsPerPartition ?? 2_000;
  const openHours = new Set<number>();
  const rowsByHour = await Promise.all(
    hours.map(async (hour) => {
      const partitions = await Promise.all(
        dueIndexKeys.partitionsOfHour(hour).map((pk) => deps.index.listDue(pk, now, limit)),
      );
      if (partitions.some((rows) => rows.length >= limit)) openHours.add(hour); // more to come
      return partitions.flat();
    }),
  );
  const work: { hour: number; row: DueRow }[] = [];
  rowsByHour.forEach((rows, i) => {
    for (const row of rows) work.push({ hour: hours[i]!, row });
  });
  result.rows = work.length;

  // One session for the run: each unit's settings and holidays are read once, not per row.
  const contexts = (deps.contexts ?? fixedPlanContexts(deps.plan)).session(now);
  await forEachLimited(
    work,
    deps.concurrency ?? 32,
    async ({ hour, row }) => {
      const done = await processRow(deps, contexts, timing, row, now, nowIso, sweepId, result);
      if (!done) {
        openHours.add(hour);
        result.left += 1;
      }
    },
    ({ hour, row }, error) => {
      openHours.add(hour);
      result.left += 1;
      deps.log.warn('reminder sweep: row failed, left for the next run', {
        key: row.key,
        error: String(error),
      });
    },
  );

  // Close hours that are over (with grace) and empty; stop at the first that is not.
  let watermark = fromHour;
  for (const hour of hours) {
    const closed = hour + HOUR_MS + timing.graceMs <= nowMs && !openHours.has(hour);
    if (!closed) break;
    watermark = hour + HOUR_MS;
  }
  if (!stored || watermark > stored.hourMs) {
    await deps.index.writeWatermark(watermark, stored?.etag ?? null);
  }
  result.watermark = new Date(watermark).toISOString();
  return result;
}

/** True when the row is finished with (sent on, or dropped); false when it is left for later. */
async function processRow(
  deps: SweepDeps,
  contexts: PlanContextSession,
  timing: ReminderTiming,
  row: DueRow,
  now: Date,
  nowIso: string,
  sweepId: string,
  result: SweepResult,
): Promise<boolean> {
  if (row.claimedUntil && row.claimedUntil > nowIso) return false; // another sweep holds it
  const claimedUntil = new Date(now.getTime() + timing.claimLeaseMs).toISOString();
  const etag = await deps.index.claim(row, claimedUntil, sweepId);
  if (!etag) return false;
  result.claimed += 1;

  let subject = row.subject;
  const plan = await contexts.forSubject(row.subject);
  const late = row.dueAt < new Date(now.getTime() - timing.lookbackMs).toISOString();
  // Planned before its unit changed its settings or days off: today's plan cannot recognise it,
  // and a change to the aggregate since then may have missed it (its prepare planned with the new
  // plan, so it could not find this row to drop).
  const replanned = row.planStamp !== plan.stamp;
  // A vote reminder is always checked (one motion and one roster point read): a cast or a close
  // must never be followed by "you have not voted", whatever became of the change's confirm.
  if (row.verify || late || replanned || row.subject.type === 'vote') {
    result.checked += 1;
    const fresh = await deps.subjects.load(row.subject);
    const current =
      fresh !== null &&
      (replanned
        ? // Still exactly the aggregate it was planned from: it goes out as planned (the unit's
          // new plan takes over from the next one); otherwise the aggregate changed since, and
          // that change planned what follows.
          sameSubject(narrowSubject(fresh, row.recipientId), row.subject)
        : isReminderCurrent(fresh, row, plan));
    if (!fresh || !current || isReminderExpired(fresh, now)) {
      result.dropped += 1;
      await deps.index.remove(row.partitionKey, row.rowKey, etag);
      return true;
    }
    subject = narrowSubject(fresh, row.recipientId);
  }

  // Catching up (the sweep was down): of the reminders already due, only the latest goes out.
  let send: PlannedReminder = { ...reminderOf(row), subject };
  let next = nextReminderAfter(subject, row.recipientId, send.dueAt, plan);
  while (next && next.dueAt <= nowIso) {
    send = next;
    next = nextReminderAfter(subject, row.recipientId, send.dueAt, plan);
  }

  const queued = await deps.outbox.enqueue(
    {
      key: send.key,
      tenantId: subject.tenantId,
      bodyId: subject.bodyId,
      recipientId: send.recipientId,
      dueAt: send.dueAt,
      message: send.message,
      subject: subjectRef(subject),
    },
    now,
  );
  if (queued === 'created') result.enqueued += 1;
  else result.alreadyQueued += 1;

  if (next) {
    // A row flagged by a change still in flight hands the flag on, so the next one is checked too.
    const inherit =
      row.verify &&
      (row.markedAt === '' ||
        row.markedAt > new Date(now.getTime() - timing.inFlightMs).toISOString());
    const written = await deps.index.write(
      next,
      { verify: inherit, markedAt: inherit ? row.markedAt : '', planStamp: plan.stamp },
      'create',
    );
    if (written !== 'exists') result.chained += 1;
  }
  return deps.index.remove(row.partitionKey, row.rowKey, etag);
}

/** Two subjects as planning sees them (both narrowed to one recipient; same builders, same order). */
function sameSubject(a: ReminderSubject, b: ReminderSubject): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
