import { chainAuditEvent, verifyAuditChain, type AuditEvent } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { Member } from '../bodies/body';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { BodyRepository } from '../ports/body-repository';
import {
  MAX_ROSTER_ROWS_PER_CHANGE,
  rosterSourceKey,
  type RosterChange,
  type RosterMember,
  type RosterPerson,
  type RosterProposal,
  type RosterSource,
  type RosterState,
  type StoredRoster,
} from '../rosters/roster';
import type {
  TResolveMemberFlagsInput,
  TRosterDecisionsInput,
  TRosterSyncInput,
} from '../rosters/roster-schemas';
import {
  chunkOps,
  opChanges,
  planRosterSync,
  type RosterOp,
  type RosterSyncSummary,
} from '../rosters/roster-sync';
import type { UseCaseDeps } from './deps';
import { retryOnWriteRace } from './meeting-change';
import { resolveActorInBody } from './resolve-actor-roles';

/** The most people one sync takes (Teams allows 25,000 in a team; a body is far smaller). */
export const MAX_ROSTER_PEOPLE = 5000;

export interface RosterView {
  source: RosterSource | null;
  syncedAt: string | null;
  proposals: RosterProposal[];
  members: RosterMember[];
  /** Members flagged for the head (e.g. no longer in the team). */
  flagged: RosterMember[];
}

type RosterPort = Required<Pick<BodyRepository, 'getRoster' | 'commitRosterChange'>>;

function rosterPort(bodies: BodyRepository): RosterPort {
  if (!bodies.getRoster || !bodies.commitRosterChange) {
    throw new Error(
      'This BodyRepository does not implement rosters (getRoster/commitRosterChange)',
    );
  }
  return {
    getRoster: bodies.getRoster.bind(bodies),
    commitRosterChange: bodies.commitRosterChange.bind(bodies),
  };
}

async function loadRoster(port: RosterPort, actor: Actor, bodyId: string): Promise<StoredRoster> {
  const roster = await port.getRoster(actor.tenantId, bodyId);
  if (!roster) throw new DomainError('BODY.NOT_FOUND');
  return roster;
}

function viewOf(roster: StoredRoster): RosterView {
  return {
    source: roster.state?.source ?? null,
    syncedAt: roster.state?.syncedAt ?? null,
    proposals: roster.proposals,
    members: roster.members,
    flagged: roster.members.filter((member) => member.flag),
  };
}

/**
 * Checks, before anything reaches out to Teams, that the caller may sync this body's roster in the way
 * asked (taking people in as members at once is the head's alone).
 */
export async function authorizeRosterSync(
  deps: Pick<UseCaseDeps, 'bodies'>,
  actor: Actor,
  bodyId: string,
  input: Pick<TRosterSyncInput, 'addAsMembers'>,
): Promise<void> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'roster.manage');
  if (input.addAsMembers) assertCan(roles, 'member.grant');
}

/**
 * The body's members the app should reach through Teams (proactive install), for those who manage
 * the roster: the ones named (each must be a member), or everyone.
 */
export async function membersToReach(
  deps: Pick<UseCaseDeps, 'bodies'>,
  actor: Actor,
  bodyId: string,
  userIds?: readonly string[],
): Promise<Member[]> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'roster.manage');
  const members = await deps.bodies.listMembers(actor.tenantId, bodyId);
  if (!userIds) return members;
  const byId = new Map(members.map((member) => [member.userId, member]));
  return [...new Set(userIds)].map((userId) => {
    const member = byId.get(userId);
    if (!member) throw new DomainError('ROSTER.NOT_A_MEMBER');
    return member;
  });
}

export async function getRosterView(
  deps: Pick<UseCaseDeps, 'bodies'>,
  actor: Actor,
  bodyId: string,
): Promise<RosterView> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'roster.manage');
  return viewOf(await loadRoster(rosterPort(deps.bodies), actor, bodyId));
}

export interface RosterSyncResult {
  summary: RosterSyncSummary;
  /** How many audited changes (batches) the sync wrote; 0 when nothing changed. */
  changes: number;
  roster: RosterView;
}

/**
 * Holds what Teams lists (a team's, channel's or chat's members) against the body: new people are
 * proposed to the head (or taken in as members when the head says so), members who left are flagged,
 * nothing is removed. Every change is an audited event on the body's chain; a large roster is written
 * in several batches, each with its own event, and a re-run after a failure picks up where it stopped.
 */
