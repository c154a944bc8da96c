import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { CLIENT_CODES, isApiError } from '../api/api-error';
import { useI18n, type I18n } from '../i18n';

/** Says what failed and what to do, in the current language; offers a retry when one can help. */
/** `error` undefined: the title says it all. */
export function ErrorBar(props: { error?: unknown; title?: string; onRetry?: () => void }) {
  const i18n = useI18n();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title ?? i18n.t('error.title')}</MessageBarTitle>
        {props.error !== undefined && describeError(i18n, props.error)}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{i18n.t('common.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function describeError(i18n: I18n, error: unknown): string {
  if (!isApiError(error)) {
    return i18n.t('error.unexpected', { status: error instanceof Error ? error.message : '?' });
  }
  switch (error.code) {
    case CLIENT_CODES.network:
      return i18n.t('error.network');
    case CLIENT_CODES.unexpected:
      return i18n.t('error.unexpected', { status: error.status });
    case CLIENT_CODES.token:
      return i18n.t('teams.tokenFailed', { reason: error.message });
    default:
      return error.messageIn(i18n.locale);
  }
}
