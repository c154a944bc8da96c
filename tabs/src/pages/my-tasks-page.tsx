import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { formatDateTime } from '@qcdc/core';
import { useId, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { AssignmentView, BodySummary, MeetingView } from '../api/api-types';
import { formatMeetingTime, splitByTime } from '../app/meeting-time';
import { meetingRolesOf } from '../app/permissions';
import { useResource } from '../app/use-resource';
import { awaitingMyReview, reviewReasons } from '../assignments/assignment-actions';
import { AssignmentStatusBadge, PriorityBadge } from '../assignments/assignment-badges';
import {
  deadlineState,
  deadlineText,
  formatCivilDate,
  isOverdueAt,
} from '../assignments/assignment-dates';
import {
  FOLDED_GROUPS,
  groupMyAssignments,
  MY_GROUPS,
  type MyGroup,
} from '../assignments/assignment-groups';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { RoleBadges } from '../components/role-badges';
import { SectionCard } from '../components/section-card';
import { StatusBadge } from '../components/status-badge';
import { meetingRoleKey, useI18n, type MessageKey } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  task: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 480px)': { flexDirection: 'column' },
  },
  taskOverdue: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  taskDone: { borderLeftColor: tokens.colorNeutralStroke1 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    justifyContent: 'flex-end',
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  groupOverdue: { color: tokens.colorPaletteRedForeground1 },
  fold: { alignSelf: 'flex-start', paddingLeft: 0, minWidth: 0 },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const GROUP_TITLES: Record<MyGroup, MessageKey> = {
  overdue: 'myTasks.group.overdue',
  dueSoon: 'myTasks.group.dueSoon',
  inProgress: 'myTasks.group.inProgress',
  submitted: 'myTasks.group.submitted',
  done: 'myTasks.group.done',
  cancelled: 'myTasks.group.cancelled',
};

interface MyMeeting {
  meeting: MeetingView;
  body: BodySummary;
}

interface MyTasks {
  bodies: BodySummary[];
  mine: AssignmentView[];
  toReview: AssignmentView[];
  meetings: MyMeeting[];
  /** Everyone in the caller's bodies, for names. */
  names: Map<string, string>;
}

/**
 * `/my-tasks`, the personal tab: the caller's assignments by urgency (overdue first, finished work
 * folded), what waits on the caller's decision, the upcoming meetings they chair or minute, and
 * their bodies.
 */
export function MyTasksPage() {
  const { api, userId } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [data, reload] = useResource(`my-tasks:${userId ?? ''}`, () => loadMyTasks(api, userId));

  return (
    <Page title={t('myTasks.title')}>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <div className={styles.grid}>
          <div className={styles.column}>
            <MyAssignments data={data.data} />
          </div>
          <div className={styles.column}>
            <ReviewQueue data={data.data} />
            <MyMeetings data={data.data} />
            <MyBodies bodies={data.data.bodies} />
          </div>
        </div>
      )}
    </Page>
  );
}

function MyAssignments(props: { data: MyTasks }) {
  const { t } = useI18n();
  const now = useMemo(() => new Date(), []);
  const groups = useMemo(() => groupMyAssignments(props.data.mine, now), [props.data.mine, now]);
  const bodyName = bodyNamer(props.data.bodies);
  return (
    <SectionCard title={t('myTasks.assignments')}>
      {props.data.mine.length === 0 ? (
        <Body1>{t('myTasks.noAssignments')}</Body1>
      ) : (
        MY_GROUPS.filter((group) => groups[group].length > 0).map((group) => (
          <TaskGroup
            key={group}
            group={group}
            assignments={groups[group]}
            bodyName={bodyName}
            now={now}
          />
        ))
      )}
    </SectionCard>
  );
}

