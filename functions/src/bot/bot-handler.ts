import type { HttpHandler, HttpRequest, HttpResponseInit } from '@azure/functions';
import type { HttpRouteHandler } from '@microsoft/teams.apps';
import type { Services } from '../services';
import { createBotApp } from './bot-app';
import type { BotServices } from './bot-config';
import { CapturingHttpAdapter } from './capturing-adapter';

/** The path the Teams SDK registers its messaging endpoint on (its default). */
export const MESSAGING_ENDPOINT = '/api/messages';

/**
 * The Functions handler for `POST /api/messages`. The Teams SDK App is built once, on the first
 * request (`app.initialize()`, never `app.start()`): its HTTP server registers the messaging route
 * on our adapter, and each request is handed to that route as `{ body, headers }`. The SDK validates
 * the Bot Framework token (unless the local anonymous mode is on), runs our activity handlers (which
 * reply to the activity's serviceUrl) and answers `{ status, body }`.
 */
export function createBotHandler(
  services: Services,
  bot: BotServices | undefined = services.bot,
): HttpHandler {
  if (!bot) {
    return async () => ({
      status: 503,
      jsonBody: { error: 'The bot is not configured on this host' },
    });
  }
  const configured = bot;
  let ready: Promise<HttpRouteHandler> | undefined;
  const messagingRoute = async () => {
    const adapter = new CapturingHttpAdapter();
    await createBotApp(services, configured, adapter).initialize();
    return adapter.route('POST', MESSAGING_ENDPOINT);
  };

  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const body = await readActivity(request);
    if (!body) return { status: 400, jsonBody: { error: 'The body must be a JSON activity' } };
    ready ??= messagingRoute().catch((error: unknown) => {
      ready = undefined; // let the next request try again
      throw error;
    });
    const handle = await ready;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const response = await handle({ body, headers });
    return response.body === undefined
      ? { status: response.status }
      : { status: response.status, jsonBody: response.body };
  };
}

async function readActivity(request: HttpRequest): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
