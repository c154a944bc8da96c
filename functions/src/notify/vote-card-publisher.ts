import { cardText, voteCard, type CardLinks } from '@qcdc/cards';
import { liveRoster, type Motion, type VoteDeps } from '@qcdc/core';
import type { BotServices } from '../bot/bot-config';
import { voteCardData } from '../bot/vote-card-view';
import { TableTeamsMeetingLinks } from '../graph/teams-meeting-links';
import { voteRepositoryFor } from '../store/vote-repository-for';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { TableClientFactory } from '../store/table-client-factory';
import { SharedVoteCardStore, type SharedVoteCard } from '../store/vote-shared-card-store';
import { botTokenProviderFor } from './bot-token-provider';
import type { ConversationTarget, SendOutcome } from './proactive-sender';
import { BotConnectorSharedCards, type SharedCardConnector } from './shared-card-connector';
import { SharedCardThrottle } from './shared-card-throttle';
import { voteCardTarget } from './vote-card-target';

/** At most one edit of a vote's shared card per this long (the close is never held back). */
export const VOTE_CARD_EDIT_INTERVAL_MS = 15_000;
/** A claim to post older than this without a message id is taken to have failed: post again. */
const STALE_CLAIM_MS = 60_000;
/** Retries of a throttled or transiently failed post or edit, after the first attempt. */
export const SEND_RETRIES = 3;
const RETRY_BASE_MS = 2_000;

/** Runs `run` after `ms` without holding the process open. */
function backgroundTimer(run: () => void, ms: number): void {
  setTimeout(run, ms).unref?.();
}

type MotionRef = Pick<Motion, 'tenantId' | 'bodyId' | 'meetingId' | 'id'>;

export interface VoteCardPublisherDeps {
  deps: Pick<VoteDeps, 'votes' | 'meetings' | 'clock'>;
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
 * The vote's shared card in the meeting chat: posted when the vote opens (once: a stored claim row
 * keyed by the motion, and the idempotency key `vote-card:<motion>` on the wire), edited in place as
 * ballots come in (turnout; coalesced by the throttle) and at the close (the result, at once). Every
 * failure is logged, never raised: the vote itself stands whatever the chat does.
 */
export class VoteCardPublisher {
  private readonly store: SharedVoteCardStore;
  private readonly meetingLinks: TableTeamsMeetingLinks;

  constructor(private readonly p: VoteCardPublisherDeps) {
    this.store = new SharedVoteCardStore(p.tables);
    this.meetingLinks = new TableTeamsMeetingLinks(p.tables);
  }

  /** Posts the shared card of a vote that just opened, if its meeting has a chat the bot is in. */
  async opened(motion: Motion): Promise<'posted' | 'noTarget' | 'exists' | 'failed' | 'notLive'> {
    if (motion.mode !== 'electronic' || motion.status !== 'open') return 'notLive';
    const target = await voteCardTarget(this.meetingLinks, this.p.bot.conversations, {
      tenantId: motion.tenantId,
      bodyId: motion.bodyId,
      meetingId: motion.meetingId,
    });
    if (!target) return 'noTarget';
    const now = this.p.deps.clock.now();
    const row: SharedVoteCard = {
      tenantId: motion.tenantId,
      bodyId: motion.bodyId,
      meetingId: motion.meetingId,
      motionId: motion.id,
      conversationId: target.conversationId,
      serviceUrl: target.serviceUrl,
      locale: target.locale,
      activityId: '',
      claimedAt: now.toISOString(),
    };
    if ((await this.store.claim(row)) === 'exists') {
      const stored = await this.store.get(row);
      const stale =
        stored &&
        !stored.activityId &&
        now.getTime() - Date.parse(stored.claimedAt) > STALE_CLAIM_MS;
      if (!stale) return 'exists';
      await this.store.update(row); // take the stale claim over, then post again (same key)
    }
    return this.post(row, target);
  }

  /**
   * The vote changed (a ballot, the close): edits the shared card, coalesced unless `final`.
   * Resolves once the edit covering this change has run.
   */
  async changed(motion: MotionRef, options: { final?: boolean } = {}): Promise<void> {
    const row = await this.store.get({ ...motion, motionId: motion.id });
    if (!row) return;
    if (!row.activityId) {
      // The post failed earlier: try it again (it renders the current state anyway).
      const current = await this.loadMotion(row);
      if (current?.status === 'open') await this.opened(current);
      return;
    }
    await this.p.throttle.request(`${row.tenantId}|${row.motionId}`, () => this.edit(row), options);
  }

