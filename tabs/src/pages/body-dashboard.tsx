import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { BodySummary } from '../api/api-types';
import { splitByTime } from '../app/meeting-time';
import { canCreateMeeting } from '../app/permissions';
import { AssignmentsSection, useAssignmentRows } from '../assignments/assignments-section';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { BodyPicker } from '../components/body-picker';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { MeetingList } from '../components/meeting-list';
import { MemberList } from '../components/member-list';
import { Page } from '../components/page';
import { RoleBadges } from '../components/role-badges';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { navigate } from '../routing/history';
import { paths } from '../routing/routes';
import { useMeetingSurface } from '../teams/use-meeting-surface';
import { CitizensSection } from '../cases/citizens-section';
import { RosterCard } from '../roster/roster-card';
import { can } from '@qcdc/core';
import { LazyYearSoFar } from '../reports/lazy-reports-page';
import { reportPaths } from '../reports/report-routes';
import { useFirstPaintHandoff } from '../first-paint/use-first-paint-handoff';

const useStyles = makeStyles({
  subtitle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    color: tokens.colorNeutralForeground2,
  },
  // Wraps, and may shrink below its content: on a phone the picker and buttons take their own lines.
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(260px, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** One body's dashboard: its assignments, its meetings (upcoming, then past) and its members. */
export function BodyDashboard(props: {
  summary: BodySummary;
  bodies: readonly BodySummary[];
  onSelect: (bodyId: string) => void;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const bodyId = props.summary.id;
  const [data, reload] = useResource(`body:${bodyId}`, () =>
    Promise.all([api.getBody(bodyId), api.listMeetings(bodyId)]),
  );
  // Asked for in the same render as the body: the table's rows do not wait for the body to show.
  const [rows, reloadRows] = useAssignmentRows(bodyId);
  const meetings = data.status === 'ready' ? data.data[1] : null;
  const split = useMemo(() => splitByTime(meetings ?? [], Date.now()), [meetings]);
  useMeetingSurface(meetings);
  useFirstPaintHandoff(data.status !== 'loading' && rows.status !== 'loading');
  const myRoles = data.status === 'ready' ? data.data[0].myRoles : props.summary.myRoles;

  const actions = (
    <div className={styles.actions}>
      {props.bodies.length > 1 && (
        <BodyPicker
          label={t('dashboard.body')}
          bodies={props.bodies}
          value={bodyId}
          onChange={props.onSelect}
        />
      )}
      {can({ bodyRoles: myRoles, meetingRoles: [] }, 'report.read') && (
        <Button onClick={() => navigate(reportPaths.reports(bodyId))}>
          {t('dashboard.reports')}
        </Button>
      )}
      {canCreateMeeting(myRoles) && (
        <Button appearance="primary" onClick={() => navigate(paths.meetingNew(bodyId))}>
          {t('dashboard.createMeeting')}
        </Button>
      )}
    </div>
  );
  const subtitle = (
    <div className={styles.subtitle}>
      <Body1>{props.summary.unitName}</Body1>
      <span aria-hidden="true">·</span>
      <Body1>{t('dashboard.myRoles')}</Body1>
      <RoleBadges roles={myRoles} />
    </div>
  );

  return (
    <Page title={props.summary.name} subtitle={subtitle} actions={actions}>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <AssignmentsSection
          bodyId={bodyId}
          members={data.data[0].members}
          myRoles={data.data[0].myRoles}
          rows={rows}
          reloadRows={reloadRows}
        />
      )}
      {data.status === 'ready' && <CitizensSection bodyId={bodyId} />}
      {data.status === 'ready' &&
        can({ bodyRoles: data.data[0].myRoles, meetingRoles: [] }, 'report.read') && (
          <LazyYearSoFar bodyId={bodyId} />
        )}
      {data.status === 'ready' && (
        <div className={styles.grid}>
          <SectionCard title={t('dashboard.meetings')}>
            <section className={styles.group}>
              <h3 className={styles.groupTitle}>{t('dashboard.upcoming')}</h3>
              <MeetingList
                meetings={split.upcoming}
                empty={t('dashboard.noUpcoming')}
                label={t('dashboard.upcoming')}
              />
            </section>
            <section className={styles.group}>
              <h3 className={styles.groupTitle}>{t('dashboard.past')}</h3>
              <MeetingList
                meetings={split.past}
                empty={t('dashboard.noPast')}
                label={t('dashboard.past')}
                past
              />
            </section>
          </SectionCard>
          <SectionCard title={t('dashboard.members', { count: data.data[0].members.length })}>
            <MemberList
              members={data.data[0].members}
              label={t('dashboard.members', { count: data.data[0].members.length })}
            />
            <RosterCard bodyId={bodyId} myRoles={data.data[0].myRoles} onMembersChanged={reload} />
          </SectionCard>
        </div>
      )}
    </Page>
  );
}
