import type { CardLinks } from '@qcdc/cards';
import type { BotServices } from '../bot/bot-config';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { SharedCardRow, SharedCardStore } from '../store/shared-card-store';
import type { TableClientFactory } from '../store/table-client-factory';
import { botTokenProviderFor } from './bot-token-provider';
import type { ConversationTarget, SendOutcome } from './proactive-sender';
import { BotConnectorSharedCards, type SharedCardConnector } from './shared-card-connector';
import { SharedCardThrottle } from './shared-card-throttle';

/** A claim to post older than this without a message id is taken to have failed: post again. */
export const STALE_CLAIM_MS = 60_000;
/** Retries of a throttled or transiently failed post or edit, after the first attempt. */
export const SEND_RETRIES = 3;
const RETRY_BASE_MS = 2_000;

/** Runs `run` after `ms` without holding the process open. */
export function backgroundTimer(run: () => void, ms: number): void {
  setTimeout(run, ms).unref?.();
}

/** A shared card as it reads now, or null when what it shows is gone. */
export type RenderedCard = { summary: string; card: unknown } | null;

export interface SharedCardPublisherDeps {
  /** In log lines: "vote card", "minutes card". */
  label: string;
  store: SharedCardStore;
  connector: SharedCardConnector;
  throttle: SharedCardThrottle;
  log: Logger;
  /** Schedules a retry (tests run it at once). */
  retryTimer: (run: () => void, ms: number) => void;
  /** Renders the card from the state at the moment it is sent (read fresh at every attempt). */
  render(row: SharedCardRow): Promise<RenderedCard>;
}

export const targetOf = (row: SharedCardRow): ConversationTarget => ({
  tenantId: row.tenantId,
  serviceUrl: row.serviceUrl,
  conversationId: row.conversationId,
  locale: row.locale,
});

/**
 * What every shared card in a meeting chat does, whatever it shows: claim a row, post once (with an
 * idempotency key on the wire), keep the message id, edit in place through the throttle (a `final`
 * edit goes at once), retry what Teams throttles or fails transiently. Failures are logged, never
 * raised to the change that asked for the card.
 */
export class SharedCardPublisher {
  constructor(private readonly p: SharedCardPublisherDeps) {}

  get store(): SharedCardStore {
    return this.p.store;
  }

  /**
   * Claims `row` and posts it; `exists` when someone claimed it already (a retry, another instance),
   * unless that claim is stale without a message id: then it is taken over and posted again with the
   * same key.
   */
  async publish(
    row: SharedCardRow,
    idempotencyKey: string,
    now: Date,
  ): Promise<'posted' | 'exists' | 'failed'> {
    if ((await this.p.store.claim(row)) === 'exists') {
      const stored = await this.p.store.get(row);
      const stale =
        stored &&
        !stored.activityId &&
        now.getTime() - Date.parse(stored.claimedAt) > STALE_CLAIM_MS;
      if (!stale) return 'exists';
      await this.p.store.update(row);
    }
    return this.post(row, idempotencyKey);
  }

  /** Posts a claimed row's card now; the row gets the message id when Teams answers. */
  async post(row: SharedCardRow, idempotencyKey: string): Promise<'posted' | 'failed'> {
    const posted = await this.attempt('post', row, async () => {
      const rendered = await this.p.render(row);
      if (!rendered) return null;
      const outcome = await this.p.connector.post(targetOf(row), rendered, idempotencyKey);
      if (outcome.ok) {
        await this.p.store.update({ ...row, activityId: outcome.activityId });
        this.p.throttle.touched(throttleKey(row));
      }
      return outcome;
    });
    return posted ? 'posted' : 'failed';
  }

  /**
   * Edits a posted card for everyone, coalesced unless `final`. Resolves once the edit covering this
   * call has run (its first attempt: retries go on in the background).
   */
  edit(row: SharedCardRow, options: { final?: boolean } = {}): Promise<void> {
    return this.p.throttle.request(
      throttleKey(row),
      async () => {
        await this.attempt('update', row, async () => {
          const rendered = await this.p.render(row);
          return rendered ? this.p.connector.update(targetOf(row), row.activityId, rendered) : null;
        });
      },
      options,
    );
  }

  /**
   * One send now; when Teams throttles or fails transiently, again later (Retry-After, else a
   * doubling backoff) up to `SEND_RETRIES` times, in the background. A post keeps its idempotency
   * key across attempts; every attempt renders afresh, so a retry never shows a stale state. True
   * when the first attempt succeeded.
   */
  private async attempt(
    what: 'post' | 'update',
    row: SharedCardRow,
    send: () => Promise<SendOutcome | null>,
    retry = 0,
  ): Promise<boolean> {
    const outcome = await send();
    if (!outcome || outcome.ok) return outcome !== null;
    const retryable = outcome.kind === 'throttled' || outcome.kind === 'transient';
    if (!retryable || retry >= SEND_RETRIES) {
      this.p.log.warn(`${this.p.label} ${what} failed`, {
        meetingId: row.meetingId,
        cardId: row.cardId,
        error: outcome.error,
      });
      return false;
    }
    const wait = (outcome.retryAfterMs ?? RETRY_BASE_MS * 2 ** retry) + 1;
    this.p.retryTimer(() => {
      void this.attempt(what, row, send, retry + 1).catch((error: unknown) =>
        this.p.log.warn(`${this.p.label} ${what} retry failed`, { error: String(error) }),
      );
    }, wait);
    return false;
  }
}

/** One throttle slot per card (the throttle may be shared by several kinds of card). */
const throttleKey = (row: SharedCardRow) =>
  `${row.tenantId}|${row.bodyId}|${row.meetingId}|${row.cardId}`;

/** Runs a publisher step without letting it fail the request that triggered it. */
export async function publishQuietly(
  log: Logger,
  what: string,
  step: () => Promise<unknown>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    log.warn(`shared card ${what} failed`, {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** What every meeting-chat card publisher is built from besides its own use-case deps. */
export interface MeetingChatCardParts {
  bot: BotServices;
  tables: TableClientFactory;
  connector: SharedCardConnector;
  throttle: SharedCardThrottle;
  log: Logger;
  links: CardLinks;
  /** Schedules a retry (tests run it at once). */
  retryTimer: (run: () => void, ms: number) => void;
}

/**
 * `(services) => publisher`: one publisher per services object (so one throttle per process), built
 * from the bot's connector and the tables; null where there is no bot.
 */
export function publisherPerServices<P>(
  editIntervalMs: number,
  create: (services: Services, parts: MeetingChatCardParts) => P,
): (services: Services) => P | null {
  const publishers = new WeakMap<Services, P | null>();
  return (services) => {
    if (publishers.has(services)) return publishers.get(services)!;
    const tables = (services as Services & { tables?: TableClientFactory }).tables;
    const bot = services.bot;
    const publisher =
      bot && tables
        ? create(services, {
            bot,
            tables,
            connector: new BotConnectorSharedCards(botTokenProviderFor(bot.config), 5_000),
            throttle: new SharedCardThrottle(editIntervalMs),
            log: services.log,
            links: { openAppUrl: bot.config.openAppUrl },
            retryTimer: backgroundTimer,
          })
        : null;
    publishers.set(services, publisher);
    return publisher;
  };
}
