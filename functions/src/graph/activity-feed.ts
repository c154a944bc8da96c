import { isDomainError } from '@qcdc/core';
import type { GraphGateway } from './graph-gateway';

/**
 * The activity types appPackage/manifest.json declares, with the template parameters each one's
 * `templateText` uses. `{actor}` is Teams' own parameter (the sender: the app, for app-only calls)
 * and is never passed. A test keeps this table and the manifest in step.
 */
export const ACTIVITY_TYPES = {
  taskReminder: ['taskTitle'],
  approvalRequested: ['itemTitle'],
} as const;

export type ActivityFeedActivity =
  { type: 'taskReminder'; taskTitle: string } | { type: 'approvalRequested'; itemTitle: string };

export interface ActivityFeedMessage {
  tenantId: string;
  /** Entra object id of the person whose feed gets it. */
  recipientUserId: string;
  activity: ActivityFeedActivity;
  /** The line under the template text (Teams shows up to 150 characters). */
  previewText: string;
  /** Where a click goes: a Teams deep link to the app's tab (e.g. the personal "my tasks" tab). */
  webUrl: string;
  /** The topic line; defaults to the app's short name. */
  topic?: string;
}

/** Shaped like the bot sender's outcome, so the reminders dispatcher treats both channels alike. */
export type ActivityFeedOutcome =
  | { ok: true }
  | { ok: false; kind: 'throttled'; status: 429; retryAfterMs: number | null; error: string }
  | {
      ok: false;
      kind: 'transient';
      status: number | null;
      retryAfterMs: number | null;
      error: string;
    }
  | { ok: false; kind: 'auth'; status: 401 | 403; error: string }
  | { ok: false; kind: 'rejected'; status: number; error: string };

/**
 * Reminders' second channel: a notification in the person's Teams activity feed. Never throws for
 * what Graph answers. Graph has no idempotency key here: the reminders outbox (one claim per
 * message) is what keeps a reminder from going out twice; the client's own retries only repeat
 * requests Graph refused (429, 503) before doing anything.
 */
export interface ActivityFeedSender {
  send(message: ActivityFeedMessage): Promise<ActivityFeedOutcome>;
}

const MAX_PREVIEW = 150;
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export class GraphActivityFeedSender implements ActivityFeedSender {
  constructor(
    private readonly gateway: GraphGateway,
    private readonly appName = 'QCDC',
  ) {}

  async send(message: ActivityFeedMessage): Promise<ActivityFeedOutcome> {
    const { type, ...values } = message.activity;
    const names: readonly string[] = ACTIVITY_TYPES[type];
    const templateParameters = names.map((name) => ({
      name,
      value: clip(String((values as Record<string, string>)[name] ?? ''), 100),
    }));
    try {
      await this.gateway.sendActivityNotification(
        { kind: 'app', tenantId: message.tenantId },
        message.recipientUserId,
        {
          topic: { source: 'text', value: message.topic ?? this.appName, webUrl: message.webUrl },
          activityType: type,
          previewText: { content: clip(message.previewText, MAX_PREVIEW) },
          templateParameters,
        },
      );
      return { ok: true };
    } catch (error) {
      if (!isDomainError(error)) {
        return {
          ok: false,
          kind: 'transient',
          status: null,
          retryAfterMs: null,
          error: String(error),
        };
      }
      const text = `${error.code} ${JSON.stringify(error.params)}`;
      switch (error.code) {
        case 'GRAPH.THROTTLED':
          return {
            ok: false,
            kind: 'throttled',
            status: 429,
            retryAfterMs: Number(error.params.retryAfter ?? 30) * 1000,
            error: text,
          };
        case 'GRAPH.UNAVAILABLE':
          return { ok: false, kind: 'transient', status: null, retryAfterMs: null, error: text };
        case 'GRAPH.CONSENT_REQUIRED':
        case 'GRAPH.PERMISSION_DENIED':
        case 'GRAPH.NOT_CONFIGURED':
          return { ok: false, kind: 'auth', status: 403, error: text };
        case 'GRAPH.NOT_FOUND':
          return { ok: false, kind: 'rejected', status: 404, error: text };
        default:
          return { ok: false, kind: 'rejected', status: 400, error: text };
      }
    }
  }
}
