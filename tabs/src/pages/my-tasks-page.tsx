import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import type { BodySummary, MeetingView } from '../api/api-types';
import { formatMeetingTime, splitByTime } from '../app/meeting-time';
import { meetingRolesOf } from '../app/permissions';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { RoleBadges } from '../components/role-badges';
import { SectionCard } from '../components/section-card';
import { StatusBadge } from '../components/status-badge';
import { meetingRoleKey, useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface MyMeeting {
  meeting: MeetingView;
  body: BodySummary;
}

/**
 * `/my-tasks`, the personal tab. Assignments arrive with a later issue; until then it honestly lists
 * only the caller's bodies and the upcoming meetings they chair or take minutes for.
 */
export function MyTasksPage() {
  const { api, userId } = useSession();
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [data, reload] = useResource(`my-tasks:${userId ?? ''}`, () => loadMyMeetings(api, userId));

  return (
    <Page title={t('myTasks.title')}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('myTasks.assignmentsLater')}</MessageBarBody>
      </MessageBar>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <>
          <SectionCard title={t('myTasks.upcoming')}>
            {data.data.mine.length === 0 ? (
              <Body1>{t('myTasks.none')}</Body1>
            ) : (
              <ul className={styles.list}>
                {data.data.mine.map(({ meeting, body }) => (
                  <li key={meeting.id} className={styles.item}>
                    <div className={styles.line}>
                      <AppLink to={paths.meeting(meeting.bodyId, meeting.id)}>
                        {meeting.title}
                      </AppLink>
                      <StatusBadge status={meeting.status} />
                    </div>
                    <Body1>{formatMeetingTime(meeting, locale)}</Body1>
                    <Caption1 className={styles.muted}>
                      {body.name} ·{' '}
                      {t('myTasks.myMeetingRoles', {
                        roles: meetingRolesOf(meeting, userId)
                          .map((role) => t(meetingRoleKey(role)))
                          .join(t('common.listSeparator')),
                      })}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard title={t('myTasks.bodies')}>
            {data.data.bodies.length === 0 ? (
              <Body1>{t('dashboard.noBodies')}</Body1>
            ) : (
              <ul className={styles.list}>
                {data.data.bodies.map((body) => (
                  <li key={body.id} className={styles.item}>
                    <AppLink to={paths.dashboard(body.id)}>{body.name}</AppLink>
                    <div className={styles.line}>
                      <Caption1 className={styles.muted}>{body.unitName}</Caption1>
                      <RoleBadges roles={body.myRoles} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
        </>
      )}
    </Page>
  );
}

async function loadMyMeetings(
  api: ApiClient,
  userId: string | null,
): Promise<{ bodies: BodySummary[]; mine: MyMeeting[] }> {
  const bodies = await api.listBodies();
  if (!userId) return { bodies, mine: [] };
  const perBody = await Promise.all(
    bodies.map(async (body) =>
      (await api.listMeetings(body.id))
        .filter((meeting) => meetingRolesOf(meeting, userId).length > 0)
        .map((meeting) => ({ meeting, body })),
    ),
  );
  const { upcoming } = splitByTime(
    perBody.flat().map((entry) => ({
      ...entry,
      startsAt: entry.meeting.startsAt,
      endsAt: entry.meeting.endsAt,
    })),
    Date.now(),
  );
  return { bodies, mine: upcoming.map(({ meeting, body }) => ({ meeting, body })) };
}
