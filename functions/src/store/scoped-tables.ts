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

/** What went through the guard: queries asked, and entities read by queries and point reads. */
export interface ReadCounts {
  queries: number;
  entitiesRead: number;
}

/**
 * Every request path and job reads tables through this guard (DESIGN.md: no table scans). A
 * `listEntities` whose filter does not pin a partition throws instead of scanning; point reads and
 * writes name their keys by construction. It counts queries and the entities they return (and point
 * reads), so tests and benchmarks can state what a screen or a job cost.
 */
export function scopedTables(inner: TableClientFactory): TableClientFactory & {
  queryCount(): number;
  reads(): ReadCounts;
} {
  const wrapped = new Map<string, TableClient>();
  let queries = 0;
  let entitiesRead = 0;
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
              return countEntities(object.listEntities(options), () => (entitiesRead += 1));
            };
          }
          if (property === 'getEntity') {
            return async (...args: Parameters<TableClient['getEntity']>) => {
              const row = await object.getEntity(...args);
              entitiesRead += 1;
              return row;
            };
          }
          const value: unknown = Reflect.get(object, property, receiver);
          return typeof value === 'function' ? value.bind(object) : value;
        },
      });
      wrapped.set(table, client);
    }
    return client;
  }) as TableClientFactory & { queryCount(): number; reads(): ReadCounts };
  factory.queryCount = () => queries;
  factory.reads = () => ({ queries, entitiesRead });
  return factory;
}

/** The same paged iterator, counting each entity as it is consumed (item by item or page by page). */
function countEntities<T extends ReturnType<TableClient['listEntities']>>(
  source: T,
  count: () => void,
): T {
  return {
    next: async () => {
      const step = await source.next();
      if (!step.done) count();
      return step;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    byPage: (settings?: Parameters<T['byPage']>[0]) => {
      const pages = source.byPage(settings);
      return {
        next: async () => {
          const step = await pages.next();
          if (!step.done) for (let i = 0; i < step.value.length; i++) count();
          return step;
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
  } as T;
}
