import { RestError } from '@azure/data-tables';
import type { Locale } from '@qcdc/core';
import { isNotFound } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

/** Where the bot can write to later: everything a proactive send needs, plus the reader's language. */
export interface ConversationReference {
  tenantId: string;
  /** Teams conversation id (`a:...` personal, `19:...@thread.v2` group chat, `19:...@thread.tacv2` channel). */
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  serviceUrl: string;
  channelId: string;
  botId: string;
  /** Personal chats: the person's Entra object id (the key) and Teams user id. */
  userAadObjectId?: string | undefined;
  userId?: string | undefined;
  /** Channel conversations: the team's id. */
  teamId?: string | undefined;
  /** Proactive messages carry no locale, so the one last seen is kept here. */
  locale: Locale;
  installedAt: string;
  updatedAt: string;
}

export interface ConversationRepository {
  /** Stores the reference seen at install; `created` when none was stored (the welcome goes once). */
  saveInstalled(reference: ConversationReference): Promise<'created' | 'updated'>;
  /** Keeps a stored reference current (service URL, locale): one point read, a write only on change. */
  refresh(reference: ConversationReference): Promise<void>;
  /** The person's personal chat with the bot: one point read. */
  getPersonal(tenantId: string, userAadObjectId: string): Promise<ConversationReference | null>;
  /** A group chat or channel conversation: one point read. */
  getConversation(tenantId: string, conversationId: string): Promise<ConversationReference | null>;
  remove(
    reference: Pick<
      ConversationReference,
      'tenantId' | 'conversationId' | 'conversationType' | 'userAadObjectId'
    >,
  ): Promise<void>;
}

/**
 * Table `conversations`, keyed so every proactive send is a point read:
 * - personal chat:           PK tenant~<user Entra object id>          RK 'personal'
 * - group chat or channel:   PK tenant~<url-encoded conversation id>   RK 'conversation'
 * Conversation ids are url-encoded because Tables forbids / \ # ? in keys.
 */
export const conversationKeys = {
  personal: (tenantId: string, userAadObjectId: string) => ({
    partitionKey: `${tenantId}~${userAadObjectId}`,
    rowKey: 'personal',
  }),
  conversation: (tenantId: string, conversationId: string) => ({
    partitionKey: `${tenantId}~${encodeURIComponent(conversationId)}`,
    rowKey: 'conversation',
  }),
};

function keyOf(
  reference: Pick<
    ConversationReference,
    'tenantId' | 'conversationId' | 'conversationType' | 'userAadObjectId'
  >,
) {
  return reference.conversationType === 'personal' && reference.userAadObjectId
    ? conversationKeys.personal(reference.tenantId, reference.userAadObjectId)
    : conversationKeys.conversation(reference.tenantId, reference.conversationId);
}

type Row = Record<string, unknown> & { etag?: string };

export class TableConversationRepository implements ConversationRepository {
  constructor(private readonly tables: TableClientFactory) {}

  async saveInstalled(reference: ConversationReference): Promise<'created' | 'updated'> {
    try {
      await this.client().createEntity(toEntity(reference));
      return 'created';
    } catch (error) {
      if (!(error instanceof RestError && error.statusCode === 409)) throw error;
    }
    // Installed before (or Teams sent both installationUpdate and conversationUpdate): keep the
    // first install time, take everything else from now.
    const { installedAt: _installedAt, ...rest } = toEntity(reference);
    await this.client().upsertEntity(rest, 'Merge');
    return 'updated';
  }

  async refresh(reference: ConversationReference): Promise<void> {
    const key = keyOf(reference);
    const stored = await this.read(key.partitionKey, key.rowKey);
    if (!stored) {
      try {
        await this.client().createEntity(toEntity(reference));
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 409)) throw error;
      }
      return;
    }
    const changed =
      stored.serviceUrl !== reference.serviceUrl ||
      stored.locale !== reference.locale ||
      stored.conversationId !== reference.conversationId ||
      stored.botId !== reference.botId;
    if (!changed) return;
    const { installedAt: _installedAt, ...rest } = toEntity(reference);
    await this.client().upsertEntity(rest, 'Merge');
  }

  async getPersonal(tenantId: string, userAadObjectId: string) {
    const key = conversationKeys.personal(tenantId, userAadObjectId);
    return this.read(key.partitionKey, key.rowKey);
  }

  async getConversation(tenantId: string, conversationId: string) {
    const key = conversationKeys.conversation(tenantId, conversationId);
    return this.read(key.partitionKey, key.rowKey);
  }

  async remove(
    reference: Pick<
      ConversationReference,
      'tenantId' | 'conversationId' | 'conversationType' | 'userAadObjectId'
    >,
  ): Promise<void> {
    const key = keyOf(reference);
    try {
      await this.client().deleteEntity(key.partitionKey, key.rowKey);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async read(partitionKey: string, rowKey: string): Promise<ConversationReference | null> {
    try {
      return fromEntity(await this.client().getEntity<Row>(partitionKey, rowKey));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  private client() {
    return this.tables(TABLES.conversations);
  }
}

function toEntity(reference: ConversationReference) {
  return {
    ...keyOf(reference),
    tenantId: reference.tenantId,
    conversationId: reference.conversationId,
    conversationType: reference.conversationType,
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    botId: reference.botId,
    userAadObjectId: reference.userAadObjectId ?? '',
    userId: reference.userId ?? '',
    teamId: reference.teamId ?? '',
    locale: reference.locale,
    installedAt: reference.installedAt,
    updatedAt: reference.updatedAt,
  };
}

function fromEntity(row: Row): ConversationReference {
  const optional = (value: unknown) => (value ? String(value) : undefined);
  return {
    tenantId: String(row.tenantId),
    conversationId: String(row.conversationId),
    conversationType: row.conversationType as ConversationReference['conversationType'],
    serviceUrl: String(row.serviceUrl),
    channelId: String(row.channelId),
    botId: String(row.botId),
    userAadObjectId: optional(row.userAadObjectId),
    userId: optional(row.userId),
    teamId: optional(row.teamId),
    locale: row.locale === 'en' ? 'en' : 'vi',
    installedAt: String(row.installedAt),
    updatedAt: String(row.updatedAt),
  };
}
