import type { BodyRole } from '../bodies/body';
import type { AuditEvent } from '../audit/audit-event';
import {
  rosterSourceKey,
  type MemberFlag,
  type RosterMember,
  type RosterMemberUpdate,
  type RosterPerson,
  type RosterProposal,
  type RosterSource,
  type StoredRoster,
} from './roster';

/** One row-level step of a roster change, with what the audit trail says about it. */
export type RosterOp =
  | { kind: 'putProposal'; proposal: RosterProposal; change: [string, [unknown, unknown]] }
  | { kind: 'deleteProposal'; userId: string; change: [string, [unknown, unknown]] }
  | { kind: 'addMember'; member: RosterMember; change: [string, [unknown, unknown]] }
  | { kind: 'updateMember'; update: RosterMemberUpdate; changes: [string, [unknown, unknown]][] };

export interface RosterSyncSummary {
  /** New people proposed to the head (not members). */
  proposed: number;
  /** New people made members at once (only when the head asked for it). */
  added: number;
  /** Members no longer in the source, flagged for the head. */
  flagged: number;
  /** Flagged members who are back in the source. */
  unflagged: number;
  /** Proposals whose person left the source before anyone decided. */
  withdrawn: number;
  /** Proposals and member rows whose name, e-mail or source Teams changed. */
  refreshed: number;
  /** People Teams lists who needed no change. */
  unchanged: number;
}

export interface RosterSyncPlan {
  ops: RosterOp[];
  summary: RosterSyncSummary;
  sourceKey: string;
  sourceChanged: boolean;
}

export interface RosterSyncOptions {
  /** New people become members with `role` at once (the head's choice), instead of proposals. */
  addAsMembers: boolean;
  role: BodyRole;
  now: string;
}

const describe = (person: { displayName: string; email?: string | undefined }) =>
  person.email ? `${person.displayName} <${person.email}>` : person.displayName;

/**
 * Compares what Teams lists with the body's roster and says what to write. Pure and deterministic:
 * the same roster and list always give the same plan, and a second run over its result gives none.
 * - people who are members: remembered as seen in the source (a flag of having left it is cleared);
 * - people who are not: proposed (or added, when the head asks), dismissed proposals stay dismissed;
 * - members seen in this source before and missing now: flagged, never removed;
 * - proposals for people who left the source: withdrawn.
 */
