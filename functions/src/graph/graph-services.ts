import type { TeamsMeetingLinkRepository } from '@qcdc/core';
import type { Logger } from '../logger';
import type { TableClientFactory } from '../store/table-client-factory';
import { GraphActivityFeedSender, type ActivityFeedSender } from './activity-feed';
import { graphClientFactory } from './graph-client';
import type { GraphConfig } from './graph-config';
import { GraphGateway } from './graph-gateway';
import { TableTeamsMeetingLinks } from './teams-meeting-links';
import { createMsalTokenProvider, type GraphTokenProvider } from './token-provider';

/** What the Graph routes (and the reminders dispatcher, for the activity feed) use. */
export interface GraphServices {
  config: GraphConfig;
  /** For request handlers: retries within what a request can wait. */
  gateway: GraphGateway;
  /** Reminders' second channel (app-only); few in-client retries, the outbox retries the rest. */
  activityFeed: ActivityFeedSender;
  teamsMeetings: TeamsMeetingLinkRepository;
}

export function createGraphServices(
  config: GraphConfig,
  tables: TableClientFactory,
  log: Logger,
  tokens: GraphTokenProvider = createMsalTokenProvider(config, log),
): GraphServices {
  const gateway = new GraphGateway(
    graphClientFactory(config, tokens, config.retry),
    config.baseUrl,
    log,
  );
  const feedGateway = new GraphGateway(
    graphClientFactory(config, tokens, {
      maxRetries: Math.min(2, config.retry.maxRetries),
      maxRetryAfterSeconds: Math.min(10, config.retry.maxRetryAfterSeconds),
    }),
    config.baseUrl,
    log,
  );
  return {
    config,
    gateway,
    activityFeed: new GraphActivityFeedSender(feedGateway),
    teamsMeetings: new TableTeamsMeetingLinks(tables),
  };
}
