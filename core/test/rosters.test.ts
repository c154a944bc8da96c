import { beforeEach, describe, expect, it } from 'vitest';
import {
  chainAuditEvent,
  decideRosterProposals,
  getBodyAudit,
  getRosterView,
  GENESIS_HEAD,
  planRosterSync,
  resolveMemberFlags,
  syncRoster,
  verifyAuditChain,
  ZRosterDecisionsInput,
  ZRosterSyncInput,
  type RosterPerson,
  type UseCaseDeps,
} from '../src/index';
import type { InMemoryBodyRepository } from '../src/testing/index';
import { actor, body, codeOf, fakeDeps, person, TENANT } from './support/fixtures';

const head = person(1, ['head'], 7);
const secretary = person(2, ['secretary'], 7);
const member = person(3, ['member'], 7);
const observer = person(4, ['observer'], 7);
const TEAM = 'c0000000-0000-4000-8000-00000000aaaa';

const teamPerson = (n: number): RosterPerson => ({
  userId: `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  displayName: `Cán bộ ${n}`,
  email: `canbo${n}@xa.gov.vn`,
});
const asPerson = (m: typeof head): RosterPerson => ({
  userId: m.userId,
  displayName: m.displayName,
  email: `${m.userId.slice(-4)}@xa.gov.vn`,
});
const sync = (addAsMembers = false) =>
  ZRosterSyncInput.parse({ source: { kind: 'team', teamId: TEAM }, addAsMembers });

let deps: UseCaseDeps;
let bodies: InMemoryBodyRepository;
let now = new Date('2026-11-22T03:00:00.000Z');

beforeEach(() => {
  now = new Date('2026-11-22T03:00:00.000Z');
  ({ deps } = fakeDeps([head, secretary, member, observer], () => now));
  bodies = deps.bodies as InMemoryBodyRepository;
  bodies.recordBodyEvent(
    chainAuditEvent(GENESIS_HEAD, {
      tenantId: TENANT,
      aggregateType: 'body',
      aggregateId: body.id,
      action: 'body.created',
      actorId: 'system',
      actorName: 'test',
      at: now.toISOString(),
      changes: {},
    }),
  );
});

describe('syncRoster', () => {
  it('proposes new people, links members, and writes nothing on a second run', async () => {
    const people = [asPerson(head), asPerson(secretary), teamPerson(1), teamPerson(2)];
    const first = await syncRoster(deps, actor(secretary), body.id, sync(), people);
    expect(first.summary).toMatchObject({ proposed: 2, added: 0, refreshed: 2, flagged: 0 });
    expect(first.roster.proposals.map((p) => p.status)).toEqual(['proposed', 'proposed']);
    // Proposals are not members: eligibility stays with the body's membership.
    expect((await deps.bodies.listMembers(TENANT, body.id)).length).toBe(4);

    const again = await syncRoster(deps, actor(secretary), body.id, sync(), people);
    expect(again.changes).toBe(0);
    expect(again.summary).toMatchObject({ proposed: 0, refreshed: 0, unchanged: 4 });

    const audit = await getBodyAudit(deps, actor(head), body.id);
    expect(audit.verified).toBe(true);
    expect(audit.events.map((e) => e.action)).toEqual(['body.created', 'body.rosterSynced']);
    expect(audit.events[1]!.changes).toHaveProperty(`proposal.${teamPerson(1).userId}`);
  });

  it('flags a member who left the team (never removes them) and clears the flag on return', async () => {
    const people = [asPerson(head), asPerson(member), teamPerson(1)];
    await syncRoster(deps, actor(head), body.id, sync(), people);
    now = new Date('2026-11-23T03:00:00.000Z');
    const left = await syncRoster(deps, actor(head), body.id, sync(), [asPerson(head)]);
    expect(left.summary).toMatchObject({ flagged: 1, withdrawn: 1 });
    expect(left.roster.flagged.map((m) => [m.userId, m.flag?.kind])).toEqual([
      [member.userId, 'leftSource'],
    ]);
    expect(left.roster.proposals).toEqual([]);
    expect(await deps.bodies.getMember(TENANT, body.id, member.userId)).not.toBeNull();
    // Members never seen in the team (secretary, observer) are not flagged.
    expect(left.roster.flagged).toHaveLength(1);

    const back = await syncRoster(deps, actor(head), body.id, sync(), people);
    expect(back.summary).toMatchObject({ unflagged: 1, proposed: 1 });
    expect(back.roster.flagged).toEqual([]);
    const audit = await getBodyAudit(deps, actor(head), body.id);
    expect(audit.verified).toBe(true);
  });

  it('takes 250 people in over several audited batches when the head says so', async () => {
    const people = Array.from({ length: 250 }, (_, i) => teamPerson(i + 1));
    const result = await syncRoster(deps, actor(head), body.id, sync(true), people);
    expect(result.summary.added).toBe(250);
    expect(result.changes).toBe(3);
    const members = await deps.bodies.listMembers(TENANT, body.id);
    expect(members).toHaveLength(254);
    expect(members.find((m) => m.userId === teamPerson(7).userId)?.roles).toEqual(['member']);
    const audit = await getBodyAudit(deps, actor(head), body.id);
    expect(audit.events).toHaveLength(4);
    expect(audit.verified).toBe(true);
  });

  it('lets only the head add members at once, and only leaders sync', async () => {
    const people = [teamPerson(1)];
    expect(await codeOf(syncRoster(deps, actor(secretary), body.id, sync(true), people))).toBe(
      'PERMISSION.DENIED',
    );
    expect(await codeOf(syncRoster(deps, actor(member), body.id, sync(), people))).toBe(
      'PERMISSION.DENIED',
    );
    expect(await codeOf(getRosterView(deps, actor(observer), body.id))).toBe('PERMISSION.DENIED');
    expect(await codeOf(syncRoster(deps, actor(head), 'nope', sync(), people))).toBe(
      'BODY.NOT_FOUND',
    );
    expect((await getBodyAudit(deps, actor(head), body.id)).events).toHaveLength(1);
  });
});

describe('decideRosterProposals and flags', () => {
  it('the head accepts and dismisses; a dismissed person is not proposed again', async () => {
    await syncRoster(deps, actor(secretary), body.id, sync(), [teamPerson(1), teamPerson(2)]);
    const decisions = ZRosterDecisionsInput.parse({
      decisions: [
        { userId: teamPerson(1).userId, decision: 'accept', title: 'Chủ tịch Hội Cựu chiến binh' },
        { userId: teamPerson(2).userId, decision: 'dismiss' },
      ],
    });
    expect(await codeOf(decideRosterProposals(deps, actor(secretary), body.id, decisions))).toBe(
      'PERMISSION.DENIED',
    );
    const result = await decideRosterProposals(deps, actor(head), body.id, decisions);
    expect(result).toMatchObject({
      accepted: [teamPerson(1).userId],
      dismissed: [teamPerson(2).userId],
    });
    const added = await deps.bodies.getMember(TENANT, body.id, teamPerson(1).userId);
    expect(added).toMatchObject({ roles: ['member'], title: 'Chủ tịch Hội Cựu chiến binh' });

    // A retried click writes nothing more.
    const retried = await decideRosterProposals(deps, actor(head), body.id, decisions);
    expect(retried.unchanged).toEqual([teamPerson(1).userId, teamPerson(2).userId]);

    const resync = await syncRoster(deps, actor(head), body.id, sync(), [
      teamPerson(1),
      teamPerson(2),
    ]);
    expect(resync.summary.proposed).toBe(0);
    expect(resync.roster.proposals.map((p) => p.status)).toEqual(['dismissed']);

    expect(
      await codeOf(
        decideRosterProposals(
          deps,
          actor(head),
          body.id,
          ZRosterDecisionsInput.parse({
            decisions: [{ userId: teamPerson(9).userId, decision: 'accept' }],
          }),
        ),
      ),
    ).toBe('ROSTER.PROPOSAL_NOT_FOUND');
    const audit = await getBodyAudit(deps, actor(head), body.id);
    expect(audit.verified).toBe(true);
    expect(audit.events.map((e) => e.action)).toEqual([
      'body.created',
      'body.rosterSynced',
      'body.rosterDecided',
    ]);
  });

  it('resolving a flag clears it with an audit event', async () => {
    await syncRoster(deps, actor(head), body.id, sync(), [asPerson(member)]);
    await syncRoster(deps, actor(head), body.id, sync(), []);
    const { resolved, roster } = await resolveMemberFlags(deps, actor(head), body.id, {
      userIds: [member.userId, head.userId],
    });
    expect(resolved).toEqual([member.userId]);
    expect(roster.flagged).toEqual([]);
    const events = (await getBodyAudit(deps, actor(head), body.id)).events;
    expect(events.at(-1)!.action).toBe('body.memberFlagsResolved');
    expect(verifyAuditChain(events)).toEqual({ ok: true });
  });
});

describe('planRosterSync', () => {
  it('is deterministic and idempotent over its own result', async () => {
    const people = [teamPerson(3), asPerson(head), teamPerson(1)];
    const roster = (await bodies.getRoster(TENANT, body.id))!;
    const options = { addAsMembers: false, role: 'member' as const, now: now.toISOString() };
    const source = { kind: 'team' as const, teamId: TEAM };
    const a = planRosterSync(roster, source, people, options);
    const b = planRosterSync(roster, source, [...people].reverse(), options);
    expect(a).toEqual(b);
    expect(a.ops.map((op) => op.kind)).toEqual(['updateMember', 'putProposal', 'putProposal']);
  });
});
