import { LazyAdminPage } from '../admin/lazy-admin-page';
import { FrontRouteView } from '../front/front-route-view';
import { MeetingPanelPage } from '../meeting-panel/panel-page';
import { AssignmentPage } from '../pages/assignment-page';
import { ConfigPage } from '../pages/config-page';
import { DashboardPage } from '../pages/dashboard-page';
import { MeetingDetailPage } from '../pages/meeting-detail-page';
import { MeetingFormPage } from '../pages/meeting-form-page';
import { MeetingStagePage } from '../pages/meeting-stage-page';
import { MyTasksPage } from '../pages/my-tasks-page';
import { NotFoundPage } from '../pages/not-found-page';
import { LazyReportsPage } from '../reports/lazy-reports-page';
import { useLocation } from '../routing/history';
import { parseRoute, type Route } from '../routing/routes';

/** The page for the current URL. */
export function RouteView() {
  const { pathname, search } = useLocation();
  return <PageFor route={parseRoute(pathname, search)} />;
}

function PageFor(props: { route: Route }) {
  const { route } = props;
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage bodyId={route.bodyId} />;
    case 'meeting':
      return (
        <MeetingDetailPage
          key={route.meetingId}
          bodyId={route.bodyId}
          meetingId={route.meetingId}
        />
      );
    case 'meetingNew':
      return <MeetingFormPage key="new" bodyId={route.bodyId} meetingId={null} />;
    case 'meetingEdit':
      return (
        <MeetingFormPage key={route.meetingId} bodyId={route.bodyId} meetingId={route.meetingId} />
      );
    case 'meetingPanel':
      return (
        <MeetingPanelPage key={route.meetingId} bodyId={route.bodyId} meetingId={route.meetingId} />
      );
    case 'meetingStage':
      return (
        <MeetingStagePage
          key={route.meetingId}
          bodyId={route.bodyId}
          meetingId={route.meetingId}
          itemId={route.itemId}
        />
      );
    case 'assignment':
      return (
        <AssignmentPage
          key={route.assignmentId}
          bodyId={route.bodyId}
          assignmentId={route.assignmentId}
        />
      );
    case 'config':
      return <ConfigPage />;
    case 'myTasks':
      return <MyTasksPage />;
    case 'front':
      return <FrontRouteView route={route} />;
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
