import { Body1 } from '@fluentui/react-components';
import { Page } from '../components/page';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('error.pageNotFound')}>
      <Body1>
        <AppLink to={paths.dashboard()}>{t('error.backHome')}</AppLink>
      </Body1>
    </Page>
  );
}
