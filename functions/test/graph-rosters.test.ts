import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createTestBody } from './support/api-harness';
import {
  seedTeam,
  standInUser,
  startGraphTestHost,
  TEST_CATALOG_APP_ID,
} from './support/graph-stand-in';
import { snapshotBody } from './support/storage-snapshot';

let env: Awaited<ReturnType<typeof startGraphTestHost>>;

beforeAll(async () => {
  env = await startGraphTestHost();
});
afterAll(async () => {
  await env.stop();
});

const sync = (teamId: string, extra: Record<string, unknown> = {}) => ({
  method: 'POST',
  body: { source: { kind: 'team', teamId }, ...extra },
});

describe('rosters from Teams (Graph stand-in, Azurite)', () => {
  it('imports a 250-member team across pages as proposals, audited on the body chain', async () => {
    const test = await createTestBody();
    // The body's head, secretary and member are in the team; 247 more people are not members.
    const { teamId } = seedTeam(env.standIn, test, { extra: 247, without: ['observer'] });
    const api = apiAs(env.host, test.users.secretary);
    const pagePath = `/v1.0/teams/${teamId}/members`;

    const result = await api(`/api/bodies/${test.body.id}/roster/sync`, sync(teamId));
    expect(result.status).toBe(200);
    expect(result.json.listed).toBe(250);
    expect(result.json.summary).toMatchObject({ proposed: 247, added: 0, refreshed: 3 });
    // Three pages of 100, each fetched once, following @odata.nextLink.
    const pages = env.standIn.handled('GET', pagePath);
    expect(pages).toHaveLength(3);
    expect(new Set(pages.map((page) => page.path)).size).toBe(3);

    const roster = await api(`/api/bodies/${test.body.id}/roster`);
    expect(roster.json.roster.proposals).toHaveLength(247);
    expect(roster.json.roster.proposals[0]).toMatchObject({ status: 'proposed' });
    expect(roster.json.roster.proposals.every((p: { email: string }) => p.email)).toBe(true);
    // Proposals do not make members: the body still has its four.
    const body = await api(`/api/bodies/${test.body.id}`);
    expect(body.json.members).toHaveLength(4);

    const audit = await apiAs(
      env.host,
      test.users.head,
    )(`/api/bodies/${test.body.id}/roster/audit`);
    expect(audit.json.verified).toBe(true);
    // 250 row changes in batches of at most 90: three audited changes after the body's creation.
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual([
      'body.created',
      'body.rosterSynced',
      'body.rosterSynced',
      'body.rosterSynced',
    ]);

    // Nothing changed in Teams: a second sync reads again and writes nothing.
    const before = await snapshotBody(test.body.tenantId, test.body.id);
    const again = await api(`/api/bodies/${test.body.id}/roster/sync`, sync(teamId));
    expect(again.json).toMatchObject({ changes: 0, summary: { proposed: 0, unchanged: 250 } });
    expect(await snapshotBody(test.body.tenantId, test.body.id)).toEqual(before);
  });

  it('flags a member who left the team for the head, who accepts and dismisses proposals', async () => {
    const test = await createTestBody();
    const { teamId, people } = seedTeam(env.standIn, test, { extra: 2, without: ['observer'] });
    const head = apiAs(env.host, test.users.head);
    await head(`/api/bodies/${test.body.id}/roster/sync`, sync(teamId));

    env.standIn.removeTeamMember(teamId, test.users.member.userId);
    const left = await head(`/api/bodies/${test.body.id}/roster/sync`, sync(teamId));
    expect(left.json.summary).toMatchObject({ flagged: 1 });
    expect(left.json.roster.flagged).toEqual([
      expect.objectContaining({
        userId: test.users.member.userId,
        flag: expect.objectContaining({ kind: 'leftSource', sourceKey: `team:${teamId}` }),
      }),
    ]);
    // Flagged, not removed: still a member with the same roles.
    const body = await head(`/api/bodies/${test.body.id}`);
    expect(body.json.members.map((m: { userId: string }) => m.userId)).toContain(
      test.users.member.userId,
    );

    const [newcomer, other] = people.slice(-2);
    const secretary = apiAs(env.host, test.users.secretary);
    const refused = await secretary(`/api/bodies/${test.body.id}/roster/decisions`, {
      method: 'POST',
      body: { decisions: [{ userId: newcomer!.id, decision: 'accept' }] },
    });
    expect(refused.status).toBe(403);
    const decided = await head(`/api/bodies/${test.body.id}/roster/decisions`, {
      method: 'POST',
      body: {
        decisions: [
          { userId: newcomer!.id, decision: 'accept', title: 'Chủ tịch Hội Cựu chiến binh xã' },
          { userId: other!.id, decision: 'dismiss' },
        ],
      },
    });
    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({ accepted: [newcomer!.id], dismissed: [other!.id] });
    // The new member finds the body in their own list (memberships index).
    const mine = await apiAs(env.host, {
      tenantId: test.body.tenantId,
      userId: newcomer!.id,
      displayName: newcomer!.displayName,
      title: '',
      email: newcomer!.mail,
    })('/api/bodies');
    expect(mine.json.bodies.map((b: { id: string }) => b.id)).toEqual([test.body.id]);

    const resolved = await head(`/api/bodies/${test.body.id}/roster/flags/resolve`, {
      method: 'POST',
      body: { userIds: [test.users.member.userId] },
    });
    expect(resolved.json.resolved).toEqual([test.users.member.userId]);
    const audit = await head(`/api/bodies/${test.body.id}/roster/audit`);
    expect(audit.json.verified).toBe(true);
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual([
      'body.created',
      'body.rosterSynced',
      'body.rosterSynced',
      'body.rosterDecided',
      'body.memberFlagsResolved',
    ]);
  });

  it('syncs from a meeting chat or a channel as well, each source remembered on its own', async () => {
    const test = await createTestBody();
    const { teamId, people } = seedTeam(env.standIn, test, { extra: 2 });
    const chatId = `19:meeting_${randomUUID()}@thread.v2`;
    env.standIn.addChat(test.body.tenantId, chatId, [
      test.users.head.userId,
      test.users.member.userId,
      people.at(-1)!.id,
    ]);
    const team = env.standIn.teams.get(teamId)!;
    const channelId = `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`;
    team.channels.set(channelId, [test.users.head.userId, people.at(-2)!.id]);
    const head = apiAs(env.host, test.users.head);
    const fromChat = await head(`/api/bodies/${test.body.id}/roster/sync`, {
      method: 'POST',
      body: { source: { kind: 'chat', chatId } },
    });
    expect(fromChat.status).toBe(200);
    expect(fromChat.json.summary).toMatchObject({ proposed: 1 });
    expect(fromChat.json.roster.source).toEqual({ kind: 'chat', chatId });
    const fromChannel = await head(`/api/bodies/${test.body.id}/roster/sync`, {
      method: 'POST',
      body: { source: { kind: 'channel', teamId, channelId } },
    });
    expect(fromChannel.json.summary).toMatchObject({ proposed: 1, flagged: 0, withdrawn: 0 });
    expect(fromChannel.json.roster.proposals).toHaveLength(2);
    expect(
      env.standIn.handled('GET', `/v1.0/chats/${encodeURIComponent(chatId)}/members`),
    ).toHaveLength(1);
  });

  it('refuses bad input and outsiders before asking Graph, leaving storage unchanged', async () => {
    const test = await createTestBody();
    const { teamId } = seedTeam(env.standIn, test, { extra: 1 });
    const before = await snapshotBody(test.body.tenantId, test.body.id);
    env.standIn.resetCounters();
    const head = apiAs(env.host, test.users.head);
    const bad = await head(`/api/bodies/${test.body.id}/roster/sync`, {
      method: 'POST',
      body: { source: { kind: 'team', teamId: 'not-a-guid' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('VALIDATION.FAILED');
    const unknownKind = await head(`/api/bodies/${test.body.id}/roster/sync`, {
      method: 'POST',
      body: { source: { kind: 'planner', teamId } },
    });
    expect(unknownKind.status).toBe(400);
    const member = await apiAs(env.host, test.users.member)(
      `/api/bodies/${test.body.id}/roster/sync`,
      sync(teamId),
    );
    expect(member.status).toBe(403);
    expect(member.json.error.code).toBe('PERMISSION.DENIED');
    const secretaryAdds = await apiAs(env.host, test.users.secretary)(
      `/api/bodies/${test.body.id}/roster/sync`,
      sync(teamId, { addAsMembers: true }),
    );
    expect(secretaryAdds.status).toBe(403);
    const outsider = await apiAs(env.host, test.outsider)(
      `/api/bodies/${test.body.id}/roster/sync`,
      sync(teamId),
    );
    expect(outsider.status).toBe(403);
    const noProposal = await head(`/api/bodies/${test.body.id}/roster/decisions`, {
      method: 'POST',
      body: { decisions: [{ userId: test.outsider.userId, decision: 'accept' }] },
    });
    expect(noProposal.status).toBe(404);
    expect(noProposal.json.error.code).toBe('ROSTER.PROPOSAL_NOT_FOUND');
    expect(env.standIn.requests.filter((r) => r.path.startsWith('/v1.0/'))).toEqual([]);

    // Graph says the team does not exist: a 404 with a stable code.
    const missing = await head(
      `/api/bodies/${test.body.id}/roster/sync`,
      sync('00000000-0000-4000-8000-000000000000'),
    );
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('GRAPH.NOT_FOUND');
    expect(await snapshotBody(test.body.tenantId, test.body.id)).toEqual(before);
  });

  it('surfaces a missing permission or consent as a clear 403, never a 500', async () => {
    const test = await createTestBody();
    const { teamId } = seedTeam(env.standIn, test, { extra: 1 });
    const before = await snapshotBody(test.body.tenantId, test.body.id);
    const head = apiAs(env.host, test.users.head);

    env.standIn.revoke(test.body.tenantId, 'delegated', 'TeamMember.Read.All');
    const denied = await head(`/api/bodies/${test.body.id}/roster/sync`, sync(teamId));
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('GRAPH.PERMISSION_DENIED');
    expect(denied.json.error.messages.en).toContain('TeamMember.Read.All');
    expect(denied.json.error.messages.en).toContain('delegated');

    // MSAL caches the on-behalf-of token per user token, as in production (until it expires):
    // a fresh sign-in (another token) makes it ask Entra again.
    const freshToken = (seconds: number) =>
      env.host.devIssuer.issueToken(test.users.head, { lifetimeInSeconds: seconds });
    env.standIn.grant(test.body.tenantId, 'delegated', 'TeamMember.Read.All');
    env.standIn.setConsent(test.body.tenantId, false);
    const consent = await head(`/api/bodies/${test.body.id}/roster/sync`, {
      ...sync(teamId),
      token: await freshToken(3000),
    });
    expect(consent.status).toBe(403);
    expect(consent.json.error.code).toBe('GRAPH.CONSENT_REQUIRED');
    expect(consent.json.error.messages.en).toMatch(/Grant admin consent/);
    expect(await snapshotBody(test.body.tenantId, test.body.id)).toEqual(before);

    env.standIn.setConsent(test.body.tenantId, true);
    const ok = await head(`/api/bodies/${test.body.id}/roster/sync`, {
      ...sync(teamId),
      token: await freshToken(2900),
    });
    expect(ok.status).toBe(200);
  });

  it('reaches members by installing the app for them, reporting who cannot be reached', async () => {
    const test = await createTestBody();
    // The observer is not in the directory (e.g. no Teams licence): unreachable.
    for (const key of ['head', 'secretary', 'member'] as const) {
      env.standIn.addUser(standInUser(test.users[key]));
    }
    const head = apiAs(env.host, test.users.head);
    const first = await head(`/api/bodies/${test.body.id}/reach`, { method: 'POST', body: {} });
    expect(first.status).toBe(200);
    expect(first.json.installed).toHaveLength(3);
    expect(first.json.unreachable).toEqual([
      {
        userId: test.users.observer.userId,
        displayName: test.users.observer.displayName,
        reason: 'notFound',
      },
    ]);
    expect(env.standIn.installedApps.get(test.users.head.userId)).toEqual(
      new Set([TEST_CATALOG_APP_ID]),
    );
    const again = await head(`/api/bodies/${test.body.id}/reach`, {
      method: 'POST',
      body: { userIds: [test.users.head.userId] },
    });
    expect(again.json).toMatchObject({ installed: [], alreadyInstalled: [test.users.head.userId] });
    const notMember = await head(`/api/bodies/${test.body.id}/reach`, {
      method: 'POST',
      body: { userIds: [test.outsider.userId] },
    });
    expect(notMember.status).toBe(400);
    expect(notMember.json.error.code).toBe('ROSTER.NOT_A_MEMBER');

    // Another tenant whose admin did not grant the installation permission (app tokens are cached
    // per tenant, so a grant or revocation shows once the cached token expires).
    const other = await createTestBody();
    env.standIn.addUser(standInUser(other.users.member));
    env.standIn.revoke(
      other.body.tenantId,
      'application',
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
    );
    const denied = await apiAs(env.host, other.users.head)(`/api/bodies/${other.body.id}/reach`, {
      method: 'POST',
      body: { userIds: [other.users.member.userId] },
    });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('GRAPH.PERMISSION_DENIED');
    expect(denied.json.error.messages.en).toContain(
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
    );

    // A tenant where nobody consented to the app at all: app-only tokens are refused.
    const unconsented = await createTestBody();
    env.standIn.setConsent(unconsented.body.tenantId, false);
    const consent = await apiAs(env.host, unconsented.users.head)(
      `/api/bodies/${unconsented.body.id}/reach`,
      { method: 'POST', body: {} },
    );
    expect(consent.status).toBe(403);
    expect(consent.json.error.code).toBe('GRAPH.CONSENT_REQUIRED');
    expect(consent.json.error.messages.en).toContain('application');
  });
});
