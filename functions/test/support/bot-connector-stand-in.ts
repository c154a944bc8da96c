import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  TEAMS_PER_CONVERSATION_LIMITS,
  TEAMS_PER_TENANT_LIMITS,
  type WindowLimit,
} from '../../src/notify/teams-rate-limits';

/** One message the stand-in accepted (it may then have hung instead of answering). */
export interface Delivery {
  conversationId: string;
  tenantId: string;
  /** From the `Idempotency-Key` header. */
  headerKey: string;
  /** From `channelData.qcdc.idempotencyKey` in the activity. */
  activityKey: string;
  activity: Record<string, unknown>;
  authorization: string | undefined;
  /** performance.now() when it arrived. */
  at: number;
}

/** An edit of a message already posted (`PUT …/activities/{activityId}`), kept apart from posts. */
export interface Edit {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
  /** performance.now() when it arrived. */
  at: number;
}

export type FaultResponse =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: string }
  /** Record the delivery, then never answer (the client times out: outcome unknown to it). */
  | { kind: 'hang-after-accept' };

export interface FaultRule {
  respond: FaultResponse;
  /** Which requests (default: all). */
  match?: (request: { conversationId: string; key: string; method: 'POST' | 'PUT' }) => boolean;
  /** How many matching requests (default: every one). */
  times?: number;
}

export interface StandInOptions {
  perConversation?: readonly WindowLimit[];
  perTenant?: readonly WindowLimit[];
  /** When set, requests must carry `Authorization: Bearer <token>` (401 otherwise). */
  requireToken?: string;
}

export interface BotConnectorStandIn {
  /** What a stored conversation reference's serviceUrl would be. */
  serviceUrl: string;
  deliveries: Delivery[];
  /** Edits of posted messages (a shared card edited in place), in arrival order. */
  edits: Edit[];
  /** 429 answers given. */
  throttled: number;
  /** Deliveries per idempotency key (header and activity must agree, see `mismatchedKeys`). */
  countsByKey(): Map<string, number>;
  /** Extra deliveries of keys delivered more than once. */
  duplicates(): number;
  mismatchedKeys(): number;
  fail(rule: FaultRule): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/**
 * A stand-in for the Bot Connector service (Teams' side of proactive messages), speaking its wire
 * protocol on 127.0.0.1 and a free port: `POST /v3/conversations/{id}/activities` answers 201 with
 * `{ id }`. It enforces Teams' published limits (per conversation and per tenant, as sliding
 * windows) with 429 + Retry-After, never deduplicates (like the real service), can be told to fail
 * or to accept a message and then hang, and counts deliveries per idempotency key.
 */
export async function startBotConnectorStandIn(
  options: StandInOptions = {},
): Promise<BotConnectorStandIn> {
  const perConversation = options.perConversation ?? TEAMS_PER_CONVERSATION_LIMITS;
  const perTenant = options.perTenant ?? TEAMS_PER_TENANT_LIMITS;
  const deliveries: Delivery[] = [];
  const edits: Edit[] = [];
  const sent = new Map<string, number[]>();
  let faults: (FaultRule & { used: number })[] = [];
  const hanging = new Set<ServerResponse>();
  let throttled = 0;

  /** Milliseconds until one more send fits every window of `key`, 0 when it fits now. */
  const waitFor = (key: string, limits: readonly WindowLimit[], now: number): number => {
    const times = sent.get(key) ?? [];
    let wait = 0;
    for (const limit of limits) {
      const inWindow = times.filter((t) => t > now - limit.windowMs);
      if (inWindow.length >= limit.max) {
        const oldest = inWindow[inWindow.length - limit.max]!;
        wait = Math.max(wait, oldest + limit.windowMs - now);
      }
    }
    return wait;
  };
  const record = (key: string, now: number) => {
    const times = (sent.get(key) ?? []).filter((t) => t > now - 3_600_000);
    times.push(now);
    sent.set(key, times);
  };

  const send = (response: ServerResponse, status: number, body: unknown, headers = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(
      request.url ?? '',
    );
    const method = match?.[2] ? 'PUT' : 'POST';
    if (!match || request.method !== method)
      return send(response, 404, { error: { code: 'NotFound' } });
    const editedId = match[2] ? decodeURIComponent(match[2]) : null;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const now = performance.now();
    const conversationId = decodeURIComponent(match[1]!);
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return send(response, 400, { error: { code: 'BadArgument', message: 'Not JSON' } });
    }
    if (
      options.requireToken &&
      request.headers.authorization !== `Bearer ${options.requireToken}`
    ) {
      return send(response, 401, { error: { code: 'Unauthorized' } });
    }
    if (activity.type !== 'message') {
      return send(response, 400, { error: { code: 'BadArgument', message: 'Not a message' } });
    }
    const channelData = (activity.channelData ?? {}) as {
      tenant?: { id?: string };
      qcdc?: { idempotencyKey?: string };
    };
    const conversation = (activity.conversation ?? {}) as { tenantId?: string };
    const tenantId = conversation.tenantId ?? channelData.tenant?.id ?? 'unknown';
    const headerKey = String(request.headers['idempotency-key'] ?? '');
    const activityKey = channelData.qcdc?.idempotencyKey ?? '';
    const key = activityKey || headerKey;

    const fault = faults.find(
      (rule) =>
        (rule.times === undefined || rule.used < rule.times) &&
        (!rule.match || rule.match({ conversationId, key, method })),
    );
    if (fault?.respond.kind === 'status') {
      fault.used += 1;
      const headers =
        fault.respond.retryAfterSeconds !== undefined
          ? { 'retry-after': String(fault.respond.retryAfterSeconds) }
          : {};
      return send(
        response,
        fault.respond.status,
        { error: { code: 'Injected', message: fault.respond.body ?? 'fault' } },
        headers,
      );
    }

    const conversationKey = `conversation:${conversationId}`;
    const tenantKey = `tenant:${tenantId}`;
    const wait = Math.max(
      waitFor(conversationKey, perConversation, now),
      waitFor(tenantKey, perTenant, now),
    );
    if (wait > 0) {
      throttled += 1;
      return send(
        response,
        429,
        { error: { code: 'TooManyRequests', message: 'Rate limit exceeded' } },
        { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
      );
    }
    record(conversationKey, now);
    record(tenantKey, now);
    if (editedId !== null) {
      edits.push({ conversationId, activityId: editedId, activity, at: now });
      return send(response, 200, { id: editedId });
    }
    deliveries.push({
      conversationId,
      tenantId,
      headerKey,
      activityKey,
      activity,
      authorization: request.headers.authorization,
      at: now,
    });
    if (fault?.respond.kind === 'hang-after-accept') {
      fault.used += 1;
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return; // accepted, and never answered
    }
    send(response, 201, { id: `1:${randomUUID()}` });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, { error: { code: 'StandInError', message: String(error) } });
    });
  });
  server.keepAliveTimeout = 5_000;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('no port'));
    });
  });

  const countsByKey = () => {
    const counts = new Map<string, number>();
    for (const delivery of deliveries) {
      const key = delivery.activityKey || delivery.headerKey;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    deliveries,
    edits,
    get throttled() {
      return throttled;
    },
    countsByKey,
    duplicates: () => [...countsByKey().values()].reduce((sum, n) => sum + n - 1, 0),
    mismatchedKeys: () => deliveries.filter((d) => d.activityKey !== d.headerKey).length,
    fail: (rule) => {
      faults.push({ ...rule, used: 0 });
    },
    clearFaults: () => {
      faults = [];
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
