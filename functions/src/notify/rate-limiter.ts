import { setTimeout as delay } from 'node:timers/promises';
import {
  TEAMS_PER_CONVERSATION_LIMITS,
  TEAMS_PER_TENANT_LIMITS,
  type WindowLimit,
} from './teams-rate-limits';

/** Pacing runs on a monotonic clock (ms), not the wall clock the outbox stores times with. */
export interface Pacing {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacing: Pacing = {
  now: () => performance.now(),
  sleep: (ms) => delay(Math.max(0, ms)),
};

/**
 * A token bucket that keeps a sliding-window limit "at most N in any T": with capacity C and rate r,
 * any window of length T sees at most C + r·T sends, so C + r·T ≤ N − 1 (one send of margin for
 * requests that arrive closer together than they left).
 */
class TokenBucket {
  private tokens: number;
  private last: number;
  private blockedUntil = 0;

  constructor(
    private readonly capacity: number,
    private readonly ratePerMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  static forLimit(limit: WindowLimit, now: number): TokenBucket {
    const capacity = Math.max(1, Math.round(limit.max * 0.05));
    const rate = (limit.max - 1 - capacity) / limit.windowMs;
    if (rate <= 0) throw new RangeError(`Limit too small to pace: ${JSON.stringify(limit)}`);
    return new TokenBucket(capacity, rate, now);
  }

  /** How long until one token is there (0: now). */
  waitMs(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
    if (now < this.blockedUntil) return this.blockedUntil - now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.ratePerMs;
  }

  take(): void {
    this.tokens -= 1;
  }

  /** Retry-After: nothing until then, and start again from an empty bucket. */
  block(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
    this.tokens = 0;
  }

  isIdle(now: number): boolean {
    return this.waitMs(now) === 0 && this.tokens >= this.capacity;
  }
}

export interface RateLimiterOptions {
  perConversation?: readonly WindowLimit[];
  perTenant?: readonly WindowLimit[];
  pacing?: Pacing;
}

/**
 * Paces proactive sends under Teams' limits: one set of token buckets per conversation and one per
 * tenant; a send takes a token from each. In-process: the dispatcher runs as one instance at a time
 * (its timer is a singleton and its concurrency is capped, DESIGN.md "Hosting"), and a 429 that still
 * comes back (other senders in the tenant) blocks the conversation for its Retry-After.
 */
export class SendRateLimiter {
  private readonly conversations = new Map<string, TokenBucket[]>();
  private readonly tenants = new Map<string, TokenBucket[]>();
  private readonly perConversation: readonly WindowLimit[];
  private readonly perTenant: readonly WindowLimit[];
  readonly pacing: Pacing;

  constructor(options: RateLimiterOptions = {}) {
    this.perConversation = options.perConversation ?? TEAMS_PER_CONVERSATION_LIMITS;
    this.perTenant = options.perTenant ?? TEAMS_PER_TENANT_LIMITS;
    this.pacing = options.pacing ?? realPacing;
  }

  /** Waits until one more send to this conversation is within every limit, and takes it. */
  async acquire(tenantId: string, conversationId: string): Promise<void> {
    for (;;) {
      const now = this.pacing.now();
      const buckets = [
        ...this.tenantBuckets(tenantId, now),
        ...this.conversationBuckets(tenantId, conversationId, now),
      ];
      const wait = Math.max(...buckets.map((bucket) => bucket.waitMs(now)));
      if (wait <= 0) {
        for (const bucket of buckets) bucket.take();
        return;
      }
      await this.pacing.sleep(wait);
    }
  }

  /** The service said 429 with Retry-After: hold this conversation (and slow the tenant) until then. */
  penalize(tenantId: string, conversationId: string, retryAfterMs: number): void {
    const now = this.pacing.now();
    for (const bucket of this.conversationBuckets(tenantId, conversationId, now)) {
      bucket.block(now + retryAfterMs);
    }
    for (const bucket of this.tenantBuckets(tenantId, now)) bucket.block(now);
  }

  private tenantBuckets(tenantId: string, now: number): TokenBucket[] {
    return this.bucketsFor(this.tenants, tenantId, this.perTenant, now);
  }

  private conversationBuckets(
    tenantId: string,
    conversationId: string,
    now: number,
  ): TokenBucket[] {
    return this.bucketsFor(
      this.conversations,
      `${tenantId}|${conversationId}`,
      this.perConversation,
      now,
    );
  }

  private bucketsFor(
    map: Map<string, TokenBucket[]>,
    key: string,
    limits: readonly WindowLimit[],
    now: number,
  ): TokenBucket[] {
    let buckets = map.get(key);
    if (!buckets) {
      if (map.size >= 50_000) this.prune(map, now);
      buckets = limits.map((limit) => TokenBucket.forLimit(limit, now));
      map.set(key, buckets);
    }
    return buckets;
  }

  /** Forgets buckets that are full again (they would start full anyway). */
  private prune(map: Map<string, TokenBucket[]>, now: number): void {
    for (const [key, buckets] of map) {
      if (buckets.every((bucket) => bucket.isIdle(now))) map.delete(key);
    }
  }
}
