import { pickLocale } from '@qcdc/core';
import type { BodyAssignmentRows, BodyDetail, BodySummary, MeetingView } from '../api/api-types';
import { loadDevSession } from '../auth/dev-session-store';
import { chooseBody, rememberedBodyId } from '../storage/selected-body';
import { buildDashboardSnapshot, type DashboardData } from './dashboard-snapshot';
import { showSnapshot } from './handoff';

/**
 * Paints the dashboard's first screen from the answers index.html's inline script asked for, if they
 * are all in within `waitMs`; otherwise paints nothing and the app shows its own loading state. Only
 * for what the inline script covers: the dashboard, outside Teams, with the dev sign-in's token.
 * Reads copies of the answers, so the app's API client still gets the originals.
 */
export async function paintDashboardSnapshot(waitMs: number): Promise<boolean> {
  const early = window.__qcdcEarly;
  if (!early || location.pathname !== '/') return false;
  const session = loadDevSession();
  if (!session || session.accessToken !== early.token) return false;
  const fromUrl = new URLSearchParams(location.search).get('body');
  // The body index.html asked for (the same rule as its inline script).
  const bodyId = fromUrl ?? rememberedBodyId();
  if (!bodyId) return false;
  const body = `/api/bodies/${encodeURIComponent(bodyId)}`;
  const json = <T>(path: string): Promise<T | null> => {
    const answer = early.answers[path];
    if (!answer) return Promise.resolve(null);
    return answer.then((response) =>
      response?.ok ? (response.clone().json() as Promise<T>) : null,
    );
  };
  const loaded = Promise.all([
    json<{ bodies: BodySummary[] }>('/api/bodies'),
    json<BodyDetail>(body),
    json<{ meetings: MeetingView[] }>(`${body}/meetings`),
    json<BodyAssignmentRows>(`${body}/assignments?view=summary`),
  ]).catch(() => null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const answers = await Promise.race([loaded, late]);
  clearTimeout(timer);
  if (!answers) return false;
  const [bodies, detail, meetings, rows] = answers;
  if (!bodies || !detail || !meetings || !rows) return false;
  // Paint only when the body the app will open (DashboardPage's rule) is the one asked for.
  const summary = chooseBody(bodies.bodies, fromUrl);
  if (summary?.id !== bodyId) return false;
  const data: DashboardData = { summary, detail, meetings: meetings.meetings, rows };
  showSnapshot(
    buildDashboardSnapshot(
      document,
      data,
      pickLocale(early.locale),
      session.user.displayName,
      new Date(),
    ),
  );
  return true;
}
