import { odata, TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { DevHost } from '../src/dev/host';
import { TABLES } from '../src/store/table-names';
import { apiAs, createTestBody, startTestHost, type TestBody } from './support/api-harness';

let host: DevHost;
let fixture: TestBody;
let other: TestBody;

beforeAll(async () => {
  host = await startTestHost();
  [fixture, other] = await Promise.all([createTestBody(), createTestBody()]);
});
afterAll(async () => {
  await host?.stop();
});

const base = () => `/api/bodies/${fixture.body.id}/disclosures`;

async function snapshot(): Promise<string[]> {
  const client = TableClient.fromConnectionString(inject('storageConnection'), TABLES.disclosures, {
    allowInsecureConnection: true,
  });
  const rows: string[] = [];
  const entities = client.listEntities({
    queryOptions: {
      filter: odata`PartitionKey eq ${`${fixture.body.tenantId}~${fixture.body.id}`}`,
    },
  });
  for await (const e of entities) rows.push(`${e.rowKey}@${e.etag}`);
  return rows.sort();
}

describe('public disclosures over the API (Azurite)', () => {
  it('plans, posts and ends a disclosure with its period and reminder instants', async () => {
    const { secretary, observer } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        title: 'Công khai dự toán ngân sách xã năm 2027',
        basis: 'Luật 10/2022/QH15',
        channels: ['headquarters', 'website', 'loudspeaker'],
        startOn: '2026-11-02',
      },
    });
    expect(created.status).toBe(201);
    const d = created.json.disclosure;
    expect(d).toMatchObject({
      status: 'planned',
      days: 30,
      endOn: '2026-12-02',
      startOverdue: true,
    });
    expect(d.reminders).toEqual([
      { kind: 'mustStart', date: '2026-11-02', at: '2026-11-01T17:00:00.000Z' },
      { kind: 'ends', date: '2026-12-02', at: '2026-12-02T17:00:00.000Z' },
    ]);
    const posted = await apiAs(host, secretary)(`${base()}/${d.id}/post`, {
      method: 'POST',
      body: { version: 1, postedOn: '2026-11-03' },
    });
    expect(posted.json.disclosure).toMatchObject({
      status: 'posted',
      startOn: '2026-11-03',
      endOn: '2026-12-03',
    });
    expect(posted.json.disclosure.reminders.map((r: { kind: string }) => r.kind)).toEqual(['ends']);
    const ended = await apiAs(host, secretary)(`${base()}/${d.id}/end`, {
      method: 'POST',
      body: { version: 2, endedOn: '2026-11-10' },
    });
    expect(ended.json.disclosure).toMatchObject({
      status: 'ended',
      endedEarly: true,
      reminders: [],
    });
    const list = await apiAs(host, observer)(base());
    expect(list.json.disclosures.map((x: { id: string }) => x.id)).toEqual([d.id]);
  });

  it('refuses bad input, other roles and other tenants, leaving storage unchanged', async () => {
    const { secretary, member } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        title: 'Kế hoạch sử dụng đất',
        channels: ['noticeBoard'],
        startOn: '2026-12-01',
        days: 45,
      },
    });
    const id = created.json.disclosure.id;
    expect(created.json.disclosure.endOn).toBe('2027-01-15');
    const before = await snapshot();
    const cases: [ReturnType<typeof apiAs>, string, unknown, number, string][] = [
      [
        apiAs(host, secretary),
        base(),
        { title: 'x', channels: [], startOn: '2026-12-01' },
        400,
        'VALIDATION.FAILED',
      ],
      [
        apiAs(host, secretary),
        base(),
        { title: 'x', channels: ['radio'], startOn: '2026-12-01' },
        400,
        'VALIDATION.FAILED',
      ],
      [
        apiAs(host, member),
        base(),
        { title: 'x', channels: ['website'], startOn: '2026-12-01' },
        403,
        'PERMISSION.DENIED',
      ],
      [
        apiAs(host, secretary),
        `${base()}/${id}/end`,
        { version: 1 },
        409,
        'DISCLOSURE.TRANSITION_NOT_ALLOWED',
      ],
      [
        apiAs(host, secretary),
        `${base()}/${id}/post`,
        { version: 1, postedOn: '2099-01-01' },
        400,
        'DATE.IN_FUTURE',
      ],
      [apiAs(host, secretary), `${base()}/${id}/post`, { version: 9 }, 409, 'CONCURRENCY.CONFLICT'],
      [apiAs(host, secretary), `${base()}/nope/post`, { version: 1 }, 404, 'DISCLOSURE.NOT_FOUND'],
      [
        apiAs(host, other.users.secretary),
        `${base()}/${id}/post`,
        { version: 1 },
        404,
        'BODY.NOT_FOUND',
      ],
    ];
    for (const [api, path, body, status, code] of cases) {
      const response = await api(path, { method: 'POST', body });
      expect([path, response.status, response.json.error.code]).toEqual([path, status, code]);
    }
    expect(await snapshot()).toEqual(before);
  });
});
