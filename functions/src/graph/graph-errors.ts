import { GraphError } from '@microsoft/microsoft-graph-client';
import { AuthError } from '@azure/msal-node';
import { DomainError } from '@qcdc/core';
import {
  GRAPH_OPERATIONS,
  permissionFor,
  type GraphAuth,
  type GraphOperation,
} from './graph-permissions';

/** What a caller (and the log) is told about a failed Graph call: a stable code, never a 500. */
function kindOf(auth: GraphAuth): string {
  return auth.kind === 'user' ? 'delegated' : 'application';
}

/**
 * A token endpoint failure. `invalid_grant`/`consent_required` (AADSTS65001) and
 * `interaction_required` mean the tenant has not consented to what we ask: a 403 naming the
 * permission. An expired assertion (AADSTS500133) is the caller's token: sign in again.
 */
export function tokenError(
  error: unknown,
  operation: GraphOperation,
  auth: GraphAuth,
): DomainError {
  if (error instanceof DomainError) return error;
  const permission = permissionFor(operation, auth);
  if (error instanceof AuthError) {
    const errorNo = String((error as AuthError & { errorNo?: string }).errorNo ?? '');
    const text = `${error.errorCode} ${error.subError} ${error.errorMessage}`;
    if (errorNo === '500133' || /AADSTS500133/.test(text)) {
      return new DomainError('AUTH.TOKEN_EXPIRED');
    }
    if (
      error.errorCode === 'invalid_grant' ||
      error.errorCode === 'consent_required' ||
      error.errorCode === 'interaction_required' ||
      error.subError === 'consent_required' ||
      errorNo === '65001' ||
      // The app has no service principal in the tenant: nobody there consented to it yet.
      errorNo === '700016' ||
      /AADSTS(65001|700016)/.test(text)
    ) {
      return new DomainError(
        'GRAPH.CONSENT_REQUIRED',
        { permission, kind: kindOf(auth) },
        { cause: text },
      );
    }
    if (error.errorCode === 'unauthorized_client' || error.errorCode === 'invalid_client') {
      return new DomainError(
        'GRAPH.NOT_CONFIGURED',
        { missing: `client credentials refused (${error.errorCode})` },
        { cause: text },
      );
    }
    return new DomainError('GRAPH.UNAVAILABLE', {}, { cause: text });
  }
  return new DomainError('GRAPH.UNAVAILABLE', {}, { cause: String(error) });
}

/** A Graph answer after the retry policy gave up, as a stable error. */
export function graphError(
  error: unknown,
  operation: GraphOperation,
  auth: GraphAuth,
): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof GraphError) {
    const detail = `${error.statusCode} ${error.code ?? ''}: ${error.message}`;
    switch (error.statusCode) {
      case 401:
        // Graph refused our own token: a configuration problem, not the user's.
        return new DomainError('GRAPH.UNAVAILABLE', {}, { cause: detail });
      case 403:
        return new DomainError(
          'GRAPH.PERMISSION_DENIED',
          { permission: permissionFor(operation, auth), kind: kindOf(auth) },
          { cause: detail },
        );
      case 404:
        return new DomainError(
          'GRAPH.NOT_FOUND',
          { resource: GRAPH_OPERATIONS[operation].resource },
          { cause: detail },
        );
      case 429:
        return new DomainError(
          'GRAPH.THROTTLED',
          { retryAfter: retryAfterSeconds(error) ?? 30 },
          { cause: detail },
        );
      default:
        if (error.statusCode >= 400 && error.statusCode < 500) {
          return new DomainError(
            'GRAPH.INVALID_REQUEST',
            { detail: error.message.slice(0, 200) },
            { cause: detail },
          );
        }
        return new DomainError('GRAPH.UNAVAILABLE', {}, { cause: detail });
    }
  }
  return new DomainError('GRAPH.UNAVAILABLE', {}, { cause: String(error) });
}

export function retryAfterSeconds(error: GraphError): number | null {
  const value = error.headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
