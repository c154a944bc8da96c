import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { useI18n } from '../i18n';
import { navigate } from '../routing/history';
import { paths } from '../routing/routes';
import { chooseBody, rememberBodyId } from '../storage/selected-body';
import { BodyDashboard } from './body-dashboard';
import { useFirstPaintHandoff } from '../first-paint/use-first-paint-handoff';

/**
 * `/` (and `/?body=<id>` from a configured channel tab): the caller's bodies, one of them open.
 * The body in the URL wins, then the one chosen last time, then the first.
 */
export function DashboardPage(props: { bodyId: string | null }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [bodies, reload] = useResource('bodies', () => api.listBodies());
  const selected = bodies.status === 'ready' ? chooseBody(bodies.data, props.bodyId) : null;

  useEffect(() => {
    if (selected) rememberBodyId(selected.id);
  }, [selected]);
  // With a body chosen, its dashboard says when it is ready; without one, this page is all there is.
  useFirstPaintHandoff(bodies.status === 'failed' || (bodies.status === 'ready' && !selected));

  if (bodies.status === 'loading') {
    return (
      <Page title={t('nav.dashboard')}>
        <Loading />
      </Page>
    );
  }
  if (bodies.status === 'failed') {
    return (
      <Page title={t('nav.dashboard')}>
        <ErrorBar error={bodies.error} onRetry={reload} />
      </Page>
    );
  }
  if (!selected) {
    return (
      <Page title={t('nav.dashboard')}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('dashboard.noBodies')}</MessageBarBody>
        </MessageBar>
      </Page>
    );
  }
  return (
    <BodyDashboard
      key={selected.id}
      summary={selected}
      bodies={bodies.data}
      onSelect={(bodyId) => navigate(paths.dashboard(bodyId), { replace: true })}
    />
  );
}
