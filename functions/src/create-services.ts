import { systemClock } from '@qcdc/core';
import { monotonicFactory } from 'ulid';
import { createTokenValidator, entraValidatorOptions } from './auth/token-validator';
import { devIssuerValidatorOptions, type DevIssuer } from './auth/dev-issuer';
import type { AppConfig } from './config';
import { createGraphServices } from './graph/graph-services';
import type { Logger } from './logger';
import { withFrontReminders } from './jobs/front-reminder-hooks';
import { createReminderRuntime } from './jobs/reminder-runtime';
import { withReportingReminders } from './jobs/reporting-reminder-hooks';
import type { Services } from './services';
import { TableAssignmentRepository } from './store/assignment-store';
import { TableCaseRepository } from './store/case-store';
import { HeadlineCache } from './store/headline-cache';
import { TableConsultationRepository } from './store/consultation-store';
import { TableDisclosureRepository } from './store/disclosure-store';
import { TableBodyRepository } from './store/body-store';
import { TableConversationRepository } from './store/conversation-store';
import { CountingTableClient } from './store/counting-table-client';
import { DownloadTicketStore } from './store/download-ticket-store';
import { NotificationSettingsStore } from './store/notification-settings-store';
import { TableMeetingRepository } from './store/meeting-store';
import { TableUnitAdminStore } from './store/admin-unit-store';
import { withUnitSettingsDeadlines } from './store/unit-settings-deadlines';
import {
  connectionStringTables,
  credentialTables,
  type TableClientFactory,
} from './store/table-client-factory';
import { DefaultAzureCredential } from '@azure/identity';
import { scopedTables } from './store/scoped-tables';
import { TABLES } from './store/table-names';

/** The composition root: adapters wired to core's ports. */
export function createServices(
  config: AppConfig,
  log: Logger,
  devIssuer?: DevIssuer,
): Services & { tables: TableClientFactory; bodies: TableBodyRepository } {
  // Every store reads through the scan guard: a query that names no partition throws.
  const tables = scopedTables(
    config.storage.kind === 'connectionString'
      ? connectionStringTables(config.storage.connectionString)
      : // AZURE_CLIENT_ID selects the user-assigned identity when there are several.
        credentialTables(config.storage.accountUrl, new DefaultAzureCredential()),
  );
  const tableBodies = new TableBodyRepository(tables);
  const unitAdmin = new TableUnitAdminStore(tables);
  const ulid = monotonicFactory();
  const graph = config.graph ? createGraphServices(config.graph, tables, log) : undefined;
  const reminders = createReminderRuntime({
    tables: {
      dueIndex: tables(TABLES.dueIndex),
      outbox: tables(TABLES.outbox),
      assignments: tables(TABLES.assignments),
      meetings: tables(TABLES.meetings),
      conversations: tables(TABLES.conversations),
      notificationSettings: tables(TABLES.notificationSettings),
      votes: tables(TABLES.votes),
      consultations: tables(TABLES.consultations),
      cases: tables(TABLES.cases),
      disclosures: tables(TABLES.disclosures),
      // Each reminder is planned with its unit's settings in force and its days off.
      units: tables(TABLES.units),
      bodies: tables(TABLES.bodies),
    },
    clock: systemClock,
    log,
    bot: config.bot,
    activityFeed: graph?.activityFeed,
  });
  // A body's reporting reminders follow its head(s) and secretary(ies) on every change of people.
  const bodies = withReportingReminders(tableBodies, {
    clock: systemClock,
    reminders: reminders.scheduler,
    log,
  });
  const validatorOptions =
    config.auth.mode === 'dev'
      ? devIssuerValidatorOptions(
          config.auth.issuerBaseUrl,
          config.auth.audience,
          config.auth.allowedTenants,
        )
      : entraValidatorOptions(config.auth.audience, config.auth.allowedTenants);
  return {
    tables,
    bodies,
    deps: {
      bodies,
      meetings: new TableMeetingRepository(tables),
      // One headline cache per process (createServices runs once per process: index.ts, dev host),
      // kept across requests; every read validates it against the body's version row in storage.
      assignments: new TableAssignmentRepository(tables, new HeadlineCache()),
      // Front recommendations, cases and disclosures plan their reminders around each write.
      ...withFrontReminders(
        {
          consultations: new TableConsultationRepository(tables),
          // Case and Front deadlines also see the unit's dated settings versions.
          cases: withUnitSettingsDeadlines(new TableCaseRepository(tables), unitAdmin),
          disclosures: new TableDisclosureRepository(tables),
        },
        reminders.scheduler,
        bodies,
      ),
      clock: systemClock,
      ids: { next: () => ulid() },
      reminders: reminders.scheduler,
      // Working-day deadlines count the unit's own days off (unit-plan-contexts.ts).
      calendars: reminders.calendars,
    },
    validateToken: createTokenValidator(validatorOptions),
    downloads: new DownloadTicketStore(tables),
    pingStorage: async () => {
      const started = performance.now();
      // A point read of a key that never exists: one cheap round-trip, no scan.
      const rows = tables(TABLES.units).listEntities({
        queryOptions: { filter: `PartitionKey eq '~health' and RowKey eq '~health'` },
        // A health probe must answer quickly, not wait out the SDK's retries.
        abortSignal: AbortSignal.timeout(3_000),
      });
      await rows.byPage({ maxPageSize: 1 }).next();
      return Math.round(performance.now() - started);
    },
    devIssuer: config.auth.mode === 'dev' ? devIssuer : undefined,
    graph,
    notificationSettings: new NotificationSettingsStore(
      new CountingTableClient(tables(TABLES.notificationSettings)),
    ),
    log,
    bot: { config: config.bot, conversations: new TableConversationRepository(tables) },
    reminders,
    unitAdmin,
  };
}
