import type { BotTokenProvider } from './bot-token-provider';
import type {
  ConversationTarget,
  OutgoingMessage,
  ProactiveSender,
  SendOutcome,
} from './proactive-sender';
import { RETRYABLE_STATUSES } from './teams-rate-limits';

/**
 * Where the idempotency key travels. Teams does not deduplicate (neither does the Bot Connector), so
 * the key is for us and for anyone reading the traffic: the HTTP header `Idempotency-Key` (the IETF
 * httpapi draft's name) on the request, and `channelData.qcdc.idempotencyKey` inside the activity,
 * which Teams stores with the message. Duplicates are prevented before sending (the outbox's
 * insert-if-absent and leases); the key makes the rare resend after a crash recognisable.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface BotConnectorSenderOptions {
  tokens: BotTokenProvider;
  /** Abort a request after this long: the outcome is then unknown and it is retried. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The production ProactiveSender, speaking the Bot Connector REST API:
 * `POST {serviceUrl}/v3/conversations/{conversationId}/activities` with the bot's bearer token and a
 * message activity carrying one Adaptive Card.
 */
export class BotConnectorSender implements ProactiveSender {
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: BotConnectorSenderOptions) {
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async send(
    target: ConversationTarget,
    message: OutgoingMessage,
    idempotencyKey: string,
  ): Promise<SendOutcome> {
    let url: string;
    try {
      url = activitiesUrl(target.serviceUrl, target.conversationId);
    } catch (error) {
      return { ok: false, kind: 'rejected', status: 0, error: String(error) };
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      [IDEMPOTENCY_HEADER]: idempotencyKey,
    };
    try {
      const token = await this.options.tokens.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
    } catch (error) {
      return {
        ok: false,
        kind: 'transient',
        status: null,
        retryAfterMs: null,
        error: `token: ${String(error)}`,
      };
    }
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(messageActivity(target, message, idempotencyKey)),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return {
        ok: false,
        kind: 'transient',
        status: null,
        retryAfterMs: null,
        error: timedOut
          ? `timeout after ${this.timeoutMs} ms (outcome unknown)`
          : `network: ${String(error)}`,
      };
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      return { ok: true, activityId: activityIdOf(text) };
    }
    const error = `HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (response.status === 429) {
      return { ok: false, kind: 'throttled', status: 429, retryAfterMs, error };
    }
    if (response.status === 401) {
      this.options.tokens.invalidate();
      return { ok: false, kind: 'auth', status: 401, error };
    }
    if (RETRYABLE_STATUSES.has(response.status)) {
      return { ok: false, kind: 'transient', status: response.status, retryAfterMs, error };
    }
    return { ok: false, kind: 'rejected', status: response.status, error };
  }
}

/** The activity we post: a message with one Adaptive Card, the key in channelData. */
export function messageActivity(
  target: ConversationTarget,
  message: OutgoingMessage,
  idempotencyKey: string,
) {
  return {
    type: 'message',
    locale: target.locale === 'vi' ? 'vi-VN' : 'en-US',
    summary: message.summary,
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', content: message.card },
    ],
    conversation: { id: target.conversationId, tenantId: target.tenantId },
    channelData: {
      tenant: { id: target.tenantId },
      notification: { alert: true },
      qcdc: { idempotencyKey },
    },
  };
}

/**
 * `{serviceUrl}/v3/conversations/{id}/activities`. Service URLs come from Teams (https); plain http
 * is accepted only on loopback (the Agents Playground, the test stand-in), so a stored reference can
 * never make us post our token elsewhere in clear.
 */
export function activitiesUrl(serviceUrl: string, conversationId: string): string {
  const base = new URL(serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname);
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && loopback)) {
    throw new Error(`Refusing service URL ${serviceUrl}`);
  }
  return new URL(
    `v3/conversations/${encodeURIComponent(conversationId)}/activities`,
    base,
  ).toString();
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function activityIdOf(text: string): string {
  try {
    const body = JSON.parse(text) as { id?: unknown };
    return typeof body.id === 'string' ? body.id : '';
  } catch {
    return '';
  }
}
