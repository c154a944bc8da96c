import {
  LazyAssignmentPage,
  LazyConfigPage,
  LazyFrontRouteView,
  LazyMeetingDetailPage,
  LazyMeetingFormPage,
  LazyMeetingPanelPage,
  LazyMeetingStagePage,
  LazyMyTasksPage,
} from '../components/lazy-pages';
import { LazyAdminPage } from '../admin/lazy-admin-page';
import { DashboardPage } from '../pages/dashboard-page';
import { NotFoundPage } from '../pages/not-found-page';
import { LazyReportsPage } from '../reports/lazy-reports-page';
import { useLocation } from '../routing/history';
import { parseRoute, type Route } from '../routing/routes';
import { useFirstPaintHandoff } from '../first-paint/use-first-paint-handoff';

/** The page for the current URL. */
export function RouteView() {
  const { pathname, search } = useLocation();
  const route = parseRoute(pathname, search);
  // The first paint is of the dashboard only: any other page replaces it at once.
  useFirstPaintHandoff(route.name !== 'dashboard');
  return <PageFor route={route} />;
}

function PageFor(props: { route: Route }) {
  const { route } = props;
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage bodyId={route.bodyId} />;
    case 'meeting':
      return (
        <LazyMeetingDetailPage
          key={route.meetingId}
          bodyId={route.bodyId}
          meetingId={route.meetingId}
        />
      );
    case 'meetingNew':
      return <LazyMeetingFormPage key="new" bodyId={route.bodyId} meetingId={null} />;
    case 'meetingEdit':
      return (
        <LazyMeetingFormPage
          key={route.meetingId}
          bodyId={route.bodyId}
          meetingId={route.meetingId}
        />
      );
    case 'meetingPanel':
      return (
        <LazyMeetingPanelPage
          key={route.meetingId}
          bodyId={route.bodyId}
          meetingId={route.meetingId}
        />
      );
    case 'meetingStage':
      return (
        <LazyMeetingStagePage
          key={route.meetingId}
          bodyId={route.bodyId}
          meetingId={route.meetingId}
          itemId={route.itemId}
        />
      );
    case 'assignment':
      return (
        <LazyAssignmentPage
          key={route.assignmentId}
          bodyId={route.bodyId}
          assignmentId={route.assignmentId}
        />
      );
    case 'config':
      return <LazyConfigPage />;
    case 'myTasks':
      return <LazyMyTasksPage />;
    case 'front':
      return <LazyFrontRouteView route={route} />;
    case 'reports':
      return <LazyReportsPage key={route.bodyId} bodyId={route.bodyId} />;
    case 'admin':
      return <LazyAdminPage key={route.unitId ?? ''} unitId={route.unitId} />;
    case 'notFound':
      return <NotFoundPage />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
