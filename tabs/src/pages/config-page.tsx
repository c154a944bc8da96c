import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { BodyPicker } from '../components/body-picker';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { offerTabConfig } from '../teams/tab-config';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  url: { wordBreak: 'break-all', color: tokens.colorNeutralForeground2 },
});

/**
 * `/config`: the configurable tab's setup page. The chosen body becomes the tab's content URL
 * (`/?body=<id>`), so every channel tab opens straight on its body.
 */
export function ConfigPage() {
  const { api, host } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [bodies, reload] = useResource('bodies', () => api.listBodies());
  const [chosen, setChosen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const bodyList = bodies.status === 'ready' ? bodies.data : [];
  const body = bodyList.find((b) => b.id === chosen) ?? bodyList[0];
  const contentUrl = body ? `${location.origin}/?body=${encodeURIComponent(body.id)}` : null;

  useEffect(() => {
    if (host.kind !== 'teams' || !body || !contentUrl) return;
    void offerTabConfig(
      {
        contentUrl,
        websiteUrl: contentUrl,
        entityId: `qcdc-body-${body.id}`,
        suggestedDisplayName: t('config.suggestedName'),
      },
      setFailure,
    );
  }, [host.kind, body, contentUrl, t]);

  return (
    <Page title={t('config.title')} subtitle={<Body1>{t('config.intro')}</Body1>}>
      {host.kind === 'browser' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('config.outsideTeams')}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ErrorBar title={t('config.saveFailed', { reason: failure })} />}
      {bodies.status === 'loading' && <Loading />}
      {bodies.status === 'failed' && <ErrorBar error={bodies.error} onRetry={reload} />}
      {bodies.status === 'ready' && !body && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('dashboard.noBodies')}</MessageBarBody>
        </MessageBar>
      )}
      {body && contentUrl && (
        <SectionCard title={t('dashboard.body')}>
          <div className={styles.fields}>
            <BodyPicker
              label={t('config.body')}
              bodies={bodyList}
              value={body.id}
              onChange={setChosen}
            />
            <Caption1 className={styles.url}>
              {t('config.contentUrl', { url: contentUrl })}
            </Caption1>
            {host.kind === 'teams' && <Body1>{t('config.ready')}</Body1>}
          </div>
        </SectionCard>
      )}
    </Page>
  );
}
