import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BodyDetail, MeetingView } from '../api/api-types';
import { rosterApi, type AttendanceImportAnswer } from '../api/roster-api';
import { canRunMeeting } from '../app/permissions';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n';
import { GraphErrorBar } from './graph-error-bar';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Statuses the import accepts (docs/graph.md: scheduled, in progress, ended). */
const IMPORTABLE: readonly MeetingView['status'][] = ['scheduled', 'inProgress', 'ended'];

/**
 * "Nhập điểm danh từ Teams" in the side panel's attendance area, for those running the meeting: reads
 * the Teams meeting's attendance report (on behalf of the caller: the organizer's) and marks the
 * summoned members; the attendance list then shows what was stored.
 */
export function AttendanceImport(props: {
  body: BodyDetail;
  meeting: MeetingView;
  userId: string | null;
  onImported: (answer: AttendanceImportAnswer) => void;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<AttendanceImportAnswer['import'] | null>(null);
  if (
    !IMPORTABLE.includes(props.meeting.status) ||
    !canRunMeeting(props.body.myRoles, props.meeting, props.userId)
  ) {
    return null;
  }
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await rosterApi(api).importAttendance(props.meeting.bodyId, props.meeting.id);
      setResult(answer.import);
      props.onImported(answer);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.box}>
      <div>
        <Button disabled={busy} onClick={() => void run()}>
          {t('attendanceImport.button')}
        </Button>
      </div>
      {error !== null && <GraphErrorBar error={error} />}
      {result && (
        <Body1 role="status">
          {t('attendanceImport.done', {
            matched: result.matched.length,
            marked: result.marked.length,
            unmatched: result.unmatched.length + result.notSummoned.length,
          })}
        </Body1>
      )}
    </div>
  );
}
