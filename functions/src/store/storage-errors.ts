import { RestError } from '@azure/data-tables';
import { DomainError } from '@qcdc/core';

/** Storage said "someone else wrote first": a stale ETag (412) or a duplicate key (409). */
export function isWriteConflict(error: unknown): boolean {
  return error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404;
}

/** No answer from storage at all (refused, reset, timed out): the caller should retry later. */
export function isStorageUnreachable(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === undefined;
}

export async function translateStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStorageUnreachable(error)) throw new DomainError('STORAGE.UNAVAILABLE');
    throw error;
  }
}