export async function syncRoster(
  deps: Pick<UseCaseDeps, 'bodies' | 'clock'>,
  actor: Actor,
  bodyId: string,
  input: TRosterSyncInput,
  people: readonly RosterPerson[],
): Promise<RosterSyncResult> {
  if (people.length > MAX_ROSTER_PEOPLE) {
    throw new DomainError('ROSTER.TOO_LARGE', { count: people.length, max: MAX_ROSTER_PEOPLE });
  }
  const port = rosterPort(deps.bodies);
  return retryOnWriteRace(async () => {
    await authorizeRosterSync(deps, actor, bodyId, input);
    const roster = await loadRoster(port, actor, bodyId);
    const now = deps.clock.now().toISOString();
    const plan = planRosterSync(roster, input.source, people, {
      addAsMembers: input.addAsMembers,
      role: input.role,
      now,
    });
    const state: RosterState = { source: input.source, syncedAt: now, syncedBy: actor.userId };
    const stateChange: AuditEvent['changes'] = plan.sourceChanged
      ? {
          'roster.source': [
            roster.state ? rosterSourceKey(roster.state.source) : null,
            plan.sourceKey,
          ],
        }
      : {};
    const written = await commitOps(port, roster, actor, now, 'body.rosterSynced', plan.ops, {
      state: plan.ops.length > 0 || plan.sourceChanged ? state : undefined,
      stateChange,
    });
    const fresh = written > 0 ? await loadRoster(port, actor, bodyId) : roster;
    return { summary: plan.summary, changes: written, roster: viewOf(fresh) };
  });
}

export interface RosterDecisionsResult {
  accepted: string[];
  dismissed: string[];
  /** Already members (a retried acceptance): nothing written for them. */
  unchanged: string[];
  roster: RosterView;
}

/**
 * The head takes proposed people in as members (with the role and title given) or dismisses them;
 * deputies and the secretary may dismiss. A dismissed person is not proposed again while they stay in
 * the source. Accepting writes the memberships index first, then the member row with the audit event.
 */
export async function decideRosterProposals(
  deps: Pick<UseCaseDeps, 'bodies' | 'clock'>,
  actor: Actor,
  bodyId: string,
  input: TRosterDecisionsInput,
): Promise<RosterDecisionsResult> {
  const port = rosterPort(deps.bodies);
  return retryOnWriteRace(async () => {
    const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    assertCan(roles, 'roster.manage');
    if (input.decisions.some((decision) => decision.decision === 'accept')) {
      assertCan(roles, 'member.grant');
    }
    const roster = await loadRoster(port, actor, bodyId);
    const now = deps.clock.now().toISOString();
    const members = new Map(roster.members.map((member) => [member.userId, member]));
    const proposals = new Map(roster.proposals.map((proposal) => [proposal.userId, proposal]));
    const ops: RosterOp[] = [];
    const result: Omit<RosterDecisionsResult, 'roster'> = {
      accepted: [],
      dismissed: [],
      unchanged: [],
    };
    for (const decision of input.decisions) {
      const proposal = proposals.get(decision.userId);
      if (members.has(decision.userId)) {
        result.unchanged.push(decision.userId);
        if (proposal) {
          ops.push({
            kind: 'deleteProposal',
            userId: decision.userId,
            change: [`proposal.${decision.userId}`, [proposal.status, null]],
          });
        }
        continue;
      }
      if (!proposal) throw new DomainError('ROSTER.PROPOSAL_NOT_FOUND');
      if (decision.decision === 'accept') {
        const member: RosterMember = {
          tenantId: actor.tenantId,
          bodyId,
          userId: proposal.userId,
          displayName: proposal.displayName,
          title: decision.title ?? '',
          roles: [decision.role],
          email: proposal.email,
          seenIn: proposal.sourceKey,
        };
        // The member row goes first: if a batch boundary fell between the two, the next sync or
        // decision sees a member with a leftover proposal and deletes the proposal.
        ops.push({
          kind: 'addMember',
          member,
          change: [`member.${member.userId}`, [null, `${member.displayName} (${decision.role})`]],
        });
        ops.push({
          kind: 'deleteProposal',
          userId: proposal.userId,
          change: [`proposal.${proposal.userId}`, [proposal.status, 'accepted']],
        });
        result.accepted.push(proposal.userId);
      } else if (proposal.status === 'dismissed') {
        result.unchanged.push(proposal.userId);
      } else {
        ops.push({
          kind: 'putProposal',
          proposal: { ...proposal, status: 'dismissed', decidedAt: now, decidedBy: actor.userId },
          change: [`proposal.${proposal.userId}`, [proposal.status, 'dismissed']],
        });
        result.dismissed.push(proposal.userId);
      }
    }
    const written = await commitOps(port, roster, actor, now, 'body.rosterDecided', ops, {});
    const fresh = written > 0 ? await loadRoster(port, actor, bodyId) : roster;
    return { ...result, roster: viewOf(fresh) };
  });
}

