import { RestError } from '@azure/data-tables';
import type { Locale } from '@qcdc/core';
import { isNotFound } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import type { TableName } from './table-names';

/** Which shared card of a meeting: a vote's (`cardId` = the motion id) or the minutes' of an edition. */
export interface SharedCardRef {
  tenantId: string;
  bodyId: string;
  meetingId: string;
  cardId: string;
}

/** Where a shared card was posted, and its message id once Teams gave it. */
export interface SharedCardRow extends SharedCardRef {
  conversationId: string;
  serviceUrl: string;
  locale: Locale;
  /** '' until the post succeeded. */
  activityId: string;
  claimedAt: string;
  /** What the card's owner keeps beside it (e.g. when the minutes were submitted). */
  details: Record<string, string>;
}

/**
 * Where one kind of shared card keeps its rows: the table, the body's partition in it, a row key
 * outside every range the table's own queries read, and the column naming the card (the vote rows
 * written before this was generic call it `motionId`, and keep doing so).
 */
export interface SharedCardLayout {
  table: TableName;
  partitionKey(tenantId: string, bodyId: string): string;
  rowKey(meetingId: string, cardId: string): string;
  cardIdColumn: string;
}

/**
 * Shared card rows. Creating the row is the claim to post: a second poster (another instance, a
 * retried request) finds it and posts nothing; the row then holds the message id every edit uses.
 */
export class SharedCardStore {
  constructor(
    private readonly tables: TableClientFactory,
    private readonly layout: SharedCardLayout,
  ) {}

  /** Insert-if-absent: `claimed` for the first caller, `exists` for everyone after. */
  async claim(card: SharedCardRow): Promise<'claimed' | 'exists'> {
    try {
      await this.client().createEntity(this.entityOf(card));
      return 'claimed';
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return 'exists';
      throw error;
    }
  }

  async get(ref: SharedCardRef): Promise<SharedCardRow | null> {
    const { partitionKey, rowKey } = this.keyOf(ref);
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(partitionKey, rowKey);
      return {
        tenantId: String(row.tenantId),
        bodyId: String(row.bodyId),
        meetingId: String(row.meetingId),
        cardId: String(row[this.layout.cardIdColumn]),
        conversationId: String(row.conversationId),
        serviceUrl: String(row.serviceUrl),
        locale: row.locale === 'en' ? 'en' : 'vi',
        activityId: String(row.activityId ?? ''),
        claimedAt: String(row.claimedAt ?? ''),
        details: parseDetails(row.details),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Records the posted message's id, a fresh claim time, or new details. */
  async update(card: SharedCardRow): Promise<void> {
    await this.client().upsertEntity(this.entityOf(card), 'Replace');
  }

  private entityOf(card: SharedCardRow) {
    const { cardId, details, ...rest } = card;
    return {
      ...this.keyOf(card),
      ...rest,
      [this.layout.cardIdColumn]: cardId,
      // Only when there are any: the vote rows keep exactly their old columns.
      ...(Object.keys(details).length > 0 ? { details: JSON.stringify(details) } : {}),
    };
  }

  private keyOf(ref: SharedCardRef) {
    return {
      partitionKey: this.layout.partitionKey(ref.tenantId, ref.bodyId),
      rowKey: this.layout.rowKey(ref.meetingId, ref.cardId),
    };
  }

  private client() {
    return this.tables(this.layout.table);
  }
}

function parseDetails(value: unknown): Record<string, string> {
  if (typeof value !== 'string' || !value) return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}
