import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createTestBody, meetingInput, type TestBody } from './support/api-harness';
import { standInUser, startGraphTestHost } from './support/graph-stand-in';
import { snapshotBody } from './support/storage-snapshot';

let env: Awaited<ReturnType<typeof startGraphTestHost>>;

beforeAll(async () => {
  env = await startGraphTestHost();
});
afterAll(async () => {
  await env.stop();
});

/** The meeting of meetingInput(): 15 Dec 2026, 08:00-11:00 Vietnam time (01:00-04:00 UTC). */
const at = (hhmm: string) => `2026-12-15T${hhmm}:00.000Z`;

async function meetingWithReport(test: TestBody) {
  const head = apiAs(env.host, test.users.head);
  const created = await head(`/api/bodies/${test.body.id}/meetings`, {
    method: 'POST',
    body: meetingInput(test.users),
  });
  expect(created.status).toBe(201);
  for (const user of Object.values(test.users)) env.standIn.addUser(standInUser(user));
  const onlineMeetingId = Buffer.from(`1*${test.users.head.userId}*0**${randomUUID()}`).toString(
    'base64url',
  );
  const u = test.users;
  env.standIn.addOnlineMeeting({
    tenantId: test.body.tenantId,
    organizerId: u.head.userId,
    id: onlineMeetingId,
    subject: 'Họp Ban Chỉ đạo tháng 12',
    startDateTime: at('01:00'),
    endDateTime: at('04:00'),
    joinWebUrl: 'https://teams.microsoft.com/l/meetup-join/test',
    reports: [
      {
        id: randomUUID(),
        meetingStartDateTime: at('01:00'),
        meetingEndDateTime: at('04:00'),
        records: [
          {
            userId: u.head.userId,
            displayName: u.head.displayName,
            role: 'Organizer',
            intervals: [[at('01:00'), at('04:00')]],
          },
          // Joined, left, rejoined twice: 60 + 30 + 45 minutes = 135 of 180.
          {
            userId: u.secretary.userId,
            displayName: u.secretary.displayName,
            intervals: [
              [at('01:00'), at('02:00')],
              [at('02:10'), at('02:40')],
              [at('03:15'), at('04:00')],
            ],
          },
          // Dropped in for 20 minutes only.
          {
            userId: u.member.userId,
            displayName: u.member.displayName,
            intervals: [[at('02:00'), at('02:20')]],
          },
          // Observers are not summoned: listed, never marked.
          {
            userId: u.observer.userId,
            displayName: u.observer.displayName,
            intervals: [[at('01:00'), at('04:00')]],
          },
          {
            userId: randomUUID(),
            displayName: 'Khách mời Sở Nội vụ',
            intervals: [[at('01:30'), at('02:30')]],
          },
          { userId: null, displayName: '+84 912 345 678', intervals: [[at('01:05'), at('01:40')]] },
        ],
      },
    ],
  });
  return { meetingId: created.json.meeting.id as string, onlineMeetingId };
}

const statusOf = (json: { attendance: { userId: string; status: string }[] }, userId: string) =>
  json.attendance.find((entry) => entry.userId === userId)?.status;

