import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevHost } from '../src/dev/host';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
} from './support/api-harness';
import { snapshotBody } from './support/storage-snapshot';

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

const meetingsPath = (body = fixture) => `/api/bodies/${body.body.id}/meetings`;

async function createMeeting(overrides: Record<string, unknown> = {}) {
  const api = apiAs(host, fixture.users.secretary);
  const response = await api(meetingsPath(), {
    method: 'POST',
    body: meetingInput(fixture.users, overrides),
  });
  expect(response.status).toBe(201);
  return response.json.meeting as { id: string; version: number; title: string };
}

describe('GET /api/health', () => {
  it('answers 200 with the storage status, without a token', async () => {
    const response = await apiAs(host, null)('/api/health');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'ok', storage: { status: 'ok' } });
    expect(typeof response.json.storage.latencyMs).toBe('number');
  });
});

describe('bodies and members', () => {
  it("lists the caller's bodies with the caller's roles", async () => {
    const response = await apiAs(host, fixture.users.secretary)('/api/bodies');
    expect(response.status).toBe(200);
    expect(response.json.bodies).toEqual([
      {
        id: fixture.body.id,
        unitId: fixture.body.unitId,
        unitName: fixture.body.unitName,
        kind: 'steeringCommittee',
        name: fixture.body.name,
        myRoles: ['secretary'],
      },
    ]);
  });

  it('lists nothing for someone who belongs to no body', async () => {
    const response = await apiAs(host, fixture.outsider)('/api/bodies');
    expect(response.status).toBe(200);
    expect(response.json.bodies).toEqual([]);
  });

  it('shows a body with its members and their roles to a member', async () => {
    const response = await apiAs(host, fixture.users.observer)(`/api/bodies/${fixture.body.id}`);
    expect(response.status).toBe(200);
    expect(response.json.myRoles).toEqual(['observer']);
    const members = response.json.members as { displayName: string; roles: string[] }[];
    expect(members.map((m) => [m.displayName, m.roles]).sort()).toEqual(
      [
        ['Trần Văn Minh', ['head']],
        ['Phạm Thị Thu', ['secretary']],
        ['Lê Văn Nam', ['member']],
        ['Ngô Thị Hạnh', ['observer']],
      ].sort(),
    );
  });

  it('refuses a body to someone in the tenant who is not a member (403)', async () => {
    const response = await apiAs(host, fixture.outsider)(`/api/bodies/${fixture.body.id}`);
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('PERMISSION.DENIED');
  });

  it("never shows another tenant's body: it is simply not found (404)", async () => {
    const response = await apiAs(host, fixture.users.head)(`/api/bodies/${other.body.id}`);
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('BODY.NOT_FOUND');
  });
});

describe('authentication', () => {
  const path = () => `/api/bodies/${fixture.body.id}/meetings`;

  it('answers 401 AUTH.MISSING_TOKEN without a token', async () => {
    const response = await apiAs(host, null)(path());
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('AUTH.MISSING_TOKEN');
  });

  it('answers 401 AUTH.TOKEN_EXPIRED for an expired token', async () => {
    const token = await host.devIssuer.issueToken(fixture.users.head, { lifetimeInSeconds: -600 });
    const response = await apiAs(host, null)(path(), { token });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('answers 401 for a token for another audience, without the scope, or tampered with', async () => {
    const wrongAudience = await host.devIssuer.issueToken(fixture.users.head, {
      audience: 'some-other-api',
    });
    const noScope = await host.devIssuer.issueToken(fixture.users.head, { scope: 'User.Read' });
    const good = await host.devIssuer.issueToken(fixture.users.head);
    const [header, payload, signature] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...claims, oid: fixture.users.secretary.userId }),
    ).toString('base64url');
    const tampered = `${header}.${forgedPayload}.${signature}`;
    for (const token of [wrongAudience, noScope, tampered, 'not-a-jwt']) {
      const response = await apiAs(host, null)(path(), { token });
      expect(response.status).toBe(401);
      expect(response.json.error.code).toBe('AUTH.INVALID_TOKEN');
    }
  });
});

