import { odata, TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { castBallot, secureRandom, type Member, type VoteDeps } from '@qcdc/core';
import type { DirectoryUser } from '../src/auth/dev-issuer';
import { loadConfig } from '../src/config';
import { createServices } from '../src/create-services';
import type { DevHost } from '../src/dev/host';
import { connectionStringTables } from '../src/store/table-client-factory';
import { TABLES } from '../src/store/table-names';
import { addMembersForTesting } from '../src/store/vote-seed';
import { TableVoteRepository } from '../src/store/vote-store';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type Api,
  type TestBody,
} from './support/api-harness';
import { snapshotBody } from './support/storage-snapshot';

const VOTERS = 200;

let host: DevHost;
let fixture: TestBody;
let other: TestBody;
let crowd: DirectoryUser[];
let tokens: Map<string, string>;

const votesTable = () =>
  TableClient.fromConnectionString(inject('storageConnection'), TABLES.votes, {
    allowInsecureConnection: true,
  });

beforeAll(async () => {
  host = await startTestHost();
  [fixture, other] = await Promise.all([createTestBody(), createTestBody()]);
  crowd = Array.from({ length: VOTERS }, (_, i) => ({
    tenantId: fixture.body.tenantId,
    userId: randomUUID(),
    displayName: `Cán bộ ${i + 1}`,
    title: 'Công chức',
    email: `cb${i}@example.gov.vn`,
  }));
  const members: Member[] = crowd.map((user) => ({
    tenantId: user.tenantId,
    bodyId: fixture.body.id,
    userId: user.userId,
    displayName: user.displayName,
    title: user.title,
    roles: ['member'],
  }));
  await addMembersForTesting(
    connectionStringTables(inject('storageConnection')),
    fixture.body,
    members,
  );
  tokens = new Map(
    await Promise.all(
      crowd.map(async (user) => [user.userId, await host.devIssuer.issueToken(user)] as const),
    ),
  );
});
afterAll(async () => {
  await host?.stop();
});

const meetingsPath = () => `/api/bodies/${fixture.body.id}/meetings`;

/** A meeting in progress with the fixture's people and the whole crowd (but `absent`) present. */
async function runningMeeting(absent: DirectoryUser[] = []): Promise<string> {
  const secretary = apiAs(host, fixture.users.secretary);
  const created = await secretary(meetingsPath(), {
    method: 'POST',
    body: meetingInput(fixture.users),
  });
  expect(created.status).toBe(201);
  const meeting = created.json.meeting as { id: string; version: number };
  const started = await apiAs(host, fixture.users.head)(
    `${meetingsPath()}/${meeting.id}/transitions`,
    { method: 'POST', body: { transition: 'start', version: meeting.version } },
  );
  expect(started.status).toBe(200);
  const skip = new Set(absent.map((user) => user.userId));
  const people = [
    fixture.users.head,
    fixture.users.secretary,
    fixture.users.member,
    ...crowd.filter((user) => !skip.has(user.userId)),
  ];
  for (let i = 0; i < people.length; i += 90) {
    const marked = await secretary(`${meetingsPath()}/${meeting.id}/attendance`, {
      method: 'PUT',
      body: {
        marks: people.slice(i, i + 90).map((p) => ({ userId: p.userId, status: 'present' })),
      },
    });
    expect(marked.status).toBe(200);
  }
  return meeting.id;
}

async function openVote(
  meetingId: string,
  input: Record<string, unknown>,
  segment: 'motions' | 'elections' = 'motions',
): Promise<{ id: string; path: string }> {
  const path = `${meetingsPath()}/${meetingId}/${segment}`;
  const created = await apiAs(host, fixture.users.secretary)(path, { method: 'POST', body: input });
  expect(created.status).toBe(201);
  const id = (created.json.motion ?? created.json.election).id as string;
  const opened = await apiAs(host, fixture.users.head)(`${path}/${id}/open`, { method: 'POST' });
  expect(opened.status).toBe(200);
  return { id, path: `${path}/${id}` };
}

/** Casts over real HTTP with the voter's own dev-issuer token. */
async function castAs(user: DirectoryUser, path: string, body: unknown) {
  return apiAs(host, user)(`${path}/ballots`, {
    method: 'POST',
    body,
    token: tokens.get(user.userId) ?? undefined,
  });
}

