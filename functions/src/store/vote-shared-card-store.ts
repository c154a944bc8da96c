import type { Locale } from '@qcdc/core';
import { SharedCardStore, type SharedCardLayout, type SharedCardRow } from './shared-card-store';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';
import { voteKeys } from './vote-entities';

/** Where a vote's shared card was posted (one per motion), and its message id once Teams gave it. */
export interface SharedVoteCard {
  tenantId: string;
  bodyId: string;
  meetingId: string;
  motionId: string;
  conversationId: string;
  serviceUrl: string;
  locale: Locale;
  /** '' until the post succeeded. */
  activityId: string;
  claimedAt: string;
}

/**
 * The shared vote card rows, in the body's partition of the `votes` table (RK
 * `card~<meetingId>~<motionId>`, apart from the `motion~` range every motion query reads).
 */
export const VOTE_CARD_LAYOUT: SharedCardLayout = {
  table: TABLES.votes,
  partitionKey: (tenantId, bodyId) => voteKeys.bodyPartition(tenantId, bodyId),
  rowKey: (meetingId, motionId) => `card~${meetingId}~${motionId}`,
  cardIdColumn: 'motionId',
};

export const voteCardRow = (card: SharedVoteCard): SharedCardRow => {
  const { motionId, ...rest } = card;
  return { ...rest, cardId: motionId, details: {} };
};

/** The generic shared card store over the vote layout, in the vote's own terms. */
export class SharedVoteCardStore {
  readonly store: SharedCardStore;

  constructor(tables: TableClientFactory) {
    this.store = new SharedCardStore(tables, VOTE_CARD_LAYOUT);
  }

  claim(card: SharedVoteCard): Promise<'claimed' | 'exists'> {
    return this.store.claim(voteCardRow(card));
  }

  async get(
    key: Pick<SharedVoteCard, 'tenantId' | 'bodyId' | 'meetingId' | 'motionId'>,
  ): Promise<SharedVoteCard | null> {
    const row = await this.store.get({ ...key, cardId: key.motionId });
    if (!row) return null;
    const { cardId, details: _details, ...rest } = row;
    return { ...rest, motionId: cardId };
  }

  update(card: SharedVoteCard): Promise<void> {
    return this.store.update(voteCardRow(card));
  }
}
