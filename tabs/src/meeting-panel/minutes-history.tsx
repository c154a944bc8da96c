import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime } from '@qcdc/core';
import { useId, useState } from 'react';
import type { MeetingView } from '../api/api-types';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { useI18n } from '../i18n';
import { sectionLabel } from './minutes-access';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toggle: { alignSelf: 'flex-start' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Every saved version of every section (who, when), newest first; loaded when opened. */
export function MinutesHistory(props: { meeting: MeetingView; revision: number }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className={styles.box}>
      <Button
        className={styles.toggle}
        appearance="subtle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? `▾ ${t('history.hide')}` : `▸ ${t('history.show')}`}
      </Button>
      <div id={regionId} role="region" aria-label={t('history.title')} hidden={!open}>
        {open && <HistoryList meeting={props.meeting} revision={props.revision} />}
      </div>
    </div>
  );
}

function HistoryList(props: { meeting: MeetingView; revision: number }) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { meeting } = props;
  const [revisions, reload] = useResource(`history:${meeting.id}:${props.revision}`, () =>
    api.listMinutesHistory(meeting.bodyId, meeting.id),
  );
  if (revisions.status === 'loading') return <Loading />;
  if (revisions.status === 'failed') return <ErrorBar error={revisions.error} onRetry={reload} />;
  if (revisions.data.length === 0) return <Body1>{t('history.empty')}</Body1>;
  const newestFirst = [...revisions.data].sort(
    (a, b) =>
      Date.parse(b.updatedAt ?? '') - Date.parse(a.updatedAt ?? '') || b.version - a.version,
  );
  return (
    <ol className={styles.list}>
      {newestFirst.map((revision) => (
        <li
          key={`${revision.key}@${revision.edition ?? 1}.${revision.version}`}
          className={styles.item}
        >
          <Body1>
            {t('history.entry', {
              section: sectionLabel(revision, meeting.agenda, locale),
              version: revision.version,
            })}
          </Body1>
          <Caption1 className={styles.muted}>
            {t('history.by', {
              name: revision.updatedByName ?? t('minutes.someone'),
              when: revision.updatedAt ? formatDateTime(revision.updatedAt, locale) : '?',
            })}
          </Caption1>
        </li>
      ))}
    </ol>
  );
}