describe('POST /api/bodies/{bodyId}/meetings', () => {
  it('schedules a meeting with its agenda, stored in UTC, with its first audit event', async () => {
    const meeting = await createMeeting();
    const api = apiAs(host, fixture.users.member);
    const read = await api(`${meetingsPath()}/${meeting.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.json.meeting).toMatchObject({
      title: 'Họp Ban Chỉ đạo tháng 12',
      startsAt: '2026-12-15T01:00:00.000Z',
      status: 'scheduled',
      version: 1,
    });
    expect(read.json.meeting.agenda.map((item: { title: string }) => item.title)).toEqual([
      'Đánh giá kết quả thực hiện dân chủ ở cơ sở',
      'Phân công nhiệm vụ',
    ]);
    const audit = await apiAs(host, fixture.users.head)(`${meetingsPath()}/${meeting.id}/audit`);
    expect(audit.json.verified).toBe(true);
    expect(audit.json.events).toHaveLength(1);
    expect(audit.json.events[0]).toMatchObject({
      seq: 1,
      action: 'meeting.scheduled',
      actorId: fixture.users.secretary.userId,
    });
    const list = await api(meetingsPath());
    expect(list.json.meetings.map((m: { id: string }) => m.id)).toContain(meeting.id);
  });

  const badBodies: [string, () => unknown, string][] = [
    ['a wrong type', () => ({ ...meetingInputFor(), title: 42 }), 'VALIDATION.FAILED'],
    ['a missing field', () => withoutKey(meetingInputFor(), 'startsAt'), 'VALIDATION.FAILED'],
    [
      'an oversized title',
      () => ({ ...meetingInputFor(), title: 'x'.repeat(301) }),
      'VALIDATION.FAILED',
    ],
    [
      'too many agenda items',
      () => ({
        ...meetingInputFor(),
        agenda: Array.from({ length: 31 }, (_, i) => ({ title: `Mục ${i}` })),
      }),
      'VALIDATION.FAILED',
    ],
    [
      'an unknown field',
      () => ({ ...meetingInputFor(), status: 'minutesApproved' }),
      'VALIDATION.FAILED',
    ],
    [
      'a date without offset',
      () => ({ ...meetingInputFor(), startsAt: '2026-12-15 08:00' }),
      'VALIDATION.FAILED',
    ],
    ['an unknown kind', () => ({ ...meetingInputFor(), kind: 'party' }), 'VALIDATION.FAILED'],
    ['malformed JSON', () => '{"title": ', 'VALIDATION.FAILED'],
    ['a JSON array', () => '[]', 'VALIDATION.FAILED'],
    [
      'a chair who is not a member',
      () => ({ ...meetingInputFor(), chairId: '00000000-0000-4000-8000-000000000000' }),
      'MEETING.PERSON_NOT_MEMBER',
    ],
    [
      'an end before the start',
      () => ({ ...meetingInputFor(), endsAt: '2026-12-15T07:00:00+07:00' }),
      'MEETING.ENDS_BEFORE_START',
    ],
  ];

  it.each(badBodies)('refuses %s with 400 and changes nothing', async (_label, body, code) => {
    const before = await snapshotBody(fixture.body.tenantId, fixture.body.id);
    const response = await apiAs(host, fixture.users.secretary)(meetingsPath(), {
      method: 'POST',
      body: body(),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe(code);
    expect(response.json.error.messages.vi).toBeTruthy();
    expect(response.json.error.messages.en).toBeTruthy();
    expect(await snapshotBody(fixture.body.tenantId, fixture.body.id)).toEqual(before);
  });

  it('refuses a body over 64 KiB with 413 and changes nothing', async () => {
    const before = await snapshotBody(fixture.body.tenantId, fixture.body.id);
    const response = await apiAs(host, fixture.users.secretary)(meetingsPath(), {
      method: 'POST',
      body: { ...meetingInputFor(), location: 'x'.repeat(70_000) },
    });
    expect(response.status).toBe(413);
    expect(response.json.error.code).toBe('REQUEST.TOO_LARGE');
    expect(await snapshotBody(fixture.body.tenantId, fixture.body.id)).toEqual(before);
  });

  it('explains validation errors in the language asked for', async () => {
    const response = await apiAs(host, fixture.users.secretary)(meetingsPath(), {
      method: 'POST',
      body: { ...meetingInputFor(), title: '' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/^The data sent is not valid: title/);
    expect(response.json.error.issues[0].path).toBe('title');
  });

  it.each(['member', 'observer'] as const)(
    'refuses a %s with 403 and changes nothing',
    async (role) => {
      const before = await snapshotBody(fixture.body.tenantId, fixture.body.id);
      const response = await apiAs(host, fixture.users[role])(meetingsPath(), {
        method: 'POST',
        body: meetingInputFor(),
      });
      expect(response.status).toBe(403);
      expect(response.json.error.code).toBe('PERMISSION.DENIED');
      expect(await snapshotBody(fixture.body.tenantId, fixture.body.id)).toEqual(before);
    },
  );

  it("cannot write into another tenant's body (404) and changes nothing there", async () => {
    const before = await snapshotBody(other.body.tenantId, other.body.id);
    const response = await apiAs(host, fixture.users.head)(meetingsPath(other), {
      method: 'POST',
      body: meetingInput(other.users),
    });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('BODY.NOT_FOUND');
    expect(await snapshotBody(other.body.tenantId, other.body.id)).toEqual(before);
  });

  it('answers 404 for an unknown body and 400 for an id that is not an id', async () => {
    const api = apiAs(host, fixture.users.head);
    const unknown = await api('/api/bodies/no-such-body/meetings', {
      method: 'POST',
      body: meetingInputFor(),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('BODY.NOT_FOUND');
    const weird = await api(`/api/bodies/${encodeURIComponent('a~b')}/meetings`);
    expect(weird.status).toBe(400);
    expect(weird.json.error.code).toBe('VALIDATION.FAILED');
  });
});

describe('PATCH /api/bodies/{bodyId}/meetings/{meetingId}', () => {
  it('updates the agenda, bumps the version and chains a second audit event', async () => {
    const meeting = await createMeeting();
    const response = await apiAs(host, fixture.users.head)(`${meetingsPath()}/${meeting.id}`, {
      method: 'PATCH',
      body: {
        version: 1,
        title: 'Họp Ban Chỉ đạo tháng 12 (bổ sung nội dung)',
        agenda: [
          { title: 'Phân công nhiệm vụ', presenterId: fixture.users.head.userId },
          { title: 'Kết quả tiếp công dân', durationMinutes: 20 },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.json.meeting.version).toBe(2);
    const audit = await apiAs(host, fixture.users.head)(`${meetingsPath()}/${meeting.id}/audit`);
    expect(audit.json.verified).toBe(true);
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual([
      'meeting.scheduled',
      'meeting.updated',
    ]);
    expect(Object.keys(audit.json.events[1].changes).sort()).toEqual(['agenda', 'title']);
  });

  it('refuses a stale version with 409, returns the fresh meeting and changes nothing', async () => {
    const meeting = await createMeeting();
    const api = apiAs(host, fixture.users.secretary);
    const path = `${meetingsPath()}/${meeting.id}`;
    expect(
      (await api(path, { method: 'PATCH', body: { version: 1, title: 'Bản A' } })).status,
    ).toBe(200);
    const before = await snapshotBody(fixture.body.tenantId, fixture.body.id);
    const stale = await api(path, { method: 'PATCH', body: { version: 1, title: 'Bản B' } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONCURRENCY.CONFLICT');
    expect(stale.json.error.current).toMatchObject({ title: 'Bản A', version: 2 });
    expect(await snapshotBody(fixture.body.tenantId, fixture.body.id)).toEqual(before);
  });

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const meeting = await createMeeting();
    const path = `${meetingsPath()}/${meeting.id}`;
    const results = await Promise.all(
      ['Chủ trì sửa', 'Thư ký sửa', 'Phó ban sửa', 'Trưởng ban sửa'].map((title, index) =>
        apiAs(host, index % 2 ? fixture.users.secretary : fixture.users.head)(path, {
          method: 'PATCH',
          body: { version: 1, title },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const audit = await apiAs(host, fixture.users.head)(`${path}/audit`);
    expect(audit.json.events).toHaveLength(2);
    expect(audit.json.verified).toBe(true);
  });

  it('refuses bad updates with a clear code and changes nothing', async () => {
    const meeting = await createMeeting();
    const path = `${meetingsPath()}/${meeting.id}`;
    const cases: [ReturnType<typeof apiAs>, unknown, number, string][] = [
      [apiAs(host, fixture.users.head), { version: 1 }, 400, 'VALIDATION.FAILED'],
      [apiAs(host, fixture.users.head), { title: 'Thiếu phiên bản' }, 400, 'VALIDATION.FAILED'],
      [apiAs(host, fixture.users.head), { version: '1', title: 'x' }, 400, 'VALIDATION.FAILED'],
      [apiAs(host, fixture.users.member), { version: 1, title: 'x' }, 403, 'PERMISSION.DENIED'],
      [
        apiAs(host, fixture.users.head),
        { version: 1, secretaryId: fixture.outsider.userId },
        400,
        'MEETING.PERSON_NOT_MEMBER',
      ],
    ];
    const before = await snapshotBody(fixture.body.tenantId, fixture.body.id);
    for (const [api, body, status, code] of cases) {
      const response = await api(path, { method: 'PATCH', body });
      expect([response.status, response.json.error.code]).toEqual([status, code]);
    }
    const missing = await apiAs(host, fixture.users.head)(`${meetingsPath()}/01JUNKNOWNMEETING`, {
      method: 'PATCH',
      body: { version: 1, title: 'x' },
    });
    expect([missing.status, missing.json.error.code]).toEqual([404, 'MEETING.NOT_FOUND']);
    expect(await snapshotBody(fixture.body.tenantId, fixture.body.id)).toEqual(before);
  });
});

function meetingInputFor() {
  return meetingInput(fixture.users);
}

function withoutKey(value: Record<string, unknown>, key: string) {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
