import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  PageIterator,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import type { GraphConfig } from './graph-config';
import type { GraphAuth, GraphOperation } from './graph-permissions';
import type { GraphTokenProvider } from './token-provider';

export interface RetryPolicy {
  maxRetries: number;
  /** A Retry-After longer than this is not waited out: the caller gets GRAPH.THROTTLED at once. */
  maxRetryAfterSeconds: number;
  /** Seconds to wait before a retry when the answer carries no Retry-After (then exponential). */
  baseDelaySeconds?: number;
}

/**
 * The retry policy, as the Graph client's own RetryHandler options: 429, 503 and 504 are retried up
 * to `maxRetries` times, waiting what Retry-After says (else exponential backoff with jitter). A
 * 504 on a write is not repeated (the service may have done it), and a Retry-After beyond what a
 * request can wait surfaces as a throttling error instead of holding the request.
 */
export function retryHandlerOptions(policy: RetryPolicy): RetryHandlerOptions {
  return new RetryHandlerOptions(
    policy.baseDelaySeconds ?? 1,
    policy.maxRetries,
    (_delay, _attempt, request, options, response) => {
      const method = (
        options?.method ?? (typeof request === 'string' ? 'GET' : request.method)
      ).toUpperCase();
      if (response.status === 504 && method !== 'GET') return false;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      return retryAfter === null || retryAfter <= policy.maxRetryAfterSeconds;
    },
  );
}

export function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - Date.now()) / 1000);
}

/**
 * A client for one call context, and the token failure (if any) that stopped it: the Graph client
 * wraps anything its middleware throws in a GraphError, so the stable error is kept aside here.
 */
export interface GraphCallContext {
  client: Client;
  tokenFailure(): unknown;
}

export type GraphClientFor = (auth: GraphAuth, operation: GraphOperation) => GraphCallContext;

/**
 * A Graph client per call context: the library's middleware chain (authentication, retry, redirect,
 * telemetry, fetch) with our token source and retry policy. Tokens are attached only to requests for
 * the configured Graph host (`customHosts` when it is the stand-in), never to any other host.
 */
export function graphClientFactory(
  config: Pick<GraphConfig, 'baseUrl'>,
  tokens: GraphTokenProvider,
  policy: RetryPolicy,
): GraphClientFor {
  const host = new URL(config.baseUrl).hostname;
  const customHosts = host === 'graph.microsoft.com' ? undefined : new Set([host]);
  return (auth, operation) => {
    let failure: unknown = null;
    const authentication = new AuthenticationHandler({
      getAccessToken: async () => {
        try {
          return await tokens.tokenFor(auth, operation);
        } catch (error) {
          failure = error;
          throw error;
        }
      },
    });
    const retry = new RetryHandler(retryHandlerOptions(policy));
    const redirect = new RedirectHandler();
    const telemetry = new TelemetryHandler();
    authentication.setNext(retry);
    retry.setNext(redirect);
    redirect.setNext(telemetry);
    telemetry.setNext(new HTTPMessageHandler());
    const client = Client.initWithMiddleware({
      middleware: authentication,
      baseUrl: config.baseUrl,
      defaultVersion: 'v1.0',
      ...(customHosts ? { customHosts } : {}),
    });
    return { client, tokenFailure: () => failure };
  };
}

/**
 * Every item of a paged collection, following `@odata.nextLink` with the client's PageIterator (each
 * page through the same middleware: token, retries). Stops early past `max` items and says so.
 */
export async function collectPages<T>(
  client: Client,
  first: PageCollection,
  map: (item: unknown) => T | null,
  max = Number.POSITIVE_INFINITY,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let truncated = false;
  const iterator = new PageIterator(client, first, (item: unknown) => {
    const mapped = map(item);
    if (mapped !== null) items.push(mapped);
    if (items.length > max) {
      truncated = true;
      return false;
    }
    return true;
  });
  await iterator.iterate();
  return { items, truncated };
}