/** The head (or a deputy, the secretary) has looked at flagged members: the flags are cleared. */
export async function resolveMemberFlags(
  deps: Pick<UseCaseDeps, 'bodies' | 'clock'>,
  actor: Actor,
  bodyId: string,
  input: TResolveMemberFlagsInput,
): Promise<{ resolved: string[]; roster: RosterView }> {
  const port = rosterPort(deps.bodies);
  return retryOnWriteRace(async () => {
    const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    assertCan(roles, 'roster.manage');
    const roster = await loadRoster(port, actor, bodyId);
    const now = deps.clock.now().toISOString();
    const flagged = new Map(
      roster.members.filter((member) => member.flag).map((member) => [member.userId, member]),
    );
    const ops: RosterOp[] = [];
    for (const userId of new Set(input.userIds)) {
      const member = flagged.get(userId);
      if (!member?.flag) continue;
      ops.push({
        kind: 'updateMember',
        update: { userId, flag: null },
        changes: [[`member.${userId}.flag`, [member.flag.kind, null]]],
      });
    }
    const written = await commitOps(port, roster, actor, now, 'body.memberFlagsResolved', ops, {});
    const fresh = written > 0 ? await loadRoster(port, actor, bodyId) : roster;
    return {
      resolved: ops.map((op) => (op.kind === 'updateMember' ? op.update.userId : '')),
      roster: viewOf(fresh),
    };
  });
}

/** The body's own audit chain (creation, roster changes) and whether it verifies. */
export async function getBodyAudit(
  deps: Pick<UseCaseDeps, 'bodies'>,
  actor: Actor,
  bodyId: string,
): Promise<{ events: AuditEvent[]; verified: boolean }> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'audit.read');
  if (!deps.bodies.listBodyAuditEvents) {
    throw new Error('This BodyRepository does not list body audit events');
  }
  const events = await deps.bodies.listBodyAuditEvents(actor.tenantId, bodyId);
  return { events, verified: verifyAuditChain(events).ok };
}

/**
 * Writes ops in batches that fit a table transaction, each conditional on the body row's etag and
 * carrying the next event of the body's chain. Answers how many batches were written.
 */
async function commitOps(
  port: RosterPort,
  roster: StoredRoster,
  actor: Actor,
  now: string,
  action: string,
  ops: readonly RosterOp[],
  extra: { state?: RosterState | undefined; stateChange?: AuditEvent['changes'] },
): Promise<number> {
  const chunks = chunkOps(ops, MAX_ROSTER_ROWS_PER_CHANGE);
  if (chunks.length === 0 && extra.state) chunks.push([]);
  let head = roster.head;
  let etag = roster.etag;
  for (const [index, chunk] of chunks.entries()) {
    const last = index === chunks.length - 1;
    const event = chainAuditEvent(head, {
      tenantId: actor.tenantId,
      aggregateType: 'body',
      aggregateId: roster.body.id,
      action,
      actorId: actor.userId,
      actorName: actor.displayName,
      at: now,
      changes: { ...opChanges(chunk), ...(last ? extra.stateChange : {}) },
    });
    const change: RosterChange = {
      tenantId: actor.tenantId,
      bodyId: roster.body.id,
      etag,
      event,
      state: last ? extra.state : undefined,
      putProposals: chunk.flatMap((op) => (op.kind === 'putProposal' ? [op.proposal] : [])),
      deleteProposals: chunk.flatMap((op) => (op.kind === 'deleteProposal' ? [op.userId] : [])),
      addMembers: chunk.flatMap((op) => (op.kind === 'addMember' ? [op.member] : [])),
      updateMembers: chunk.flatMap((op) => (op.kind === 'updateMember' ? [op.update] : [])),
    };
    ({ etag } = await port.commitRosterChange(change));
    head = { seq: event.seq, hash: event.hash };
  }
  return chunks.length;
}
