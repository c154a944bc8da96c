import type { UseCaseDeps } from '@qcdc/core';
import type { TokenValidator } from './auth/token-validator';
import type { DevIssuer } from './auth/dev-issuer';
import type { BotServices } from './bot/bot-config';
import type { ReminderRuntime } from './jobs/reminder-runtime';
import type { GraphServices } from './graph/graph-services';
import type { Logger } from './logger';
import type { DownloadTicketStore } from './store/download-ticket-store';
import type { NotificationSettingsStore } from './store/notification-settings-store';
import type { TableUnitAdminStore } from './store/admin-unit-store';

/** Everything handlers need, built once by the composition root (production or the local host). */
export interface Services {
  /** `deps.reminders` is the due index's hook around writes (jobs/table-reminder-scheduler.ts). */
  deps: UseCaseDeps;
  validateToken: TokenValidator;
  /** Round-trips to storage; resolves with the latency in ms or rejects when storage is down. */
  pingStorage(): Promise<number>;
  downloads: DownloadTicketStore;
  /** Present only when dev auth is explicitly enabled. */
  devIssuer?: DevIssuer | undefined;
  log: Logger;
  /** The Teams bot's settings and conversation references (functions/src/bot); no bot without. */
  bot?: BotServices | undefined;
  /** Reminders: due index, outbox, sender and the timer jobs' settings (functions/src/jobs). */
  reminders?: ReminderRuntime | undefined;
  /** Microsoft Graph (functions/src/graph): rosters, attendance reports, activity feed, reach. */
  graph?: GraphServices | undefined;
  /** Per-person notification channel: chat (default), activity feed or both. */
  notificationSettings: NotificationSettingsStore;
  /** Unit administration: admins, bodies index, dated settings, holiday table (admin-routes.ts). */
  unitAdmin?: TableUnitAdminStore | undefined;
}
