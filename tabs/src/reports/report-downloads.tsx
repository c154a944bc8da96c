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
import { reportApi, type ReviewFormat, type ReviewQuery } from '../api/report-api';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { useI18n } from '../i18n';
import { saveBlob } from '../meeting-panel/save-blob';
import { blobDownloadsWork } from '../teams/meeting-surface';

const useStyles = makeStyles({
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

/**
 * The BÁO CÁO (Word) and the workbook (Excel) of the report on screen. Both go through a one-time
 * link (valid minutes, redeemed without our token): Teams' mobile apps can only open a URL, through
 * Teams' link API; everywhere else the tab fetches the link and saves the file, so a failure can be
 * shown here instead of in a blank browser tab.
 */
export function ReportDownloads(props: { bodyId: string; query: ReviewQuery }) {
  const { api, host } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [busy, setBusy] = useState<ReviewFormat | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const download = async (format: ReviewFormat) => {
    setBusy(format);
    setFailure(null);
    try {
      const reports = reportApi(api);
      const link = await reports.createDownloadLink(props.bodyId, format, props.query);
      if (host.kind === 'teams' && !blobDownloadsWork(host)) {
        await host.openLink(link.url);
      } else {
        const file = await reports.fetchLink(link.url, format);
        saveBlob(file.blob, file.fileName);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void download('docx')}>
          {t('report.download.docx')}
        </Button>
        <Button disabled={busy !== null} onClick={() => void download('xlsx')}>
          {t('report.download.xlsx')}
        </Button>
        {busy !== null && <Spinner size="tiny" label={t('documents.downloading')} />}
      </div>
      {failure !== null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('report.download.failed')}</MessageBarTitle>
            {describeError(i18n, failure)}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
