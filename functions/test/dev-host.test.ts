import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import functions from '@azure/functions';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createServices } from '../src/create-services';
import { freePort } from '../src/dev/free-port';
import { healthHandler } from '../src/http/health-route';
import { consoleLogger } from '../src/logger';
import { DEMO_BODY, DEMO_MEMBERS, OTHER_BODY } from '../src/dev/demo-data';
import { startDevHost } from '../src/dev/host';
import { apiAs } from './support/api-harness';

const dataDirs: string[] = [];
afterAll(async () => {
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the local host behind npm start', () => {
  it('seeds the demo commune once and keeps data on disk across restarts', async () => {
    const location = await mkdtemp(join(tmpdir(), 'qcdc-data-'));
    dataDirs.push(location);
    const options = {
      port: 0,
      storage: { kind: 'disk' as const, location },
      seedDemoData: true,
      quiet: true,
      tabsDir: '/nonexistent',
    };

    const first = await startDevHost(options);
    let meetingId: string;
    try {
      expect(first.seeded).toBe(true);
      const health = await apiAs(first, null)('/api/health');
      expect(health.status).toBe(200);
      const head = apiAs(first, DEMO_MEMBERS.head);
      const meetings = await head(`/api/bodies/${DEMO_BODY.id}/meetings`);
      expect(meetings.json.meetings).toHaveLength(1);
      meetingId = meetings.json.meetings[0].id;
      expect(meetings.json.meetings[0].agenda).toHaveLength(4);
      const renamed = await head(`/api/bodies/${DEMO_BODY.id}/meetings/${meetingId}`, {
        method: 'PATCH',
        body: { version: 1, title: 'Họp Ban Chỉ đạo (đã đổi tên)' },
      });
      expect(renamed.status).toBe(200);
      // The demo tenant's head cannot see the other commune's body.
      const foreign = await head(`/api/bodies/${OTHER_BODY.id}`);
      expect(foreign.status).toBe(404);
    } finally {
      await first.stop();
    }

    const second = await startDevHost(options);
    try {
      expect(second.seeded).toBe(false);
      const meetings = await apiAs(
        second,
        DEMO_MEMBERS.head,
      )(`/api/bodies/${DEMO_BODY.id}/meetings`);
      expect(meetings.json.meetings).toHaveLength(1);
      expect(meetings.json.meetings[0]).toMatchObject({
        id: meetingId,
        title: 'Họp Ban Chỉ đạo (đã đổi tên)',
        version: 2,
      });
    } finally {
      await second.stop();
    }
  });

  it('answers 503 on /api/health when storage does not answer', async () => {
    const deadPort = await freePort();
    const services = createServices(
      loadConfig({
        QCDC_STORAGE_CONNECTION:
          'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;' +
          `TableEndpoint=http://127.0.0.1:${deadPort}/devstoreaccount1;`,
      }),
      consoleLogger(true),
    );
    const response = await healthHandler(services)(
      new functions.HttpRequest({ method: 'GET', url: 'http://localhost/api/health' }),
      new functions.InvocationContext({ functionName: 'health' }),
    );
    expect(response.status).toBe(503);
    expect((response as functions.HttpResponseInit).jsonBody).toEqual({
      status: 'degraded',
      storage: { status: 'unavailable' },
    });
  });

  it('answers 404 JSON for unknown API routes', async () => {
    const host = await startDevHost({
      port: 0,
      storage: { kind: 'memory' },
      seedDemoData: false,
      quiet: true,
      tabsDir: '/nonexistent',
    });
    try {
      const unknown = await apiAs(host, null)('/api/nothing-here');
      expect(unknown.status).toBe(404);
      expect(unknown.json.error.code).toBe('REQUEST.NOT_FOUND');
    } finally {
      await host.stop();
    }
  });
});
