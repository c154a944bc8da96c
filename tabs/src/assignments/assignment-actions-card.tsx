import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ASSIGNMENT_LIMITS, type AssignmentParty } from '@qcdc/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { isConflict } from '../api/api-error';
import type { AssignmentView } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { SectionCard } from '../components/section-card';
import { assignmentActionKey, useI18n, type MessageKey } from '../i18n';
import type { FieldErrors } from '../meeting-form/field-errors';
import {
  actionNeedsReason,
  availableActions,
  isPrimaryAction,
  type AssignmentAction,
} from './assignment-actions';
import { formatCivilDate } from './assignment-dates';
import {
  toDecisionBody,
  toExtensionBody,
  toProgressBody,
  toReasonTransitionBody,
  type InputResult,
} from './assignment-inputs';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  formActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Moves taken at once; the others open a small form first. */
const IMMEDIATE: readonly AssignmentAction[] = ['start', 'submit', 'approveCompletion'];

type Banner =
  | { kind: 'done'; action: AssignmentAction }
  | { kind: 'conflict'; version: number }
  | { kind: 'failed'; action: AssignmentAction; error: unknown };

/**
 * The buttons this caller's parties may press now (worker, owner, assigner or head). Every call
 * carries the version shown; when someone else changed the assignment first (409), the fresh one
 * is shown and nothing is retried on the user's behalf.
 */
