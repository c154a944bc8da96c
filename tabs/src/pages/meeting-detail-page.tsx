import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { BodyDetail, MeetingView } from '../api/api-types';
import { formatMeetingTime } from '../app/meeting-time';
import { canUpdateMeeting } from '../app/permissions';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { AgendaList } from '../components/agenda-list';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { StatusBadge } from '../components/status-badge';
import { kindKey, statusKey, useI18n } from '../i18n';
import { isEditable } from '../meeting-form/form-values';
import { AppLink } from '../routing/app-link';
import { consumeFlash, navigate } from '../routing/history';
import { paths } from '../routing/routes';

const useStyles = makeStyles({
  subtitle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { margin: 0 },
  footnote: { color: tokens.colorNeutralForeground3 },
});

/** `/meetings/{bodyId}/{meetingId}`: what, when, where, who, and the agenda in order. */
export function MeetingDetailPage(props: { bodyId: string; meetingId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [flash] = useState(consumeFlash);
  const [data, reload] = useResource(`meeting:${props.bodyId}/${props.meetingId}`, () =>
    Promise.all([api.getBody(props.bodyId), api.getMeeting(props.bodyId, props.meetingId)]),
  );

  if (data.status !== 'ready') {
    return (
      <Page
        title={t('dashboard.meetings')}
        subtitle={<AppLink to={paths.dashboard(props.bodyId)}>{t('meeting.back')}</AppLink>}
      >
        {data.status === 'loading' ? <Loading /> : <ErrorBar error={data.error} onRetry={reload} />}
      </Page>
    );
  }
  const [body, meeting] = data.data;
  return <MeetingDetail body={body} meeting={meeting} flash={flash} />;
}

function MeetingDetail(props: {
  body: BodyDetail;
  meeting: MeetingView;
  flash: ReturnType<typeof consumeFlash>;
}) {
  const { userId } = useSession();
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { body, meeting } = props;
  const nameOf = (id: string) =>
    body.members.find((member) => member.userId === id)?.displayName ?? t('common.formerMember');
  const mayEdit = canUpdateMeeting(body.myRoles, meeting, userId);

  const subtitle = (
    <div className={styles.subtitle}>
      <Body1>{t(kindKey(meeting.kind))}</Body1>
      <StatusBadge status={meeting.status} />
    </div>
  );
  const actions = (
    <div className={styles.actions}>
      <AppLink to={paths.dashboard(meeting.bodyId)}>{t('meeting.back')}</AppLink>
      <AppLink to={paths.meetingPanel(meeting.bodyId, meeting.id)}>
        {t('meeting.openPanel')}
      </AppLink>
      {mayEdit && isEditable(meeting) && (
        <Button
          appearance="primary"
          onClick={() => navigate(paths.meetingEdit(meeting.bodyId, meeting.id))}
        >
          {t('meeting.edit')}
        </Button>
      )}
    </div>
  );
  const facts: [string, string][] = [
    [t('meeting.time'), formatMeetingTime(meeting, locale)],
    [t('meeting.place'), meeting.location],
    [t('meeting.chair'), nameOf(meeting.chairId)],
    [t('meeting.secretary'), nameOf(meeting.secretaryId)],
  ];

  return (
    <Page title={meeting.title} subtitle={subtitle} actions={actions}>
      {props.flash && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t(props.flash === 'meetingCreated' ? 'meeting.created' : 'meeting.saved')}
          </MessageBarBody>
        </MessageBar>
      )}
      {mayEdit && !isEditable(meeting) && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('meeting.notEditable', { status: t(statusKey(meeting.status)) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <SectionCard title={body.body.name}>
        <dl className={styles.facts}>
          {facts.map(([term, value]) => (
            <div key={term} className={styles.pair}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.definition}>{value}</dd>
            </div>
          ))}
        </dl>
      </SectionCard>
      <SectionCard title={t('meeting.agenda')}>
        <AgendaList agenda={meeting.agenda} nameOf={nameOf} />
      </SectionCard>
      <Caption1 className={styles.footnote}>
        {t('meeting.version', {
          version: meeting.version,
          when: formatMeetingTime({ startsAt: meeting.updatedAt }, locale),
        })}
      </Caption1>
    </Page>
  );
}
