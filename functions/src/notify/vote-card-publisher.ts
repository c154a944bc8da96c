import { cardText, voteCard } from '@qcdc/cards';
import { liveRoster, type Motion, type VoteDeps } from '@qcdc/core';
import { voteCardData } from '../bot/vote-card-view';
import { TableTeamsMeetingLinks } from '../graph/teams-meeting-links';
import { voteRepositoryFor } from '../store/vote-repository-for';
import type { SharedCardRow } from '../store/shared-card-store';
import { SharedVoteCardStore, voteCardRow } from '../store/vote-shared-card-store';
import {
  publisherPerServices,
  SharedCardPublisher,
  type MeetingChatCardParts,
} from './shared-card-publisher';
import { voteCardTarget } from './vote-card-target';

/** At most one edit of a vote's shared card per this long (the close is never held back). */
export const VOTE_CARD_EDIT_INTERVAL_MS = 15_000;
export { SEND_RETRIES } from './shared-card-publisher';

type MotionRef = Pick<Motion, 'tenantId' | 'bodyId' | 'meetingId' | 'id'>;

export interface VoteCardPublisherDeps extends MeetingChatCardParts {
  deps: Pick<VoteDeps, 'votes' | 'meetings' | 'clock'>;
}

/**
 * The vote's shared card in the meeting chat: posted when the vote opens (once: a stored claim row
 * keyed by the motion, and the idempotency key `vote-card:<motion>` on the wire), edited in place as
 * ballots come in (turnout; coalesced by the throttle) and at the close (the result, at once). Every
 * failure is logged, never raised: the vote itself stands whatever the chat does. The claim, post,
 * edit and retries are the generic shared card's (shared-card-publisher.ts).
 */
export class VoteCardPublisher {
  private readonly cards: SharedCardPublisher;
  private readonly meetingLinks: TableTeamsMeetingLinks;

  constructor(private readonly p: VoteCardPublisherDeps) {
    this.meetingLinks = new TableTeamsMeetingLinks(p.tables);
    this.cards = new SharedCardPublisher({
      label: 'vote card',
      store: new SharedVoteCardStore(p.tables).store,
      connector: p.connector,
      throttle: p.throttle,
      log: p.log,
      retryTimer: p.retryTimer,
      render: (row) => this.render(row),
    });
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
    const row = voteCardRow({
      tenantId: motion.tenantId,
      bodyId: motion.bodyId,
      meetingId: motion.meetingId,
      motionId: motion.id,
      conversationId: target.conversationId,
      serviceUrl: target.serviceUrl,
      locale: target.locale,
      activityId: '',
      claimedAt: now.toISOString(),
    });
    return this.cards.publish(row, `vote-card:${motion.tenantId}:${motion.id}`, now);
  }

  /**
   * The vote changed (a ballot, the close): edits the shared card, coalesced unless `final`.
   * Resolves once the edit covering this change has run.
   */
  async changed(motion: MotionRef, options: { final?: boolean } = {}): Promise<void> {
    const row = await this.cards.store.get({ ...motion, cardId: motion.id });
    if (!row) return;
    if (!row.activityId) {
      // The post failed earlier: try it again (it renders the current state anyway).
      const current = await this.loadMotion(row);
      if (current?.status === 'open') await this.opened(current);
      return;
    }
    await this.cards.edit(row, options);
  }

  private loadMotion(row: SharedCardRow) {
    return this.p.deps.votes
      .getMotion(row.tenantId, row.bodyId, row.meetingId, row.cardId)
      .then((stored) => stored?.motion ?? null);
  }

  /** The shared view as it stands now (read fresh: a coalesced edit shows the latest state). */
  private async render(row: SharedCardRow) {
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

/** One publisher per services object (so one throttle per process); null without the bot. */
export const voteCardPublisherFor = publisherPerServices(
  VOTE_CARD_EDIT_INTERVAL_MS,
  (services, parts) =>
    new VoteCardPublisher({
      ...parts,
      deps: { ...services.deps, votes: voteRepositoryFor(services) },
    }),
);

export { publishQuietly } from './shared-card-publisher';
