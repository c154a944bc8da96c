import { cardText, minutesApprovalCard, minutesStatusText } from '@qcdc/cards';
import type { Meeting, UseCaseDeps } from '@qcdc/core';
import { minutesApprovalData } from '../bot/minutes-approval';
import { TableTeamsMeetingLinks } from '../graph/teams-meeting-links';
import type { Services } from '../services';
import { keys } from '../store/keys';
import {
  SharedCardStore,
  type SharedCardLayout,
  type SharedCardRef,
  type SharedCardRow,
} from '../store/shared-card-store';
import { TABLES } from '../store/table-names';
import {
  publishQuietly,
  publisherPerServices,
  SharedCardPublisher,
  type MeetingChatCardParts,
} from './shared-card-publisher';
import { meetingChatTarget } from './vote-card-target';

/**
 * The minutes' shared card rows: one per meeting and edition, in the body's partition of the
 * `meetings` table (RK `minutescard~<meetingId>~<edition>`, outside the `meeting~`, `audit~` and
 * `teamsmeeting~` rows the meeting queries read).
 */
export const MINUTES_CARD_LAYOUT: SharedCardLayout = {
  table: TABLES.meetings,
  partitionKey: (tenantId, bodyId) => keys.tenantBody(tenantId, bodyId),
  rowKey: (meetingId, edition) => `minutescard~${meetingId}~${edition}`,
  cardIdColumn: 'edition',
};

/** Every minutes edit is a decision or a new submission, shown at once; this only spaces bursts. */
const MINUTES_CARD_EDIT_INTERVAL_MS = 15_000;

export interface MinutesCardPublisherDeps extends MeetingChatCardParts {
  deps: Pick<UseCaseDeps, 'meetings' | 'bodies' | 'clock'>;
}

type MeetingRef = Pick<Meeting, 'tenantId' | 'bodyId' | 'id' | 'minutes'>;

/**
 * The minutes' status card in the meeting chat, so everyone there sees where the minutes stand:
 * posted when an edition is first submitted (once: the claim row, and the idempotency key
 * `minutes-card:<tenant>:<meeting>:<edition>` on the wire), edited at once for everyone when the
 * chair approves or returns it and when the secretary submits it again. One card per edition: a
 * return and re-submission are one story told on the same card (its buttons always carry the
 * current meeting version), while a correction after approval starts a new edition and a new card,
 * leaving the approved one in the chat as the record of what was sealed. The chair's (and the
 * secretary's) refreshed view is the approval card with the buttons, answered by minutes-approval.ts.
 */
export class MinutesCardPublisher {
  private readonly cards: SharedCardPublisher;
  private readonly meetingLinks: TableTeamsMeetingLinks;

  constructor(private readonly p: MinutesCardPublisherDeps) {
    this.meetingLinks = new TableTeamsMeetingLinks(p.tables);
    this.cards = new SharedCardPublisher({
      label: 'minutes card',
      store: new SharedCardStore(p.tables, MINUTES_CARD_LAYOUT),
      connector: p.connector,
      throttle: p.throttle,
      log: p.log,
      retryTimer: p.retryTimer,
      render: (row) => this.render(row),
    });
  }

  get store(): SharedCardStore {
    return this.cards.store;
  }

  /** The minutes were just submitted (`meeting` as the submission left it). */
  async submitted(
    meeting: Meeting,
  ): Promise<'posted' | 'edited' | 'exists' | 'noTarget' | 'notInReview' | 'failed'> {
    if (meeting.status !== 'minutesInReview') return 'notInReview';
    // The submission's own change stamped `updatedAt`; the meeting keeps no other submission time.
    const details = { submittedAt: meeting.updatedAt, submittedVersion: String(meeting.version) };
    const stored = await this.cards.store.get(refOf(meeting));
    if (stored?.activityId) {
      if (stored.details.submittedVersion === details.submittedVersion) return 'exists';
      // Submitted again after a return: the same card now says so, for everyone.
      const row = { ...stored, details };
      await this.cards.store.update(row);
      await this.cards.edit(row, { final: true });
      return 'edited';
    }
    const target = await meetingChatTarget(this.meetingLinks, this.p.bot.conversations, {
      tenantId: meeting.tenantId,
      bodyId: meeting.bodyId,
      meetingId: meeting.id,
    });
    if (!target) return 'noTarget';
    const now = this.p.deps.clock.now();
    const row: SharedCardRow = {
      ...refOf(meeting),
      conversationId: target.conversationId,
      serviceUrl: target.serviceUrl,
      locale: target.locale,
      activityId: '',
      claimedAt: now.toISOString(),
      details,
    };
    return this.cards.publish(row, idempotencyKey(row), now);
  }

  /** The chair approved or returned the minutes: everyone's card shows it now (never coalesced). */
  async decided(meeting: MeetingRef): Promise<void> {
    const row = await this.cards.store.get(refOf(meeting));
    if (!row) return;
    if (!row.activityId) {
      // The post failed (or is still running): post the current state once its claim is stale.
      const now = this.p.deps.clock.now();
      await this.cards.publish({ ...row, claimedAt: now.toISOString() }, idempotencyKey(row), now);
      return;
    }
    await this.cards.edit(row, { final: true });
  }

  /** The shared view as the minutes stand now; nothing once the meeting moved to another edition. */
  private async render(row: SharedCardRow) {
    const stored = await this.p.deps.meetings.getMeeting(row.tenantId, row.bodyId, row.meetingId);
    if (!stored || String(stored.meeting.minutes.edition) !== row.cardId) return null;
    const { meeting } = stored;
    const members = await this.p.deps.bodies.listMembers(row.tenantId, row.bodyId);
    // No conclusions: the shared view never shows the draft's text.
    const data = minutesApprovalData(meeting, '', members, this.p.links);
    const card = minutesApprovalCard(
      row.locale,
      data,
      { userId: null },
      { kind: 'shared', submittedAt: row.details.submittedAt },
    );
    const status = minutesStatusText(row.locale, data.decision);
    return {
      summary: cardText(row.locale, 'minutes.shared.summary', { title: meeting.title, status }),
      card,
    };
  }
}

const refOf = (meeting: MeetingRef): SharedCardRef => ({
  tenantId: meeting.tenantId,
  bodyId: meeting.bodyId,
  meetingId: meeting.id,
  cardId: String(meeting.minutes.edition),
});

const idempotencyKey = (row: SharedCardRef) =>
  `minutes-card:${row.tenantId}:${row.meetingId}:${row.cardId}`;

/** One publisher per services object (one throttle per process); null without the bot. */
export const minutesCardPublisherFor = publisherPerServices(
  MINUTES_CARD_EDIT_INTERVAL_MS,
  (services, parts) => new MinutesCardPublisher({ ...parts, deps: services.deps }),
);

/** After a submission: the shared card in the meeting chat, never failing the submission. */
export function minutesSubmittedQuietly(services: Services, meeting: Meeting): Promise<void> {
  const publisher = minutesCardPublisherFor(services);
  if (!publisher) return Promise.resolve();
  return publishQuietly(services.log, 'minutes post', () => publisher.submitted(meeting));
}

/** After the chair's decision (tab, API or card): the shared card's final edit, never failing it. */
export function minutesDecidedQuietly(services: Services, meeting: MeetingRef): Promise<void> {
  const publisher = minutesCardPublisherFor(services);
  if (!publisher) return Promise.resolve();
  return publishQuietly(services.log, 'minutes edit', () => publisher.decided(meeting));
}
