import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingView } from '../api/api-types';
import { formatMeetingTime } from '../app/meeting-time';
import { kindKey, useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import { StatusBadge } from './status-badge';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  past: { borderLeftColor: tokens.colorNeutralStroke1 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Meetings as rows: title (link), time in Vietnam time, kind and place, status badge. */
export function MeetingList(props: {
  meetings: readonly MeetingView[];
  empty: string;
  past?: boolean;
  label: string;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  if (props.meetings.length === 0) return <Body1>{props.empty}</Body1>;
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.meetings.map((meeting) => (
        <li key={meeting.id} className={props.past ? `${styles.item} ${styles.past}` : styles.item}>
          <div className={styles.text}>
            <AppLink to={paths.meeting(meeting.bodyId, meeting.id)} className={styles.title}>
              {meeting.title}
            </AppLink>
            <Body1>{formatMeetingTime(meeting, locale)}</Body1>
            <Caption1 className={styles.meta}>
              {t(kindKey(meeting.kind))} · {meeting.location}
            </Caption1>
          </div>
          <StatusBadge status={meeting.status} />
        </li>
      ))}
    </ul>
  );
}
