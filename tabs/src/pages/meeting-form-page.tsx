import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { BodyDetail, MeetingView } from '../api/api-types';
import { canCreateMeeting, canUpdateMeeting } from '../app/permissions';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { statusKey, useI18n } from '../i18n';
import { isEditable } from '../meeting-form/form-values';
import { MeetingForm } from '../meeting-form/meeting-form';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';

/**
 * `/meetings/{bodyId}/new` and `/meetings/{bodyId}/{meetingId}/edit`. The form is built once from
 * what was loaded; later changes by others surface as a conflict on save, never as a silent reload.
 */
export function MeetingFormPage(props: { bodyId: string; meetingId: string | null }) {
  const { api, userId } = useSession();
  const { t } = useI18n();
  const { bodyId, meetingId } = props;
  const [data, reload] = useResource(`form:${bodyId}/${meetingId ?? 'new'}`, () =>
    Promise.all([
      api.getBody(bodyId),
      meetingId ? api.getMeeting(bodyId, meetingId) : Promise.resolve(null),
    ]),
  );
  const back = meetingId ? paths.meeting(bodyId, meetingId) : paths.dashboard(bodyId);
  const title = meetingId ? t('form.editTitle') : t('form.createTitle');

  return (
    <Page
      title={title}
      subtitle={data.status === 'ready' ? <Subtitle body={data.data[0]} back={back} /> : null}
    >
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <FormOrRefusal bodyId={bodyId} body={data.data[0]} meeting={data.data[1]} userId={userId} />
      )}
    </Page>
  );
}

/** The form, or a plain reason why this user cannot use it here. */
function FormOrRefusal(props: {
  bodyId: string;
  body: BodyDetail;
  meeting: MeetingView | null;
  userId: string | null;
}) {
  const { t } = useI18n();
  const { body, meeting } = props;
  const allowed = meeting
    ? canUpdateMeeting(body.myRoles, meeting, props.userId)
    : canCreateMeeting(body.myRoles);
  if (!allowed) return <Refusal text={t('form.noPermission')} />;
  if (meeting && !isEditable(meeting)) {
    return <Refusal text={t('meeting.notEditable', { status: t(statusKey(meeting.status)) })} />;
  }
  return <MeetingForm bodyId={props.bodyId} members={body.members} meeting={meeting} />;
}

function Subtitle(props: { body: BodyDetail; back: string }) {
  const { t } = useI18n();
  return (
    <span>
      {props.body.body.name} · <AppLink to={props.back}>{t('common.cancel')}</AppLink>
    </span>
  );
}

function Refusal(props: { text: string }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{props.text}</MessageBarBody>
    </MessageBar>
  );
}
