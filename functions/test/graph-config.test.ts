import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { loadGraphConfig } from '../src/graph/graph-config';

const conn = 'UseDevelopmentStorage=true';

describe('Graph configuration (the `graph` section, from the environment)', () => {
  it('is absent unless asked for, so nothing calls Graph by accident', () => {
    expect(loadConfig({ QCDC_STORAGE_CONNECTION: conn }).graph).toBeUndefined();
  });

  it('talks to Entra ID and Graph by default, with the API app as client', () => {
    const graph = loadConfig({
      QCDC_STORAGE_CONNECTION: conn,
      QCDC_API_AUDIENCE: '0f0f0f0f-1111-4222-8333-444455556666',
      QCDC_GRAPH_MODE: 'entra',
      QCDC_GRAPH_CLIENT_SECRET: 's3cret',
    }).graph;
    expect(graph).toMatchObject({
      mode: 'entra',
      clientId: '0f0f0f0f-1111-4222-8333-444455556666',
      credential: { kind: 'secret', secret: 's3cret' },
      authorityHost: 'https://login.microsoftonline.com',
      knownAuthorities: [],
      baseUrl: 'https://graph.microsoft.com',
      retry: { maxRetries: 5, maxRetryAfterSeconds: 30 },
    });
  });

  it('takes a certificate instead of a secret, but never both or neither', () => {
    const certificate = {
      QCDC_GRAPH_MODE: 'entra',
      QCDC_GRAPH_CERTIFICATE_KEY: '-----BEGIN PRIVATE KEY-----\n…',
      QCDC_GRAPH_CERTIFICATE_THUMBPRINT: 'ab'.repeat(32),
    };
    expect(loadGraphConfig(certificate)?.credential).toMatchObject({ kind: 'certificate' });
    expect(() => loadGraphConfig({ ...certificate, QCDC_GRAPH_CLIENT_SECRET: 'x' })).toThrow(
      /exactly one credential/,
    );
    expect(() => loadGraphConfig({ QCDC_GRAPH_MODE: 'entra' })).toThrow(/exactly one credential/);
  });

  it('points at the stand-in only in dev mode, as a known authority', () => {
    const standIn = {
      QCDC_GRAPH_MODE: 'standIn',
      QCDC_GRAPH_CLIENT_SECRET: 'local',
      QCDC_GRAPH_AUTHORITY_HOST: 'https://127.0.0.1:54321/',
      QCDC_GRAPH_BASE_URL: 'https://127.0.0.1:54321',
    };
    expect(() => loadGraphConfig(standIn)).toThrow(/QCDC_DEV_AUTH=enabled/);
    expect(loadGraphConfig({ ...standIn, QCDC_DEV_AUTH: 'enabled' })).toMatchObject({
      authorityHost: 'https://127.0.0.1:54321',
      knownAuthorities: ['127.0.0.1:54321'],
      baseUrl: 'https://127.0.0.1:54321',
    });
  });
});
