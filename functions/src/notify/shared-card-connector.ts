import type { AdaptiveCard } from '@qcdc/cards';
import { activitiesUrl, BotConnectorSender, parseRetryAfter } from './bot-connector-sender';
import type { BotTokenProvider } from './bot-token-provider';
import type { ConversationTarget, SendOutcome } from './proactive-sender';
import { RETRYABLE_STATUSES } from './teams-rate-limits';

/** A card shared in a conversation: posted once, then edited in place at its activity id. */
export interface SharedCardConnector {
  post(
    target: ConversationTarget,
    message: { summary: string; card: unknown },
    idempotencyKey: string,
  ): Promise<SendOutcome>;
  update(
    target: ConversationTarget,
    activityId: string,
    message: { summary: string; card: unknown },
  ): Promise<SendOutcome>;
}

/**
 * The Bot Connector REST API for shared cards: the post is the proactive sender's (same activity,
 * idempotency key in header and channelData); the edit is
 * `PUT {serviceUrl}/v3/conversations/{id}/activities/{activityId}` with the whole new card, which
 * Teams shows everyone (and which makes the clients in the refresh list ask for their own view).
 */
export class BotConnectorSharedCards implements SharedCardConnector {
  private readonly sender: BotConnectorSender;

  constructor(
    private readonly tokens: BotTokenProvider,
    private readonly timeoutMs = 15_000,
  ) {
    this.sender = new BotConnectorSender({ tokens, requestTimeoutMs: timeoutMs });
  }

  post(
    target: ConversationTarget,
    message: { summary: string; card: unknown },
    idempotencyKey: string,
  ): Promise<SendOutcome> {
    return this.sender.send(
      target,
      { summary: message.summary, card: message.card as AdaptiveCard },
      idempotencyKey,
    );
  }

  async update(
    target: ConversationTarget,
    activityId: string,
    message: { summary: string; card: unknown },
  ): Promise<SendOutcome> {
    let url: string;
    try {
      url = `${activitiesUrl(target.serviceUrl, target.conversationId)}/${encodeURIComponent(activityId)}`;
    } catch (error) {
      return { ok: false, kind: 'rejected', status: 0, error: String(error) };
    }
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    try {
      const token = await this.tokens.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(url, {
        method: 'PUT',
        headers,
        body: JSON.stringify({
          type: 'message',
          id: activityId,
          summary: message.summary,
          attachments: [
            { contentType: 'application/vnd.microsoft.card.adaptive', content: message.card },
          ],
          conversation: { id: target.conversationId, tenantId: target.tenantId },
          channelData: { tenant: { id: target.tenantId } },
        }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text().catch(() => '');
      if (response.ok) return { ok: true, activityId };
      const error = `HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`;
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (response.status === 429)
        return { ok: false, kind: 'throttled', status: 429, retryAfterMs, error };
      if (response.status === 401) {
        this.tokens.invalidate();
        return { ok: false, kind: 'auth', status: 401, error };
      }
      if (RETRYABLE_STATUSES.has(response.status)) {
        return { ok: false, kind: 'transient', status: response.status, retryAfterMs, error };
      }
      return { ok: false, kind: 'rejected', status: response.status, error };
    } catch (error) {
      return {
        ok: false,
        kind: 'transient',
        status: null,
        retryAfterMs: null,
        error: String(error),
      };
    }
  }
}
