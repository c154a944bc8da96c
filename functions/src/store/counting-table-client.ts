import {
  odata,
  RestError,
  type TableClient,
  type TableEntity,
  type TableEntityResult,
  type TableTransactionResponse,
  type TransactionAction,
} from '@azure/data-tables';

export type Row = TableEntityResult<Record<string, unknown>>;

/** What a job or request cost in storage: entities read, queries, point reads, writes. */
export interface TableStats {
  entitiesRead: number;
  queries: number;
  pointReads: number;
  writes: number;
  batches: number;
}

export function newTableStats(): TableStats {
  return { entitiesRead: 0, queries: 0, pointReads: 0, writes: 0, batches: 0 };
}

export function addStats(into: TableStats, from: TableStats): TableStats {
  into.entitiesRead += from.entitiesRead;
  into.queries += from.queries;
  into.pointReads += from.pointReads;
  into.writes += from.writes;
  into.batches += from.batches;
  return into;
}

/** A RowKey range; bounds are compared as strings, the way Tables sorts keys. */
export interface RowKeyRange {
  ge?: string;
  gt?: string;
  le?: string;
  lt?: string;
}

export interface PartitionQuery {
  partitionKey: string;
  rowKey?: RowKeyRange;
  /** Extra conditions, built with the `odata` tag (never by concatenating values). */
  where?: string;
  /** Stop after this many entities (one page is fetched at a time). */
  limit?: number;
}

/**
 * The table layer of the reminder pipeline (DESIGN.md, storage): every query names its partition, so
 * a scan cannot be written through it (`query` takes a partition key, and `assertPartitionScoped`
 * refuses a raw filter without a PartitionKey equality); and it counts what it reads, so jobs and
 * benchmarks can report their cost in entities.
 */
export class CountingTableClient {
  constructor(
    readonly client: TableClient,
    readonly stats: TableStats = newTableStats(),
  ) {}

  get tableName(): string {
    return this.client.tableName;
  }

  /** A point read; null when absent (or when the table does not exist yet). */
  async get(partitionKey: string, rowKey: string): Promise<Row | null> {
    this.stats.pointReads += 1;
    try {
      const row = await this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
      this.stats.entitiesRead += 1;
      return row;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  /** Entities of ONE partition, optionally within a RowKey range, in key order. */
  async query(query: PartitionQuery): Promise<Row[]> {
    const filter = partitionFilter(query);
    assertPartitionScoped(filter);
    this.stats.queries += 1;
    const rows: Row[] = [];
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    const pages = this.client
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage({ maxPageSize: Math.min(1000, limit) });
    for await (const page of pages) {
      for (const row of page) {
        if (rows.length >= limit) break;
        rows.push(row);
      }
      this.stats.entitiesRead += page.length;
      if (rows.length >= limit) break;
    }
    return rows;
  }

  async create(entity: TableEntity<Record<string, unknown>>): Promise<string> {
    this.stats.writes += 1;
    return String((await this.client.createEntity(entity)).etag);
  }

  async upsert(
    entity: TableEntity<Record<string, unknown>>,
    mode: 'Merge' | 'Replace' = 'Replace',
  ): Promise<string> {
    this.stats.writes += 1;
    return String((await this.client.upsertEntity(entity, mode)).etag);
  }

  /** Conditional on `etag` ('*' for any version); 412 when it no longer matches, 404 when gone. */
  async update(
    entity: TableEntity<Record<string, unknown>>,
    etag: string,
    mode: 'Merge' | 'Replace' = 'Merge',
  ): Promise<string> {
    this.stats.writes += 1;
    return String((await this.client.updateEntity(entity, mode, { etag })).etag);
  }

  async delete(partitionKey: string, rowKey: string, etag = '*'): Promise<void> {
    this.stats.writes += 1;
    await this.client.deleteEntity(partitionKey, rowKey, { etag });
  }

  /** An atomic batch (one partition, at most 100 operations). */
  async transaction(actions: TransactionAction[]): Promise<TableTransactionResponse> {
    this.stats.batches += 1;
    this.stats.writes += actions.length;
    return this.client.submitTransaction(actions);
  }
}

function partitionFilter(query: PartitionQuery): string {
  const parts = [odata`PartitionKey eq ${query.partitionKey}`];
  const range = query.rowKey ?? {};
  if (range.ge !== undefined) parts.push(odata`RowKey ge ${range.ge}`);
  if (range.gt !== undefined) parts.push(odata`RowKey gt ${range.gt}`);
  if (range.le !== undefined) parts.push(odata`RowKey le ${range.le}`);
  if (range.lt !== undefined) parts.push(odata`RowKey lt ${range.lt}`);
  if (query.where) parts.push(`(${query.where})`);
  return parts.join(' and ');
}

/**
 * Refuses a filter that could scan: it must start with a PartitionKey equality and join everything
 * else with `and` (an `or` at the top level could reach other partitions).
 */
export function assertPartitionScoped(filter: string): void {
  const withoutStrings = filter.replace(/'(?:[^']|'')*'/g, "''");
  if (!/^PartitionKey eq ''( and |$)/.test(withoutStrings)) {
    throw new Error(`Refusing a table query without a PartitionKey equality: ${filter}`);
  }
  let depth = 0;
  for (const token of withoutStrings.split(/(\(|\)|\bor\b)/)) {
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    else if (token === 'or' && depth === 0) {
      throw new Error(`Refusing a table query with a top-level 'or': ${filter}`);
    }
  }
}

/** HTTP status of a storage error, if it has one. */
export function storageStatus(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}