/** Every row of the fixture body's vote partitions, with etags: "storage unchanged" for votes. */
async function snapshotVotes(): Promise<string[]> {
  const prefix = `${fixture.body.tenantId}~${fixture.body.id}`;
  const rows: string[] = [];
  const entities = votesTable().listEntities({
    queryOptions: {
      filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix}~~`}`,
    },
  });
  for await (const entity of entities) {
    rows.push(`${entity.partitionKey}/${entity.rowKey}@${entity.etag}`);
  }
  return [...rows.sort(), ...(await snapshotBody(fixture.body.tenantId, fixture.body.id))];
}

async function partitionRows(partitionKey: string) {
  const rows: Record<string, unknown>[] = [];
  for await (const row of votesTable().listEntities<Record<string, unknown>>({
    queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
  })) {
    rows.push(row);
  }
  return rows;
}

/** The motion's electorate partitions, read from the motion row as stored. */
async function partitionsOf(meetingId: string, motionId: string) {
  const row = await votesTable().getEntity<Record<string, unknown>>(
    `${fixture.body.tenantId}~${fixture.body.id}`,
    `motion~${meetingId}~${motionId}`,
  );
  const electorate = JSON.parse(String(row.electorate)) as { id: string };
  const voters = `${fixture.body.tenantId}~${fixture.body.id}~${motionId}~${electorate.id}`;
  return { voters, box: `${voters}~box` };
}

const choiceOf = (i: number) => (i % 5 === 0 ? 'against' : i % 7 === 0 ? 'abstain' : 'for');

