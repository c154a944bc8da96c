import { lazy, Suspense } from 'react';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { useI18n } from '../i18n';

/*
 * The review page with its charts is loaded when first opened, in its own chunk, so the channel
 * dashboard (the tab's first screen) does not carry it.
 */
const ReportsPage = lazy(() => import('./reports-page'));

export function LazyReportsPage(props: { bodyId: string }) {
  const { t } = useI18n();
  return (
    <Suspense
      fallback={
        <Page title={t('report.title')}>
          <Loading />
        </Page>
      }
    >
      <ReportsPage bodyId={props.bodyId} />
    </Suspense>
  );
}

const YearSoFar = lazy(() => import('./year-so-far'));

/** The dashboard's "this year so far" panel, in its own chunk for the same reason. */
export function LazyYearSoFar(props: { bodyId: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <YearSoFar bodyId={props.bodyId} />
    </Suspense>
  );
}
