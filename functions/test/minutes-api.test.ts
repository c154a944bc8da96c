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

beforeAll(async () => {
  host = await startTestHost();
  fixture = await createTestBody();
});
afterAll(async () => {
  await host?.stop();
});

async function newMeeting() {
  const created = await apiAs(host, fixture.users.secretary)(
    `/api/bodies/${fixture.body.id}/meetings`,
    { method: 'POST', body: meetingInput(fixture.users) },
  );
  expect(created.status).toBe(201);
  const meeting = created.json.meeting as { id: string; agenda: { id: string }[] };
  return { meeting, path: `/api/bodies/${fixture.body.id}/meetings/${meeting.id}` };
}

async function move(
  path: string,
  user: TestBody['users'][keyof TestBody['users']],
  transition: string,
  reason?: string,
) {
  const api = apiAs(host, user);
  const current = await api(path);
  return api(`${path}/transitions`, {
    method: 'POST',
    body: { transition, version: current.json.meeting.version, ...(reason ? { reason } : {}) },
  });
}

const snapshot = () => snapshotBody(fixture.body.tenantId, fixture.body.id);

describe('attendance and quorum over the API', () => {
  it('records attendance with a delegate and reports quorum against the template rule', async () => {
    const { path } = await newMeeting();
    const response = await apiAs(host, fixture.users.secretary)(`${path}/attendance`, {
      method: 'PUT',
      body: {
        marks: [
          { userId: fixture.users.head.userId, status: 'present' },
          {
            userId: fixture.users.member.userId,
            status: 'present',
            delegateName: 'Nông Thị Duyên',
          },
          { userId: fixture.users.secretary.userId, status: 'absentExcused', note: 'Ốm' },
        ],
      },
    });
    expect(response.status).toBe(200);
    // 3 summoned (the observer does not count): more than half needs 2.
    expect(response.json.quorum).toMatchObject({
      met: true,
      present: 2,
      summoned: 3,
      required: 2,
      delegates: 1,
    });
    const read = await apiAs(host, fixture.users.observer)(`${path}/attendance`);
    expect(read.json.attendance).toHaveLength(3);
  });

  it('refuses an unknown member and a plain member marking, changing nothing', async () => {
    const { path } = await newMeeting();
    const before = await snapshot();
    const unknown = await apiAs(host, fixture.users.secretary)(`${path}/attendance`, {
      method: 'PUT',
      body: { marks: [{ userId: fixture.outsider.userId, status: 'present' }] },
    });
    expect([unknown.status, unknown.json.error.code]).toEqual([400, 'ATTENDANCE.NOT_A_MEMBER']);
    const member = await apiAs(host, fixture.users.member)(`${path}/attendance`, {
      method: 'PUT',
      body: { marks: [{ userId: fixture.users.member.userId, status: 'present' }] },
    });
    expect([member.status, member.json.error.code]).toEqual([403, 'PERMISSION.DENIED']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('minutes over the API (Azurite)', () => {
  it('two secretaries saving the same section at once: one version saved, one 409 with the fresh text', async () => {
    const { path } = await newMeeting();
    const section = `${path}/minutes/sections/conclusions`;
    const [a, b] = await Promise.all([
      apiAs(host, fixture.users.secretary)(section, {
        method: 'PUT',
        body: { version: 0, text: 'Kết luận của thư ký' },
      }),
      apiAs(host, fixture.users.head)(section, {
        method: 'PUT',
        body: { version: 0, text: 'Kết luận của chủ trì' },
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.json.error.code).toBe('CONCURRENCY.CONFLICT');
    expect(loser.json.error.current).toMatchObject({
      key: 'conclusions',
      version: 1,
      text: winner.json.section.text,
    });
    const minutes = await apiAs(host, fixture.users.member)(`${path}/minutes`);
    const saved = minutes.json.sections.find((s: { key: string }) => s.key === 'conclusions');
    expect(saved).toMatchObject({ version: 1, text: winner.json.section.text });
    const history = await apiAs(host, fixture.users.head)(`${path}/minutes/history`);
    expect(history.json.revisions).toHaveLength(1);
  });

  it('saves different sections concurrently without conflict', async () => {
    const { path, meeting } = await newMeeting();
    const keys = ['opening', `item-${meeting.agenda[0]!.id}`, 'conclusions', 'closing'];
    const results = await Promise.all(
      keys.map((key, i) =>
        apiAs(host, i % 2 ? fixture.users.head : fixture.users.secretary)(
          `${path}/minutes/sections/${key}`,
          { method: 'PUT', body: { version: 0, text: `Nội dung ${key}` } },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const audit = await apiAs(host, fixture.users.head)(`${path}/audit`);
    expect(audit.json.verified).toBe(true);
    expect(audit.json.events).toHaveLength(5);
  });

  it('submit, approve: the minutes lock and carry a hash; a later edit is refused and changes nothing', async () => {
    const { path } = await newMeeting();
    const { head, secretary } = fixture.users;
    expect((await move(path, head, 'start')).status).toBe(200);
    await apiAs(host, secretary)(`${path}/minutes/sections/conclusions`, {
      method: 'PUT',
      body: { version: 0, text: 'Giao Văn phòng tổng hợp.' },
    });
    expect((await move(path, head, 'end')).status).toBe(200);
    expect((await move(path, secretary, 'submitMinutes')).status).toBe(200);
    const approved = await move(path, head, 'approveMinutes');
    expect(approved.status).toBe(200);
    expect(approved.json.meeting.status).toBe('minutesApproved');
    expect(approved.json.meeting.minutes.approvedHash).toMatch(/^[0-9a-f]{64}$/);

    const before = await snapshot();
    const edit = await apiAs(host, secretary)(`${path}/minutes/sections/conclusions`, {
      method: 'PUT',
      body: { version: 1, text: 'Sửa sau khi duyệt' },
    });
    expect([edit.status, edit.json.error.code]).toEqual([409, 'MINUTES.LOCKED']);
    expect(await snapshot()).toEqual(before);

    const correction = await move(path, secretary, 'correctMinutes', 'Ghi sai thời hạn');
    expect(correction.json.meeting.minutes).toMatchObject({ edition: 2, status: 'drafting' });
  });

  it('answers bad input with a clear 4xx and changes nothing', async () => {
    const { path } = await newMeeting();
    const { head, secretary } = fixture.users;
    const before = await snapshot();
    const cases: [
      Promise<{ status: number; json: { error: { code: string } } }>,
      number,
      string,
    ][] = [
      [move(path, head, 'approveMinutes'), 409, 'MEETING.TRANSITION_NOT_ALLOWED'],
      [move(path, head, 'cancel'), 400, 'MEETING.REASON_REQUIRED'],
      [move(path, head, 'fly'), 400, 'VALIDATION.FAILED'],
      [
        apiAs(host, secretary)(`${path}/minutes/sections/conclusions`, {
          method: 'PUT',
          body: { version: 0, text: 'x'.repeat(20_001) },
        }),
        400,
        'VALIDATION.FAILED',
      ],
      [
        apiAs(host, secretary)(`${path}/minutes/sections/no-such-section`, {
          method: 'PUT',
          body: { version: 0, text: 'x' },
        }),
        404,
        'MINUTES.UNKNOWN_SECTION',
      ],
      [
        apiAs(host, fixture.users.member)(`${path}/minutes/sections/opening`, {
          method: 'PUT',
          body: { version: 0, text: 'x' },
        }),
        403,
        'PERMISSION.DENIED',
      ],
    ];
    for (const [call, status, code] of cases) {
      const response = await call;
      expect([response.status, response.json.error.code]).toEqual([status, code]);
    }
    expect(await snapshot()).toEqual(before);
  });
});
