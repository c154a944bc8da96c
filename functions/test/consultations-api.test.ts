import { randomUUID } from 'node:crypto';
import { odata, TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { DirectoryUser } from '../src/auth/dev-issuer';
import type { DevHost } from '../src/dev/host';
import { createBody } from '../src/dev/seed-demo-data';
import { TableBodyRepository } from '../src/store/body-store';
import { connectionStringTables } from '../src/store/table-client-factory';
import { TABLES } from '../src/store/table-names';
import { apiAs, createTestBody, startTestHost, type TestBody } from './support/api-harness';

let host: DevHost;
let fixture: TestBody;
let other: TestBody;
let frontChair: DirectoryUser;
let frontBodyId: string;

beforeAll(async () => {
  host = await startTestHost();
  [fixture, other] = await Promise.all([createTestBody(), createTestBody()]);
  // The Fatherland Front committee of the same commune, with its own chair.
  frontBodyId = `mttq-${randomUUID().slice(0, 8)}`;
  frontChair = {
    tenantId: fixture.body.tenantId,
    userId: randomUUID(),
    displayName: 'Vũ Thị Mai',
    title: 'Chủ tịch Ủy ban MTTQ xã',
    email: 'mttq@example.gov.vn',
  };
  await createBody(
    new TableBodyRepository(connectionStringTables(inject('storageConnection'))),
    {
      ...fixture.body,
      id: frontBodyId,
      kind: 'fatherlandFront',
      name: 'Ủy ban MTTQ Việt Nam xã Thử Nghiệm',
    },
    [{ ...frontChair, roles: ['head'] }],
    new Date(),
  );
});
afterAll(async () => {
  await host?.stop();
});

const base = () => `/api/bodies/${fixture.body.id}/consultations`;

async function snapshot(): Promise<string[]> {
  const rows: string[] = [];
  const partitions: [string, string][] = [
    [TABLES.consultations, `${fixture.body.tenantId}~${fixture.body.id}`],
    ...Object.values(fixture.users).map(
      (u) => [TABLES.userRecommendations, `${u.tenantId}~${u.userId}`] as [string, string],
    ),
  ];
  for (const [name, partitionKey] of partitions) {
    const client = TableClient.fromConnectionString(inject('storageConnection'), name, {
      allowInsecureConnection: true,
    });
    const entities = client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    });
    for await (const e of entities) rows.push(`${name}/${e.rowKey}@${e.etag}`);
  }
  return rows.sort();
}

