import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { MINUTES_LIMITS, ZTransitionMeetingInput, type MeetingTransition } from '@qcdc/core';
import { useState, type FormEvent } from 'react';
import { transitionKey, useI18n, type Message } from '../i18n';

/** Cancel, postpone, return and correct ask why; the reason is checked with the API's schema. */
export function ReasonDialog(props: {
  transition: MeetingTransition;
  version: number;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t, tm } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const action = t(transitionKey(props.transition));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZTransitionMeetingInput.safeParse({
      transition: props.transition,
      version: props.version,
      reason,
    });
    if (!parsed.success || !parsed.data.reason) {
      setError(
        reason.trim()
          ? { key: 'validation.tooLong', params: { max: MINUTES_LIMITS.commentMax } }
          : { key: 'validation.required' },
      );
      return;
    }
    props.onConfirm(parsed.data.reason);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('panel.reasonTitle', { action })}</DialogTitle>
            <DialogContent>
              <Field
                label={t('panel.reason')}
                required
                hint={t('panel.reasonHint')}
                validationMessage={error ? tm(error) : undefined}
              >
                <Textarea
                  value={reason}
                  resize="vertical"
                  maxLength={MINUTES_LIMITS.commentMax}
                  onChange={(_, data) => {
                    setReason(data.value);
                    setError(null);
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {action}
              </Button>
              <Button appearance="secondary" onClick={props.onCancel}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
