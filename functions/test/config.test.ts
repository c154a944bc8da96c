import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

const conn = 'UseDevelopmentStorage=true';

describe('configuration (parsed once, fail fast)', () => {
  it('defaults to Entra ID validation: dev auth is never on by accident', () => {
    expect(loadConfig({ QCDC_STORAGE_CONNECTION: conn }).auth.mode).toBe('entra');
  });

  it('refuses the dev issuer unless QCDC_DEV_AUTH=enabled says so explicitly', () => {
    expect(() =>
      loadConfig({
        QCDC_STORAGE_CONNECTION: conn,
        QCDC_AUTH_MODE: 'dev',
        QCDC_DEV_ISSUER_URL: 'http://localhost:7071',
      }),
    ).toThrow(/QCDC_DEV_AUTH=enabled/);
    expect(
      loadConfig({
        QCDC_STORAGE_CONNECTION: conn,
        QCDC_AUTH_MODE: 'dev',
        QCDC_DEV_AUTH: 'enabled',
        QCDC_DEV_ISSUER_URL: 'http://localhost:7071',
      }).auth.mode,
    ).toBe('dev');
  });

  it('takes either a managed-identity table endpoint or a connection string, not both or neither', () => {
    expect(
      loadConfig({ QCDC_STORAGE_ACCOUNT_URL: 'https://qcdcprod.table.core.windows.net' }).storage,
    ).toEqual({ kind: 'managedIdentity', accountUrl: 'https://qcdcprod.table.core.windows.net' });
    expect(() => loadConfig({})).toThrow(/exactly one/);
    expect(() =>
      loadConfig({
        QCDC_STORAGE_CONNECTION: conn,
        QCDC_STORAGE_ACCOUNT_URL: 'https://qcdcprod.table.core.windows.net',
      }),
    ).toThrow(/exactly one/);
  });

  it('parses an allow-list of tenants', () => {
    const config = loadConfig({
      QCDC_STORAGE_CONNECTION: conn,
      QCDC_ALLOWED_TENANTS:
        'a0000000-0000-4000-8000-000000000001, b0000000-0000-4000-8000-000000000002',
    });
    expect(config.auth.allowedTenants).toEqual([
      'a0000000-0000-4000-8000-000000000001',
      'b0000000-0000-4000-8000-000000000002',
    ]);
  });
});
