import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';

/**
 * The Teams SDK's HTTP hook without a server: `app.initialize()` registers its routes here (the
 * messaging endpoint, `POST /api/messages`) and our Functions handler calls them. The Functions host
 * (or the local host) owns the listening socket, so there is no start/stop.
 */
export class CapturingHttpAdapter implements IHttpServerAdapter {
  private readonly routes = new Map<string, HttpRouteHandler>();

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  route(method: HttpMethod, path: string): HttpRouteHandler {
    const handler = this.routes.get(`${method} ${path}`);
    if (!handler) throw new Error(`The Teams SDK registered no ${method} ${path} route`);
    return handler;
  }
}
