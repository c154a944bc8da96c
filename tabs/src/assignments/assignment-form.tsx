import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ASSIGNMENT_LIMITS, ASSIGNMENT_PRIORITIES, type AssignmentPriority } from '@qcdc/core';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error';
import type { AssignmentView, BodyMember } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { priorityKey, useI18n } from '../i18n';
import type { FieldErrors } from '../meeting-form/field-errors';
import { PersonSelect } from '../meeting-form/person-select';
import {
  emptyAssignmentValues,
  toCreateAssignmentBody,
  type AssignmentFormValues,
} from './assignment-inputs';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    // A long "name – title" option must not push the select over its neighbours.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & .fui-Input, & select, & input': { minWidth: 0, maxWidth: '100%' },
    '& select': { textOverflow: 'ellipsis' },
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
});

/**
 * "Giao nhiệm vụ": title, description, the lead owner and co-owners among the body's members, a
 * deadline typed as dd/MM/yyyy (sent as yyyy-MM-dd), priority. From a meeting it carries the
 * meeting's id and offers the conclusions' lines as titles.
 */
export function AssignmentForm(props: {
  bodyId: string;
  members: readonly BodyMember[];
  meetingId?: string;
  /** Lines of the meeting's conclusions, to start the title from one. */
  conclusions?: readonly string[];
  onCreated: (assignment: AssignmentView) => void;
  onCancel: () => void;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t, tm } = i18n;
  const styles = useStyles();
  const coOwnersId = useId();
  const [values, setValues] = useState<AssignmentFormValues>(() =>
    emptyAssignmentValues(props.conclusions?.length === 1 ? props.conclusions[0] : ''),
  );
  const [conclusion, setConclusion] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof AssignmentFormValues>(field: K, value: AssignmentFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });
  };
  const errorText = (field: string) => {
    const message = errors[field];
    return message ? tm(message) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const result = toCreateAssignmentBody(values, new Date(), props.meetingId);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure(null);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const created = await api.createAssignment(props.bodyId, result.body);
      props.onCreated(created);
    } catch (error) {
      setSaving(false);
      if (isApiError(error) && error.issues.length > 0) {
        setErrors(
          Object.fromEntries(
            error.issues.map((issue) => [
              Array.isArray(issue.path) ? String(issue.path[0]) : issue.path.split('.')[0],
              { key: 'validation.invalid' } as const,
            ]),
          ),
        );
      }
      setFailure(error);
    }
  };

  const coOwnerChoices = props.members.filter((member) => member.userId !== values.ownerId);
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      {props.conclusions && props.conclusions.length > 0 && (
        <Field label={t('assignmentForm.conclusion')} hint={t('assignmentForm.conclusionHint')}>
          <Select
            value={conclusion}
            onChange={(_, data) => {
              setConclusion(data.value);
              if (data.value) set('title', data.value);
            }}
          >
            <option value="">{t('assignmentForm.chooseConclusion')}</option>
            {props.conclusions.map((line, index) => (
              <option key={`${index}:${line}`} value={line}>
                {line}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {props.conclusions && props.conclusions.length === 0 && (
        <Caption1>{t('assignmentForm.noConclusions')}</Caption1>
      )}
      <Field label={t('assignmentForm.title')} required validationMessage={errorText('title')}>
        <Textarea
          value={values.title}
          rows={2}
          resize="vertical"
          maxLength={ASSIGNMENT_LIMITS.titleMax}
          onChange={(_, data) => set('title', data.value)}
        />
      </Field>
      <Field label={t('assignmentForm.description')} validationMessage={errorText('description')}>
        <Textarea
          value={values.description}
          rows={3}
          resize="vertical"
          maxLength={ASSIGNMENT_LIMITS.descriptionMax}
          onChange={(_, data) => set('description', data.value)}
        />
      </Field>
      <div className={styles.row}>
        <PersonSelect
          label={t('assignmentForm.owner')}
          required
          value={values.ownerId}
          members={props.members}
          emptyLabel={t('form.choosePerson')}
          error={errors['ownerId']}
          onChange={(userId) => {
            set('ownerId', userId);
            set(
              'coOwnerIds',
              values.coOwnerIds.filter((id) => id !== userId),
            );
          }}
        />
        <Field
          label={t('assignmentForm.deadline')}
          required
          hint={t('assignmentForm.deadlineHint')}
          validationMessage={errorText('deadline')}
        >
          <Input
            value={values.deadline}
            placeholder="dd/MM/yyyy"
            inputMode="numeric"
            onChange={(_, data) => set('deadline', data.value)}
          />
        </Field>
        <Field label={t('assignmentForm.priority')}>
          <Select
            value={values.priority}
            onChange={(_, data) => set('priority', data.value as AssignmentPriority)}
          >
            {ASSIGNMENT_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(priorityKey(priority))}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset
        className={styles.group}
        aria-describedby={errors['coOwnerIds'] ? `${coOwnersId}-error` : undefined}
      >
        <legend className={styles.legend}>{t('assignmentForm.coOwners')}</legend>
        {coOwnerChoices.map((member) => (
          <Checkbox
            key={member.userId}
            label={member.displayName}
            checked={values.coOwnerIds.includes(member.userId)}
            onChange={(_, data) =>
              set(
                'coOwnerIds',
                data.checked
                  ? [...values.coOwnerIds, member.userId]
                  : values.coOwnerIds.filter((id) => id !== member.userId),
              )
            }
          />
        ))}
      </fieldset>
      {errors['coOwnerIds'] && (
        <Caption1 id={`${coOwnersId}-error`} className={styles.error}>
          {tm(errors['coOwnerIds'])}
        </Caption1>
      )}
      {hasErrors && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('form.fixErrors')}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('assignmentForm.failed')}</MessageBarTitle>
            {describeError(i18n, failure)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {t('assignmentForm.submit')}
        </Button>
        <Button appearance="secondary" disabled={saving} onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        {saving && <Spinner size="tiny" label={t('form.saving')} />}
      </div>
    </form>
  );
}
