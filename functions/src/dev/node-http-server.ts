import functions, { type HttpResponseInit } from '@azure/functions';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { HttpRoute } from '../app';
import type { Logger } from '../logger';
import { matchRoute } from './route-matcher';
import { readStaticFile } from './static-files';

const { HttpRequest, InvocationContext } = functions;

const gzipAsync = promisify(gzip);

/**
 * API answers are compressed only where production compresses them. The Functions host on Linux
 * (Flex Consumption) sends handlers' bytes as they are unless the app setting
 * `AzureWebJobsFeatureFlags` names `EnableResponseCompression` (infra/modules/function-app.bicep
 * does not set it today), so by default the local host does not gzip JSON either; with the same
 * setting in its environment it does (JSON over 1 KB, when the client accepts gzip). Measured on a
 * year's dashboard rows: 360 kB → 21 kB for ~2 ms of CPU. The built tabs are always served gzipped,
 * as Azure Static Web Apps serves them (static-files.ts).
 */
function compressesApiAnswers(): boolean {
  return (process.env['AzureWebJobsFeatureFlags'] ?? '')
    .split(',')
    .some((flag) => flag.trim() === 'EnableResponseCompression');
}
const MIN_GZIP_BYTES = 1024;

/** Requests bigger than this are cut off before any handler runs (handlers enforce their own limits). */
const MAX_REQUEST_BYTES = 1024 * 1024;

export interface NodeHostOptions {
  /** Mounted under /api, like the Functions host's route prefix. */
  apiRoutes: HttpRoute[];
  /** Mounted at the root (the dev issuer). */
  rootRoutes: HttpRoute[];
  tabsDir: string;
  log: Logger;
}

/**
 * A plain Node HTTP server that plays the Functions host locally: it turns each request into the
 * library's own HttpRequest, calls the same handler production registers, and writes the answer back.
 */
export function createNodeHttpServer(options: NodeHostOptions): Server {
  return createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      options.log.error('local host failed a request', { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
}

async function handle(options: NodeHostOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;

  const mounted = path.startsWith('/api/')
    ? findRoute(options.apiRoutes, path.slice('/api/'.length), method)
    : findRoute(options.rootRoutes, path.slice(1), method);
  if (mounted === 'method-not-allowed') {
    res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  if (mounted) {
    const body = await readBody(req);
    if (body === null) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' }).end('Payload too large');
      return;
    }
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers: flattenHeaders(req),
      query: Object.fromEntries(url.searchParams),
      params: mounted.params,
      ...(body.length > 0 ? { body: { bytes: body } } : {}),
    });
    const context = new InvocationContext({
      functionName: mounted.route.name,
      invocationId: randomUUID(),
    });
    await writeResponse(
      res,
      await mounted.route.handler(request, context),
      compressesApiAnswers() && acceptsGzip(req),
    );
    return;
  }
  if (path.startsWith('/api/')) {
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'REQUEST.NOT_FOUND', message: 'No such route' } }));
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  const file = await readStaticFile(options.tabsDir, path);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found. Build the tabs with `npm run build:tabs`.');
    return;
  }
  const gzipped = file.gzipped && acceptsGzip(req) ? file.gzipped : null;
  res.writeHead(200, {
    'content-type': file.contentType,
    'cache-control': file.cacheControl,
    ...(file.gzipped ? { vary: 'accept-encoding' } : {}),
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(method === 'HEAD' ? undefined : (gzipped ?? file.body));
}

function findRoute(routes: HttpRoute[], path: string, method: string) {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchRoute(route.route, path);
    if (!params) continue;
    pathMatched = true;
    if (route.methods.includes(method as HttpRoute['methods'][number])) return { route, params };
  }
  return pathMatched ? ('method-not-allowed' as const) : null;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `Accept-Encoding` names gzip (without `;q=0`). */
function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .some((part) => part.startsWith('gzip') && !/;\s*q=0(\.0*)?$/.test(part));
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function writeResponse(
  res: ServerResponse,
  response: HttpResponseInit,
  gzipJson = false,
): Promise<void> {
  const headers: Record<string, string> = {};
  new Headers(response.headers as ConstructorParameters<typeof Headers>[0]).forEach(
    (value, name) => {
      headers[name] = value;
    },
  );
  let body: string | Buffer | undefined;
  if (response.jsonBody !== undefined) {
    body = JSON.stringify(response.jsonBody);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (typeof response.body === 'string') {
    body = response.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (response.body instanceof Uint8Array) {
    body = Buffer.from(response.body);
  } else if (response.body != null) {
    body = Buffer.from(
      await new Response(response.body as ConstructorParameters<typeof Response>[0]).arrayBuffer(),
    );
  }
  if (
    gzipJson &&
    body !== undefined &&
    Buffer.byteLength(body) >= MIN_GZIP_BYTES &&
    headers['content-encoding'] === undefined &&
    (headers['content-type'] ?? '').startsWith('application/json')
  ) {
    body = await gzipAsync(body);
    headers['content-encoding'] = 'gzip';
    headers['vary'] = headers['vary'] ? `${headers['vary']}, accept-encoding` : 'accept-encoding';
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(body);
}
