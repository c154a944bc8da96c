import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

const storage = { QCDC_STORAGE_CONNECTION: 'UseDevelopmentStorage=true' };

describe('bot configuration', () => {
  it('validates Bot Framework tokens by default, as the identity the Teams SDK variables name', () => {
    expect(
      loadConfig({
        ...storage,
        CLIENT_ID: 'bot-client-id',
        TENANT_ID: 'bot-tenant-id',
        QCDC_BOT_OPEN_APP_URL: 'https://teams.microsoft.com/l/entity/app-id/my-tasks',
      }).bot,
    ).toEqual({
      auth: 'entra',
      clientId: 'bot-client-id',
      clientSecret: undefined,
      tenantId: 'bot-tenant-id',
      managedIdentityClientId: undefined,
      openAppUrl: 'https://teams.microsoft.com/l/entity/app-id/my-tasks',
    });
  });

  it('allows unauthenticated activities only with dev auth explicitly enabled', () => {
    expect(() => loadConfig({ ...storage, QCDC_BOT_AUTH: 'anonymous-local' })).toThrow(
      /QCDC_BOT_AUTH=anonymous-local needs QCDC_DEV_AUTH=enabled/,
    );
    expect(
      loadConfig({ ...storage, QCDC_BOT_AUTH: 'anonymous-local', QCDC_DEV_AUTH: 'enabled' }).bot
        .auth,
    ).toBe('anonymous-local');
    expect(() => loadConfig({ ...storage, QCDC_BOT_AUTH: 'none' })).toThrow();
  });
});
