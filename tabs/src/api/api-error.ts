import type { Locale } from '@qcdc/core';
import type { ApiErrorPayload, AssignmentView, MeetingView, MinutesSectionView } from './api-types';

/** An API answer that was not a success, with the server's stable code and its words. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: { vi?: string; en?: string };
  readonly issues: NonNullable<ApiErrorPayload['issues']>;
  /**
   * The fresh state after a lost race (409 CONCURRENCY.CONFLICT): a meeting, a minutes section or an
   * assignment.
   */
  readonly current: unknown;

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

  /** The fresh meeting a meeting-level conflict carries. */
  currentMeeting(): MeetingView | undefined {
    const current = this.current;
    return isRecord(current) && 'status' in current && 'agenda' in current
      ? (current as unknown as MeetingView)
      : undefined;
  }

  /** The fresh assignment an assignment conflict carries. */
  currentAssignment(): AssignmentView | undefined {
    const current = this.current;
    return isRecord(current) &&
      typeof current['id'] === 'string' &&
      typeof current['deadline'] === 'string' &&
      typeof current['ownerId'] === 'string' &&
      typeof current['version'] === 'number'
      ? (current as unknown as AssignmentView)
      : undefined;
  }

  /** The fresh section a minutes-section conflict carries. */
  currentSection(): MinutesSectionView | undefined {
    const current = this.current;
    return isRecord(current) &&
      typeof current['key'] === 'string' &&
      typeof current['text'] === 'string' &&
      typeof current['version'] === 'number'
      ? (current as unknown as MinutesSectionView)
      : undefined;
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

/** A lost race: someone saved first; `current` (when sent) is what is stored now. */
export function isConflict(value: unknown): value is ApiError {
  return isApiError(value) && value.code === 'CONCURRENCY.CONFLICT';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
