import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACTIVITY_TYPES, type ActivityFeedMessage } from '../src/graph/activity-feed';
import { loadGraphConfig } from '../src/graph/graph-config';
import { createGraphServices, type GraphServices } from '../src/graph/graph-services';
import type { Logger } from '../src/logger';
import { connectionStringTables } from '../src/store/table-client-factory';
import { apiAs, createTestBody } from './support/api-harness';
import { extraPeople, seedTeam, startGraphTestHost } from './support/graph-stand-in';

let env: Awaited<ReturnType<typeof startGraphTestHost>>;
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  env = await startGraphTestHost();
});
afterAll(async () => {
  await env.stop();
});

/** Graph services built from configuration, as production builds them, pointed at the stand-in. */
function graphServices(): GraphServices {
  const config = loadGraphConfig({
    QCDC_GRAPH_MODE: 'standIn',
    QCDC_DEV_AUTH: 'enabled',
    QCDC_GRAPH_CLIENT_ID: env.standIn.app.clientId,
    QCDC_GRAPH_CLIENT_SECRET: env.standIn.app.clientSecret,
    QCDC_GRAPH_AUTHORITY_HOST: env.standIn.origin,
    QCDC_GRAPH_BASE_URL: env.standIn.origin,
  })!;
  return createGraphServices(config, connectionStringTables(inject('storageConnection')), silent);
}

const skipToken = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

describe('throttling and transient errors (Graph client RetryHandler + stand-in)', () => {
  it('absorbs a 429 storm while paging: every page fetched once, Retry-After honoured', async () => {
    const test = await createTestBody();
    const { teamId } = seedTeam(env.standIn, test, { extra: 246 });
    const path = `/v1.0/teams/${teamId}/members`;
    const page = (offset: number | null) =>
      new RegExp(`^${path}${offset === null ? '$' : `\\?.*skiptoken=${skipToken(offset)}`}`);
    env.standIn.inject({ path: page(null), times: 2, status: 429, retryAfterSeconds: 1 });
    env.standIn.inject({ path: page(100), times: 1, status: 429, retryAfterSeconds: 1 });
    env.standIn.inject({ path: page(200), times: 1, status: 503, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await apiAs(env.host, test.users.head)(
      `/api/bodies/${test.body.id}/roster/sync`,
      { method: 'POST', body: { source: { kind: 'team', teamId } } },
    );
    expect(result.status).toBe(200);
    expect(result.json.listed).toBe(250);
    expect(result.json.summary.proposed).toBe(246);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    const calls = env.standIn.requests.filter((r) => r.path.startsWith(path));
    expect(calls.map((c) => c.status)).toEqual([429, 429, 200, 429, 200, 503, 200]);
    const answered = env.standIn.handled('GET', path);
    expect(new Set(answered.map((c) => c.path)).size).toBe(3);
    expect(answered).toHaveLength(3);
  });

  it('does not hold a request for a long Retry-After: a clear 503 with when to retry', async () => {
    const test = await createTestBody();
    const { teamId } = seedTeam(env.standIn, test, { extra: 1 });
    env.standIn.inject({
      path: new RegExp(`^/v1.0/teams/${teamId}/members`),
      times: 1,
      status: 429,
      retryAfterSeconds: 120,
    });
    const started = Date.now();
    const result = await apiAs(env.host, test.users.head)(
      `/api/bodies/${test.body.id}/roster/sync`,
      { method: 'POST', body: { source: { kind: 'team', teamId } } },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.status).toBe(503);
    expect(result.json.error.code).toBe('GRAPH.THROTTLED');
    expect(result.json.error.messages.en).toContain('120 seconds');
  });

  it('sends activity notifications through a 429 storm: none lost, none twice', async () => {
    const graph = graphServices();
    const test = await createTestBody();
    const people = extraPeople(test.body.tenantId, 30);
    for (const person of people) env.standIn.addUser(person);
    env.standIn.inject({
      method: 'POST',
      path: /\/teamwork\/sendActivityNotification$/,
      times: 30,
      status: 429,
      retryAfterSeconds: 1,
    });
    const message = (userId: string, n: number): ActivityFeedMessage => ({
      tenantId: test.body.tenantId,
      recipientUserId: userId,
      activity: { type: 'taskReminder', taskTitle: `Báo cáo sơ kết số ${n}` },
      previewText: `Hạn hoàn thành: 20/12/2026 (nhiệm vụ ${n})`,
      webUrl: 'https://teams.microsoft.com/l/entity/qcdc/my-tasks',
    });
    const started = Date.now();
    const outcomes = await Promise.all(
      people.map((person, n) => graph.activityFeed.send(message(person.id, n))),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const delivered = env.standIn.notifications.filter((n) => n.tenantId === test.body.tenantId);
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered.map((n) => n.userId)).size).toBe(30);
    expect(
      new Set(delivered.map((n) => (n.body.templateParameters as { value: string }[])[0]!.value))
        .size,
    ).toBe(30);
    const posts = env.standIn.requests.filter(
      (r) => r.tenantId === test.body.tenantId && r.path.endsWith('/sendActivityNotification'),
    );
    expect(posts.filter((r) => r.status === 429)).toHaveLength(30);
    expect(posts.filter((r) => r.status === 204)).toHaveLength(30);
  });

  it('never repeats a write after a gateway timeout, and reports refusals as outcomes', async () => {
    const graph = graphServices();
    const test = await createTestBody();
    const [person] = extraPeople(test.body.tenantId, 1);
    env.standIn.addUser(person!);
    const message: ActivityFeedMessage = {
      tenantId: test.body.tenantId,
      recipientUserId: person!.id,
      activity: { type: 'approvalRequested', itemTitle: 'Biên bản họp quý IV' },
      previewText: 'Thư ký đề nghị phê duyệt biên bản',
      webUrl: 'https://teams.microsoft.com/l/entity/qcdc/body',
    };
    env.standIn.inject({
      method: 'POST',
      path: /sendActivityNotification$/,
      times: 1,
      status: 504,
    });
    const timedOut = await graph.activityFeed.send(message);
    expect(timedOut).toMatchObject({ ok: false, kind: 'transient' });
    const attempts = () =>
      env.standIn.requests.filter(
        (r) => r.tenantId === test.body.tenantId && r.path.endsWith('/sendActivityNotification'),
      );
    expect(attempts()).toHaveLength(1);

    const unknown = await graph.activityFeed.send({ ...message, recipientUserId: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, kind: 'rejected', status: 404 });

    const other = await createTestBody();
    env.standIn.addUser({
      ...person!,
      tenantId: other.body.tenantId,
      id: other.users.member.userId,
    });
    env.standIn.revoke(other.body.tenantId, 'application', 'TeamsActivity.Send');
    const denied = await graph.activityFeed.send({
      ...message,
      tenantId: other.body.tenantId,
      recipientUserId: other.users.member.userId,
    });
    expect(denied).toMatchObject({ ok: false, kind: 'auth', status: 403 });
    expect(denied.ok ? '' : denied.error).toContain('TeamsActivity.Send');
  });

  it('sends exactly the template parameters the app manifest declares', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../appPackage/manifest.json', import.meta.url), 'utf8'),
    ) as { activities: { activityTypes: { type: string; templateText: string }[] } };
    const declared = Object.fromEntries(
      manifest.activities.activityTypes.map((entry) => [
        entry.type,
        [...entry.templateText.matchAll(/\{(\w+)\}/g)]
          .map((match) => match[1])
          .filter((name) => name !== 'actor'),
      ]),
    );
    expect(declared).toEqual(ACTIVITY_TYPES);
  });
});
