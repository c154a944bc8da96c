import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import {
  DomainError,
  type AuditEvent,
  type AuditHead,
  type Body,
  type BodyRepository,
  type Member,
  type MemberFlag,
  type Membership,
  type RosterChange,
  type RosterMember,
  type RosterProposal,
  type RosterSource,
  type RosterState,
  type StoredRoster,
  type Unit,
} from '@qcdc/core';
import { fromAuditEntity, toAuditEntity } from './audit-entities';
import { keys, rowKeyRange } from './keys';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

/** One administrative change to a body (functions/src/http/admin-routes.ts builds it). */
export interface BodyAdminChange {
  tenantId: string;
  bodyId: string;
  /** The body row's etag the change was decided on. */
  etag: string;
  event: AuditEvent;
  name?: string;
  /** Members added or whose roles, name or title changed. */
  putMembers?: Member[];
  deleteMembers?: string[];
}

export class TableBodyRepository implements BodyRepository {
  constructor(private readonly tables: TableClientFactory) {}

  /** The table factory this repository reads through (the unit administration store shares it). */
  get tableFactory(): TableClientFactory {
    return this.tables;
  }

  async getBody(tenantId: string, bodyId: string): Promise<Body | null> {
    try {
      const row = await this.tables(TABLES.bodies).getEntity<Record<string, unknown>>(
        keys.tenantBody(tenantId, bodyId),
        keys.bodyRow,
      );
      return toBody(row);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async getMember(tenantId: string, bodyId: string, userId: string): Promise<Member | null> {
    try {
      const row = await this.tables(TABLES.bodies).getEntity<Record<string, unknown>>(
        keys.tenantBody(tenantId, bodyId),
        keys.memberRow(userId),
      );
      return toMember(row);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async listMembers(tenantId: string, bodyId: string): Promise<Member[]> {
    const { from, to } = rowKeyRange('member');
    const rows = this.tables(TABLES.bodies).listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keys.tenantBody(tenantId, bodyId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const members: Member[] = [];
    for await (const row of rows) members.push(toMember(row));
    return members;
  }

  async listMemberships(tenantId: string, userId: string): Promise<Membership[]> {
    const rows = this.tables(TABLES.memberships).listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${keys.tenantUser(tenantId, userId)}` },
    });
    const memberships: Membership[] = [];
    for await (const row of rows) {
      memberships.push({
        body: {
          tenantId,
          id: String(row.rowKey),
          unitId: String(row.unitId),
          unitName: String(row.unitName),
          kind: row.kind as Body['kind'],
          name: String(row.name),
        },
        roles: JSON.parse(String(row.roles)) as Member['roles'],
      });
    }
    // Drop index rows whose body batch never landed (orphans), so a reader never sees half a write.
    const exists = await Promise.all(memberships.map((m) => this.getBody(tenantId, m.body.id)));
    return memberships.filter((_, index) => exists[index] !== null);
  }

  /**
   * The roster in one partition: the body row (audit head, etag), the `roster` row (source, last
   * sync), member rows (with e-mail, last-seen source and flag) and `rosterentry~<userId>` proposals.
   */
  async getRoster(tenantId: string, bodyId: string): Promise<StoredRoster | null> {
    const partitionKey = keys.tenantBody(tenantId, bodyId);
    const client = this.tables(TABLES.bodies);
    let bodyRow: Row;
    try {
      bodyRow = await client.getEntity<Record<string, unknown>>(partitionKey, keys.bodyRow);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const range = (prefix: string) => {
      const { from, to } = rowKeyRange(prefix);
      return client.listEntities<Record<string, unknown>>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`,
        },
      });
    };
    const members: RosterMember[] = [];
    const proposals: RosterProposal[] = [];
    let state: RosterState | null = null;
    await Promise.all([
      (async () => {
        for await (const row of range('member')) members.push(toRosterMember(row));
      })(),
      (async () => {
        for await (const row of range(ROSTER_ENTRY)) proposals.push(toProposal(row));
      })(),
      (async () => {
        try {
          const row = await client.getEntity<Record<string, unknown>>(partitionKey, ROSTER_ROW);
          state = {
            source: JSON.parse(String(row.source)) as RosterSource,
            syncedAt: String(row.syncedAt),
            syncedBy: String(row.syncedBy),
          };
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      })(),
    ]);
    return {
      body: toBody(bodyRow),
      head: {
        seq: Number(bodyRow.auditSeq ?? 0),
        hash: String(bodyRow.auditHash ?? '0'.repeat(64)),
      },
      etag: String(bodyRow.etag),
      state,
      members,
      proposals,
    };
  }

  /**
   * New members' memberships index rows first (another table, so another write; readers drop index
   * rows without a member), then one batch in the body partition: the body row's audit head
   * (conditional on its etag), the roster row, proposals, member rows and the audit event.
   */
  async commitRosterChange(change: RosterChange): Promise<{ etag: string }> {
    const body = await this.getBody(change.tenantId, change.bodyId);
    if (!body) throw new DomainError('BODY.NOT_FOUND');
    const added = change.addMembers ?? [];
    for (let start = 0; start < added.length; start += 20) {
      await Promise.all(
        added.slice(start, start + 20).map((member) => this.upsertMembership(body, member)),
      );
    }
    const partitionKey = keys.tenantBody(change.tenantId, change.bodyId);
    const actions: TransactionAction[] = [
      [
        'update',
        {
          partitionKey,
          rowKey: keys.bodyRow,
          auditSeq: change.event.seq,
          auditHash: change.event.hash,
        },
        'Merge',
        { etag: change.etag },
      ],
      ['create', toAuditEntity(partitionKey, change.event)],
    ];
    if (change.state) {
      actions.push([
        'upsert',
        {
          partitionKey,
          rowKey: ROSTER_ROW,
          source: JSON.stringify(change.state.source),
          syncedAt: change.state.syncedAt,
          syncedBy: change.state.syncedBy,
        },
        'Replace',
      ]);
    }
    for (const proposal of change.putProposals ?? []) {
      actions.push([
        'upsert',
        {
          partitionKey,
          rowKey: `${ROSTER_ENTRY}~${proposal.userId}`,
          displayName: proposal.displayName,
          email: proposal.email ?? '',
          status: proposal.status,
          sourceKey: proposal.sourceKey,
          proposedAt: proposal.proposedAt,
          decidedAt: proposal.decidedAt ?? '',
          decidedBy: proposal.decidedBy ?? '',
        },
        'Replace',
      ]);
    }
    for (const userId of change.deleteProposals ?? []) {
      actions.push(['delete', { partitionKey, rowKey: `${ROSTER_ENTRY}~${userId}` }]);
    }
    for (const member of added) {
      actions.push([
        'create',
        {
          partitionKey,
          rowKey: keys.memberRow(member.userId),
          displayName: member.displayName,
          title: member.title,
          roles: JSON.stringify(member.roles),
          email: member.email ?? '',
          rosterSeenIn: member.seenIn ?? '',
          rosterFlag: member.flag ? JSON.stringify(member.flag) : '',
        },
      ]);
    }
    for (const update of change.updateMembers ?? []) {
      const entity: Record<string, unknown> = {
        partitionKey,
        rowKey: keys.memberRow(update.userId),
      };
      if (update.email !== undefined) entity.email = update.email;
      if (update.seenIn !== undefined) entity.rosterSeenIn = update.seenIn;
      if (update.flag !== undefined)
        entity.rosterFlag = update.flag ? JSON.stringify(update.flag) : '';
      actions.push([
        'update',
        entity as { partitionKey: string; rowKey: string },
        'Merge',
        { etag: '*' },
      ]);
    }
    try {
      const response = await this.tables(TABLES.bodies).submitTransaction(actions);
      const etag = response.getResponseForEntity(keys.bodyRow)?.etag;
      if (etag) return { etag };
    } catch (error) {
      // A stale body etag (412), a member added meanwhile (409), a row gone (404): re-read, retry.
      if (isWriteConflict(error) || isNotFound(error)) {
        throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
      }
      throw error;
    }
    const row = await this.tables(TABLES.bodies).getEntity(partitionKey, keys.bodyRow);
    return { etag: String(row.etag) };
  }

  /** The body's own audit chain (creation, roster changes), oldest first: one RowKey range. */
  async listBodyAuditEvents(tenantId: string, bodyId: string): Promise<AuditEvent[]> {
    const { from, to } = rowKeyRange(`audit~${bodyId}`);
    const rows = this.tables(TABLES.bodies).listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keys.tenantBody(tenantId, bodyId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const events: AuditEvent[] = [];
    for await (const row of rows) events.push(fromAuditEntity(row));
    return events.sort((a, b) => a.seq - b.seq);
  }

  /** The body row's audit head and etag (point read): what an administrative change builds on. */
  async getBodyHead(
    tenantId: string,
    bodyId: string,
  ): Promise<{ body: Body; head: AuditHead; etag: string } | null> {
    try {
      const row = await this.tables(TABLES.bodies).getEntity<Record<string, unknown>>(
        keys.tenantBody(tenantId, bodyId),
        keys.bodyRow,
      );
      return {
        body: toBody(row),
        head: { seq: Number(row.auditSeq ?? 0), hash: String(row.auditHash ?? '0'.repeat(64)) },
        etag: String(row.etag),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * An administrator's change to a body (rename, add or remove members, change roles): index rows
   * of added or changed members first (readers drop orphans), then one batch in the body partition
   * with the body row (conditional on its etag) and the audit event; then index rows of removed
   * members go, and on a rename every member's index row follows the new name.
   */
  async commitAdminChange(change: BodyAdminChange): Promise<void> {
    const current = await this.getBody(change.tenantId, change.bodyId);
    if (!current) throw new DomainError('BODY.NOT_FOUND');
    const body: Body = { ...current, name: change.name ?? current.name };
    const puts = change.putMembers ?? [];
    await Promise.all(puts.map((member) => this.upsertMembership(body, member)));
    const partitionKey = keys.tenantBody(change.tenantId, change.bodyId);
    const bodyRow: Record<string, unknown> = {
      partitionKey,
      rowKey: keys.bodyRow,
      auditSeq: change.event.seq,
      auditHash: change.event.hash,
    };
    if (change.name !== undefined) bodyRow.name = change.name;
    const actions: TransactionAction[] = [
      [
        'update',
        bodyRow as { partitionKey: string; rowKey: string },
        'Merge',
        { etag: change.etag },
      ],
      ['create', toAuditEntity(partitionKey, change.event)],
      ...puts.map((member): TransactionAction => [
        'upsert',
        {
          partitionKey,
          rowKey: keys.memberRow(member.userId),
          displayName: member.displayName,
          title: member.title,
          roles: JSON.stringify(member.roles),
        },
        // Merge keeps the roster fields (e-mail, last seen, flag) of an existing member.
        'Merge',
      ]),
      ...(change.deleteMembers ?? []).map((userId): TransactionAction => [
        'delete',
        { partitionKey, rowKey: keys.memberRow(userId) },
      ]),
    ];
    try {
      await this.tables(TABLES.bodies).submitTransaction(actions);
    } catch (error) {
      if (isWriteConflict(error) || isNotFound(error)) {
        throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
      }
      throw error;
    }
    await Promise.all(
      (change.deleteMembers ?? []).map(async (userId) => {
        try {
          await this.tables(TABLES.memberships).deleteEntity(
            keys.tenantUser(change.tenantId, userId),
            change.bodyId,
          );
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }),
    );
    if (change.name !== undefined) {
      const members = await this.listMembers(change.tenantId, change.bodyId);
      await Promise.all(members.map((member) => this.upsertMembership(body, member)));
    }
  }

  /**
   * A unit's new name on one of its bodies: the body row and every member's "my bodies" index row.
   * The unit's own audit chain records the rename; this only keeps the copies readers show in step.
   */
  async renameUnitOnBody(tenantId: string, bodyId: string, unitName: string): Promise<void> {
    const current = await this.getBody(tenantId, bodyId);
    if (!current || current.unitName === unitName) return;
    await this.tables(TABLES.bodies).updateEntity(
      { partitionKey: keys.tenantBody(tenantId, bodyId), rowKey: keys.bodyRow, unitName },
      'Merge',
    );
    const body = { ...current, unitName };
    const members = await this.listMembers(tenantId, bodyId);
    await Promise.all(members.map((member) => this.upsertMembership(body, member)));
  }

  private async upsertMembership(body: Body, member: Member): Promise<void> {
    await this.tables(TABLES.memberships).upsertEntity(
      {
        partitionKey: keys.tenantUser(body.tenantId, member.userId),
        rowKey: body.id,
        unitId: body.unitId,
        unitName: body.unitName,
        kind: body.kind,
        name: body.name,
        roles: JSON.stringify(member.roles),
      },
      'Replace',
    );
  }

  async upsertUnit(unit: Unit): Promise<void> {
    await this.tables(TABLES.units).upsertEntity(
      {
        partitionKey: keys.tenant(unit.tenantId),
        rowKey: unit.id,
        name: unit.name,
        province: unit.province,
      },
      'Replace',
    );
  }

  /**
   * Creates a body with its members. The memberships index rows go first (another table, so another
   * write); the body partition (body, members, audit event) then lands in one atomic batch. A reader
   * of the index checks the body exists, so an index row whose batch failed is never shown.
   */
  async createBody(body: Body, members: Member[], event: AuditEvent): Promise<void> {
    await Promise.all(
      members.map((member) =>
        this.tables(TABLES.memberships).upsertEntity(
          {
            partitionKey: keys.tenantUser(body.tenantId, member.userId),
            rowKey: body.id,
            unitId: body.unitId,
            unitName: body.unitName,
            kind: body.kind,
            name: body.name,
            roles: JSON.stringify(member.roles),
          },
          'Replace',
        ),
      ),
    );
    const partitionKey = keys.tenantBody(body.tenantId, body.id);
    const actions: TransactionAction[] = [
      [
        'create',
        {
          partitionKey,
          rowKey: keys.bodyRow,
          unitId: body.unitId,
          unitName: body.unitName,
          kind: body.kind,
          name: body.name,
          auditSeq: event.seq,
          auditHash: event.hash,
        },
      ],
      ...members.map((member): TransactionAction => [
        'create',
        {
          partitionKey,
          rowKey: keys.memberRow(member.userId),
          displayName: member.displayName,
          title: member.title,
          roles: JSON.stringify(member.roles),
        },
      ]),
      ['create', toAuditEntity(partitionKey, event)],
    ];
    await this.tables(TABLES.bodies).submitTransaction(actions);
  }
}

/** Roster rows in the body partition ('roster' and 'rosterentry~' sort apart from 'member~'). */
const ROSTER_ROW = 'roster';
const ROSTER_ENTRY = 'rosterentry';

function toRosterMember(row: Row): RosterMember {
  const member: RosterMember = toMember(row);
  if (row.email) member.email = String(row.email);
  if (row.rosterSeenIn) member.seenIn = String(row.rosterSeenIn);
  if (row.rosterFlag) member.flag = JSON.parse(String(row.rosterFlag)) as MemberFlag;
  return member;
}

function toProposal(row: Row): RosterProposal {
  return {
    userId: String(row.rowKey).slice(`${ROSTER_ENTRY}~`.length),
    displayName: String(row.displayName),
    email: row.email ? String(row.email) : undefined,
    status: row.status as RosterProposal['status'],
    sourceKey: String(row.sourceKey),
    proposedAt: String(row.proposedAt),
    decidedAt: row.decidedAt ? String(row.decidedAt) : undefined,
    decidedBy: row.decidedBy ? String(row.decidedBy) : undefined,
  };
}

function splitKey(partitionKey: string): [string, string] {
  const [tenantId = '', id = ''] = partitionKey.split('~');
  return [tenantId, id];
}

function toBody(row: Row): Body {
  const [tenantId, id] = splitKey(String(row.partitionKey));
  return {
    tenantId,
    id,
    unitId: String(row.unitId),
    unitName: String(row.unitName),
    kind: row.kind as Body['kind'],
    name: String(row.name),
  };
}

function toMember(row: Row): Member {
  const [tenantId, bodyId] = splitKey(String(row.partitionKey));
  return {
    tenantId,
    bodyId,
    userId: String(row.rowKey).slice('member~'.length),
    displayName: String(row.displayName),
    title: String(row.title),
    roles: JSON.parse(String(row.roles)) as Member['roles'],
  };
}
