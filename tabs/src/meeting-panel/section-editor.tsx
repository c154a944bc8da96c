import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { formatDateTime, MINUTES_LIMITS, ZSaveMinutesSectionInput } from '@qcdc/core';
import { useState } from 'react';
import { isConflict } from '../api/api-error';
import type { MeetingView, MinutesSectionView } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { describeError } from '../components/error-bar';
import { useI18n } from '../i18n';
import { savedLine } from './minutes-access';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  yours: { backgroundColor: tokens.colorNeutralBackground3 },
});

/** What the writer started from: the stored text and its version (0: nobody has written it). */
interface Base {
  text: string;
  version: number;
}

type Outcome =
  | { kind: 'saved'; section: MinutesSectionView }
  | { kind: 'conflict'; mine: string; by: string | undefined; version: number }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: unknown };

/**
 * One section of the minutes. A save sends the version the writer started from; when someone else
 * saved first the editor takes their text (never overwriting it) and keeps the writer's own text
 * beside it, read-only, to merge by hand.
 */
export function SectionEditor(props: {
  meeting: MeetingView;
  section: MinutesSectionView;
  label: string;
  editable: boolean;
  onSaved: (section: MinutesSectionView, meeting: MeetingView) => void;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const styles = useStyles();
  const { section } = props;
  const [base, setBase] = useState<Base>({ text: section.text, version: section.version });
  const [draft, setDraft] = useState(section.text);
  const [seen, setSeen] = useState(section);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // A reload brought a newer stored version: take it unless the writer has unsaved text (then the
  // next save meets the conflict path and nothing is lost).
  if (section !== seen) {
    setSeen(section);
    if (section.version > base.version && draft === base.text) {
      setBase({ text: section.text, version: section.version });
      setDraft(section.text);
    }
  }

  if (!props.editable) {
    return (
      <section className={styles.section} aria-label={props.label}>
        <Subtitle2 as="h3" className={styles.heading}>
          {props.label}
        </Subtitle2>
        {section.text ? (
          <Body1 className={styles.text}>{section.text}</Body1>
        ) : (
          <Body1 className={styles.muted}>{t('minutes.empty')}</Body1>
        )}
      </section>
    );
  }

  const save = async () => {
    const input = { version: base.version, text: draft };
    if (!ZSaveMinutesSectionInput.safeParse(input).success) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const answer = await api.saveMinutesSection(
        props.meeting.bodyId,
        props.meeting.id,
        section.key,
        input,
      );
      setBase({ text: answer.section.text, version: answer.section.version });
      setOutcome({ kind: 'saved', section: answer.section });
      props.onSaved(answer.section, answer.meeting);
    } catch (error) {
      if (isConflict(error)) {
        const fresh = error.currentSection();
        const mine = draft;
        setBase({ text: fresh?.text ?? '', version: fresh?.version ?? 0 });
        setDraft(fresh?.text ?? '');
        setOutcome({
          kind: 'conflict',
          mine,
          by: fresh?.updatedByName,
          version: fresh?.version ?? 0,
        });
        if (fresh) props.onSaved(fresh, props.meeting);
      } else {
        setOutcome({ kind: 'failed', error });
      }
    } finally {
      setSaving(false);
    }
  };

  const dirty = draft !== base.text;
  const stored =
    outcome?.kind === 'saved'
      ? null
      : section.version > 0 && section.version === base.version && section.updatedAt
        ? t('minutes.lastSaved', {
            version: section.version,
            name: section.updatedByName ?? t('minutes.someone'),
            when: formatDateTime(section.updatedAt, locale),
          })
        : null;

  return (
    <section className={styles.section} aria-label={props.label}>
      {outcome?.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('minutes.conflictTitle')}</MessageBarTitle>
            {t('minutes.conflictBody', {
              name: outcome.by ?? t('minutes.someone'),
              version: outcome.version,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={{ children: props.label, weight: 'semibold' }}>
        <Textarea
          value={draft}
          resize="vertical"
          rows={4}
          maxLength={MINUTES_LIMITS.sectionTextMax}
          onChange={(_, data) => {
            setDraft(data.value);
            if (outcome?.kind !== 'conflict') setOutcome(null);
          }}
        />
      </Field>
      {outcome?.kind === 'conflict' && (
        <Field label={t('minutes.yours')} hint={t('minutes.yoursHint')}>
          <Textarea
            className={styles.yours}
            value={outcome.mine}
            readOnly
            resize="vertical"
            rows={4}
          />
        </Field>
      )}
      <div className={styles.actions}>
        <Button
          appearance={dirty ? 'primary' : 'secondary'}
          disabled={saving}
          aria-label={t('minutes.saveSection', { section: props.label })}
          onClick={() => void save()}
        >
          {t('minutes.save')}
        </Button>
        {outcome?.kind === 'conflict' && (
          <Button appearance="subtle" onClick={() => setOutcome(null)}>
            {t('minutes.dismissYours')}
          </Button>
        )}
        {saving && <Spinner size="tiny" label={t('minutes.saving')} />}
        {!saving && outcome?.kind === 'saved' && (
          <Caption1 role="status">{savedLine(outcome.section, locale)}</Caption1>
        )}
        {!saving && dirty && outcome?.kind !== 'conflict' && (
          <Caption1 className={styles.muted}>{t('minutes.unsaved')}</Caption1>
        )}
        {!saving && !dirty && stored && <Caption1 className={styles.muted}>{stored}</Caption1>}
      </div>
      {outcome?.kind === 'invalid' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('validation.controlChars')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('minutes.saveFailed')}</MessageBarTitle>
            {describeError(i18n, outcome.error)}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
