import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@qcdc/core';
import { useState } from 'react';
import type { AttendanceAnswer, BodyDetail, MeetingView } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { SectionCard } from '../components/section-card';
import { attendanceStatusKey, useI18n } from '../i18n';
import {
  attendanceAccess,
  attendanceRows,
  changedMarks,
  type AttendanceRow,
  type AttendanceWithStanding,
} from './attendance-rows';
import { QuorumStatus } from './quorum-status';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground2 },
  choices: { flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  addDelegate: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0 },
  delegateActions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

/** dd/MM/yyyy of a yyyy-MM-dd date. */
function dmy(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Attendance of the summoned members, with the quorum the stored marks give. */
export function AttendanceCard(props: {
  body: BodyDetail;
  meeting: MeetingView;
  userId: string | null;
  attendance: AttendanceAnswer;
  onSaved: (answer: AttendanceAnswer & { meeting: MeetingView }) => void;
}) {
  const { t } = useI18n();
  const access = attendanceAccess(props.meeting, props.body.myRoles, props.userId);
  const rows = attendanceRows(
    props.body.members,
    props.attendance.attendance,
    (props.attendance as AttendanceWithStanding).standingDelegates,
  );
  return (
    <SectionCard title={t('attendance.title')} dense>
      <QuorumStatus quorum={props.attendance.quorum} />
      {rows.length === 0 ? (
        <Body1>{t('attendance.noMembers')}</Body1>
      ) : access === 'edit' ? (
        <AttendanceForm {...props} initialRows={rows} />
      ) : (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              {t(access === 'closed' ? 'attendance.closed' : 'attendance.readOnly')}
            </MessageBarBody>
          </MessageBar>
          <AttendanceList rows={rows} />
        </>
      )}
    </SectionCard>
  );
}

function AttendanceList(props: { rows: readonly AttendanceRow[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t('attendance.summoned', { count: props.rows.length })}>
      {props.rows.map((row) => (
        <li key={row.userId} className={styles.row}>
          <Body1Strong>{row.displayName}</Body1Strong>
          <Body1>
            {row.status ? t(attendanceStatusKey(row.status)) : t('attendance.notMarked')}
            {row.status === 'present' && row.delegateName
              ? ` (${t('attendance.delegateShown', { name: row.delegateName })})`
              : ''}
          </Body1>
          {row.standingDelegate && (
            <Caption1 className={styles.muted}>
              {t('attendance.standingDelegate', {
                name: row.standingDelegate.name,
                until: dmy(row.standingDelegate.until),
              })}
            </Caption1>
          )}
        </li>
      ))}
    </ul>
  );
}

type Outcome = { kind: 'saved' } | { kind: 'nothing' } | { kind: 'failed'; error: unknown };

function AttendanceForm(props: {
  meeting: MeetingView;
  attendance: AttendanceAnswer;
  initialRows: AttendanceRow[];
  onSaved: (answer: AttendanceAnswer & { meeting: MeetingView }) => void;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [rows, setRows] = useState(props.initialRows);
  /** Rows whose "attending in their place" field was asked for (a delegate is the exception). */
  const [delegateOpen, setDelegateOpen] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const update = (userId: string, patch: Partial<AttendanceRow>) => {
    setRows((current) =>
      current.map((row) => (row.userId === userId ? { ...row, ...patch } : row)),
    );
    setOutcome(null);
  };

  /** The standing delegate attends: the member counts present, the delegate's name filled in. */
  const applyStanding = (row: AttendanceRow, name: string) =>
    update(row.userId, { status: 'present', delegateName: name });

  const save = async () => {
    const body = changedMarks(rows, props.attendance.attendance);
    if (!body) {
      setOutcome({ kind: 'nothing' });
      return;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const answer = await api.recordAttendance(props.meeting.bodyId, props.meeting.id, body);
      props.onSaved(answer);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ul className={styles.list} aria-label={t('attendance.summoned', { count: rows.length })}>
        {rows.map((row) => (
          <li key={row.userId} className={styles.row}>
            <div className={styles.who}>
              <Body1Strong>{row.displayName}</Body1Strong>
              {row.title && <Caption1 className={styles.muted}>{row.title}</Caption1>}
              {row.standingDelegate && (
                <Caption1 className={styles.muted}>
                  {t('attendance.standingDelegate', {
                    name: row.standingDelegate.name,
                    until: dmy(row.standingDelegate.until),
                  })}
                </Caption1>
              )}
            </div>
            <RadioGroup
              layout="horizontal"
              className={styles.choices}
              aria-label={t('attendance.statusOf', { name: row.displayName })}
              value={row.status ?? ''}
              onChange={(_, data) => update(row.userId, { status: data.value as AttendanceStatus })}
            >
              {ATTENDANCE_STATUSES.map((status) => (
                <Radio key={status} value={status} label={t(attendanceStatusKey(status))} />
              ))}
            </RadioGroup>
            {row.status === 'present' &&
              (row.delegateName !== '' || delegateOpen.has(row.userId) ? (
                <Field label={t('attendance.delegateOf', { name: row.displayName })} size="small">
                  <Input
                    size="small"
                    value={row.delegateName}
                    maxLength={120}
                    placeholder={t('attendance.delegate')}
                    onChange={(_, data) => update(row.userId, { delegateName: data.value })}
                  />
                </Field>
              ) : (
                <div className={styles.delegateActions}>
                  <Button
                    size="small"
                    appearance="transparent"
                    className={styles.addDelegate}
                    aria-label={t('attendance.addDelegateFor', { name: row.displayName })}
                    onClick={() => setDelegateOpen((open) => new Set(open).add(row.userId))}
                  >
                    {t('attendance.addDelegate')}
                  </Button>
                  {row.standingDelegate && (
                    <StandingDelegateButton row={row} onUse={(name) => applyStanding(row, name)} />
                  )}
                </div>
              ))}
            {row.status !== 'present' && row.standingDelegate && (
              <StandingDelegateButton row={row} onUse={(name) => applyStanding(row, name)} />
            )}
          </li>
        ))}
      </ul>
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('attendance.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'nothing' && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('attendance.nothingChanged')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('attendance.saveFailed')}</MessageBarTitle>
            {describeError(i18n, outcome.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={saving} onClick={() => void save()}>
          {t('attendance.save')}
        </Button>
        {saving && <Spinner size="tiny" label={t('minutes.saving')} />}
      </div>
    </>
  );
}

/** One click records the delegate of the delegation in force as attending in the member's place. */
function StandingDelegateButton(props: { row: AttendanceRow; onUse: (name: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const name = props.row.standingDelegate!.name;
  return (
    <Button
      size="small"
      appearance="transparent"
      className={styles.addDelegate}
      aria-label={t('attendance.useStandingDelegateFor', {
        delegate: name,
        name: props.row.displayName,
      })}
      onClick={() => props.onUse(name)}
    >
      {t('attendance.useStandingDelegate', { name })}
    </Button>
  );
}
