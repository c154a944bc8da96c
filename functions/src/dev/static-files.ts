import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  /** The same bytes gzipped, for text files over 1 KB; null otherwise. */
  gzipped: Buffer | null;
  contentType: string;
  /** Hashed build assets never change; index.html always revalidates. */
  cacheControl: string;
}

/**
 * Serves the built tabs. Unknown paths without an extension get index.html (client-side routes);
 * anything trying to climb out of the folder gets nothing.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return null;
  }
  const file = (await isFile(candidate))
    ? candidate
    : extname(relative) === ''
      ? join(root, 'index.html')
      : null;
  if (!file || !(await isFile(file))) return null;
  const isAsset = file.includes(`${sep}assets${sep}`);
  const body = await readFile(file);
  return {
    body,
    gzipped: await gzippedOnce(file, body),
    contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    cacheControl: isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/*
 * Azure Static Web Apps, which serves the tabs in production, sends them gzip- or brotli-compressed;
 * the local host does the same (gzip), so a local first load moves the same ~220 kB of scripts
 * rather than ~850 kB. Each file is compressed once (off the event loop) and kept until it changes.
 */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
const MIN_GZIP_BYTES = 1024;
const gzipCache = new Map<string, { body: Buffer; gzipped: Buffer }>();

async function gzippedOnce(file: string, body: Buffer): Promise<Buffer | null> {
  if (!COMPRESSIBLE.has(extname(file)) || body.length < MIN_GZIP_BYTES) return null;
  const cached = gzipCache.get(file);
  if (cached && cached.body.equals(body)) return cached.gzipped;
  const gzipped = await gzipAsync(body);
  gzipCache.set(file, { body, gzipped });
  return gzipped;
}
