import { randomBytes } from 'node:crypto';
import { keys } from './keys';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

/** What a ticket downloads: a meeting's document, or a body's review for a period. */
export type DownloadTarget =
  | { document: 'minutes' | 'conclusionNotice'; meetingId: string }
  | { document: 'review'; format: 'docx' | 'xlsx'; from: string; to: string };

export type DownloadTicket = {
  tenantId: string;
  userId: string;
  displayName: string;
  bodyId: string;
  expiresAt: string;
} & DownloadTarget;

/**
 * One-time, short-lived download tickets. The ticket id is 256 random bits; the row sits in the
 * requester's partition, so redeeming is a point read plus a conditional delete (used once, even when
 * two requests race for it).
 */
export class DownloadTicketStore {
  constructor(private readonly tables: TableClientFactory) {}

  async issue(ticket: DownloadTicket): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.client().createEntity({
      partitionKey: keys.tenantUser(ticket.tenantId, ticket.userId),
      rowKey: id,
      ...ticket,
    });
    return id;
  }

  /** The ticket if it exists, is unexpired and this call is the one that consumed it; else null. */
  async redeem(
    tenantId: string,
    userId: string,
    id: string,
    now: Date,
  ): Promise<DownloadTicket | null> {
    const partitionKey = keys.tenantUser(tenantId, userId);
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(partitionKey, id);
      await this.client().deleteEntity(partitionKey, id, { etag: String(row.etag) });
      const ticket: DownloadTicket = {
        tenantId,
        userId,
        displayName: String(row.displayName),
        bodyId: String(row.bodyId),
        expiresAt: String(row.expiresAt),
        ...targetOf(row),
      };
      return Date.parse(ticket.expiresAt) > now.getTime() ? ticket : null;
    } catch (error) {
      if (isNotFound(error) || isWriteConflict(error)) return null;
      throw error;
    }
  }

  private client() {
    return this.tables(TABLES.downloadTickets);
  }
}

function targetOf(row: Record<string, unknown>): DownloadTarget {
  if (row.document === 'review') {
    return {
      document: 'review',
      format: row.format === 'xlsx' ? 'xlsx' : 'docx',
      from: String(row.from),
      to: String(row.to),
    };
  }
  return {
    document: row.document === 'conclusionNotice' ? 'conclusionNotice' : 'minutes',
    meetingId: String(row.meetingId),
  };
}
