import { Subtitle1 } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type {
  AttendanceAnswer,
  BodyDetail,
  MeetingView,
  MinutesAnswer,
  MinutesSectionView,
} from '../api/api-types';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import { AttendanceImport } from '../roster/attendance-import';
import { VotesCard } from '../voting/votes-card';
import { AttendanceCard } from './attendance-card';
import { DocumentsCard } from './documents-card';
import { MeetingAssignments } from './meeting-assignments';
import { MinutesCard } from './minutes-card';
import { PanelHeader } from './panel-header';
import { PanelLayout } from './panel-layout';

/**
 * `/meetings/{bodyId}/{meetingId}/panel`, also what a Teams meeting's side panel opens: run the
 * meeting (lifecycle buttons), take attendance with the live quorum, write the minutes section by
 * section, assign follow-up work from the conclusions, and download the official documents once the
 * minutes are approved.
 */
export function MeetingPanelPage(props: { bodyId: string; meetingId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const { bodyId, meetingId } = props;
  const [data, reload] = useResource(`panel:${bodyId}/${meetingId}`, () =>
    Promise.all([
      api.getBody(bodyId),
      api.getMinutes(bodyId, meetingId),
      api.getAttendance(bodyId, meetingId),
    ]),
  );
  if (data.status !== 'ready') {
    return (
      <PanelLayout>
        <Subtitle1 as="h1">{t('dashboard.meetings')}</Subtitle1>
        <AppLink to={paths.meeting(bodyId, meetingId)}>{t('panel.back')}</AppLink>
        {data.status === 'loading' ? <Loading /> : <ErrorBar error={data.error} onRetry={reload} />}
      </PanelLayout>
    );
  }
  const [body, minutes, attendance] = data.data;
  return <MeetingPanel body={body} minutes={minutes} attendance={attendance} />;
}

function MeetingPanel(props: {
  body: BodyDetail;
  minutes: MinutesAnswer;
  attendance: AttendanceAnswer;
}) {
  const { api, userId } = useSession();
  const { body } = props;
  const [meeting, setMeeting] = useState(props.minutes.meeting);
  const [sections, setSections] = useState(props.minutes.sections);
  const [attendance, setAttendance] = useState(props.attendance);
  /** Bumped by a reload: the attendance form starts again from what is stored. */
  const [attendanceRevision, setAttendanceRevision] = useState(0);
  /** Bumped by every save: an open history list loads again. */
  const [historyRevision, setHistoryRevision] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(null);

  /** Answers may arrive out of order: a meeting never goes back to an older version. */
  const acceptMeeting = useCallback((next: MeetingView) => {
    setMeeting((current) => (next.version >= current.version ? next : current));
  }, []);

  const acceptSection = useCallback((saved: MinutesSectionView) => {
    setSections((current) =>
      current.map((section) =>
        section.key === saved.key && saved.version >= section.version ? saved : section,
      ),
    );
    setHistoryRevision((n) => n + 1);
  }, []);

  /** Loads the meeting, attendance and minutes again; unsaved minutes text stays in its editor. */
  const refresh = useCallback(async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      const [minutes, fresh] = await Promise.all([
        api.getMinutes(meeting.bodyId, meeting.id),
        api.getAttendance(meeting.bodyId, meeting.id),
      ]);
      acceptMeeting(minutes.meeting);
      setSections(minutes.sections);
      setAttendance(fresh);
      setAttendanceRevision((n) => n + 1);
      setHistoryRevision((n) => n + 1);
    } catch (error) {
      setRefreshError(error);
    } finally {
      setRefreshing(false);
    }
  }, [api, meeting.bodyId, meeting.id, acceptMeeting]);

  const approved = meeting.minutes.status === 'approved';
  return (
    <PanelLayout>
      <PanelHeader
        body={body}
        meeting={meeting}
        userId={userId}
        refreshing={refreshing}
        onRefresh={() => void refresh()}
        onMeeting={acceptMeeting}
      />
      {refreshError !== null && <ErrorBar error={refreshError} />}
      {approved && <DocumentsCard meeting={meeting} />}
      <AttendanceImport
        body={body}
        meeting={meeting}
        userId={userId}
        onImported={(answer) => {
          setAttendance((current) => ({
            ...current,
            attendance: answer.attendance,
            quorum: answer.quorum,
          }));
          setAttendanceRevision((n) => n + 1);
          acceptMeeting(answer.meeting);
        }}
      />
      {/* Saves keep the standing delegates loaded with the attendance (marks never change them). */}
      <AttendanceCard
        key={attendanceRevision}
        body={body}
        meeting={meeting}
        userId={userId}
        attendance={attendance}
        onSaved={(answer) => {
          setAttendance((current) => ({
            ...current,
            attendance: answer.attendance,
            quorum: answer.quorum,
          }));
          acceptMeeting(answer.meeting);
        }}
      />
      <VotesCard body={body} meeting={meeting} userId={userId} />
      <MinutesCard
        body={body}
        meeting={meeting}
        userId={userId}
        sections={sections}
        historyRevision={historyRevision}
        onSaved={(section, next) => {
          acceptSection(section);
          acceptMeeting(next);
        }}
        afterConclusions={
          <MeetingAssignments
            body={body}
            meeting={meeting}
            userId={userId}
            conclusions={sections.find((section) => section.kind === 'conclusions')?.text ?? ''}
          />
        }
      />
    </PanelLayout>
  );
}
