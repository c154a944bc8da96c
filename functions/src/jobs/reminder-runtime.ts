import type { TableClient } from '@azure/data-tables';
import type { CardLinks } from '@qcdc/cards';
import {
  defaultPlanContext,
  type Clock,
  type PlanContext,
  type WorkCalendarProvider,
} from '@qcdc/core';
import type { TimerHandler } from '@azure/functions';
import type { BotConfig } from '../bot/bot-config';
import type { ActivityFeedSender } from '../graph/activity-feed';
import type { Logger } from '../logger';
import { BotConnectorSender } from '../notify/bot-connector-sender';
import { botTokenProviderFor } from '../notify/bot-token-provider';
import {
  TableConversationDirectory,
  type ConversationDirectory,
} from '../notify/conversation-directory';
import type { ProactiveSender } from '../notify/proactive-sender';
import { SendRateLimiter } from '../notify/rate-limiter';
import {
  CountingTableClient,
  newTableStats,
  type TableStats,
} from '../store/counting-table-client';
import { DueIndexStore } from '../store/due-index-store';
import { NotificationSettingsStore } from '../store/notification-settings-store';
import { OutboxStore } from '../store/outbox-store';
import { runOutboxDispatch, type DispatchOptions } from './outbox-dispatcher';
import { runReminderSweep } from './reminder-sweep';
import { TableReminderSubjects } from './reminder-subjects';
import {
  OUTBOX_DISPATCH_SCHEDULE,
  REMINDER_SWEEP_SCHEDULE,
  REMINDER_TIMING,
  type ReminderTiming,
} from './reminder-timing';
import { TableReminderScheduler } from './table-reminder-scheduler';
import { fixedPlanContexts, UnitPlanContexts, type PlanContexts } from './unit-plan-contexts';

/** The tables the reminder pipeline touches (names vary only in tests, to isolate runs). */
export interface ReminderTables {
  dueIndex: TableClient;
  outbox: TableClient;
  assignments: TableClient;
  meetings: TableClient;
  conversations: TableClient;
  /** Per-person channel choice (notification-settings-store.ts); without it, chat for everyone. */
  notificationSettings?: TableClient | undefined;
  /** Motions and rosters: the sweep checks a vote reminder against them (optional for old callers). */
  votes?: TableClient | undefined;
  /** Front recommendations, citizen cases, disclosures: point reads to check their reminders. */
  consultations?: TableClient | undefined;
  cases?: TableClient | undefined;
  disclosures?: TableClient | undefined;
  /**
   * Units (settings versions, holiday years) and bodies (their unitId): with both, each reminder is
   * planned with its unit's policy and calendar (unit-plan-contexts.ts); without, `plan` for all.
   */
  units?: TableClient | undefined;
  bodies?: TableClient | undefined;
}

/** Everything the reminder jobs and the scheduling hook need, built once per app. */
export interface ReminderRuntime {
  index: DueIndexStore;
  outbox: OutboxStore;
  scheduler: TableReminderScheduler;
  subjects: TableReminderSubjects;
  directory: ConversationDirectory;
  sender: ProactiveSender;
  /** The activity feed channel (Graph), when configured. */
  activityFeed?: ActivityFeedSender | undefined;
  settings?: NotificationSettingsStore | undefined;
  limiter: SendRateLimiter;
  /** The base plan: what a unit without settings versions or holiday rows gets. */
  plan: PlanContext;
  /** Per-unit plan contexts (or `plan` for every unit, when the runtime has no units table). */
  contexts: PlanContexts;
  /** The units' work calendars for deadline counting, when the runtime has the units table. */
  calendars?: WorkCalendarProvider | undefined;
  timing: ReminderTiming;
  clock: Clock;
  links: CardLinks;
  dispatchOptions: Partial<DispatchOptions>;
  /** Entities read and written by the pipeline since start (all its tables, through one layer). */
  stats: TableStats;
}

export interface ReminderRuntimeOptions {
  tables: ReminderTables;
  clock: Clock;
  log: Logger;
  /** The bot's identity for outbound tokens; or a ready sender (tests, benches). */
  bot?: BotConfig | undefined;
  sender?: ProactiveSender;
  /** The activity feed channel (services.graph.activityFeed); absent: feed falls back to chat. */
  activityFeed?: ActivityFeedSender | undefined;
  plan?: PlanContext;
  /** How long one read of a unit's settings and days off serves planning (tests: 0). */
  unitCacheMs?: number;
  timing?: ReminderTiming;
  limiter?: SendRateLimiter;
  dispatchOptions?: Partial<DispatchOptions>;
}

