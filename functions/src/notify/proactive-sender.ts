import type { AdaptiveCard } from '@qcdc/cards';
import type { Locale } from '@qcdc/core';

/** Where a proactive message goes: a stored conversation reference (conversations table). */
export interface ConversationTarget {
  tenantId: string;
  serviceUrl: string;
  conversationId: string;
  /** The reader's language, kept with the reference (proactive sends carry none). */
  locale: Locale;
}

export interface OutgoingMessage {
  /** Short plain text: the notification preview and the fallback where cards do not render. */
  summary: string;
  card: AdaptiveCard;
}

/**
 * What one send attempt came to. `transient` covers "maybe delivered" too (a timeout after the
 * service accepted the request): the retry carries the same idempotency key.
 */
export type SendOutcome =
  | { ok: true; activityId: string }
  | { ok: false; kind: 'throttled'; status: 429; retryAfterMs: number | null; error: string }
  | {
      ok: false;
      kind: 'transient';
      status: number | null;
      retryAfterMs: number | null;
      error: string;
    }
  | { ok: false; kind: 'auth'; status: 401; error: string }
  | { ok: false; kind: 'rejected'; status: number; error: string };

/** Sends one proactive message; never throws for what the service answers (see SendOutcome). */
export interface ProactiveSender {
  send(
    target: ConversationTarget,
    message: OutgoingMessage,
    idempotencyKey: string,
  ): Promise<SendOutcome>;
}
