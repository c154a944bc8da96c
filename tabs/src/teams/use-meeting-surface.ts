import { useEffect } from 'react';
import type { MeetingView } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { navigate } from '../routing/history';
import { meetingSurfacePath } from './meeting-surface';

/** Once per load, so coming back to the dashboard from the panel does not bounce straight back. */
let redirected = false;

/**
 * In a Teams meeting's side panel (or on its stage) the dashboard steps aside for the meeting in
 * progress, if the body has one.
 */
export function useMeetingSurface(meetings: readonly MeetingView[] | null): void {
  const { host } = useSession();
  useEffect(() => {
    if (redirected || host.kind !== 'teams' || meetings === null) return;
    redirected = true;
    const path = meetingSurfacePath(host.frameContext, meetings);
    if (path) navigate(path, { replace: true });
  }, [host, meetings]);
}