export function createReminderRuntime(options: ReminderRuntimeOptions): ReminderRuntime {
  const stats = newTableStats();
  const counted = (client: TableClient) => new CountingTableClient(client, stats);
  const optional = (client: TableClient | undefined) => (client ? counted(client) : undefined);
  const plan = options.plan ?? defaultPlanContext();
  const timing = options.timing ?? REMINDER_TIMING;
  const index = new DueIndexStore(counted(options.tables.dueIndex));
  const unitContexts =
    options.tables.units && options.tables.bodies
      ? new UnitPlanContexts(
          counted(options.tables.units),
          counted(options.tables.bodies),
          plan,
          options.unitCacheMs,
        )
      : undefined;
  const contexts = unitContexts ?? fixedPlanContexts(plan);
  const sender =
    options.sender ??
    new BotConnectorSender({
      tokens: botTokenProviderFor(options.bot ?? { auth: 'anonymous-local' }),
    });
  return {
    index,
    outbox: new OutboxStore(counted(options.tables.outbox)),
    scheduler: new TableReminderScheduler(
      index,
      plan,
      options.clock,
      options.log,
      timing.lookbackMs,
      contexts,
    ),
    subjects: new TableReminderSubjects(
      counted(options.tables.assignments),
      counted(options.tables.meetings),
      plan.policy,
      options.tables.votes ? counted(options.tables.votes) : undefined,
      {
        consultations: optional(options.tables.consultations),
        cases: optional(options.tables.cases),
        disclosures: optional(options.tables.disclosures),
      },
    ),
    directory: new TableConversationDirectory(counted(options.tables.conversations)),
    sender,
    activityFeed: options.activityFeed,
    settings: options.tables.notificationSettings
      ? new NotificationSettingsStore(counted(options.tables.notificationSettings))
      : undefined,
    limiter: options.limiter ?? new SendRateLimiter(),
    plan,
    contexts,
    calendars: unitContexts,
    timing,
    clock: options.clock,
    links: { openAppUrl: options.bot?.openAppUrl },
    dispatchOptions: options.dispatchOptions ?? {},
    stats,
  };
}

export function sweepOnce(runtime: ReminderRuntime, log: Logger) {
  return runReminderSweep({
    index: runtime.index,
    outbox: runtime.outbox,
    subjects: runtime.subjects,
    plan: runtime.plan,
    contexts: runtime.contexts,
    clock: runtime.clock,
    log,
    timing: runtime.timing,
  });
}

export function dispatchOnce(
  runtime: ReminderRuntime,
  log: Logger,
  extra: Pick<Parameters<typeof runOutboxDispatch>[0], 'afterSend' | 'random'> = {},
) {
  return runOutboxDispatch({
    outbox: runtime.outbox,
    directory: runtime.directory,
    sender: runtime.sender,
    activityFeed: runtime.activityFeed,
    settings: runtime.settings,
    limiter: runtime.limiter,
    clock: runtime.clock,
    log,
    links: runtime.links,
    options: runtime.dispatchOptions,
    quietHours: runtime.plan.policy.quietHours,
    // With per-unit contexts each message waits out its own unit's quiet hours instead.
    contexts: runtime.contexts instanceof UnitPlanContexts ? runtime.contexts : undefined,
    ...extra,
  });
}

/** The two timer jobs, for the route table's createTimerJobs. */
export function reminderTimerJobs(
  runtime: ReminderRuntime,
  log: Logger,
): { name: string; schedule: string; handler: TimerHandler }[] {
  return [
    {
      name: 'reminderSweep',
      schedule: REMINDER_SWEEP_SCHEDULE,
      handler: async () => {
        const result = await sweepOnce(runtime, log);
        if (result.rows > 0) log.info('reminder sweep', { ...result });
      },
    },
    {
      name: 'outboxDispatch',
      schedule: OUTBOX_DISPATCH_SCHEDULE,
      handler: async () => {
        const result = await dispatchOnce(runtime, log);
        if (result.attempts + result.parked > 0) log.info('outbox dispatch', { ...result });
      },
    },
  ];
}
