import type { CountingTableClient } from './counting-table-client';

/**
 * Where a person's reminders and approval requests go: the bot's 1:1 chat (default), the Teams
 * activity feed (Graph `sendActivityNotification`), or both.
 */
export const NOTIFICATION_CHANNELS = ['chat', 'activityFeed', 'both'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const DEFAULT_NOTIFICATION_CHANNEL: NotificationChannel = 'chat';

export interface NotificationSettings {
  channel: NotificationChannel;
  /** UTC ISO of the last change; '' when the person never chose (the default applies). */
  updatedAt: string;
}

/** What the outbox dispatcher needs: one point read per recipient. */
export interface NotificationSettingsReader {
  get(tenantId: string, userId: string): Promise<NotificationSettings>;
}

const SEP = '~';
const ROW = 'settings';

export const notificationSettingsKeys = {
  partition: (tenantId: string, userId: string) => `${tenantId}${SEP}${userId}`,
  row: ROW,
};

const isChannel = (value: unknown): value is NotificationChannel =>
  typeof value === 'string' && (NOTIFICATION_CHANNELS as readonly string[]).includes(value);

/**
 * Per-person notification settings (table `notificationsettings`): PK `<tenant>~<user>`, RK
 * `settings`. Point reads and upserts only; a missing row means the defaults.
 */
export class NotificationSettingsStore implements NotificationSettingsReader {
  constructor(private readonly table: CountingTableClient) {}

  async get(tenantId: string, userId: string): Promise<NotificationSettings> {
    const row = await this.table.get(notificationSettingsKeys.partition(tenantId, userId), ROW);
    return {
      channel: isChannel(row?.channel) ? row.channel : DEFAULT_NOTIFICATION_CHANNEL,
      updatedAt: row ? String(row.updatedAt ?? '') : '',
    };
  }

  async put(
    tenantId: string,
    userId: string,
    settings: { channel: NotificationChannel },
    at: Date,
  ): Promise<NotificationSettings> {
    const updatedAt = at.toISOString();
    await this.table.upsert(
      {
        partitionKey: notificationSettingsKeys.partition(tenantId, userId),
        rowKey: ROW,
        tenantId,
        userId,
        channel: settings.channel,
        updatedAt,
      },
      'Replace',
    );
    return { channel: settings.channel, updatedAt };
  }
}
