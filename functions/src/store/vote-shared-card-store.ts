import { RestError } from '@azure/data-tables';
import type { Locale } from '@qcdc/core';
import { isNotFound } from './storage-errors';
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
 * `card~<meetingId>~<motionId>`, apart from the `motion~` range every motion query reads). Creating
 * the row is the claim to post: a second opener (or a retried open) finds it and posts nothing.
 */
export class SharedVoteCardStore {
  constructor(private readonly tables: TableClientFactory) {}

  /** Insert-if-absent: `claimed` for the first caller, `exists` for everyone after. */
  async claim(card: SharedVoteCard): Promise<'claimed' | 'exists'> {
    try {
      await this.client().createEntity({ ...keyOf(card), ...card });
      return 'claimed';
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return 'exists';
      throw error;
    }
  }

  async get(
    key: Pick<SharedVoteCard, 'tenantId' | 'bodyId' | 'meetingId' | 'motionId'>,
  ): Promise<SharedVoteCard | null> {
    const { partitionKey, rowKey } = keyOf(key);
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(partitionKey, rowKey);
      return {
        tenantId: String(row.tenantId),
        bodyId: String(row.bodyId),
        meetingId: String(row.meetingId),
        motionId: String(row.motionId),
        conversationId: String(row.conversationId),
        serviceUrl: String(row.serviceUrl),
        locale: row.locale === 'en' ? 'en' : 'vi',
        activityId: String(row.activityId ?? ''),
        claimedAt: String(row.claimedAt ?? ''),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Records the posted message's id (or a fresh claim time when a stale claim is taken over). */
  async update(card: SharedVoteCard): Promise<void> {
    await this.client().upsertEntity({ ...keyOf(card), ...card }, 'Replace');
  }

  private client() {
    return this.tables(TABLES.votes);
  }
}

function keyOf(key: Pick<SharedVoteCard, 'tenantId' | 'bodyId' | 'meetingId' | 'motionId'>) {
  return {
    partitionKey: voteKeys.bodyPartition(key.tenantId, key.bodyId),
    rowKey: `card~${key.meetingId}~${key.motionId}`,
  };
}