describe('attendance from Teams meeting reports (Graph stand-in, Azurite)', () => {
  it('turns joins, leaves and rejoins into attendance and quorum, then imports nothing new', async () => {
    const test = await createTestBody();
    const { meetingId, onlineMeetingId } = await meetingWithReport(test);
    const secretary = apiAs(env.host, test.users.secretary);
    const head = apiAs(env.host, test.users.head);
    const path = `/api/bodies/${test.body.id}/meetings/${meetingId}/attendance/import`;
    const body = { organizerId: test.users.head.userId, onlineMeetingId };

    // Only the organizer may read the report on their own behalf: the secretary gets a clear 403.
    const notOrganizer = await secretary(path, { method: 'POST', body });
    expect(notOrganizer.status).toBe(403);
    expect(notOrganizer.json.error.code).toBe('GRAPH.PERMISSION_DENIED');

    const imported = await head(path, { method: 'POST', body });
    expect(imported.status).toBe(200);
    const u = test.users;
    expect(statusOf(imported.json, u.head.userId)).toBe('present');
    expect(statusOf(imported.json, u.secretary.userId)).toBe('present');
    expect(statusOf(imported.json, u.member.userId)).toBe('present');
    expect(statusOf(imported.json, u.observer.userId)).toBeUndefined();
    const secretaryEntry = imported.json.attendance.find(
      (entry: { userId: string }) => entry.userId === u.secretary.userId,
    );
    expect(secretaryEntry.note).toBe('Theo Teams: 135 phút, vào họp 3 lần');
    expect(imported.json.import.matched).toContainEqual(
      expect.objectContaining({ userId: u.secretary.userId, seconds: 8100, joins: 3, share: 0.75 }),
    );
    expect(imported.json.import.notSummoned.map((p: { userId: string }) => p.userId)).toEqual([
      u.observer.userId,
    ]);
    expect(imported.json.import.unmatched).toHaveLength(2);
    expect(imported.json.quorum).toMatchObject({ present: 3, summoned: 3, met: true });

    // The attendance screen and the audit trail show the same.
    const read = await head(`/api/bodies/${test.body.id}/meetings/${meetingId}/attendance`);
    expect(read.json.quorum).toMatchObject({ present: 3, met: true });
    const audit = await head(`/api/bodies/${test.body.id}/meetings/${meetingId}/audit`);
    expect(audit.json.verified).toBe(true);
    expect(audit.json.events.at(-1)).toMatchObject({ action: 'meeting.attendanceImported' });

    const before = await snapshotBody(test.body.tenantId, test.body.id);
    const again = await head(path, { method: 'POST', body });
    expect(again.status).toBe(200);
    expect(again.json.import.marked).toEqual([]);
    expect(await snapshotBody(test.body.tenantId, test.body.id)).toEqual(before);
  });

  it('applies a minimum share and keeps manual corrections, audited', async () => {
    const test = await createTestBody();
    const { meetingId, onlineMeetingId } = await meetingWithReport(test);
    const head = apiAs(env.host, test.users.head);
    const u = test.users;
    const result = await head(
      `/api/bodies/${test.body.id}/meetings/${meetingId}/attendance/import`,
      {
        method: 'POST',
        body: {
          organizerId: u.head.userId,
          onlineMeetingId,
          minimumShare: 0.5,
          overrides: [
            { userId: u.member.userId, status: 'absentExcused', note: 'Báo vắng có lý do' },
          ],
        },
      },
    );
    expect(result.status).toBe(200);
    // 20 of 180 minutes is under half: the correction given with the import decides.
    expect(
      result.json.attendance.find((e: { userId: string }) => e.userId === u.member.userId),
    ).toMatchObject({
      status: 'absentExcused',
      note: 'Báo vắng có lý do',
    });
    expect(result.json.quorum).toMatchObject({ present: 2, summoned: 3 });

    // A later manual correction through the ordinary attendance route still works and is audited.
    const corrected = await head(`/api/bodies/${test.body.id}/meetings/${meetingId}/attendance`, {
      method: 'PUT',
      body: {
        marks: [{ userId: u.member.userId, status: 'present', delegateName: 'Trần Văn Thay' }],
      },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.json.quorum).toMatchObject({ present: 3, delegates: 1 });
    // Re-importing never overwrites it.
    const again = await head(
      `/api/bodies/${test.body.id}/meetings/${meetingId}/attendance/import`,
      {
        method: 'POST',
        body: { organizerId: u.head.userId, onlineMeetingId, minimumShare: 0.5 },
      },
    );
    expect(
      again.json.attendance.find((e: { userId: string }) => e.userId === u.member.userId),
    ).toMatchObject({
      status: 'present',
      delegateName: 'Trần Văn Thay',
    });
    const audit = await head(`/api/bodies/${test.body.id}/meetings/${meetingId}/audit`);
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual([
      'meeting.scheduled',
      'meeting.attendanceImported',
      'meeting.attendanceRecorded',
    ]);
  });

  it('creates the Teams meeting for a meeting (idempotently) and imports from it without ids', async () => {
    const test = await createTestBody();
    const head = apiAs(env.host, test.users.head);
    const created = await head(`/api/bodies/${test.body.id}/meetings`, {
      method: 'POST',
      body: meetingInput(test.users),
    });
    const meetingId = created.json.meeting.id as string;
    const path = `/api/bodies/${test.body.id}/meetings/${meetingId}/teams-meeting`;

    const noLink = await head(
      `/api/bodies/${test.body.id}/meetings/${meetingId}/attendance/import`,
      {
        method: 'POST',
        body: {},
      },
    );
    expect(noLink.status).toBe(409);
    expect(noLink.json.error.code).toBe('ATTENDANCE.NO_ONLINE_MEETING');

    const member = await apiAs(env.host, test.users.member)(path, { method: 'POST', body: {} });
    expect(member.status).toBe(403);
    const first = await head(path, { method: 'POST', body: {} });
    expect(first.status).toBe(201);
    expect(first.json.teamsMeeting).toMatchObject({
      organizerId: test.users.head.userId,
      joinWebUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//),
    });
    const second = await head(path, { method: 'POST', body: {} });
    expect(second.json.teamsMeeting.onlineMeetingId).toBe(first.json.teamsMeeting.onlineMeetingId);
    expect(
      [...env.standIn.meetings.values()].filter((m) => m.externalId === meetingId),
    ).toHaveLength(1);
    const seen = await apiAs(env.host, test.users.observer)(path);
    expect(seen.json.teamsMeeting.joinWebUrl).toBe(first.json.teamsMeeting.joinWebUrl);

    const noReport = await head(
      `/api/bodies/${test.body.id}/meetings/${meetingId}/attendance/import`,
      {
        method: 'POST',
        body: {},
      },
    );
    expect(noReport.status).toBe(404);
    expect(noReport.json.error.code).toBe('ATTENDANCE.REPORT_NOT_FOUND');

    env.standIn.addAttendanceReport(first.json.teamsMeeting.onlineMeetingId, {
      id: randomUUID(),
      meetingStartDateTime: at('01:00'),
      meetingEndDateTime: at('02:00'),
      records: [
        {
          userId: test.users.head.userId,
          displayName: 'Chủ trì',
          intervals: [[at('01:00'), at('02:00')]],
        },
      ],
    });
    const imported = await head(
      `/api/bodies/${test.body.id}/meetings/${meetingId}/attendance/import`,
      {
        method: 'POST',
        body: {},
      },
    );
    expect(imported.status).toBe(200);
    expect(imported.json.quorum).toMatchObject({ present: 1, summoned: 3, met: false });
    const audit = await head(`/api/bodies/${test.body.id}/meetings/${meetingId}/audit`);
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual([
      'meeting.scheduled',
      'meeting.teamsMeetingLinked',
      'meeting.attendanceImported',
    ]);
  });

  it('refuses bad input with 4xx before asking Graph, storage unchanged', async () => {
    const test = await createTestBody();
    const { meetingId, onlineMeetingId } = await meetingWithReport(test);
    const head = apiAs(env.host, test.users.head);
    const path = `/api/bodies/${test.body.id}/meetings/${meetingId}/attendance/import`;
    const before = await snapshotBody(test.body.tenantId, test.body.id);
    env.standIn.resetCounters();
    const cases: [unknown, number, string][] = [
      [{ organizerId: test.users.head.userId }, 400, 'VALIDATION.FAILED'],
      [{ organizerId: 'nope', onlineMeetingId }, 400, 'VALIDATION.FAILED'],
      [{ minimumShare: 1.5 }, 400, 'VALIDATION.FAILED'],
      [{ unknown: true }, 400, 'VALIDATION.FAILED'],
      ['not json', 400, 'VALIDATION.FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await head(path, { method: 'POST', body });
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.json.error.code).toBe(code);
    }
    const outsider = await apiAs(env.host, test.outsider)(path, {
      method: 'POST',
      body: { organizerId: test.users.head.userId, onlineMeetingId },
    });
    expect(outsider.status).toBe(403);
    const unknownMeeting = await head(
      `/api/bodies/${test.body.id}/meetings/01JUNKNOWN/attendance/import`,
      {
        method: 'POST',
        body: {},
      },
    );
    expect(unknownMeeting.status).toBe(404);
    expect(env.standIn.requests.filter((r) => r.path.startsWith('/v1.0/'))).toEqual([]);

    // Graph answers, but a correction names someone outside the body: nothing is written.
    const badOverride = await head(path, {
      method: 'POST',
      body: {
        organizerId: test.users.head.userId,
        onlineMeetingId,
        overrides: [{ userId: test.outsider.userId, status: 'present' }],
      },
    });
    expect(badOverride.status).toBe(400);
    expect(badOverride.json.error.code).toBe('ATTENDANCE.NOT_A_MEMBER');
    const wrongReport = await head(path, {
      method: 'POST',
      body: { organizerId: test.users.head.userId, onlineMeetingId, reportId: randomUUID() },
    });
    expect(wrongReport.status).toBe(404);
    expect(await snapshotBody(test.body.tenantId, test.body.id)).toEqual(before);
  });
});
