import {
  odata,
  type TableClient,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import { DomainError } from '@qcdc/core';
import { rowKeyRange } from './keys';
import { isNotFound, isWriteConflict } from './storage-errors';

export type Row = TableEntityResult<Record<string, unknown>>;

/** A point read; null when the row does not exist. */
export async function getRow(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<Row | null> {
  try {
    return await client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Every row of one partition whose RowKey starts with `prefix~`: a range query, never a scan. */
export async function listRange(
  client: TableClient,
  partitionKey: string,
  prefix: string,
): Promise<Row[]> {
  const { from, to } = rowKeyRange(prefix);
  const rows = client.listEntities<Record<string, unknown>>({
    queryOptions: {
      filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`,
    },
  });
  const result: Row[] = [];
  for await (const row of rows) result.push(row);
  return result;
}

/** Every row of one partition (a per-person index). */
export async function listPartition(client: TableClient, partitionKey: string): Promise<Row[]> {
  const rows = client.listEntities<Record<string, unknown>>({
    queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
  });
  const result: Row[] = [];
  for await (const row of rows) result.push(row);
  return result;
}

/** One same-partition batch: all of it lands or none; a lost race is a retryable conflict. */
export async function submitAtomically(
  client: TableClient,
  actions: TransactionAction[],
): Promise<void> {
  try {
    await client.submitTransaction(actions);
  } catch (error) {
    if (!isWriteConflict(error)) throw error;
    throw new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
  }
}
