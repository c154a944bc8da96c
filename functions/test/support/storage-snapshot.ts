import { odata, TableClient } from '@azure/data-tables';
import { inject } from 'vitest';
import { TABLES } from '../../src/store/table-names';

/**
 * Every row of a tenant's body partitions, read straight from Azurite: what "storage unchanged" means
 * in the tests (including etags, so even a rewrite with the same values would show).
 */
export async function snapshotBody(tenantId: string, bodyId: string): Promise<string[]> {
  const rows: string[] = [];
  for (const table of [TABLES.bodies, TABLES.meetings]) {
    const client = TableClient.fromConnectionString(inject('storageConnection'), table, {
      allowInsecureConnection: true,
    });
    const entities = client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${`${tenantId}~${bodyId}`}` },
    });
    for await (const entity of entities) rows.push(`${table}/${entity.rowKey}@${entity.etag}`);
  }
  return rows.sort();
}
