import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n';

export function Loading(props: { label?: string }) {
  const { t } = useI18n();
  return <Spinner size="small" labelPosition="after" label={props.label ?? t('common.loading')} />;
}
