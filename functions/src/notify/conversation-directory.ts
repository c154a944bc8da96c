import type { CountingTableClient } from '../store/counting-table-client';
import { conversationKeys } from '../store/conversation-store';
import type { ConversationTarget } from './proactive-sender';

/** Who can be reached, and how: a person's 1:1 chat with the bot, or null (app not installed). */
export interface ConversationDirectory {
  personal(tenantId: string, userId: string): Promise<ConversationTarget | null>;
}

/**
 * Reads the references the bot stores (store/conversation-store.ts, table `conversations`): PK
 * `tenant~<user Entra object id>`, RK `personal`, columns serviceUrl, conversationId, locale. One
 * point read per person, counted like every read of the reminder pipeline.
 */
export class TableConversationDirectory implements ConversationDirectory {
  constructor(private readonly table: CountingTableClient) {}

  async personal(tenantId: string, userId: string): Promise<ConversationTarget | null> {
    const key = conversationKeys.personal(tenantId, userId);
    const row = await this.table.get(key.partitionKey, key.rowKey);
    if (!row || !row.serviceUrl || !row.conversationId) return null;
    return {
      tenantId,
      serviceUrl: String(row.serviceUrl),
      conversationId: String(row.conversationId),
      locale: row.locale === 'en' ? 'en' : 'vi',
    };
  }
}

/** Remembers answers for one dispatcher run (many reminders to one person, one read). */
export function cachedDirectory(directory: ConversationDirectory): ConversationDirectory {
  const cache = new Map<string, Promise<ConversationTarget | null>>();
  return {
    personal(tenantId, userId) {
      const key = `${tenantId}|${userId}`;
      let found = cache.get(key);
      if (!found) {
        found = directory.personal(tenantId, userId);
        cache.set(key, found);
        found.catch(() => cache.delete(key));
      }
      return found;
    },
  };
}
