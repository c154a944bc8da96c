import type { MeetingView } from '../api/api-types';
import { paths } from '../routing/routes';

/**
 * Opened in a Teams meeting's side panel or on its stage, the tab goes straight to the body's
 * meeting in progress (the latest started, if several); anywhere else, or with none running, it stays
 * on the dashboard.
 */
export function meetingSurfacePath(
  frameContext: string | undefined,
  meetings: readonly Pick<MeetingView, 'id' | 'bodyId' | 'status' | 'startsAt'>[],
): string | null {
  if (frameContext !== 'sidePanel' && frameContext !== 'meetingStage') return null;
  const live = meetings
    .filter((meeting) => meeting.status === 'inProgress')
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0];
  if (!live) return null;
  return frameContext === 'sidePanel'
    ? paths.meetingPanel(live.bodyId, live.id)
    : paths.meetingStage(live.bodyId, live.id);
}

/** Teams' phone and tablet apps do not save files a tab makes from a Blob. */
const NO_BLOB_DOWNLOADS = new Set(['android', 'ios', 'ipados']);

export function blobDownloadsWork(
  host: { kind: 'browser' } | { kind: 'teams'; clientType: string },
) {
  return host.kind === 'browser' || !NO_BLOB_DOWNLOADS.has(host.clientType);
}
