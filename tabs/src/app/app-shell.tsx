import { useSession } from '../auth/session-context';
import { AppHeader } from '../components/app-header';
import { RouteView } from './route-view';

/** Header and page. Inside Teams the host's own navigation replaces ours (tabs are separate pages). */
export function AppShell() {
  const session = useSession();
  return (
    <>
      <AppHeader
        displayName={session.displayName}
        onSignOut={session.signOut}
        showNav={session.host.kind === 'browser'}
      />
      <RouteView />
    </>
  );
}