/** One group: a heading and its rows; finished work is folded behind a button. */
function TaskGroup(props: {
  group: MyGroup;
  assignments: readonly AssignmentView[];
  bodyName: (bodyId: string) => string;
  now: Date;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const listId = useId();
  const folded = FOLDED_GROUPS.includes(props.group);
  const [expanded, setExpanded] = useState(!folded);
  const title = t('myTasks.groupTitle', {
    group: t(GROUP_TITLES[props.group]),
    count: props.assignments.length,
  });
  return (
    <section className={styles.group} aria-label={t(GROUP_TITLES[props.group])}>
      {folded ? (
        <Button
          appearance="subtle"
          className={styles.fold}
          icon={<span aria-hidden="true">{expanded ? '▾' : '▸'}</span>}
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((value) => !value)}
        >
          {title}
        </Button>
      ) : (
        <h3
          className={mergeClasses(
            styles.groupTitle,
            props.group === 'overdue' && styles.groupOverdue,
          )}
        >
          {title}
        </h3>
      )}
      {expanded && (
        <ul id={listId} className={styles.list} aria-label={t(GROUP_TITLES[props.group])}>
          {props.assignments.map((assignment) => (
            <TaskRow
              key={assignment.id}
              assignment={assignment}
              bodyName={props.bodyName(assignment.bodyId)}
              now={props.now}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Title, body, deadline (dd/MM/yyyy with days left or overdue), status and priority. */
function TaskRow(props: { assignment: AssignmentView; bodyName: string; now: Date }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { assignment } = props;
  const overdue = isOverdueAt(assignment, props.now);
  const state = deadlineState(assignment, props.now);
  const finished = assignment.status === 'done' || assignment.status === 'cancelled';
  return (
    <li
      className={mergeClasses(
        styles.task,
        overdue && styles.taskOverdue,
        finished && styles.taskDone,
      )}
    >
      <div className={styles.text}>
        <AppLink to={paths.assignment(assignment.bodyId, assignment.id)} className={styles.title}>
          {assignment.title}
        </AppLink>
        <Caption1 className={styles.muted}>{props.bodyName}</Caption1>
        <Body1>
          {t('myTasks.deadline', { date: formatCivilDate(assignment.deadline) })}
          {state && (
            <span className={overdue ? styles.overdueText : styles.muted}>
              {' · '}
              {deadlineText(state, locale)}
            </span>
          )}
          {assignment.extended && (
            <span className={styles.muted}>
              {' · '}
              {t('assignment.extended')}
            </span>
          )}
        </Body1>
      </div>
      <div className={styles.badges}>
        <AssignmentStatusBadge status={assignment.status} overdue={overdue} />
        <PriorityBadge priority={assignment.priority} />
      </div>
    </li>
  );
}

/** "Chờ tôi duyệt": handed-in work and extension requests the caller may decide. */
function ReviewQueue(props: { data: MyTasks }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { toReview, names } = props.data;
  const bodyName = bodyNamer(props.data.bodies);
  const nameOf = (id: string) => names.get(id) ?? t('common.formerMember');
  return (
    <SectionCard title={t('myTasks.toReview', { count: toReview.length })}>
      {toReview.length === 0 ? (
        <Body1>{t('myTasks.nothingToReview')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('myTasks.toReviewList')}>
          {toReview.map((assignment) => (
            <li key={assignment.id} className={styles.task}>
              <div className={styles.text}>
                <AppLink
                  to={paths.assignment(assignment.bodyId, assignment.id)}
                  className={styles.title}
                >
                  {assignment.title}
                </AppLink>
                <Caption1 className={styles.muted}>
                  {bodyName(assignment.bodyId)} · {nameOf(assignment.ownerId)}
                </Caption1>
                {reviewReasons(assignment).map((reason) => (
                  <Body1 key={reason}>
                    {reason === 'completion'
                      ? t('myTasks.reviewCompletion', {
                          when: assignment.submittedAt
                            ? formatDateTime(assignment.submittedAt, locale)
                            : '',
                        })
                      : t('myTasks.reviewExtension', {
                          date: formatCivilDate(
                            assignment.extensionRequest?.requestedDeadline ?? assignment.deadline,
                          ),
                          reason: assignment.extensionRequest?.reason ?? '',
                        })}
                  </Body1>
                ))}
              </div>
              <div className={styles.badges}>
                <AssignmentStatusBadge
                  status={assignment.status}
                  overdue={isOverdueAt(assignment, new Date())}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function MyMeetings(props: { data: MyTasks }) {
  const { userId } = useSession();
  const { t, locale } = useI18n();
  const styles = useStyles();
  return (
    <SectionCard title={t('myTasks.upcoming')}>
      {props.data.meetings.length === 0 ? (
        <Body1>{t('myTasks.none')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('myTasks.upcoming')}>
          {props.data.meetings.map(({ meeting, body }) => (
            <li key={meeting.id} className={styles.item}>
              <div className={styles.line}>
                <AppLink to={paths.meeting(meeting.bodyId, meeting.id)}>{meeting.title}</AppLink>
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
  );
}

function MyBodies(props: { bodies: readonly BodySummary[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <SectionCard title={t('myTasks.bodies')}>
      {props.bodies.length === 0 ? (
        <Body1>{t('dashboard.noBodies')}</Body1>
      ) : (
        <ul className={styles.list}>
          {props.bodies.map((body) => (
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
  );
}

function bodyNamer(bodies: readonly BodySummary[]): (bodyId: string) => string {
  const names = new Map(bodies.map((body) => [body.id, body.name]));
  return (bodyId) => names.get(bodyId) ?? bodyId;
}

/**
 * Everything the page shows, in one round: the caller's bodies and assignments, then per body its
 * members (names), meetings and assignments (for what waits on the caller's decision).
 */
async function loadMyTasks(api: ApiClient, userId: string | null): Promise<MyTasks> {
  const [bodies, mine] = await Promise.all([api.listBodies(), api.listMyAssignments()]);
  const perBody = await Promise.all(
    bodies.map(async (body) => {
      const [detail, meetings, assigned] = await Promise.all([
        api.getBody(body.id),
        api.listMeetings(body.id),
        api.listBodyAssignments(body.id),
      ]);
      return { body, detail, meetings, assigned: assigned.assignments };
    }),
  );
  const names = new Map(
    perBody.flatMap(({ detail }) => detail.members.map((m) => [m.userId, m.displayName] as const)),
  );
  const heads = new Set(
    perBody.filter(({ detail }) => detail.myRoles.includes('head')).map(({ body }) => body.id),
  );
  const toReview = awaitingMyReview(
    perBody.flatMap(({ assigned }) => assigned),
    userId,
    (bodyId) => heads.has(bodyId),
  );
  const chaired = perBody.flatMap(({ body, meetings }) =>
    userId
      ? meetings
          .filter((meeting) => meetingRolesOf(meeting, userId).length > 0)
          .map((meeting) => ({ meeting, body, startsAt: meeting.startsAt, endsAt: meeting.endsAt }))
      : [],
  );
  const { upcoming } = splitByTime(chaired, Date.now());
  return {
    bodies,
    mine,
    toReview,
    meetings: upcoming.map(({ meeting, body }) => ({ meeting, body })),
    names,
  };
}
