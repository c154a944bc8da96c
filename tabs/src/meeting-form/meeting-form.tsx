import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { MEETING_KINDS, MEETING_LIMITS, type MeetingKind } from '@qcdc/core';
import { useState, type FormEvent } from 'react';
import { isApiError, isConflict } from '../api/api-error';
import type { BodyMember, MeetingView } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { SectionCard } from '../components/section-card';
import { kindKey, useI18n } from '../i18n';
import { navigate } from '../routing/history';
import { paths } from '../routing/routes';
import { AgendaEditor } from './agenda-editor';
import { fieldOfPath, type FieldErrors } from './field-errors';
import { emptyValues, valuesFromMeeting, type MeetingFormValues } from './form-values';
import { PersonSelect } from './person-select';
import { toCreateBody, toUpdateBody } from './to-meeting-body';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

type Banner =
  { kind: 'invalid' } | { kind: 'conflict'; version: number } | { kind: 'failed'; error: unknown };

/** Create (no meeting) or edit (a loaded meeting) form; validates with core's schemas first. */
export function MeetingForm(props: {
  bodyId: string;
  members: readonly BodyMember[];
  meeting: MeetingView | null;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t, tm } = i18n;
  const styles = useStyles();
  const [values, setValues] = useState<MeetingFormValues>(() =>
    props.meeting ? valuesFromMeeting(props.meeting) : emptyValues(props.members),
  );
  const [version, setVersion] = useState(props.meeting?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<Banner | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = props.meeting !== null;

  /** Typing in a field clears its error; the rest stay until the next save. */
  const set = <K extends keyof MeetingFormValues>(field: K, value: MeetingFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(next)) {
        if (key === field || (field === 'agenda' && key.startsWith('agenda'))) delete next[key];
      }
      return next;
    });
  };
  const errorText = (field: string) => {
    const message = errors[field];
    return message ? tm(message) : undefined;
  };

  /** Either what to send, or why the form cannot be sent yet. */
  const prepare = ():
    { ok: true; send: () => Promise<MeetingView> } | { ok: false; errors: FieldErrors } => {
    if (props.meeting) {
      const meetingId = props.meeting.id;
      const result = toUpdateBody(values, version);
      if (!result.ok) return result;
      return { ok: true, send: () => api.updateMeeting(props.bodyId, meetingId, result.body) };
    }
    const result = toCreateBody(values);
    if (!result.ok) return result;
    return { ok: true, send: () => api.createMeeting(props.bodyId, result.body) };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const prepared = prepare();
    if (!prepared.ok) {
      setErrors(prepared.errors);
      setBanner({ kind: 'invalid' });
      return;
    }
    setSaving(true);
    setBanner(null);
    try {
      const saved = await prepared.send();
      navigate(paths.meeting(props.bodyId, saved.id), {
        flash: editing ? 'meetingSaved' : 'meetingCreated',
      });
    } catch (error) {
      setSaving(false);
      const fresh = isConflict(error) ? error.currentMeeting() : undefined;
      if (fresh) {
        // Never overwrite: show what is stored now and let the user redo their change on top of it.
        setValues(valuesFromMeeting(fresh));
        setVersion(fresh.version);
        setErrors({});
        setBanner({ kind: 'conflict', version: fresh.version });
        return;
      }
      if (isApiError(error) && error.issues.length > 0) {
        setErrors(
          Object.fromEntries(
            error.issues.map((issue) => [
              fieldOfPath(Array.isArray(issue.path) ? issue.path : issue.path.split('.')),
              { key: 'validation.invalid' } as const,
            ]),
          ),
        );
      }
      setBanner({ kind: 'failed', error });
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      {banner?.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('form.conflictTitle')}</MessageBarTitle>
            {t('form.conflictBody', { version: banner.version })}
          </MessageBarBody>
        </MessageBar>
      )}
      {banner?.kind === 'invalid' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('form.fixErrors')}</MessageBarBody>
        </MessageBar>
      )}
      {banner?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('form.saveFailed')}</MessageBarTitle>
            {describeError(i18n, banner.error)}
          </MessageBarBody>
        </MessageBar>
      )}

      <SectionCard title={t('form.general')}>
        <div className={styles.fields}>
          <Field label={t('form.kind')} required validationMessage={errorText('kind')}>
            <Select
              value={values.kind}
              onChange={(_, data) => set('kind', data.value as MeetingKind)}
            >
              {MEETING_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(kindKey(kind))}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('form.title')} required validationMessage={errorText('title')}>
            <Input
              value={values.title}
              maxLength={MEETING_LIMITS.titleMax}
              onChange={(_, data) => set('title', data.value)}
            />
          </Field>
          <div className={styles.row}>
            <Field label={t('form.date')} required validationMessage={errorText('date')}>
              <Input
                value={values.date}
                placeholder="dd/MM/yyyy"
                inputMode="numeric"
                onChange={(_, data) => set('date', data.value)}
              />
            </Field>
            <Field
              label={t('form.startTime')}
              required
              validationMessage={errorText('startTime')}
              hint={t('form.timeHint')}
            >
              <Input
                value={values.startTime}
                placeholder="HH:mm"
                inputMode="numeric"
                onChange={(_, data) => set('startTime', data.value)}
              />
            </Field>
            <Field
              label={t('form.endTime')}
              validationMessage={errorText('endTime')}
              hint={t('form.endTimeHint')}
            >
              <Input
                value={values.endTime}
                placeholder="HH:mm"
                inputMode="numeric"
                onChange={(_, data) => set('endTime', data.value)}
              />
            </Field>
          </div>
          <Field label={t('form.location')} required validationMessage={errorText('location')}>
            <Input
              value={values.location}
              maxLength={MEETING_LIMITS.locationMax}
              onChange={(_, data) => set('location', data.value)}
            />
          </Field>
          <div className={styles.row}>
            <PersonSelect
              label={t('form.chair')}
              required
              value={values.chairId}
              members={props.members}
              emptyLabel={t('form.choosePerson')}
              error={errors['chairId']}
              onChange={(userId) => set('chairId', userId)}
            />
            <PersonSelect
              label={t('form.secretary')}
              required
              value={values.secretaryId}
              members={props.members}
              emptyLabel={t('form.choosePerson')}
              error={errors['secretaryId']}
              onChange={(userId) => set('secretaryId', userId)}
            />
          </div>
        </div>
      </SectionCard>

      <SectionCard title={t('form.agenda')}>
        <AgendaEditor
          rows={values.agenda}
          members={props.members}
          errors={errors}
          onChange={(rows) => set('agenda', rows)}
        />
      </SectionCard>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {editing ? t('form.submitEdit') : t('form.submitCreate')}
        </Button>
        <Button
          appearance="secondary"
          disabled={saving}
          onClick={() =>
            navigate(
              props.meeting
                ? paths.meeting(props.bodyId, props.meeting.id)
                : paths.dashboard(props.bodyId),
            )
          }
        >
          {t('common.cancel')}
        </Button>
        {saving && <Spinner size="tiny" label={t('form.saving')} />}
      </div>
    </form>
  );
}
