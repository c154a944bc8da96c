import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApiClient } from '../api/api-client';
import type { Me } from '../api/api-types';
import { useLocaleRef } from '../i18n/use-locale-ref';
import type { TeamsHost } from '../teams/teams-host';
import { SessionContext, type Session } from './session-context';

/** Inside Teams the host signs the user in; every API call carries a Teams SSO token. */
export function TeamsSession(props: { host: TeamsHost; children: ReactNode }) {
  const { host } = props;
  const localeRef = useLocaleRef();
  const [me, setMe] = useState<Me['user'] | null>(null);
  // Teams refreshes SSO tokens itself, so a 401 is shown like any other error, not a sign-in.
  const api = useMemo(
    () =>
      createApiClient({
        getToken: host.getToken,
        onUnauthorized: () => {},
        locale: () => localeRef.current,
      }),
    [host, localeRef],
  );
  useEffect(() => {
    let live = true;
    api.getMe().then(
      (answer) => live && setMe(answer.user),
      () => {}, // the pages show API failures; the header just stays without a name
    );
    return () => {
      live = false;
    };
  }, [api]);
  const session = useMemo<Session>(
    () => ({
      host,
      api,
      displayName: me?.displayName ?? null,
      userId: me?.userId ?? null,
      signOut: null,
    }),
    [host, api, me],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
