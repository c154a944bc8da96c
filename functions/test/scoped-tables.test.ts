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

  it('lets a partition-scoped query through and counts it', async () => {
    const before = tables.queryCount();
    const rows = tables(TABLES.meetings).listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${'no-such-partition'}` },
    });
    const found: unknown[] = [];
    for await (const row of rows) found.push(row);
    expect(found).toEqual([]);
    expect(tables.queryCount()).toBe(before + 1);
  });
});
