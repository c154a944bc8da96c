import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ADOPTION_BASES, ZCreateElectionInput, ZCreateMotionInput } from '@qcdc/core';
import { useState } from 'react';
import type { BodyDetail, MeetingView } from '../api/api-types';
import type { MotionView, VoteApi } from '../api/vote-api';
import { describeError } from '../components/error-bar';
import { useI18n, type MessageKey } from '../i18n';
import {
  ADOPTION_CHOICES,
  buildAdoption,
  buildElectionInput,
  buildMotionInput,
  invalidFieldKeys,
  type VoteFormValues,
} from './vote-form-values';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  small: { width: '7em' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const INITIAL: VoteFormValues = {
  question: '',
  method: 'open',
  mode: 'electronic',
  countingBoard: [],
  customChoices: false,
  options: '',
  allowChange: false,
  adoption: 'template',
  comparison: 'moreThan',
  numerator: '1',
  denominator: '2',
  base: 'attendees',
  householdCount: '',
  purpose: 'general',
  seats: '1',
  maxMarks: '',
  candidates: [],
};

/** Drafts a motion or an election (core's `vote.manage`); it opens later with "Mở biểu quyết". */
export function CreateVoteForm(props: {
  kind: 'motion' | 'election';
  body: BodyDetail;
  meeting: MeetingView;
  votes: VoteApi;
  onCreated: (motion: MotionView) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const election = props.kind === 'election';
  const [values, setValues] = useState<VoteFormValues>({
    ...INITIAL,
    method: election ? 'secret' : 'open',
  });
  const [invalid, setInvalid] = useState<MessageKey[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof VoteFormValues>(key: K, value: VoteFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const toggle = (key: 'countingBoard' | 'candidates', userId: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      [key]: on ? [...current[key], userId] : current[key].filter((id) => id !== userId),
    }));
  const members = props.body.members;

  const submit = async () => {
    setError(null);
    const adoption = buildAdoption(values);
    const parsed = election
      ? ZCreateElectionInput.safeParse(buildElectionInput(values, members, adoption))
      : ZCreateMotionInput.safeParse(buildMotionInput(values, adoption));
    if (!parsed.success) {
      setInvalid(invalidFieldKeys(parsed.error.issues));
      return;
    }
    setInvalid([]);
    setBusy(true);
    try {
      const { bodyId, id } = props.meeting;
      const created = election
        ? await props.votes.createElection(
            bodyId,
            id,
            buildElectionInput(values, members, adoption),
          )
        : await props.votes.createMotion(bodyId, id, buildMotionInput(values, adoption));
      props.onCreated(created);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const memberChecks = (key: 'countingBoard' | 'candidates') =>
    members.map((m) => (
      <Checkbox
        key={m.userId}
        label={m.displayName}
        checked={values[key].includes(m.userId)}
        onChange={(_, data) => toggle(key, m.userId, data.checked === true)}
      />
    ));

  return (
    <form
      className={styles.form}
      aria-label={t(election ? 'vote.new.election' : 'vote.new.motion')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={t(election ? 'vote.form.electionName' : 'vote.form.question')} required>
        <Textarea
          value={values.question}
          resize="vertical"
          onChange={(_, data) => set('question', data.value)}
        />
      </Field>
      {election && (
        <>
          <Field label={t('vote.form.purpose')}>
            <Select
              value={values.purpose}
              onChange={(_, data) => set('purpose', data.value as VoteFormValues['purpose'])}
            >
              <option value="general">{t('vote.purpose.general')}</option>
              <option value="peoplesInspectionBoard">
                {t('vote.purpose.peoplesInspectionBoard')}
              </option>
            </Select>
          </Field>
          <div className={styles.row}>
            <Field label={t('vote.form.seats')} className={styles.small}>
              <Input
                type="number"
                min={1}
                value={values.seats}
                onChange={(_, data) => set('seats', data.value)}
              />
            </Field>
            <Field label={t('vote.form.maxMarks')} className={styles.small}>
              <Input
                type="number"
                min={1}
                value={values.maxMarks}
                placeholder={values.seats}
                onChange={(_, data) => set('maxMarks', data.value)}
              />
            </Field>
          </div>
          <Field label={t('vote.form.candidates')}>
            <div role="group" aria-label={t('vote.form.candidates')}>
              {memberChecks('candidates')}
            </div>
          </Field>
        </>
      )}
      <Field label={t('vote.form.method')}>
        <RadioGroup
          value={values.method}
          onChange={(_, data) => set('method', data.value as VoteFormValues['method'])}
        >
          <Radio value="open" label={t('vote.method.open')} />
          <Radio value="secret" label={t('vote.method.secret')} />
        </RadioGroup>
      </Field>
      <Field label={t('vote.form.mode')}>
        <Select
          value={values.mode}
          onChange={(_, data) => set('mode', data.value as VoteFormValues['mode'])}
        >
          <option value="electronic">{t('vote.mode.electronic')}</option>
          <option value="room">{t('vote.mode.room')}</option>
        </Select>
      </Field>
      {values.mode === 'room' && (
        <Field label={t('vote.form.countingBoard')}>
          <div role="group" aria-label={t('vote.form.countingBoard')}>
            {memberChecks('countingBoard')}
          </div>
        </Field>
      )}
      {!election && (
        <>
          <Field label={t('vote.form.choices')}>
            <RadioGroup
              value={values.customChoices ? 'custom' : 'default'}
              onChange={(_, data) => set('customChoices', data.value === 'custom')}
            >
              <Radio value="default" label={t('vote.form.choicesDefault')} />
              <Radio value="custom" label={t('vote.form.choicesCustom')} />
            </RadioGroup>
          </Field>
          {values.customChoices && (
            <Field label={t('vote.form.options')}>
              <Textarea
                value={values.options}
                resize="vertical"
                onChange={(_, data) => set('options', data.value)}
              />
            </Field>
          )}
          {values.method === 'open' && (
            <Checkbox
              label={t('vote.form.allowChange')}
              checked={values.allowChange}
              onChange={(_, data) => set('allowChange', data.checked === true)}
            />
          )}
        </>
      )}
      <Field label={t('vote.form.adoption')}>
        <Select
          value={values.adoption}
          onChange={(_, data) => set('adoption', data.value as VoteFormValues['adoption'])}
        >
          {ADOPTION_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`vote.adoption.${choice}`)}
            </option>
          ))}
        </Select>
      </Field>
      {values.adoption === 'custom' && (
        <>
          <div className={styles.row}>
            <Field label={t('vote.form.comparison')}>
              <Select
                value={values.comparison}
                onChange={(_, data) =>
                  set('comparison', data.value as VoteFormValues['comparison'])
                }
              >
                <option value="moreThan">{t('vote.comparison.moreThan')}</option>
                <option value="atLeast">{t('vote.comparison.atLeast')}</option>
              </Select>
            </Field>
            <Field label={t('vote.form.numerator')} className={styles.small}>
              <Input
                type="number"
                min={1}
                value={values.numerator}
                onChange={(_, data) => set('numerator', data.value)}
              />
            </Field>
            <Field label={t('vote.form.denominator')} className={styles.small}>
              <Input
                type="number"
                min={1}
                value={values.denominator}
                onChange={(_, data) => set('denominator', data.value)}
              />
            </Field>
          </div>
          <Field label={t('vote.form.base')}>
            <Select
              value={values.base}
              onChange={(_, data) => set('base', data.value as VoteFormValues['base'])}
            >
              {ADOPTION_BASES.map((base) => (
                <option key={base} value={base}>
                  {t(`vote.base.${base}`)}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      {(values.adoption === 'communityContribution' ||
        values.adoption === 'communitySelfManagement' ||
        (values.adoption === 'custom' && values.base === 'allHouseholds')) && (
        <Field label={t('vote.form.householdCount')}>
          <Input
            type="number"
            min={1}
            value={values.householdCount}
            onChange={(_, data) => set('householdCount', data.value)}
          />
        </Field>
      )}
      {invalid.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('vote.form.invalid', { fields: invalid.map((key) => t(key)).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(i18n, error)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('vote.form.create')}
        </Button>
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
