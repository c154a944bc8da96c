import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { AuditEvent, Body, BodyRepository, Member, Membership, Unit } from '@qcdc/core';
import { toAuditEntity } from './audit-entities';
import { keys, rowKeyRange } from './keys';
import { isNotFound } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

export class TableBodyRepository implements BodyRepository {
  constructor(private readonly tables: TableClientFactory) {}

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
