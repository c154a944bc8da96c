import type { ErrorCode } from './error-codes';

/** A rule said no. Carries a stable code; the edge decides the status and the words. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  /** Extra data the caller may show, e.g. the fresh state after a lost race. */
  readonly details: unknown;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, details?: unknown) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
