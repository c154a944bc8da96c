import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { AttendanceAnswer, BodyDetail, MeetingView } from '../api/api-types';
import { canRunMeeting } from '../app/permissions';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { StatusBadge } from '../components/status-badge';
import { useI18n } from '../i18n';
import { QuorumStatus } from '../meeting-panel/quorum-status';
import { navigate } from '../routing/history';
import { paths } from '../routing/routes';
import { StageVote } from '../voting/stage-vote';

const useStyles = makeStyles({
  stage: {
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
  },
  body: { margin: 0, fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground2 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  counter: { margin: 0, fontSize: tokens.fontSizeBase500, color: tokens.colorNeutralForeground2 },
  itemTitle: {
    margin: 0,
    fontSize: tokens.fontSizeHero900,
    lineHeight: tokens.lineHeightHero900,
    fontWeight: tokens.fontWeightBold,
    overflowWrap: 'anywhere',
  },
  presenter: { margin: 0, fontSize: tokens.fontSizeBase500 },
  quorum: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  picker: { maxWidth: '640px' },
});

/**
 * `/meetings/{bodyId}/{meetingId}/stage[?item=<id>]`: for the room's big screen. The meeting title,
 * the item under discussion (the first, or `?item=`, which those running the meeting choose) and the
 * quorum, in large type with theme colours only, so Teams' high-contrast theme stays readable.
 */
export function MeetingStagePage(props: {
  bodyId: string;
  meetingId: string;
  itemId: string | null;
}) {
  const { api } = useSession();
  const { bodyId, meetingId } = props;
  const styles = useStyles();
  const [data, reload] = useResource(`stage:${bodyId}/${meetingId}`, () =>
    Promise.all([
      api.getBody(bodyId),
      api.getMeeting(bodyId, meetingId),
      api.getAttendance(bodyId, meetingId),
    ]),
  );
  return (
    <main className={styles.stage}>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <Stage
          body={data.data[0]}
          meeting={data.data[1]}
          attendance={data.data[2]}
          itemId={props.itemId}
        />
      )}
    </main>
  );
}

function Stage(props: {
  body: BodyDetail;
  meeting: MeetingView;
  attendance: AttendanceAnswer;
  itemId: string | null;
}) {
  const { userId } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const { body, meeting } = props;
  const { agenda } = meeting;
  const found = agenda.findIndex((item) => item.id === props.itemId);
  const index = found >= 0 ? found : 0;
  const item = agenda[index];
  const presenter = item?.presenterId
    ? (body.members.find((member) => member.userId === item.presenterId)?.displayName ??
      t('common.formerMember'))
    : null;
  // Whoever may run the meeting picks the item; everyone else follows the link they were given.
  const mayPick = canRunMeeting(body.myRoles, meeting, userId);

  return (
    <>
      <p className={styles.body}>{body.body.name}</p>
      <h1 className={styles.title}>{meeting.title}</h1>
      <div>
        <StatusBadge status={meeting.status} />
      </div>
      <section className={styles.item} aria-live="polite" aria-label={t('stage.choose')}>
        {item ? (
          <>
            <p className={styles.counter}>
              {t('stage.item', { n: index + 1, total: agenda.length })}
            </p>
            <h2 className={styles.itemTitle}>{item.title}</h2>
            {presenter && (
              <p className={styles.presenter}>{t('stage.presenter', { name: presenter })}</p>
            )}
          </>
        ) : (
          <p className={styles.presenter}>{t('stage.noAgenda')}</p>
        )}
      </section>
      <QuorumStatus quorum={props.attendance.quorum} className={styles.quorum} />
      <StageVote bodyId={meeting.bodyId} meetingId={meeting.id} />
      {mayPick && agenda.length > 1 && (
        <Field label={t('stage.choose')} className={styles.picker}>
          <Select
            value={item?.id ?? ''}
            onChange={(_, data) =>
              navigate(paths.meetingStage(meeting.bodyId, meeting.id, data.value), {
                replace: true,
              })
            }
          >
            {agenda.map((entry, i) => (
              <option key={entry.id} value={entry.id}>
                {`${i + 1}. ${entry.title}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
