import type { HttpHandler } from '@azure/functions';
import type { Services } from '../services';

/** Anonymous liveness plus a real storage round-trip, for the load balancer and for `npm start`. */
export function healthHandler(services: Services): HttpHandler {
  return async () => {
    try {
      const latencyMs = await services.pingStorage();
      return { jsonBody: { status: 'ok', storage: { status: 'ok', latencyMs } } };
    } catch (error) {
      services.log.warn('storage health check failed', { error: String(error) });
      return {
        status: 503,
        jsonBody: { status: 'degraded', storage: { status: 'unavailable' } },
      };
    }
  };
}
