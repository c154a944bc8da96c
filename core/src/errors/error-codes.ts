/**
 * Stable error codes. Clients (tabs, cards, integrations) branch on these, so they never change meaning.
 * The HTTP/bot edge maps each to a status in one place (functions/src/http/error-status.ts).
 */
export const ERROR_CODES = [
  'AUTH.MISSING_TOKEN',
  'AUTH.INVALID_TOKEN',
  'AUTH.TOKEN_EXPIRED',
  'AUTH.TENANT_NOT_ALLOWED',
  'VALIDATION.FAILED',
  'REQUEST.TOO_LARGE',
  'REQUEST.NOT_FOUND',
  'PERMISSION.DENIED',
  'BODY.NOT_FOUND',
  'MEETING.NOT_FOUND',
  'MEETING.NOT_EDITABLE',
  'MEETING.PERSON_NOT_MEMBER',
  'MEETING.ENDS_BEFORE_START',
  'MEETING.TRANSITION_NOT_ALLOWED',
  'MEETING.REASON_REQUIRED',
  'MEETING.QUORUM_NOT_MET',
  'ATTENDANCE.NOT_A_MEMBER',
  'ATTENDANCE.NOT_OPEN',
  'MINUTES.LOCKED',
  'MINUTES.UNKNOWN_SECTION',
  'MINUTES.NOT_APPROVED',
  'CONCURRENCY.CONFLICT',
  'STORAGE.UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
