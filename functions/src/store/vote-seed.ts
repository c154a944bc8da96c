import type { TransactionAction } from '@azure/data-tables';
import type { Body, Member } from '@qcdc/core';
import { keys } from './keys';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

/**
 * Adds members to an existing body in the rows body-store.ts reads (member rows in the body's
 * partition, 100 per batch, and the memberships index). For tests and benchmarks that need a large
 * electorate: TableBodyRepository.createBody writes one batch, so at most ~98 members at creation.
 */
export async function addMembersForTesting(
  tables: TableClientFactory,
  body: Body,
  members: readonly Member[],
): Promise<void> {
  await Promise.all(
    members.map((member) =>
      tables(TABLES.memberships).upsertEntity(
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
  for (let i = 0; i < members.length; i += 100) {
    await tables(TABLES.bodies).submitTransaction(
      members.slice(i, i + 100).map((member): TransactionAction => [
        'upsert',
        {
          partitionKey,
          rowKey: keys.memberRow(member.userId),
          displayName: member.displayName,
          title: member.title,
          roles: JSON.stringify(member.roles),
        },
        'Replace',
      ]),
    );
  }
}
