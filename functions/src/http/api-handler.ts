import type {
  HttpHandler,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import { isDomainError, pickLocale, type Actor, type Locale } from '@qcdc/core';
import { ZodError } from 'zod';
import type { Services } from '../services';
import { errorResponse } from './error-response';

export interface ApiRequest {
  request: HttpRequest;
  actor: Actor;
  locale: Locale;
  params: Record<string, string>;
}

export type ApiHandler = (call: ApiRequest) => Promise<HttpResponseInit>;

/**
 * The edge every authenticated route goes through: token validation, then the handler, then one
 * mapping from whatever was thrown to a stable error answer. Bad input never becomes a 500.
 */
export function authenticated(services: Services, handler: ApiHandler): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext) => {
    const locale = pickLocale(request.headers.get('accept-language'));
    try {
      const actor = await services.validateToken(request.headers.get('authorization'));
      return withNoStore(await handler({ request, actor, locale, params: request.params }));
    } catch (error) {
      return withNoStore(handleError(services, context, error, locale));
    }
  };
}

export function handleError(
  services: Services,
  context: InvocationContext,
  error: unknown,
  locale: Locale,
): HttpResponseInit {
  if (!isDomainError(error) && !(error instanceof ZodError)) {
    services.log.error('unhandled error', {
      invocationId: context.invocationId,
      function: context.functionName,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
  return errorResponse(error, locale);
}

/** API answers are per user: never cached by a proxy or the browser. */
function withNoStore(response: HttpResponseInit): HttpResponseInit {
  return {
    ...response,
    headers: { 'cache-control': 'no-store', ...(response.headers as Record<string, string>) },
  };
}
