import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { AssignmentView, BodyDetail, MeetingView } from '../api/api-types';
import { canCreateAssignment } from '../app/permissions';
import { useResource } from '../app/use-resource';
import { AssignmentStatusBadge } from '../assignments/assignment-badges';
import { formatCivilDate, isOverdueAt } from '../assignments/assignment-dates';
import { AssignmentForm } from '../assignments/assignment-form';
import { sortForTable } from '../assignments/assignment-groups';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import { conclusionLines } from './conclusion-lines';

const useStyles = makeStyles({
  area: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  start: { alignSelf: 'flex-start' },
});

/**
 * In the conclusions area of the side panel: the assignments that came out of this meeting (the
 * body's assignments whose source is this meeting) and "Giao nhiệm vụ từ kết luận", for the
 * meeting's chair and the body's head, deputy head or secretary, its title taken from a conclusion.
 */
export function MeetingAssignments(props: {
  body: BodyDetail;
  meeting: MeetingView;
  userId: string | null;
  /** The stored text of the conclusions section. */
  conclusions: string;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const { body, meeting } = props;
  const [data, reload] = useResource(`meeting-assignments:${meeting.bodyId}/${meeting.id}`, () =>
    api.listBodyAssignments(meeting.bodyId),
  );
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AssignmentView | null>(null);
  const mayAssign = canCreateAssignment(body.myRoles, meeting, props.userId);
  const lines = useMemo(() => conclusionLines(props.conclusions), [props.conclusions]);
  const names = new Map(body.members.map((m) => [m.userId, m.displayName]));
  const nameOf = (id: string) => names.get(id) ?? t('common.formerMember');
  const now = new Date();
  const fromMeeting =
    data.status === 'ready'
      ? sortForTable(
          data.data.assignments.filter((a) => a.source.meetingId === meeting.id),
          now,
        )
      : [];

  return (
    <section className={styles.area} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('panelAssignments.title', { count: fromMeeting.length })}
      </Subtitle2>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' &&
        (fromMeeting.length === 0 ? (
          <Body1 className={styles.muted}>{t('panelAssignments.none')}</Body1>
        ) : (
          <ul className={styles.list} aria-label={t('panelAssignments.list')}>
            {fromMeeting.map((a) => (
              <li key={a.id} className={styles.item}>
                <AppLink to={paths.assignment(a.bodyId, a.id)} className={styles.title}>
                  {a.title}
                </AppLink>
                <div className={styles.line}>
                  <Caption1 className={styles.muted}>
                    {t('panelAssignments.who', {
                      name: nameOf(a.ownerId),
                      date: formatCivilDate(a.deadline),
                    })}
                  </Caption1>
                  <AssignmentStatusBadge status={a.status} overdue={isOverdueAt(a, now)} />
                </div>
              </li>
            ))}
          </ul>
        ))}
      {created && !creating && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t('assignments.created', { title: created.title, name: nameOf(created.ownerId) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {mayAssign && !creating && (
        <Button
          className={styles.start}
          appearance="primary"
          onClick={() => {
            setCreated(null);
            setCreating(true);
          }}
        >
          {t('panelAssignments.create')}
        </Button>
      )}
      {mayAssign && creating && (
        <AssignmentForm
          bodyId={meeting.bodyId}
          members={body.members}
          meetingId={meeting.id}
          conclusions={lines}
          onCancel={() => setCreating(false)}
          onCreated={(assignment) => {
            setCreating(false);
            setCreated(assignment);
            reload();
          }}
        />
      )}
    </section>
  );
}