export function AssignmentActionsCard(props: {
  assignment: AssignmentView;
  parties: ReadonlySet<AssignmentParty>;
  onAssignment: (assignment: AssignmentView) => void;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { assignment } = props;
  const actions = availableActions(assignment, props.parties);
  const [open, setOpen] = useState<AssignmentAction | null>(null);
  const [working, setWorking] = useState<AssignmentAction | null>(null);
  const [banner, setBanner] = useState<Banner | null>(null);
  const { bodyId, id, version } = assignment;

  const perform = async (action: AssignmentAction, send: () => Promise<AssignmentView>) => {
    setWorking(action);
    setBanner(null);
    try {
      props.onAssignment(await send());
      setOpen(null);
      setBanner({ kind: 'done', action });
    } catch (error) {
      if (isConflict(error)) {
        const fresh =
          error.currentAssignment() ?? (await api.getAssignment(bodyId, id).catch(() => null));
        if (fresh) props.onAssignment(fresh);
        setBanner({ kind: 'conflict', version: fresh?.version ?? version });
      } else {
        // A failed answer does not prove nothing was stored (the write may have landed before a
        // gateway error or a dropped connection): show what the server holds now.
        const stored = await api.getAssignment(bodyId, id).catch(() => null);
        if (stored) props.onAssignment(stored);
        setBanner({ kind: 'failed', action, error });
      }
    } finally {
      setWorking(null);
    }
  };

  const press = (action: AssignmentAction) => {
    setBanner(null);
    if (!IMMEDIATE.includes(action)) {
      setOpen(action);
      return;
    }
    const transition = action as 'start' | 'submit' | 'approveCompletion';
    void perform(action, () =>
      api.transitionAssignment(bodyId, id, { transition, version: assignment.version }),
    );
  };

  const formFor = (action: AssignmentAction) => {
    const common = {
      action,
      working: working !== null,
      onCancel: () => setOpen(null),
    };
    switch (action) {
      case 'progress':
        return (
          <ProgressForm
            {...common}
            onSend={(values) => {
              const result = toProgressBody(values, assignment.version);
              if (result.ok) {
                void perform(action, () => api.reportProgress(bodyId, id, result.body));
              }
              return result;
            }}
          />
        );
      case 'requestExtension':
        return (
          <ExtensionForm
            {...common}
            deadline={assignment.deadline}
            onSend={(values) => {
              const result = toExtensionBody(values, assignment.version, assignment.deadline);
              if (result.ok) {
                void perform(action, () => api.requestExtension(bodyId, id, result.body));
              }
              return result;
            }}
          />
        );
      case 'returnCompletion':
      case 'cancel':
        return (
          <ReasonForm
            {...common}
            required
            onSend={(reason) => {
              const result = toReasonTransitionBody(action, reason, assignment.version);
              if (result.ok) {
                void perform(action, () => api.transitionAssignment(bodyId, id, result.body));
              }
              return result;
            }}
          />
        );
      case 'approveExtension':
      case 'rejectExtension':
        return (
          <ReasonForm
            {...common}
            required={action === 'rejectExtension'}
            onSend={(reason) => {
              const decision = action === 'approveExtension' ? 'approve' : 'reject';
              const result = toDecisionBody(decision, reason, assignment.version);
              if (result.ok) {
                void perform(action, () => api.decideExtension(bodyId, id, result.body));
              }
              return result;
            }}
          />
        );
      default:
        return null;
    }
  };

  return (
    <SectionCard title={t('assignment.actions')}>
      {actions.length === 0 ? (
        <Body1 className={styles.muted}>{t('assignment.noActions')}</Body1>
      ) : (
        <div role="group" aria-label={t('assignment.actions')} className={styles.buttons}>
          {actions.map((action) => (
            <Button
              key={action}
              appearance={isPrimaryAction(action) ? 'primary' : 'secondary'}
              disabled={working !== null}
              aria-expanded={IMMEDIATE.includes(action) ? undefined : open === action}
              onClick={() => press(action)}
            >
              {t(assignmentActionKey(action))}
            </Button>
          ))}
          {working !== null && <Spinner size="tiny" label={t('panel.working')} />}
        </div>
      )}
      {open && actions.includes(open) && formFor(open)}
      {banner?.kind === 'done' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t('assignment.actionDone', { action: t(assignmentActionKey(banner.action)) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {banner?.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('assignment.conflictTitle')}</MessageBarTitle>
            {t('assignment.conflictBody', { version: banner.version })}
          </MessageBarBody>
        </MessageBar>
      )}
      {banner?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {t('panel.transitionFailed', { action: t(assignmentActionKey(banner.action)) })}
            </MessageBarTitle>
            {describeError(i18n, banner.error)}
          </MessageBarBody>
        </MessageBar>
      )}
    </SectionCard>
  );
}

interface FormProps<V> {
  action: AssignmentAction;
  working: boolean;
  onCancel: () => void;
  /** Checks and, when valid, sends; answers the check so the form can show field errors. */
  onSend: (values: V) => InputResult<unknown>;
}

function useFieldErrors() {
  const { tm } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const text = (field: string) => {
    const message = errors[field];
    return message ? tm(message) : undefined;
  };
  return { errors, setErrors, text };
}

function FormShell(props: {
  action: AssignmentAction;
  working: boolean;
  submitLabel?: MessageKey;
  onCancel: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const label = t(assignmentActionKey(props.action));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={label}>
      {props.children}
      <div className={styles.formActions}>
        <Button type="submit" appearance="primary" disabled={props.working}>
          {props.submitLabel ? t(props.submitLabel) : label}
        </Button>
        <Button appearance="secondary" disabled={props.working} onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Worker: a note, how far along (%), and https links to evidence, one per line. */
function ProgressForm(props: FormProps<{ note: string; percent: string; evidence: string }>) {
  const { t } = useI18n();
  const [values, setValues] = useState({ note: '', percent: '', evidence: '' });
  const { setErrors, text } = useFieldErrors();
  const set = (field: keyof typeof values, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({
      ...current,
      [field === 'evidence' ? 'evidenceUrls' : field]: undefined,
    }));
  };
  return (
    <FormShell
      {...props}
      submitLabel="progressForm.submit"
      onSubmit={() => {
        const result = props.onSend(values);
        setErrors(result.ok ? {} : result.errors);
      }}
    >
      <Field label={t('progressForm.note')} required validationMessage={text('note')}>
        <Textarea
          value={values.note}
          rows={3}
          resize="vertical"
          maxLength={ASSIGNMENT_LIMITS.noteMax}
          onChange={(_, data) => set('note', data.value)}
        />
      </Field>
      <Field
        label={t('progressForm.percent')}
        hint={t('progressForm.percentHint')}
        validationMessage={text('percent')}
      >
        <Input
          value={values.percent}
          inputMode="numeric"
          onChange={(_, data) => set('percent', data.value)}
        />
      </Field>
      <Field
        label={t('progressForm.evidence')}
        hint={t('progressForm.evidenceHint', { max: ASSIGNMENT_LIMITS.evidenceMax })}
        validationMessage={text('evidenceUrls')}
      >
        <Textarea
          value={values.evidence}
          rows={2}
          resize="vertical"
          placeholder="https://"
          onChange={(_, data) => set('evidence', data.value)}
        />
      </Field>
    </FormShell>
  );
}

/** Owner: a later deadline (dd/MM/yyyy) and why; the assigner or head decides. */
function ExtensionForm(props: FormProps<{ date: string; reason: string }> & { deadline: string }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ date: '', reason: '' });
  const { setErrors, text } = useFieldErrors();
  return (
    <FormShell
      {...props}
      submitLabel="extensionForm.submit"
      onSubmit={() => {
        const result = props.onSend(values);
        setErrors(result.ok ? {} : result.errors);
      }}
    >
      <Field
        label={t('extensionForm.date')}
        required
        hint={t('extensionForm.dateHint', { date: formatCivilDate(props.deadline) })}
        validationMessage={text('requestedDeadline')}
      >
        <Input
          value={values.date}
          placeholder="dd/MM/yyyy"
          inputMode="numeric"
          onChange={(_, data) => setValues((v) => ({ ...v, date: data.value }))}
        />
      </Field>
      <Field label={t('panel.reason')} required validationMessage={text('reason')}>
        <Textarea
          value={values.reason}
          rows={2}
          resize="vertical"
          maxLength={ASSIGNMENT_LIMITS.noteMax}
          onChange={(_, data) => setValues((v) => ({ ...v, reason: data.value }))}
        />
      </Field>
    </FormShell>
  );
}

/** Return, cancel, reject an extension (reason required), or approve one (a note if wished). */
function ReasonForm(props: FormProps<string> & { required: boolean }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { setErrors, text } = useFieldErrors();
  const needed = props.required || actionNeedsReason(props.action);
  return (
    <FormShell
      {...props}
      onSubmit={() => {
        const result = props.onSend(reason);
        setErrors(result.ok ? {} : result.errors);
      }}
    >
      <Field
        label={needed ? t('panel.reason') : t('assignment.comment')}
        required={needed}
        hint={needed ? t('assignment.reasonHint') : undefined}
        validationMessage={text('reason')}
      >
        <Textarea
          value={reason}
          rows={2}
          resize="vertical"
          maxLength={ASSIGNMENT_LIMITS.noteMax}
          onChange={(_, data) => {
            setReason(data.value);
            setErrors({});
          }}
        />
      </Field>
    </FormShell>
  );
}
