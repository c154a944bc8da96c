import type { CardLinks } from '@qcdc/cards';
import { minutesOfLocalTime, type Clock, type QuietHours } from '@qcdc/core';
import type { ActivityFeedOutcome, ActivityFeedSender } from '../graph/activity-feed';
import type { Logger } from '../logger';
import { activityFeedMessage } from '../notify/activity-feed-message';
import { cachedDirectory, type ConversationDirectory } from '../notify/conversation-directory';
import type { ProactiveSender, SendOutcome } from '../notify/proactive-sender';
import type { SendRateLimiter } from '../notify/rate-limiter';
import { reminderMessage } from '../notify/reminder-card';
import type { NotificationSettingsReader } from '../store/notification-settings-store';
import {
  outboxKeys,
  type DeliveryChannel,
  type OutboxStore,
  type QueueEntry,
} from '../store/outbox-store';
import { forEachLimited } from './pool';
import type { PlanContexts } from './unit-plan-contexts';

export interface DispatchOptions {
  /** Stop taking new work after this long (the timer fires every minute). */
  budgetMs: number;
  /** A claimed message is ours this long; a dispatcher that dies mid-send loses it after. */
  leaseMs: number;
  /** Failed attempts (not counting 429s) before a message is parked. */
  maxAttempts: number;
  /** Attempts retried right away (with backoff and jitter) before the message is requeued. */
  quickRetries: number;
  /** Backoff base for quick retries, and for requeued attempts. */
  quickBackoffMs: number;
  requeueBackoffMs: number;
  maxRequeueBackoffMs: number;
  /** A Retry-After up to this long is waited out in place; a longer one requeues. */
  maxInlineRetryAfterMs: number;
  /** Sends in flight at once (the rate limiter paces them). */
  concurrency: number;
  /** Queue entries read per shard per round. */
  pageSize: number;
  /** Sent messages are forgotten (their keys stop deduplicating) after this long. */
  retentionMs: number;
}

export const DEFAULT_DISPATCH_OPTIONS: DispatchOptions = {
  budgetMs: 45_000,
  leaseMs: 5 * 60_000,
  maxAttempts: 6,
  quickRetries: 2,
  quickBackoffMs: 1_000,
  requeueBackoffMs: 30_000,
  maxRequeueBackoffMs: 30 * 60_000,
  maxInlineRetryAfterMs: 10_000,
  concurrency: 16,
  pageSize: 200,
  retentionMs: 14 * 86_400_000,
};

export interface DispatchDeps {
  outbox: OutboxStore;
  directory: ConversationDirectory;
  sender: ProactiveSender;
  /** The activity feed channel (Graph); absent when Graph is not configured: feed falls back to chat. */
  activityFeed?: ActivityFeedSender | undefined;
  /** Each recipient's channel choice; absent: everyone gets the chat message. */
  settings?: NotificationSettingsReader | undefined;
  limiter: SendRateLimiter;
  clock: Clock;
  log: Logger;
  links?: CardLinks;
  options?: Partial<DispatchOptions>;
  /** Jitter source (tests fix it). */
  random?: () => number;
  /** Nothing is sent in quiet hours (Vietnam time): a retry or a late message waits for the morning. */
  quietHours?: QuietHours;
  /**
   * Per-unit quiet hours (unit-plan-contexts.ts): each message waits out its own unit's, read once
   * per unit per run. Replaces the run-wide `quietHours` check, since one unit may still be allowed
   * to receive while another is quiet.
   */
  contexts?: PlanContexts | undefined;
  /** Test hook: runs after a successful send, before it is recorded (throw = crash there). */
  afterSend?: (entry: QueueEntry) => void | Promise<void>;
}

/** One send attempt on either channel (the feed's outcome has the bot sender's shape). */
type ChannelOutcome =
  | { ok: true; activityId: string }
  | Exclude<SendOutcome, { ok: true }>
  | Exclude<ActivityFeedOutcome, { ok: true }>;

export interface DispatchResult {
  sent: number;
  /** Messages split into one message per channel (the recipient chose both). */
  split: number;
  /** Requeued for a later attempt. */
  requeued: number;
  parked: number;
  /** Claims lost to another dispatcher (nothing sent). */
  lost: number;
  /** Entries seen held by another dispatcher's lease. */
  held: number;
  /** 429 answers seen (each honoured). */
  throttled: number;
  /** Send attempts made, successful or not. */
  attempts: number;
  failed: number;
  /** The run found it was quiet hours and sent nothing. */
  quiet: boolean;
  /** Messages left in place because their unit's quiet hours had begun (per-unit `contexts`). */
  quietHeld: number;
}