describe.each(['secret', 'open'] as const)('%s ballots under a burst', (method) => {
  let meetingId: string;
  let vote: { id: string; path: string };

  beforeAll(async () => {
    meetingId = await runningMeeting();
    vote = await openVote(meetingId, {
      question: `Thông qua Nghị quyết (${method})`,
      method,
    });
  });

  it(`records ${VOTERS} concurrent voters once each, absorbing 20% duplicate submits`, async () => {
    const submissions = crowd.map((user, i) => ({
      user,
      body: { submissionId: randomUUID(), choice: choiceOf(i) },
    }));
    const duplicates = submissions.filter((_, i) => i % 5 === 1);
    const answers = await Promise.all(
      [...submissions, ...duplicates].map(({ user, body }) => castAs(user, vote.path, body)),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    // A duplicate gets exactly the answer the original got.
    for (const [index, duplicate] of duplicates.entries()) {
      const original = answers[submissions.indexOf(duplicate)]!;
      expect(answers[VOTERS + index]!.json).toEqual(original.json);
    }
    // A retry long after the fact gets the same answer too, and writes nothing.
    const before = await snapshotVotes();
    const retry = await castAs(submissions[3]!.user, vote.path, submissions[3]!.body);
    expect(retry.json).toEqual(answers[3]!.json);
    expect(await snapshotVotes()).toEqual(before);

    const { voters, box } = await partitionsOf(meetingId, vote.id);
    const receipts = (await partitionRows(voters)).filter((r) =>
      String(r.rowKey).startsWith('voter~'),
    );
    const crowdIds = new Set(crowd.map((user) => user.userId));
    expect(
      receipts.filter((r) => r.state === 'voted' && crowdIds.has(String(r.userId))),
    ).toHaveLength(VOTERS);
    const ballots = (await partitionRows(box)).filter((r) =>
      String(r.rowKey).startsWith('ballot~'),
    );
    if (method === 'secret') {
      expect(ballots).toHaveLength(VOTERS);
      // Receipts never hold the choice (nor, once cast, the ballot's key).
      for (const receipt of receipts) {
        expect(receipt.marks).toBe('');
        expect(receipt.pendingKey).toBe('');
        // Its audit events say that the voter voted, never how.
        expect(JSON.stringify(receipt)).not.toMatch(/"(for|against|abstain)"/);
      }
      // Ballots hold the marks and a random key: nothing that names anyone.
      const everyone = [...crowd, ...Object.values(fixture.users)].map((u) => u.userId);
      for (const ballot of ballots) {
        expect(Object.keys(ballot).sort()).toEqual(
          ['etag', 'marks', 'partitionKey', 'rowKey', 'timestamp'].sort(),
        );
        expect(String(ballot.rowKey)).toMatch(/^ballot~[0-9a-f]{32}$/);
        const text = JSON.stringify(ballot);
        for (const id of everyone) expect(text).not.toContain(id);
      }
    } else {
      expect(ballots).toHaveLength(0);
    }
  });

  it('shows the turnout while open (counts only, never a tally), to anyone in the body', async () => {
    for (const user of [fixture.users.head, fixture.users.observer, crowd[0]!]) {
      const view = await apiAs(host, user)(vote.path);
      expect(view.status).toBe(200);
      expect(view.json.turnout).toEqual({ voted: VOTERS, eligible: VOTERS + 3 });
      expect(view.json.motion.result).toBeUndefined();
      expect(JSON.stringify(view.json)).not.toMatch(/"counts"|"tally"/);
    }
  });

  it('announces a result equal to a recount, refuses casting afterwards, and verifies', async () => {
    const latecomer = fixture.users.member;
    const closeStarted = Date.now();
    const closed = await apiAs(host, fixture.users.head)(`${vote.path}/close`, { method: 'POST' });
    expect(closed.status).toBe(200);
    const expected = { for: 0, against: 0, abstain: 0 };
    crowd.forEach((_, i) => (expected[choiceOf(i) as keyof typeof expected] += 1));
    expect(closed.json.motion.result.tally).toEqual({
      counts: expected,
      ballotsCast: VOTERS,
      blank: 0,
      invalid: 0,
    });
    // More than 50% of the 203 present voted for.
    expect(closed.json.motion.result.decision).toMatchObject({
      outcome: 'adopted',
      base: VOTERS + 3,
      required: 102,
      count: expected.for,
    });
    expect(closed.json.motion.resultHash).toMatch(/^[0-9a-f]{64}$/);
    // Once closed, the result carries the turnout; the live figure is gone.
    expect((await apiAs(host, fixture.users.head)(vote.path)).json.turnout).toBeUndefined();

    const before = await snapshotVotes();
    const late = await castAs(latecomer, vote.path, { submissionId: randomUUID(), choice: 'for' });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('VOTE.CLOSED');
    expect(late.json.error.messages.vi).toContain('kết thúc');
    expect(await snapshotVotes()).toEqual(before);

    const verified = await apiAs(host, fixture.users.observer)(`${vote.path}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.json.verification.verified).toBe(true);
    expect(verified.json.verification.recount.tally).toEqual(closed.json.motion.result.tally);

    if (method === 'secret') {
      // Closing rewrote every ballot in shuffled groups: no Timestamp dates a cast any more.
      const { box } = await partitionsOf(meetingId, vote.id);
      const ballots = (await partitionRows(box)).filter((r) =>
        String(r.rowKey).startsWith('ballot~'),
      );
      for (const ballot of ballots) {
        expect(Date.parse(String(ballot.timestamp))).toBeGreaterThanOrEqual(closeStarted - 1000);
      }
    }
    const audit = await apiAs(host, fixture.users.head)(`${vote.path}/audit`);
    expect(audit.json.verified).toBe(true);
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual([
      'vote.created',
      'vote.opened',
      'vote.closing',
      'vote.closed',
    ]);
  });
});

describe('refusals change nothing', () => {
  let meetingId: string;
  let vote: { id: string; path: string };
  const absentee = () => crowd[0]!;

  beforeAll(async () => {
    meetingId = await runningMeeting([crowd[0]!]);
    vote = await openVote(meetingId, { question: 'Thông qua kế hoạch năm 2027', method: 'secret' });
    expect(
      (await castAs(crowd[1]!, vote.path, { submissionId: randomUUID(), choice: 'for' })).status,
    ).toBe(200);
  });

  const refusals: [string, () => ReturnType<Api>, number, string][] = [
    [
      'an absent member',
      () => castAs(absentee(), vote.path, { submissionId: randomUUID(), choice: 'for' }),
      403,
      'VOTE.NOT_ELIGIBLE',
    ],
    [
      'an observer',
      () =>
        apiAs(host, fixture.users.observer)(`${vote.path}/ballots`, {
          method: 'POST',
          body: { submissionId: randomUUID(), choice: 'for' },
        }),
      403,
      'VOTE.NOT_ELIGIBLE',
    ],
    [
      'someone outside the body',
      () =>
        apiAs(host, fixture.outsider)(`${vote.path}/ballots`, {
          method: 'POST',
          body: { submissionId: randomUUID(), choice: 'for' },
        }),
      403,
      'VOTE.NOT_ELIGIBLE',
    ],
    [
      'another tenant',
      () =>
        apiAs(host, other.users.head)(`${vote.path}/ballots`, {
          method: 'POST',
          body: { submissionId: randomUUID(), choice: 'for' },
        }),
      404,
      'VOTE.NOT_FOUND',
    ],
    [
      'a second, different secret ballot',
      () => castAs(crowd[1]!, vote.path, { submissionId: randomUUID(), choice: 'against' }),
      409,
      'VOTE.ALREADY_CAST',
    ],
    [
      'an unknown choice',
      () => castAs(crowd[2]!, vote.path, { submissionId: randomUUID(), choice: 'maybe' }),
      400,
      'VOTE.INVALID_CHOICE',
    ],
    [
      'a ballot without a submission id',
      () => castAs(crowd[2]!, vote.path, { choice: 'for' }),
      400,
      'VALIDATION.FAILED',
    ],
    [
      'a body that is not JSON',
      () => castAs(crowd[2]!, vote.path, '{"choice":'),
      400,
      'VALIDATION.FAILED',
    ],
    [
      'a motion id that is not an id',
      () =>
        castAs(crowd[2]!, `${meetingsPath()}/${meetingId}/motions/x~y`, {
          submissionId: randomUUID(),
          choice: 'for',
        }),
      400,
      'VALIDATION.FAILED',
    ],
    [
      'an election route for a motion',
      () =>
        castAs(crowd[2]!, `${meetingsPath()}/${meetingId}/elections/${vote.id}`, {
          submissionId: randomUUID(),
          marks: [],
        }),
      404,
      'VOTE.NOT_FOUND',
    ],
    [
      'a plain member opening a vote',
      () => apiAs(host, fixture.users.member)(`${vote.path}/close`, { method: 'POST' }),
      403,
      'PERMISSION.DENIED',
    ],
    [
      'a room tally for an electronic vote',
      () =>
        apiAs(host, fixture.users.head)(`${vote.path}/room-tally`, {
          method: 'POST',
          body: { counts: { for: 1 } },
        }),
      409,
      'VOTE.NOT_ROOM_VOTE',
    ],
    [
      'another tenant reading the motion',
      () => apiAs(host, other.users.head)(vote.path),
      404,
      'BODY.NOT_FOUND',
    ],
  ];

  it.each(refusals)('refuses %s', async (_, call, status, code) => {
    const before = await snapshotVotes();
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    expect(response.json.error.messages.en).toBeTruthy();
    expect(await snapshotVotes()).toEqual(before);
  });

  it('shows a secret voter only that they voted', async () => {
    const view = await apiAs(host, crowd[1]!)(vote.path);
    expect(view.status).toBe(200);
    expect(view.json.myBallot).toMatchObject({ eligible: true, status: 'voted' });
    expect(view.json.myBallot.marks).toBeUndefined();
    const absent = await apiAs(host, absentee())(vote.path);
    expect(absent.json.myBallot).toEqual({ eligible: false, status: 'notVoted' });
  });

  it('refuses to open a vote without quorum', async () => {
    const secretary = apiAs(host, fixture.users.secretary);
    const created = await secretary(meetingsPath(), {
      method: 'POST',
      body: meetingInput(fixture.users),
    });
    const meeting = created.json.meeting as { id: string; version: number };
    await apiAs(host, fixture.users.head)(`${meetingsPath()}/${meeting.id}/transitions`, {
      method: 'POST',
      body: { transition: 'start', version: meeting.version },
    });
    const motion = await secretary(`${meetingsPath()}/${meeting.id}/motions`, {
      method: 'POST',
      body: { question: 'Không đủ người' },
    });
    const before = await snapshotVotes();
    const opened = await apiAs(host, fixture.users.head)(
      `${meetingsPath()}/${meeting.id}/motions/${motion.json.motion.id}/open`,
      { method: 'POST' },
    );
    expect(opened.status).toBe(409);
    expect(opened.json.error.code).toBe('MEETING.QUORUM_NOT_MET');
    expect(await snapshotVotes()).toEqual(before);
  });
});

describe('room votes and elections over HTTP', () => {
  let meetingId: string;

  beforeAll(async () => {
    meetingId = await runningMeeting();
  });

  it('closes a show of hands on the tally the whole counting board confirmed', async () => {
    const board = [crowd[10]!, crowd[11]!, crowd[12]!];
    const vote = await openVote(meetingId, {
      question: 'Biểu quyết giơ tay',
      mode: 'room',
      countingBoard: board.map((user) => user.userId),
    });
    const entered = await apiAs(host, board[0]!)(`${vote.path}/room-tally`, {
      method: 'POST',
      body: { counts: { for: 150, against: 40, abstain: 13 } },
    });
    expect(entered.status).toBe(200);
    const early = await apiAs(host, fixture.users.head)(`${vote.path}/close`, { method: 'POST' });
    expect(early.json.error.code).toBe('VOTE.TALLY_NOT_CONFIRMED');
    for (const user of board.slice(1)) {
      const confirmed = await apiAs(host, user)(`${vote.path}/room-tally/confirm`, {
        method: 'POST',
        body: { tallyVersion: entered.json.motion.roomTally.version },
      });
      expect(confirmed.status).toBe(200);
    }
    const closed = await apiAs(host, fixture.users.head)(`${vote.path}/close`, { method: 'POST' });
    expect(closed.status).toBe(200);
    expect(closed.json.motion.result.decision.outcome).toBe('adopted');
    expect(
      closed.json.motion.result.countingBoard
        .map((c: { displayName: string }) => c.displayName)
        .sort(),
    ).toEqual(board.map((user) => user.displayName).sort());
  });

  it('cancels a vote only with a reason', async () => {
    const vote = await openVote(meetingId, { question: 'Sẽ huỷ', method: 'secret' });
    const head = apiAs(host, fixture.users.head);
    const before = await snapshotVotes();
    const bare = await head(`${vote.path}/cancel`, { method: 'POST', body: {} });
    expect(bare.status).toBe(400);
    expect(bare.json.error.code).toBe('VALIDATION.FAILED');
    expect(await snapshotVotes()).toEqual(before);
    const cancelled = await head(`${vote.path}/cancel`, {
      method: 'POST',
      body: { reason: 'Nội dung đã được đưa vào nghị quyết chung' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.motion).toMatchObject({ status: 'cancelled' });
    const late = await castAs(crowd[0]!, vote.path, { submissionId: randomUUID(), choice: 'for' });
    expect(late.json.error.code).toBe('VOTE.CLOSED');
  });

  it("elects a People's Inspection Board by secret ballot and reports a runoff", async () => {
    const candidates = crowd.slice(20, 25);
    const election = await openVote(
      meetingId,
      {
        question: 'Bầu Ban Thanh tra nhân dân',
        purpose: 'peoplesInspectionBoard',
        seats: 3,
        candidates: candidates.map((user) => ({ name: user.displayName, userId: user.userId })),
      },
      'elections',
    );
    const tooMany = await castAs(crowd[0]!, election.path, {
      submissionId: randomUUID(),
      marks: ['c1', 'c2', 'c3', 'c4'],
    });
    expect(tooMany.json.error.code).toBe('ELECTION.TOO_MANY_MARKS');
    // 203 present: elected with more than 101. c1 gets all 200; c2, c3, c4 level on 132 for the
    // two remaining seats: a runoff between the three, nobody picked by list order or chance.
    const pairs = [
      ['c2', 'c3'],
      ['c2', 'c4'],
      ['c3', 'c4'],
    ];
    const answers = await Promise.all(
      crowd.map((user, i) =>
        castAs(user, election.path, {
          submissionId: randomUUID(),
          marks: i < 198 ? ['c1', ...pairs[i % 3]!] : ['c1'],
        }),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const closed = await apiAs(host, fixture.users.head)(`${election.path}/close`, {
      method: 'POST',
    });
    expect(closed.json.election.result.tally.counts).toEqual({
      c1: 200,
      c2: 132,
      c3: 132,
      c4: 132,
      c5: 0,
    });
    expect(closed.json.election.result.decision).toMatchObject({
      outcome: 'runoff',
      elected: ['c1'],
      runoff: { choiceIds: ['c2', 'c3', 'c4'], seats: 2 },
      unfilledSeats: 0,
    });
    const verified = await apiAs(host, crowd[3]!)(`${election.path}/verify`);
    expect(verified.json.verification.verified).toBe(true);
  });
});

describe('crashes and several processes', () => {
  let meetingId: string;
  let vote: { id: string; path: string };

  beforeAll(async () => {
    meetingId = await runningMeeting();
    vote = await openVote(meetingId, {
      question: 'Phiếu kín, tiến trình bị ngắt',
      method: 'secret',
    });
  });

  function servicesOfAnotherProcess() {
    return createServices(
      loadConfig({
        QCDC_STORAGE_CONNECTION: inject('storageConnection'),
        QCDC_AUTH_MODE: 'dev',
        QCDC_DEV_AUTH: 'enabled',
        QCDC_DEV_ISSUER_URL: host.baseUrl,
      }),
      { info: () => {}, warn: () => {}, error: () => {} },
    );
  }

  /** A process that dies right before or right after putting the ballot in the box. */
  function dyingProcess(when: 'before' | 'after'): VoteDeps {
    const services = servicesOfAnotherProcess();
    const real = new TableVoteRepository(services.tables);
    const votes = new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'putSecretBallot') {
          return async (...args: Parameters<TableVoteRepository['putSecretBallot']>) => {
            if (when === 'after') await target.putSecretBallot(...args);
            throw new Error('process died');
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { ...services.deps, votes, random: secureRandom };
  }

  it.each(['before', 'after'] as const)(
    'finishes a cast whose process died %s the ballot write, once, when the voter retries',
    async (when) => {
      const voter = when === 'before' ? crowd[30]! : crowd[31]!;
      const submissionId = randomUUID();
      const { voters, box } = await partitionsOf(meetingId, vote.id);
      const ballotsBefore = (await partitionRows(box)).length;
      await expect(
        castBallot(
          dyingProcess(when),
          { tenantId: voter.tenantId, userId: voter.userId, displayName: voter.displayName },
          fixture.body.id,
          meetingId,
          vote.id,
          { submissionId, choice: 'against' },
        ),
      ).rejects.toThrow('process died');
      const receipt = (await partitionRows(voters)).find((r) => r.userId === voter.userId)!;
      expect(receipt).toMatchObject({ state: 'pending', marks: '' });
      expect(String(receipt.pendingKey)).toMatch(/^[0-9a-f]{32}$/);
      // The masked key is not the ballot's key.
      const keys = (await partitionRows(box)).map((r) => String(r.rowKey));
      expect(keys).not.toContain(`ballot~${String(receipt.pendingKey)}`);
      expect(keys.length - ballotsBefore).toBe(when === 'after' ? 1 : 0);

      const retried = await castAs(voter, vote.path, { submissionId, choice: 'against' });
      expect(retried.status).toBe(200);
      expect(retried.json.ballot.status).toBe('voted');
      expect((await partitionRows(box)).length - ballotsBefore).toBe(1);
      const done = (await partitionRows(voters)).find((r) => r.userId === voter.userId)!;
      expect(done).toMatchObject({ state: 'voted', pendingKey: '', marks: '' });
      // Any other submission by them is refused.
      const other = await castAs(voter, vote.path, { submissionId: randomUUID(), choice: 'for' });
      expect(other.json.error.code).toBe('VOTE.ALREADY_CAST');
    },
  );

  it('keeps one box consistent across two processes writing and a seal racing them', async () => {
    const key = {
      tenantId: randomUUID(),
      bodyId: 'b',
      meetingId: 'm',
      motionId: 'x',
      electorateId: 'e',
    };
    const a = new TableVoteRepository(servicesOfAnotherProcess().tables);
    const b = new TableVoteRepository(servicesOfAnotherProcess().tables);
    await a.openBallotBox(key);
    const ballots = Array.from({ length: 150 }, (_, i) => ({
      key: randomUUID().replaceAll('-', ''),
      marks: [i % 2 ? 'for' : 'against'],
    }));
    // Each ballot through one process; 30 of them also re-sent through the other (a retry).
    await Promise.all([
      ...ballots.map((ballot, i) => (i % 2 ? a : b).putSecretBallot(key, ballot)),
      ...ballots.slice(0, 30).map((ballot, i) => (i % 2 ? b : a).putSecretBallot(key, ballot)),
    ]);
    const listed = await a.listSecretBallots(key);
    expect(listed.ballots).toHaveLength(150);
    expect(listed.lidCount).toBe(150);

    const late = Array.from({ length: 60 }, () => ({
      key: randomUUID().replaceAll('-', ''),
      marks: ['for'],
    }));
    const outcomes = await Promise.allSettled([
      ...late.map((ballot, i) => (i % 2 ? a : b).putSecretBallot(key, ballot)),
      a.sealBallotBox(key),
    ]);
    const landed = outcomes.slice(0, 60).filter((o) => o.status === 'fulfilled').length;
    for (const outcome of outcomes.slice(0, 60)) {
      if (outcome.status === 'rejected') expect(String(outcome.reason)).toContain('VOTE.CLOSED');
    }
    const after = await b.listSecretBallots(key);
    expect(after.ballots).toHaveLength(150 + landed);
    expect(after.lidCount).toBe(150 + landed);
    await expect(b.putSecretBallot(key, { key: 'f'.repeat(32), marks: ['for'] })).rejects.toThrow(
      'VOTE.CLOSED',
    );
  });
});
