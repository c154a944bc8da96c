import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client';
import type { Host } from '../teams/teams-host';

/** Who is signed in and how to call the API as them. */
export interface Session {
  host: Host;
  api: ApiClient;
  /** For the header: the demo user's name, or the API's view of the Teams user once loaded. */
  displayName: string | null;
  /** The caller's user id (for "am I chair here?"); null until known inside Teams. */
  userId: string | null;
  /** Only the dev sign-in can sign out; inside Teams the host owns the account. */
  signOut: (() => void) | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}
