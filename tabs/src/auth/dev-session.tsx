import { errorMessage } from '@qcdc/core';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { createApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { useLocaleRef } from '../i18n/use-locale-ref';
import type { BrowserHost } from '../teams/teams-host';
import {
  loadDevSession,
  saveDevSession,
  type DevSession as StoredSession,
} from './dev-session-store';
import { SessionContext, type Session } from './session-context';
import { SignInPage } from './sign-in-page';

/**
 * Outside Teams (local runs): sign in as a demo user through the dev issuer. When the API says the
 * token is expired or invalid, the stored sign-in is dropped and the sign-in screen says why.
 */
export function DevSession(props: { host: BrowserHost; children: ReactNode }) {
  const localeRef = useLocaleRef();
  const [stored, setStored] = useState<StoredSession | null>(() => loadDevSession());
  const [reason, setReason] = useState<ApiError | null>(null);

  const endSession = useCallback((why: ApiError | null) => {
    saveDevSession(null);
    setReason(why);
    setStored(null);
  }, []);

  const api = useMemo(() => {
    if (!stored) return null;
    return createApiClient({
      getToken: async () => {
        if (loadDevSession() === null) {
          const expired = expiredError();
          endSession(expired);
          throw expired;
        }
        return stored.accessToken;
      },
      onUnauthorized: endSession,
      locale: () => localeRef.current,
    });
  }, [stored, endSession, localeRef]);

  const session = useMemo<Session | null>(
    () =>
      stored && api
        ? {
            host: props.host,
            api,
            displayName: stored.user.displayName,
            userId: stored.user.userId,
            signOut: () => endSession(null),
          }
        : null,
    [stored, api, props.host, endSession],
  );

  if (!session) {
    return (
      <SignInPage
        reason={reason}
        onSignedIn={(signedIn) => {
          saveDevSession(signedIn);
          setReason(null);
          setStored(signedIn);
        }}
      />
    );
  }
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

function expiredError(): ApiError {
  return new ApiError(401, {
    code: 'AUTH.TOKEN_EXPIRED',
    message: errorMessage('vi', 'AUTH.TOKEN_EXPIRED'),
    messages: {
      vi: errorMessage('vi', 'AUTH.TOKEN_EXPIRED'),
      en: errorMessage('en', 'AUTH.TOKEN_EXPIRED'),
    },
  });
}
