import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { Loading } from './loading';

/*
 * Pages other than the channel dashboard load when first opened, each in its own chunk, so the
 * tab's first screen carries only its own code (the JS budget in bench/suites/tabs.ts). In a
 * meeting the side panel or stage is the first screen; it then waits for its chunk alone.
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...(props as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
}

export const LazyMeetingPanelPage = lazyPage(
  async () => (await import('../meeting-panel/panel-page')).MeetingPanelPage,
);
export const LazyMeetingStagePage = lazyPage(
  async () => (await import('../pages/meeting-stage-page')).MeetingStagePage,
);
export const LazyMeetingFormPage = lazyPage(
  async () => (await import('../pages/meeting-form-page')).MeetingFormPage,
);
export const LazyMeetingDetailPage = lazyPage(
  async () => (await import('../pages/meeting-detail-page')).MeetingDetailPage,
);
export const LazyAssignmentPage = lazyPage(
  async () => (await import('../pages/assignment-page')).AssignmentPage,
);
export const LazyMyTasksPage = lazyPage(
  async () => (await import('../pages/my-tasks-page')).MyTasksPage,
);
export const LazyFrontRouteView = lazyPage(
  async () => (await import('../front/front-route-view')).FrontRouteView,
);
export const LazyConfigPage = lazyPage(
  async () => (await import('../pages/config-page')).ConfigPage,
);
