import { isApiError } from '../api/api-error';
import { ErrorBar } from '../components/error-bar';
import { useI18n } from '../i18n';
import { graphHintKey } from './graph-errors';

/** An error from a Teams (Graph) action: the server's words, then what to do about it. */
export function GraphErrorBar(props: { error: unknown }) {
  const { t } = useI18n();
  const hint = graphHintKey(isApiError(props.error) ? props.error.code : undefined);
  return (
    <>
      <ErrorBar error={props.error} title={hint ? t('graph.errorTitle') : undefined} />
      {hint && <p role="note">{t(hint)}</p>}
    </>
  );
}
