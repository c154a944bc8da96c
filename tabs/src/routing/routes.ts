import { parseFrontRoute, type FrontRoute } from '../front/front-routes';
import { parseReportRoute, type ReportRoute } from '../reports/report-routes';
import { parseAdminRoute, type AdminRoute } from '../admin/admin-routes';

/** The tab's pages. The server answers index.html for any non-API path, so these are all deep-linkable. */
export type Route =
  | { name: 'dashboard'; bodyId: string | null }
  | { name: 'meeting'; bodyId: string; meetingId: string }
  | { name: 'meetingNew'; bodyId: string }
  | { name: 'meetingEdit'; bodyId: string; meetingId: string }
  | { name: 'meetingPanel'; bodyId: string; meetingId: string }
  | { name: 'meetingStage'; bodyId: string; meetingId: string; itemId: string | null }
  | { name: 'assignment'; bodyId: string; assignmentId: string }
  | { name: 'config' }
  | { name: 'myTasks' }
  | FrontRoute
  | ReportRoute
  | AdminRoute
  | { name: 'notFound' };

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = parts;
  if (parts.length === 0) {
    return { name: 'dashboard', bodyId: new URLSearchParams(search).get('body') };
  }
  if (first === 'config' && parts.length === 1) return { name: 'config' };
  if (first === 'my-tasks' && parts.length === 1) return { name: 'myTasks' };
  const front = parseFrontRoute(parts);
  if (front) return front;
  const report = parseReportRoute(parts);
  if (report) return report;
  const admin = parseAdminRoute(parts);
  if (admin) return admin;
  if (first === 'bodies' && second && third === 'assignments' && fourth && parts.length === 4) {
    return { name: 'assignment', bodyId: second, assignmentId: fourth };
  }
  if (first === 'meetings' && second && third) {
    if (parts.length === 3 && third === 'new') return { name: 'meetingNew', bodyId: second };
    if (parts.length === 3) return { name: 'meeting', bodyId: second, meetingId: third };
    if (parts.length === 4 && fourth === 'edit') {
      return { name: 'meetingEdit', bodyId: second, meetingId: third };
    }
    if (parts.length === 4 && fourth === 'panel') {
      return { name: 'meetingPanel', bodyId: second, meetingId: third };
    }
    if (parts.length === 4 && fourth === 'stage') {
      const itemId = new URLSearchParams(search).get('item');
      return { name: 'meetingStage', bodyId: second, meetingId: third, itemId };
    }
  }
  return { name: 'notFound' };
}

const segment = encodeURIComponent;

export const paths = {
  dashboard: (bodyId?: string) => (bodyId ? `/?body=${segment(bodyId)}` : '/'),
  meeting: (bodyId: string, meetingId: string) =>
    `/meetings/${segment(bodyId)}/${segment(meetingId)}`,
  meetingNew: (bodyId: string) => `/meetings/${segment(bodyId)}/new`,
  meetingEdit: (bodyId: string, meetingId: string) =>
    `/meetings/${segment(bodyId)}/${segment(meetingId)}/edit`,
  /** The meeting side panel: run the meeting, take attendance, write the minutes. */
  meetingPanel: (bodyId: string, meetingId: string) =>
    `/meetings/${segment(bodyId)}/${segment(meetingId)}/panel`,
  /** The meeting stage: the item under discussion, large, for everyone in the room. */
  meetingStage: (bodyId: string, meetingId: string, itemId?: string) =>
    `/meetings/${segment(bodyId)}/${segment(meetingId)}/stage` +
    (itemId ? `?item=${segment(itemId)}` : ''),
  /** One assignment: what, who, by when, its progress and the moves the caller may make. */
  assignment: (bodyId: string, assignmentId: string) =>
    `/bodies/${segment(bodyId)}/assignments/${segment(assignmentId)}`,
  config: () => '/config',
  myTasks: () => '/my-tasks',
};
