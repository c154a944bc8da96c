import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingDocument, MeetingView } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { SectionCard } from '../components/section-card';
import { useI18n, type MessageKey } from '../i18n';
import { blobDownloadsWork } from '../teams/meeting-surface';
import { saveBlob } from './save-blob';

const useStyles = makeStyles({
  buttons: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalS,
  },
});

const DOCUMENTS: { document: MeetingDocument; label: MessageKey }[] = [
  { document: 'minutes', label: 'documents.minutes' },
  { document: 'conclusionNotice', label: 'documents.notice' },
];

/**
 * The approved minutes and the conclusion notice as Word files. The API wants a bearer token, so
 * the file is fetched and saved from a Blob; Teams' mobile apps cannot save those, so there the tab
 * asks the API for a one-time link (valid minutes) and opens it through Teams' link API.
 */
export function DocumentsCard(props: { meeting: MeetingView }) {
  const { api, host } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [busy, setBusy] = useState<MeetingDocument | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { meeting } = props;

  const download = async (document: MeetingDocument) => {
    setBusy(document);
    setFailure(null);
    try {
      if (blobDownloadsWork(host) || host.kind !== 'teams') {
        const file = await api.downloadDocument(meeting.bodyId, meeting.id, document);
        saveBlob(file.blob, file.fileName);
      } else {
        const link = await api.createDownloadLink(meeting.bodyId, meeting.id, document);
        await host.openLink(link.url);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <SectionCard title={t('documents.title')} dense>
      <div className={styles.buttons}>
        {DOCUMENTS.map(({ document, label }) => (
          <Button
            key={document}
            appearance={document === 'minutes' ? 'primary' : 'secondary'}
            disabled={busy !== null}
            onClick={() => void download(document)}
          >
            {t(label)}
          </Button>
        ))}
        {busy !== null && <Spinner size="tiny" label={t('documents.downloading')} />}
      </div>
      {failure !== null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('documents.failed')}</MessageBarTitle>
            {describeError(i18n, failure)}
          </MessageBarBody>
        </MessageBar>
      )}
    </SectionCard>
  );
}
