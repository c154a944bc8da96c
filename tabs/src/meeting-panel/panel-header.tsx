import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import type { MeetingTransition } from '@qcdc/core';
import { useState } from 'react';
import { isConflict } from '../api/api-error';
import type { BodyDetail, MeetingView } from '../api/api-types';
import { formatMeetingTime } from '../app/meeting-time';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { StatusBadge } from '../components/status-badge';
import { statusKey, transitionKey, useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import { ReasonDialog } from './reason-dialog';
import { allowedTransitions, isPrimaryTransition, needsReason } from './transitions';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  titleRow: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
});

type Banner =
  | { kind: 'done'; meeting: MeetingView }
  | { kind: 'conflict'; version: number }
  | { kind: 'failed'; transition: MeetingTransition; error: unknown };

/** Title, status, time and place, and the lifecycle buttons this caller may press now. */
export function PanelHeader(props: {
  body: BodyDetail;
  meeting: MeetingView;
  userId: string | null;
  refreshing: boolean;
  onRefresh: () => void;
  onMeeting: (meeting: MeetingView) => void;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const styles = useStyles();
  const { meeting } = props;
  const [working, setWorking] = useState<MeetingTransition | null>(null);
  const [asking, setAsking] = useState<MeetingTransition | null>(null);
  const [banner, setBanner] = useState<Banner | null>(null);
  const transitions = allowedTransitions(meeting, props.body.myRoles, props.userId);

  const run = async (transition: MeetingTransition, reason?: string) => {
    setWorking(transition);
    setBanner(null);
    try {
      const next = await api.transitionMeeting(meeting.bodyId, meeting.id, {
        transition,
        version: meeting.version,
        ...(reason === undefined ? {} : { reason }),
      });
      props.onMeeting(next);
      setBanner({ kind: 'done', meeting: next });
    } catch (error) {
      const fresh = isConflict(error) ? error.currentMeeting() : undefined;
      if (fresh) {
        // Someone moved the meeting first: show where it stands now, do not retry on their behalf.
        props.onMeeting(fresh);
        setBanner({ kind: 'conflict', version: fresh.version });
      } else {
        setBanner({ kind: 'failed', transition, error });
      }
    } finally {
      setWorking(null);
    }
  };

  const press = (transition: MeetingTransition) => {
    if (needsReason(transition)) setAsking(transition);
    else void run(transition);
  };

  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        <Subtitle1 as="h1" className={styles.title}>
          {meeting.title}
        </Subtitle1>
        <StatusBadge status={meeting.status} />
      </div>
      <div className={styles.facts}>
        <Body1>{formatMeetingTime(meeting, locale)}</Body1>
        <Caption1 className={styles.muted}>{meeting.location}</Caption1>
        <Caption1 className={styles.muted}>{props.body.body.name}</Caption1>
        {meeting.statusReason && (
          <Caption1>{t('panel.statusReason', { reason: meeting.statusReason })}</Caption1>
        )}
      </div>
      {transitions.length > 0 && (
        <div role="group" aria-label={t('panel.actions')} className={styles.actions}>
          {transitions.map((transition) => (
            <Button
              key={transition}
              appearance={isPrimaryTransition(transition) ? 'primary' : 'secondary'}
              disabled={working !== null}
              onClick={() => press(transition)}
            >
              {t(transitionKey(transition))}
            </Button>
          ))}
          {working !== null && <Spinner size="tiny" label={t('panel.working')} />}
        </div>
      )}
      {banner?.kind === 'done' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t('panel.transitionDone', { status: t(statusKey(banner.meeting.status)) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {banner?.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('panel.transitionConflictTitle')}</MessageBarTitle>
            {t('panel.transitionConflictBody', { version: banner.version })}
          </MessageBarBody>
        </MessageBar>
      )}
      {banner?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {t('panel.transitionFailed', { action: t(transitionKey(banner.transition)) })}
            </MessageBarTitle>
            {describeError(i18n, banner.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.links}>
        <AppLink to={paths.meeting(meeting.bodyId, meeting.id)}>{t('panel.back')}</AppLink>
        <AppLink to={paths.meetingStage(meeting.bodyId, meeting.id)}>
          {t('panel.openStage')}
        </AppLink>
        <Button
          size="small"
          appearance="subtle"
          disabled={props.refreshing}
          onClick={props.onRefresh}
        >
          {t('panel.refresh')}
        </Button>
      </div>
      {asking && (
        <ReasonDialog
          transition={asking}
          version={meeting.version}
          onCancel={() => setAsking(null)}
          onConfirm={(reason) => {
            setAsking(null);
            void run(asking, reason);
          }}
        />
      )}
    </header>
  );
}
