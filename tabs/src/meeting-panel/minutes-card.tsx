import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import type { BodyDetail, MeetingView, MinutesSectionView } from '../api/api-types';
import { SectionCard } from '../components/section-card';
import { statusKey, useI18n } from '../i18n';
import { approvedNote, minutesAccess, sectionLabel, type MinutesAccess } from './minutes-access';
import { MinutesHistory } from './minutes-history';
import { SectionEditor } from './section-editor';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  hash: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Every section of the minutes, editable by the meeting's secretary or chair while drafting. */
export function MinutesCard(props: {
  body: BodyDetail;
  meeting: MeetingView;
  userId: string | null;
  sections: readonly MinutesSectionView[];
  historyRevision: number;
  onSaved: (section: MinutesSectionView, meeting: MeetingView) => void;
  /** Shown right after the conclusions section (assignments drawn from the conclusions). */
  afterConclusions?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { meeting } = props;
  const access = minutesAccess(meeting, props.body.myRoles, props.userId);
  const comment = meeting.minutes.status === 'drafting' ? meeting.minutes.lastComment : undefined;

  return (
    <SectionCard title={t('minutes.title')} dense>
      {meeting.minutes.edition > 1 && (
        <Caption1 className={styles.muted}>
          {t('minutes.edition', { edition: meeting.minutes.edition })}
        </Caption1>
      )}
      <AccessNote access={access} />
      {comment && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('minutes.returned', { comment })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.sections}>
        {props.sections.map((section) => (
          <Fragment key={section.key}>
            <SectionEditor
              meeting={meeting}
              section={section}
              label={sectionLabel(section, meeting.agenda, locale)}
              editable={access.kind === 'edit'}
              onSaved={props.onSaved}
            />
            {section.kind === 'conclusions' && props.afterConclusions}
          </Fragment>
        ))}
        {!props.sections.some((section) => section.kind === 'conclusions') &&
          props.afterConclusions}
      </div>
      <MinutesHistory meeting={meeting} revision={props.historyRevision} />
    </SectionCard>
  );
}

function AccessNote(props: { access: MinutesAccess }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { access } = props;
  switch (access.kind) {
    case 'edit':
      return null;
    case 'approved':
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={styles.hash}>{approvedNote(access, locale)}</MessageBarBody>
        </MessageBar>
      );
    case 'inReview':
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('minutes.inReview')}</MessageBarBody>
        </MessageBar>
      );
    case 'notWriter':
      return <Body1 className={styles.muted}>{t('minutes.notWriter')}</Body1>;
    case 'notOpen':
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('minutes.notOpen', { status: t(statusKey(access.status)) })}
          </MessageBarBody>
        </MessageBar>
      );
    default: {
      const unreachable: never = access;
      return unreachable;
    }
  }
}
