import type { TableClient } from '@azure/data-tables';
import type { TableClientFactory } from './table-client-factory';

/** Thrown for a query that names no partition: a table scan, refused before it reaches storage. */
export class UnscopedQueryError extends Error {
  constructor(table: string, filter: string | undefined) {
    super(
      `Refused a query on ${table} without a PartitionKey equality: ${filter ?? '(no filter)'}`,
    );
    this.name = 'UnscopedQueryError';
  }
}

const PARTITION_EQUALITY = /\bPartitionKey eq '/;

/**
 * Every request path and job reads tables through this guard (DESIGN.md: no table scans). A
 * `listEntities` whose filter does not pin a partition throws instead of scanning; point reads and
 * writes name their keys by construction. `queryCount` tells tests and benchmarks what was asked.
 */
export function scopedTables(inner: TableClientFactory): TableClientFactory & {
  queryCount(): number;
} {
  const wrapped = new Map<string, TableClient>();
  let queries = 0;
  const factory = ((table) => {
    let client = wrapped.get(table);
    if (!client) {
      const target = inner(table);
      client = new Proxy(target, {
        get(object, property, receiver) {
          if (property === 'listEntities') {
            return (options?: Parameters<TableClient['listEntities']>[0]) => {
              const filter = options?.queryOptions?.filter;
              if (!filter || !PARTITION_EQUALITY.test(filter)) {
                throw new UnscopedQueryError(table, filter);
              }
              queries += 1;
              return object.listEntities(options);
            };
          }
          const value: unknown = Reflect.get(object, property, receiver);
          return typeof value === 'function' ? value.bind(object) : value;
        },
      });
      wrapped.set(table, client);
    }
    return client;
  }) as TableClientFactory & { queryCount(): number };
  factory.queryCount = () => queries;
  return factory;
}
