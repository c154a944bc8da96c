import type { HttpRequest } from '@azure/functions';
import { DomainError } from '@qcdc/core';

/** Largest JSON body any route accepts; meetings with 30 agenda items stay far below it. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Reads and parses a JSON body within the size limit; anything unparsable is a validation error. */
export async function readJson(request: HttpRequest): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    throw new DomainError('REQUEST.TOO_LARGE', { maxBytes: MAX_BODY_BYTES });
  }
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new DomainError('REQUEST.TOO_LARGE', { maxBytes: MAX_BODY_BYTES });
  }
  if (text.trim() === '') {
    throw new DomainError('VALIDATION.FAILED', { issues: 'body: a JSON body is required' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('VALIDATION.FAILED', { issues: 'body: not valid JSON' });
  }
}