describe('Front consultations over the API (Azurite)', () => {
  it('walks a social critique from draft to every recommendation answered, one late and flagged', async () => {
    const { secretary, head, member } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: {
        kind: 'socialCritique',
        title: 'Phản biện dự thảo Quy chế dân chủ ở cơ sở',
        documentTitle: 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Thử Nghiệm',
        frontName: 'Ủy ban MTTQ Việt Nam xã Thử Nghiệm',
        frontBodyId,
        referenceOn: '2026-10-10',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.consultation.id;
    const sent = await apiAs(host, secretary)(`${base()}/${id}/send`, {
      method: 'POST',
      body: { version: 1, sentOn: '2026-09-28' },
    });
    // The draft had to reach the Front by 25 Sep, 15 days before submission (Art. 36(1)).
    expect(sent.json.consultation).toMatchObject({
      status: 'sent',
      sendCheck: { latestOn: '2026-09-25', late: true },
    });

    // The Front chair records the first recommendation; the secretary the second.
    const r1 = await apiAs(host, frontChair)(`${base()}/${id}/recommendations`, {
      method: 'POST',
      body: {
        text: 'Bổ sung quy định công khai thu chi các khoản đóng góp',
        receivedOn: '2026-09-30',
      },
    });
    expect(r1.status).toBe(201);
    // 30 Sep + 30 days (the unit's default: the law sets none) → Fri 30 Oct: long past.
    expect(r1.json.recommendation).toMatchObject({
      number: 1,
      status: 'received',
      deadline: '2026-10-30',
      late: true,
      rule: { source: 'default', amount: 30 },
    });
    const r2 = await apiAs(host, secretary)(`${base()}/${id}/recommendations`, {
      method: 'POST',
      body: { text: 'Quy định rõ thời hạn trả lời kiến nghị của cử tri', ownerId: member.userId },
    });
    expect(r2.json.recommendation).toMatchObject({ number: 2, status: 'assigned', late: false });

    const recPath = (rec: { json: { recommendation: { id: string } } }) =>
      `${base()}/${id}/recommendations/${rec.json.recommendation.id}`;
    const a1 = await apiAs(host, secretary)(`${recPath(r1)}/assign`, {
      method: 'POST',
      body: { version: 1, ownerId: member.userId },
    });
    expect(a1.json.recommendation.status).toBe('assigned');
    const mine = await apiAs(host, member)('/api/me/recommendations');
    expect(mine.json.recommendations.map((r: { number: number }) => r.number)).toEqual([1, 2]);

    for (const [rec, version] of [
      [r1, 2],
      [r2, 1],
    ] as const) {
      const drafted = await apiAs(host, member)(`${recPath(rec)}/response`, {
        method: 'POST',
        body: {
          version,
          kind: 'partlyAccepted',
          text: 'Tiếp thu một phần; giải trình phần còn lại.',
        },
      });
      expect(drafted.json.recommendation.status).toBe('responseDrafted');
      // The Front does not see a draft.
      const frontView = await apiAs(host, frontChair)(`${base()}/${id}`);
      const seen = frontView.json.recommendations.find(
        (r: { id: string }) => r.id === rec.json.recommendation.id,
      );
      expect([frontView.json.side, seen.status, seen.response]).toEqual([
        'front',
        'responseDrafted',
        undefined,
      ]);
      const approved = await apiAs(host, head)(`${recPath(rec)}/response/approval`, {
        method: 'POST',
        body: { version: version + 1 },
      });
      expect(approved.json.recommendation.status).toBe('responded');
      // Teams retries card clicks: the same approval again answers the same result.
      const retried = await apiAs(host, head)(`${recPath(rec)}/response/approval`, {
        method: 'POST',
        body: { version: version + 1 },
      });
      expect([retried.status, retried.json.recommendation.version]).toEqual([
        200,
        approved.json.recommendation.version,
      ]);
    }

    const followed = await apiAs(host, frontChair)(`${base()}/${id}`);
    expect(
      followed.json.recommendations.map((r: { late: boolean; onTime: boolean }) => [
        r.late,
        r.onTime,
      ]),
    ).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(followed.json.recommendations[0].response.kind).toBe('partlyAccepted');
    expect(followed.json.consultation.stats).toMatchObject({
      total: 2,
      responded: 2,
      late: 1,
      open: 0,
    });
    const frontList = await apiAs(host, frontChair)(base());
    expect([
      frontList.json.side,
      frontList.json.consultations.map((c: { id: string }) => c.id),
    ]).toEqual(['front', [id]]);

    const closed = await apiAs(host, head)(`${base()}/${id}/close`, {
      method: 'POST',
      body: { version: followed.json.consultation.version },
    });
    expect(closed.json.consultation.status).toBe('closed');
    const after = await apiAs(host, member)(`${recPath(r2)}/response`, {
      method: 'POST',
      body: { version: 3, kind: 'accepted', text: 'Sửa lại' },
    });
    expect([after.status, after.json.error.code]).toEqual([409, 'CONSULTATION.CLOSED']);
    expect(after.json.error.messages.en).toContain('closed');
  });

  it('answers bad input and strangers with 4xx and leaves storage unchanged', async () => {
    const { secretary, head, member, observer } = fixture.users;
    const created = await apiAs(host, secretary)(base(), {
      method: 'POST',
      body: { kind: 'supervision', title: 'Giám sát', documentTitle: 'Báo cáo', frontName: 'MTTQ' },
    });
    const id = created.json.consultation.id;
    const before = await snapshot();
    const cases: [ReturnType<typeof apiAs>, string, unknown, number, string][] = [
      [apiAs(host, secretary), base(), { kind: 'critique', title: 'x' }, 400, 'VALIDATION.FAILED'],
      [
        apiAs(host, secretary),
        base(),
        {
          kind: 'supervision',
          title: 'x',
          documentTitle: 'x',
          frontName: 'x',
          frontBodyId: fixture.body.id,
        },
        400,
        'CONSULTATION.FRONT_BODY_INVALID',
      ],
      [
        apiAs(host, member),
        base(),
        { kind: 'supervision', title: 'x', documentTitle: 'x', frontName: 'x' },
        403,
        'PERMISSION.DENIED',
      ],
      [
        apiAs(host, secretary),
        `${base()}/${id}/recommendations`,
        { text: 'x' },
        409,
        'CONSULTATION.NOT_SENT',
      ],
      [
        apiAs(host, secretary),
        `${base()}/${id}/send`,
        { version: 1, sentOn: '2099-01-01' },
        400,
        'DATE.IN_FUTURE',
      ],
      [apiAs(host, secretary), `${base()}/${id}/send`, { version: 5 }, 409, 'CONCURRENCY.CONFLICT'],
      [apiAs(host, observer), `${base()}/${id}/send`, { version: 1 }, 403, 'PERMISSION.DENIED'],
      [
        apiAs(host, head),
        `${base()}/${id}/close`,
        { version: 1 },
        409,
        'CONSULTATION.TRANSITION_NOT_ALLOWED',
      ],
      [apiAs(host, head), `${base()}/missing/send`, { version: 1 }, 404, 'CONSULTATION.NOT_FOUND'],
      [
        apiAs(host, head),
        `${base()}/${id}/recommendations/nope/assign`,
        { version: 1, ownerId: member.userId },
        404,
        'RECOMMENDATION.NOT_FOUND',
      ],
      [
        apiAs(host, other.users.head),
        `${base()}/${id}/send`,
        { version: 1 },
        404,
        'BODY.NOT_FOUND',
      ],
    ];
    for (const [api, path, body, status, code] of cases) {
      const response = await api(path, { method: 'POST', body });
      expect([path, response.status, response.json.error.code]).toEqual([path, status, code]);
    }
    const stale = await apiAs(host, secretary)(`${base()}/${id}/send`, {
      method: 'POST',
      body: { version: 5 },
    });
    expect(stale.json.error.current).toMatchObject({ id, version: 1, status: 'draft' });
    expect(await snapshot()).toEqual(before);
    const otherTenant = await apiAs(host, other.users.head)(`${base()}/${id}`);
    expect([otherTenant.status, otherTenant.json.error.code]).toEqual([404, 'BODY.NOT_FOUND']);
    const outsider = await apiAs(host, fixture.outsider)(`${base()}/${id}`);
    expect([outsider.status, outsider.json.error.code]).toEqual([403, 'PERMISSION.DENIED']);
  });
});
