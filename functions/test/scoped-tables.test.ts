import { odata } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import { scopedTables, UnscopedQueryError } from '../src/store/scoped-tables';
import { connectionStringTables } from '../src/store/table-client-factory';
import { TABLES } from '../src/store/table-names';

describe('the scan guard every store reads through', () => {
  const tables = scopedTables(connectionStringTables(inject('storageConnection')));

  it('refuses a query without a PartitionKey equality before it reaches storage', () => {
    for (const filter of [
      undefined,
      "RowKey eq 'x'",
      "PartitionKey ge 'a'",
      "Title eq 'PartitionKey eq'",
    ]) {
      expect(() =>
        tables(TABLES.meetings).listEntities(filter ? { queryOptions: { filter } } : undefined),
      ).toThrow(UnscopedQueryError);
    }
  });

  it('lets a partition-scoped query through and counts it and the entities it reads', async () => {
    const partition = `scoped-${Date.now()}`;
    await tables(TABLES.units).createTable();
    for (const rowKey of ['a', 'b', 'c']) {
      await tables(TABLES.units).upsertEntity({ partitionKey: partition, rowKey, name: rowKey });
    }
    const before = tables.reads();
    const found: unknown[] = [];
    for await (const row of tables(TABLES.units).listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition}` },
    })) {
      found.push(row);
    }
    expect(found).toHaveLength(3);
    await tables(TABLES.units).getEntity(partition, 'b');
    const pages = tables(TABLES.units)
      .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition}` } })
      .byPage({ maxPageSize: 2 });
    for await (const page of pages) expect(page.length).toBeGreaterThan(0);
    expect(tables.reads()).toEqual({
      queries: before.queries + 2,
      entitiesRead: before.entitiesRead + 3 + 1 + 3,
    });
  });
});