/**
 * The outbox dispatcher (timer, every minute). Reads the due queue entries of every shard (RowKey
 * ranges), and for each: resolves the recipient's 1:1 conversation (none → parked 'unreachable'),
 * claims the entry (moves it to the lease's end, conditional on its ETag), waits for the rate
 * limiter, sends, and records the outcome. 429 honours Retry-After; 412/502/504 and other transient
 * failures retry with exponential backoff and jitter, then requeue; after `maxAttempts` the message is
 * parked with its last error. A crash between send and record: the lease runs out, the message is sent
 * once more with the same idempotency key, then recorded. In quiet hours the run sends nothing: the
 * planner never puts a reminder there, so only retries and late messages wait for the morning.
 */
export async function runOutboxDispatch(deps: DispatchDeps): Promise<DispatchResult> {
  const options = { ...DEFAULT_DISPATCH_OPTIONS, ...deps.options };
  const pacing = deps.limiter.pacing;
  const random = deps.random ?? Math.random;
  const directory = cachedDirectory(deps.directory);
  const result: DispatchResult = {
    sent: 0,
    split: 0,
    requeued: 0,
    parked: 0,
    lost: 0,
    held: 0,
    throttled: 0,
    attempts: 0,
    failed: 0,
    quiet: false,
    quietHeld: 0,
  };
  const started = pacing.now();
  const unitContexts = deps.contexts?.session(deps.clock.now());
  const quietKeys = new Set<string>();
  if (!unitContexts && deps.quietHours && isQuiet(deps.clock.now(), deps.quietHours)) {
    result.quiet = true;
    return result;
  }

  const park = async (
    entry: QueueEntry,
    reason: 'unreachable' | 'rejected' | 'failing',
    attempts: number,
    lastError: string,
  ) => {
    if (await deps.outbox.park(entry, { reason, attempts, lastError, at: deps.clock.now() })) {
      result.parked += 1;
      deps.log.warn('outbox: message parked', { key: entry.key, reason, attempts, lastError });
    }
  };

  const requeue = async (
    entry: QueueEntry,
    attempts: number,
    lastError: string,
    delayMs: number,
  ) => {
    const nextAttemptAt = new Date(deps.clock.now().getTime() + delayMs);
    if (await deps.outbox.reschedule(entry, { nextAttemptAt, attempts, lastError })) {
      result.requeued += 1;
    }
  };

  const settingsCache = new Map<string, Promise<DeliveryChannel[]>>();
  const warnedFallback = new Set<string>();
  /** The channels the recipient chose, as this deployment can serve them (one read per person). */
  const channelsOf = (tenantId: string, userId: string): Promise<DeliveryChannel[]> => {
    const cacheKey = `${tenantId}|${userId}`;
    let found = settingsCache.get(cacheKey);
    if (!found) {
      found = (async (): Promise<DeliveryChannel[]> => {
        if (!deps.settings) return ['chat'];
        const { channel } = await deps.settings.get(tenantId, userId);
        if (channel === 'chat') return ['chat'];
        if (!deps.activityFeed) {
          if (!warnedFallback.has(cacheKey)) {
            warnedFallback.add(cacheKey);
            deps.log.warn('outbox: activity feed chosen but Graph is not configured, using chat', {
              tenantId,
              userId,
              channel,
            });
          }
          return ['chat'];
        }
        return channel === 'activityFeed' ? ['feed'] : ['chat', 'feed'];
      })();
      settingsCache.set(cacheKey, found);
      found.catch(() => settingsCache.delete(cacheKey));
    }
    return found;
  };

  const backoff = (base: number, attempt: number, cap: number) =>
    Math.min(cap, base * 2 ** Math.max(0, attempt - 1)) * (0.5 + random());

  const handle = async (due: QueueEntry) => {
    if (due.settled) {
      await deps.outbox.dropSettled(due); // a crash left it after settling: nothing to send
      return;
    }
    if (due.leaseUntil > deps.clock.now().toISOString()) {
      result.held += 1; // another dispatcher is on it
      return;
    }
    if (unitContexts) {
      if (quietKeys.has(due.key)) return; // held on an earlier pass of this run
      const { policy } = await unitContexts.forBody(due.tenantId, due.bodyId);
      if (isQuiet(deps.clock.now(), policy.quietHours)) {
        quietKeys.add(due.key);
        result.quietHeld += 1; // its unit's night: the message waits, unclaimed
        return;
      }
    }
    const channels: DeliveryChannel[] = due.channel
      ? [due.channel]
      : await channelsOf(due.tenantId, due.recipientId);
    const target = await directory.personal(due.tenantId, due.recipientId);
    const entry = await deps.outbox.claim(
      due,
      new Date(deps.clock.now().getTime() + options.leaseMs),
    );
    if (!entry) {
      result.lost += 1;
      return;
    }
    if (channels.length > 1) {
      // One message per channel, each with its own key, retries and parking (outbox-store.ts).
      if (await deps.outbox.split(entry, channels, deps.clock.now())) result.split += 1;
      else result.lost += 1;
      return;
    }
    const channel = channels[0] ?? 'chat';
    // A message split for the feed when Graph was configured, read after it was not: chat instead.
    const feed = channel === 'feed' ? deps.activityFeed : undefined;
    if (!feed && !target) {
      await park(
        entry,
        'unreachable',
        entry.attempts,
        'No 1:1 conversation with the bot (the app is not installed for this person)',
      );
      return;
    }
    const locale = target?.locale ?? 'vi';
    let pace: { tenantId: string; id: string };
    let attempt: () => Promise<ChannelOutcome>;
    if (feed) {
      // The feed needs no conversation: the recipient id is their Entra object id.
      const notification = activityFeedMessage(entry, locale, deps.links);
      pace = { tenantId: entry.tenantId, id: `feed:${entry.recipientId}` };
      attempt = async () => {
        const outcome = await feed.send(notification);
        return outcome.ok ? { ok: true, activityId: '' } : outcome;
      };
    } else if (target) {
      const message = reminderMessage(locale, entry.message, deps.links);
      pace = { tenantId: target.tenantId, id: target.conversationId };
      attempt = () => deps.sender.send(target, message, entry.key);
    } else {
      return; // unreachable: parked above
    }
    let attempts = entry.attempts;
    let quick = 0;
    let throttles = 0;
    for (;;) {
      await deps.limiter.acquire(pace.tenantId, pace.id);
      result.attempts += 1;
      const outcome = await attempt();
      if (outcome.ok) {
        await deps.afterSend?.(entry);
        const recorded = await deps.outbox.markSent(entry, {
          at: deps.clock.now(),
          attempts: attempts + 1,
          activityId: outcome.activityId,
        });
        if (recorded) result.sent += 1;
        else deps.log.warn('outbox: sent after the lease was lost', { key: entry.key });
        return;
      }
      if (outcome.kind === 'throttled') {
        result.throttled += 1;
        throttles += 1;
        const wait =
          outcome.retryAfterMs ??
          backoff(options.quickBackoffMs, throttles, options.maxInlineRetryAfterMs);
        deps.limiter.penalize(pace.tenantId, pace.id, wait);
        if (wait <= options.maxInlineRetryAfterMs && throttles <= 5) continue; // the limiter waits
        await requeue(entry, attempts, outcome.error, wait);
        return;
      }
      attempts += 1;
      if (feed && outcome.kind === 'auth') {
        // A missing Graph permission or consent: retrying cannot help, an admin must act.
        deps.log.error('outbox: activity feed refused (permission or consent missing)', {
          key: entry.key,
          tenantId: entry.tenantId,
          error: outcome.error,
        });
        await park(entry, 'rejected', attempts, outcome.error);
        return;
      }
      if (outcome.kind === 'rejected') {
        await park(entry, 'rejected', attempts, outcome.error);
        return;
      }
      if (attempts >= options.maxAttempts) {
        await park(entry, 'failing', attempts, outcome.error);
        return;
      }
      if (quick < options.quickRetries) {
        quick += 1;
        const wait = Math.max(
          outcome.kind === 'transient' ? (outcome.retryAfterMs ?? 0) : 0,
          backoff(options.quickBackoffMs, quick, options.maxInlineRetryAfterMs),
        );
        await pacing.sleep(wait);
        continue;
      }
      await requeue(
        entry,
        attempts,
        outcome.error,
        backoff(options.requeueBackoffMs, attempts, options.maxRequeueBackoffMs),
      );
      return;
    }
  };

  for (;;) {
    if (pacing.now() - started >= options.budgetMs) break;
    const now = deps.clock.now();
    const due = (
      await Promise.all(
        outboxKeys.shards().map((shard) => deps.outbox.listDue(shard, now, options.pageSize)),
      )
    ).flat();
    if (due.length === 0) break;
    const before = result.sent + result.split + result.requeued + result.parked + result.lost;
    await forEachLimited(due, options.concurrency, handle, (entry, error) => {
      result.failed += 1;
      deps.log.warn('outbox: message failed, it comes back when its lease ends', {
        key: entry.key,
        error: String(error),
      });
    });
    // Nothing moved (e.g. storage refusing every claim): leave it to the next run.
    if (result.sent + result.split + result.requeued + result.parked + result.lost === before)
      break;
  }

  try {
    await deps.outbox.purgeSent(new Date(deps.clock.now().getTime() - options.retentionMs));
  } catch (error) {
    deps.log.warn('outbox: purge of old sent messages failed', { error: String(error) });
  }
  return result;
}

/** In quiet hours (Vietnam local time, which is UTC+7 all year)? */
export function isQuiet(instant: Date, quiet: QuietHours): boolean {
  const minute = (Math.floor(instant.getTime() / 60_000) + 7 * 60) % 1440;
  const start = minutesOfLocalTime(quiet.start);
  const end = minutesOfLocalTime(quiet.end);
  return start > end ? minute >= start || minute < end : minute >= start && minute < end;
}
