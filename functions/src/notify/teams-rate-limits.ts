/**
 * Teams' published limits for proactive bot messages: the ONE place these numbers live.
 *
 * Source: Microsoft Learn, "Optimize your bot with rate limiting and best practices in Teams"
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit
 * ("Per bot per thread limit", operation "Send to conversation"), and for the tenant-wide ceiling
 * the per-app-per-tenant figure our design uses (shared/DESIGN.md, "Teams rate limits", checked
 * November 2026: about 30 requests per second). Teams answers 429 beyond them; the stand-in
 * connector (functions/test/support/bot-connector-stand-in.ts) enforces exactly these.
 */
export interface WindowLimit {
  /** At most this many sends … */
  max: number;
  /** … in any window of this length. */
  windowMs: number;
}

/** Per bot per conversation (a 1:1 chat, a group chat or a channel thread). */
export const TEAMS_PER_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { max: 7, windowMs: 1_000 },
  { max: 8, windowMs: 2_000 },
  { max: 60, windowMs: 30_000 },
  { max: 1_800, windowMs: 3_600_000 },
];

/** Per app per tenant, across all its conversations there. */
export const TEAMS_PER_TENANT_LIMITS: readonly WindowLimit[] = [{ max: 30, windowMs: 1_000 }];

/** Statuses worth retrying (Teams' guidance: 429, 412, 502, 504; plus other transient 5xx). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 412, 429, 500, 502, 503, 504]);