export function planRosterSync(
  roster: StoredRoster,
  source: RosterSource,
  people: readonly RosterPerson[],
  options: RosterSyncOptions,
): RosterSyncPlan {
  const sourceKey = rosterSourceKey(source);
  const incoming = new Map<string, RosterPerson>();
  for (const person of people)
    if (!incoming.has(person.userId)) incoming.set(person.userId, person);
  const members = new Map(roster.members.map((member) => [member.userId, member]));
  const proposals = new Map(roster.proposals.map((proposal) => [proposal.userId, proposal]));
  const summary: RosterSyncSummary = {
    proposed: 0,
    added: 0,
    flagged: 0,
    unflagged: 0,
    withdrawn: 0,
    refreshed: 0,
    unchanged: 0,
  };
  const ops: RosterOp[] = [];

  for (const person of [...incoming.values()].sort(byUserId)) {
    const member = members.get(person.userId);
    if (member) {
      const update: RosterMemberUpdate = { userId: member.userId };
      const changes: [string, [unknown, unknown]][] = [];
      if (member.seenIn !== sourceKey) {
        update.seenIn = sourceKey;
        changes.push([`member.${member.userId}.seenIn`, [member.seenIn ?? null, sourceKey]]);
      }
      if (person.email && person.email !== member.email) {
        update.email = person.email;
        changes.push([`member.${member.userId}.email`, [member.email ?? null, person.email]]);
      }
      if (member.flag && member.flag.sourceKey === sourceKey) {
        update.flag = null;
        changes.push([`member.${member.userId}.flag`, [member.flag.kind, null]]);
        summary.unflagged += 1;
      } else if (changes.length > 0) {
        summary.refreshed += 1;
      }
      if (changes.length > 0) ops.push({ kind: 'updateMember', update, changes });
      else summary.unchanged += 1;
      continue;
    }
    const proposal = proposals.get(person.userId);
    if (proposal) {
      const next: RosterProposal = {
        ...proposal,
        displayName: person.displayName,
        email: person.email ?? proposal.email,
        sourceKey,
      };
      if (
        next.displayName !== proposal.displayName ||
        next.email !== proposal.email ||
        next.sourceKey !== proposal.sourceKey
      ) {
        ops.push({
          kind: 'putProposal',
          proposal: next,
          change: [`proposal.${person.userId}`, [describe(proposal), describe(next)]],
        });
        summary.refreshed += 1;
      } else {
        summary.unchanged += 1;
      }
      continue;
    }
    if (options.addAsMembers) {
      const added: RosterMember = {
        tenantId: roster.body.tenantId,
        bodyId: roster.body.id,
        userId: person.userId,
        displayName: person.displayName,
        title: '',
        roles: [options.role],
        email: person.email,
        seenIn: sourceKey,
      };
      ops.push({
        kind: 'addMember',
        member: added,
        change: [`member.${person.userId}`, [null, `${describe(person)} (${options.role})`]],
      });
      summary.added += 1;
    } else {
      ops.push({
        kind: 'putProposal',
        proposal: {
          userId: person.userId,
          displayName: person.displayName,
          email: person.email,
          status: 'proposed',
          sourceKey,
          proposedAt: options.now,
        },
        change: [`proposal.${person.userId}`, [null, describe(person)]],
      });
      summary.proposed += 1;
    }
  }

  for (const member of [...members.values()].sort(byUserId)) {
    if (incoming.has(member.userId) || member.seenIn !== sourceKey) continue;
    if (member.flag?.kind === 'leftSource' && member.flag.sourceKey === sourceKey) continue;
    const flag: MemberFlag = { kind: 'leftSource', sourceKey, since: options.now };
    ops.push({
      kind: 'updateMember',
      update: { userId: member.userId, flag },
      changes: [[`member.${member.userId}.flag`, [member.flag?.kind ?? null, flag.kind]]],
    });
    summary.flagged += 1;
  }

  for (const proposal of [...proposals.values()].sort(byUserId)) {
    if (members.has(proposal.userId)) {
      // Left over from an acceptance whose second half did not land: the member row wins.
      ops.push({
        kind: 'deleteProposal',
        userId: proposal.userId,
        change: [`proposal.${proposal.userId}`, [describe(proposal), null]],
      });
      continue;
    }
    if (incoming.has(proposal.userId) || proposal.sourceKey !== sourceKey) continue;
    ops.push({
      kind: 'deleteProposal',
      userId: proposal.userId,
      change: [`proposal.${proposal.userId}`, [`${describe(proposal)} (${proposal.status})`, null]],
    });
    summary.withdrawn += 1;
  }

  const previousKey = roster.state ? rosterSourceKey(roster.state.source) : null;
  return { ops, summary, sourceKey, sourceChanged: previousKey !== sourceKey };
}

/** Splits ops into groups that each fit one table batch (every op writes one row). */
export function chunkOps(ops: readonly RosterOp[], maxRows: number): RosterOp[][] {
  const chunks: RosterOp[][] = [];
  for (let start = 0; start < ops.length; start += maxRows) {
    chunks.push(ops.slice(start, start + maxRows));
  }
  return chunks;
}

/** The audit `changes` of a group of ops. */
export function opChanges(ops: readonly RosterOp[]): AuditEvent['changes'] {
  const changes: AuditEvent['changes'] = {};
  for (const op of ops) {
    if (op.kind === 'updateMember') {
      for (const [key, value] of op.changes) changes[key] = value;
    } else {
      changes[op.change[0]] = op.change[1];
    }
  }
  return changes;
}

function byUserId(a: { userId: string }, b: { userId: string }): number {
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}
