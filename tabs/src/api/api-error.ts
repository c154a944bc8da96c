import type { Locale } from '@qcdc/core';
import type { ApiErrorPayload, MeetingView } from './api-types';

/** An API answer that was not a success, with the server's stable code and its words. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: { vi?: string; en?: string };
  readonly issues: NonNullable<ApiErrorPayload['issues']>;
  /** The fresh meeting after a lost race (409 CONCURRENCY.CONFLICT). */
  readonly current: MeetingView | undefined;

  constructor(status: number, payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = payload.code;
    this.messages = payload.messages ?? {};
    this.issues = payload.issues ?? [];
    this.current = payload.current;
  }

  /** The server's text in the language now shown (the user may have switched since the request). */
  messageIn(locale: Locale): string {
    return this.messages[locale] ?? this.message;
  }
}

/** Codes the client itself produces when no server answer could be read. */
export const CLIENT_CODES = {
  network: 'CLIENT.NETWORK',
  unexpected: 'CLIENT.UNEXPECTED',
  token: 'CLIENT.TOKEN',
} as const;

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
