import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createServices } from '../src/create-services';
import { startAzurite, type RunningAzurite } from '../src/dev/azurite';
import { createSelfSignedCertificate } from '../src/dev/graph-stand-in/self-signed-certificate';
import { trustCertificate } from '../src/dev/graph-stand-in/trust';
import { consoleLogger } from '../src/logger';
import { credentialTables, ensureTables } from '../src/store/table-client-factory';
import { TABLES } from '../src/store/table-names';

/**
 * Production reaches storage with the Function App's managed identity (shared keys are disabled on
 * the account). Here the same code path runs against Azurite in OAuth mode (HTTPS, bearer tokens
 * checked for issuer, audience and lifetime) with a stand-in for the App Service managed-identity
 * endpoint that Flex Consumption exposes (IDENTITY_ENDPOINT + X-IDENTITY-HEADER, api 2019-08-01).
 */

const IDENTITY_SECRET = 'local-identity-header-secret';
const TENANT = 'ab1f708d-50f6-404c-a006-d71b2ac7a606';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('sig').toString('base64url')}`;
}

function storageToken(audience = 'https://storage.azure.com'): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt({
    aud: audience,
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    oid: '9f1c0c6e-1111-4222-8333-444455556666',
    tid: TENANT,
  });
}

let dir: string;
let azurite: RunningAzurite;
let identity: Server;
const identityCalls: { resource: string | null; header: string | undefined }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qcdc-oauth-'));
  const certificate = createSelfSignedCertificate('QCDC local Azurite');
  await writeFile(join(dir, 'cert.pem'), certificate.cert);
  await writeFile(join(dir, 'key.pem'), certificate.key);
  trustCertificate(certificate.cert);
  azurite = await startAzurite({
    oauth: { certPath: join(dir, 'cert.pem'), keyPath: join(dir, 'key.pem') },
  });
  identity = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = req.headers['x-identity-header'] as string | undefined;
    identityCalls.push({ resource: url.searchParams.get('resource'), header });
    if (header !== IDENTITY_SECRET || url.searchParams.get('api-version') !== '2019-08-01') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    const resource = url.searchParams.get('resource') ?? '';
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        access_token: storageToken(resource.replace(/\/$/, '')),
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource,
        token_type: 'Bearer',
      }),
    );
  });
  await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
  process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
  process.env.IDENTITY_HEADER = IDENTITY_SECRET;
});

afterAll(async () => {
  delete process.env.IDENTITY_ENDPOINT;
  delete process.env.IDENTITY_HEADER;
  await new Promise<void>((resolve) => identity?.close(() => resolve()));
  await azurite?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('storage through the managed identity (production path)', () => {
  it('creates tables and reads and writes rows with a token from the identity endpoint', async () => {
    const services = createServices(
      loadConfig({ QCDC_STORAGE_ACCOUNT_URL: azurite.tableEndpoint }),
      consoleLogger(true),
    );
    await ensureTables(services.tables);
    await services.bodies.upsertUnit({
      tenantId: TENANT,
      id: 'ubnd-xa-chi-lang',
      name: 'UBND xã Chi Lăng',
      province: 'Lạng Sơn',
    });
    const row = await services
      .tables(TABLES.units)
      .getEntity<{ name: string }>(TENANT, 'ubnd-xa-chi-lang');
    expect(row.name).toBe('UBND xã Chi Lăng');
    expect(await services.pingStorage()).toBeGreaterThanOrEqual(0);
    expect(identityCalls.length).toBeGreaterThan(0);
    expect(identityCalls.every((call) => call.header === IDENTITY_SECRET)).toBe(true);
    expect(identityCalls[0]!.resource).toMatch(/^https:\/\/storage\.azure\.com/);
  });

  it('is refused by storage with a token for another audience (Azurite checks what Azure checks)', async () => {
    const tables = credentialTables(azurite.tableEndpoint, {
      getToken: async () => ({
        token: storageToken('https://vault.azure.net'),
        expiresOnTimestamp: Date.now() + 3_600_000,
      }),
    });
    const refusal = await tables(TABLES.units)
      .getEntity(TENANT, 'ubnd-xa-chi-lang')
      .then(
        () => null,
        (error: { statusCode?: number; message?: string }) => error,
      );
    expect(refusal?.statusCode).toBe(403);
    expect(refusal?.message).toMatch(/audience/i);
  });
});
