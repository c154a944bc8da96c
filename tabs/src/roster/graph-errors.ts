import type { MessageKey } from '../i18n';

/**
 * Microsoft Graph refusals answer stable codes (docs/graph.md); each gets a sentence saying what to do,
 * since the fix is usually an administrator's (consent, permission) rather than the user's.
 */
const GRAPH_HINTS: Record<string, MessageKey> = {
  'GRAPH.CONSENT_REQUIRED': 'graph.consentRequired',
  'GRAPH.PERMISSION_DENIED': 'graph.permissionDenied',
  'GRAPH.NOT_CONFIGURED': 'graph.notConfigured',
  'GRAPH.THROTTLED': 'graph.throttled',
  'GRAPH.UNAVAILABLE': 'graph.unavailable',
  'GRAPH.NOT_FOUND': 'graph.notFound',
  'GRAPH.INVALID_REQUEST': 'graph.invalidRequest',
  'ATTENDANCE.NO_ONLINE_MEETING': 'graph.noOnlineMeeting',
  'ATTENDANCE.REPORT_NOT_FOUND': 'graph.reportNotFound',
};

/** The "what to do" message for a Graph-related error code, or null for any other error. */
export function graphHintKey(code: string | undefined): MessageKey | null {
  return (code !== undefined && GRAPH_HINTS[code]) || null;
}
