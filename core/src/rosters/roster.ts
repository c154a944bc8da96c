import type { AuditEvent, AuditHead } from '../audit/audit-event';
import type { Body, Member } from '../bodies/body';

/**
 * Rosters: who Teams says belongs to a team, a channel or a (meeting) chat, held against the body's
 * membership. The roster only proposes and flags; membership (and with it eligibility to vote, with
 * recorded attendance) stays the body's own decision, taken by its head.
 */
export type RosterSource =
  | { kind: 'team'; teamId: string }
  | { kind: 'channel'; teamId: string; channelId: string }
  | { kind: 'chat'; chatId: string };

/** A stable key for a source, kept on what was seen in it (e.g. `team:19ab…`). */
export function rosterSourceKey(source: RosterSource): string {
  switch (source.kind) {
    case 'team':
      return `team:${source.teamId}`;
    case 'channel':
      return `channel:${source.teamId}/${source.channelId}`;
    case 'chat':
      return `chat:${source.chatId}`;
  }
}

/** A person as Teams lists them (a conversationMember): Entra object id, name, e-mail. */
export interface RosterPerson {
  userId: string;
  displayName: string;
  email?: string | undefined;
}

/** Someone Teams lists who is not a member: proposed to the head, or dismissed by them. */
export interface RosterProposal {
  userId: string;
  displayName: string;
  email?: string | undefined;
  status: 'proposed' | 'dismissed';
  /** The source they were last seen in. */
  sourceKey: string;
  proposedAt: string;
  decidedAt?: string | undefined;
  decidedBy?: string | undefined;
}

/** Why the body's administrator should look at a member. */
export interface MemberFlag {
  kind: 'leftSource';
  /** The team, channel or chat the member is no longer in. */
  sourceKey: string;
  since: string;
}

/** A member row with what the roster keeps on it. */
export interface RosterMember extends Member {
  email?: string | undefined;
  /** The source this member was last seen in; only members seen there can be flagged as left. */
  seenIn?: string | undefined;
  flag?: MemberFlag | undefined;
}

export interface RosterState {
  source: RosterSource;
  syncedAt: string;
  syncedBy: string;
}

/** Everything roster decisions read, with the body row's concurrency token and audit chain head. */
export interface StoredRoster {
  body: Body;
  head: AuditHead;
  etag: string;
  state: RosterState | null;
  members: RosterMember[];
  proposals: RosterProposal[];
}

/** A member row change: e-mail and last-seen source refreshed, flag set (or cleared with null). */
export interface RosterMemberUpdate {
  userId: string;
  email?: string | undefined;
  seenIn?: string | undefined;
  flag?: MemberFlag | null | undefined;
}

/**
 * One atomic change to a body's roster, conditional on the body row's etag, with the body's next audit
 * event (its head moves to this event). New members' index rows are written first (another table);
 * everything else lands in one batch of the body's partition, or nothing does.
 */
export interface RosterChange {
  tenantId: string;
  bodyId: string;
  etag: string;
  event: AuditEvent;
  state?: RosterState | undefined;
  putProposals?: RosterProposal[] | undefined;
  deleteProposals?: string[] | undefined;
  addMembers?: RosterMember[] | undefined;
  updateMembers?: RosterMemberUpdate[] | undefined;
}

/** Rows one change may touch: a table batch holds 100, less the body row, roster row and event. */
export const MAX_ROSTER_ROWS_PER_CHANGE = 90;

/** How many rows a change writes in the body partition besides the body row, state and event. */
export function rosterChangeRows(change: Omit<RosterChange, 'etag' | 'event'>): number {
  return (
    (change.putProposals?.length ?? 0) +
    (change.deleteProposals?.length ?? 0) +
    (change.addMembers?.length ?? 0) +
    (change.updateMembers?.length ?? 0)
  );
}