  private async post(row: SharedVoteCard, target: ConversationTarget) {
    const key = `vote-card:${row.tenantId}:${row.motionId}`;
    const posted = await this.attempt('post', row, async () => {
      const rendered = await this.render(row);
      if (!rendered) return null;
      const outcome = await this.p.connector.post(target, rendered, key);
      if (outcome.ok) {
        await this.store.update({ ...row, activityId: outcome.activityId });
        this.p.throttle.touched(`${row.tenantId}|${row.motionId}`);
      }
      return outcome;
    });
    return posted ? ('posted' as const) : ('failed' as const);
  }

  private async edit(row: SharedVoteCard): Promise<void> {
    const target: ConversationTarget = {
      tenantId: row.tenantId,
      serviceUrl: row.serviceUrl,
      conversationId: row.conversationId,
      locale: row.locale,
    };
    await this.attempt('update', row, async () => {
      // Rendered at each attempt: a retry shows the state at that moment, never a stale one.
      const rendered = await this.render(row);
      return rendered ? this.p.connector.update(target, row.activityId, rendered) : null;
    });
  }

  /**
   * One send now; when Teams throttles or fails transiently, again later (Retry-After, else a
   * doubling backoff) up to `SEND_RETRIES` times, in the background. The post keeps its idempotency
   * key across attempts. True when the first attempt succeeded.
   */
  private async attempt(
    what: 'post' | 'update',
    row: SharedVoteCard,
    send: () => Promise<SendOutcome | null>,
    retry = 0,
  ): Promise<boolean> {
    const outcome = await send();
    if (!outcome || outcome.ok) return outcome !== null;
    const retryable = outcome.kind === 'throttled' || outcome.kind === 'transient';
    if (!retryable || retry >= SEND_RETRIES) {
      this.p.log.warn(`vote card ${what} failed`, { motionId: row.motionId, error: outcome.error });
      return false;
    }
    const wait = (outcome.retryAfterMs ?? RETRY_BASE_MS * 2 ** retry) + 1;
    this.p.retryTimer(() => {
      void this.attempt(what, row, send, retry + 1).catch((error: unknown) =>
        this.p.log.warn(`vote card ${what} retry failed`, { error: String(error) }),
      );
    }, wait);
    return false;
  }

  private loadMotion(row: SharedVoteCard) {
    return this.p.deps.votes
      .getMotion(row.tenantId, row.bodyId, row.meetingId, row.motionId)
      .then((stored) => stored?.motion ?? null);
  }

  /** The shared view as it stands now (read fresh: a coalesced edit shows the latest state). */
  private async render(row: SharedVoteCard) {
    const [motion, meeting] = await Promise.all([
      this.loadMotion(row),
      this.p.deps.meetings.getMeeting(row.tenantId, row.bodyId, row.meetingId),
    ]);
    if (!motion || !meeting) return null;
    const roster = await liveRoster(this.p.deps.votes, motion);
    const card = voteCard(row.locale, voteCardData(motion, meeting.meeting, roster, this.p.links), {
      kind: 'shared',
    });
    return { summary: cardText(row.locale, 'vote.summary', { question: motion.question }), card };
  }
}

const publishers = new WeakMap<Services, VoteCardPublisher | null>();

/** One publisher per services object (so one throttle per process); null without the bot. */
export function voteCardPublisherFor(services: Services): VoteCardPublisher | null {
  if (publishers.has(services)) return publishers.get(services)!;
  const tables = (services as Services & { tables?: TableClientFactory }).tables;
  const bot = services.bot;
  const publisher =
    bot && tables
      ? new VoteCardPublisher({
          deps: { ...services.deps, votes: voteRepositoryFor(services) },
          bot,
          tables,
          connector: new BotConnectorSharedCards(botTokenProviderFor(bot.config), 5_000),
          throttle: new SharedCardThrottle(VOTE_CARD_EDIT_INTERVAL_MS),
          log: services.log,
          links: { openAppUrl: bot.config.openAppUrl },
          retryTimer: backgroundTimer,
        })
      : null;
  publishers.set(services, publisher);
  return publisher;
}

/** Runs a publisher step without letting it fail the request that triggered it. */
export async function publishQuietly(
  log: Logger,
  what: string,
  step: () => Promise<unknown>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    log.warn(`vote card ${what} failed`, {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
