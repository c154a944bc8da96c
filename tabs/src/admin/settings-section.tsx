import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { formatDateTime, type UnitSettingsValues } from '@qcdc/core';
import { useEffect, useMemo, useState } from 'react';
import { adminApi, type AdminSettingsView, type AdminUnitView } from '../api/admin-api';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { useI18n, type I18n } from '../i18n';
import { fromDmy, toDmy, vietnamToday } from './admin-dates';
import { useAdminStyles } from './admin-styles';
import { useAdminAction } from './use-admin-action';

const FRONT_RULE = 'front.recommendationResponse';

interface Draft {
  effectiveFrom: string;
  frontAmount: string;
  frontUnit: 'calendarDays' | 'workingDays';
  offsets: string;
  offsetTime: string;
  quietStart: string;
  quietEnd: string;
}

function draftOf(values: UnitSettingsValues, effectiveFrom: string): Draft {
  const front = values.deadlines[FRONT_RULE];
  return {
    effectiveFrom: toDmy(effectiveFrom),
    frontAmount: front ? String(front.amount) : '',
    frontUnit: front?.unit ?? 'calendarDays',
    offsets: values.reminderOffsets.map((o) => o.days).join(', '),
    offsetTime: values.reminderOffsets[0]?.at ?? '08:00',
    quietStart: values.quietHours.start,
    quietEnd: values.quietHours.end,
  };
}

/** The values a draft stands for; the server validates them again (and says why it refuses). */
function valuesOf(draft: Draft): UnitSettingsValues {
  const days = draft.offsets
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  return {
    deadlines: draft.frontAmount
      ? { [FRONT_RULE]: { amount: Number(draft.frontAmount), unit: draft.frontUnit } }
      : {},
    reminderOffsets: days.map((d) => ({ days: d, at: draft.offsetTime })),
    quietHours: { start: draft.quietStart, end: draft.quietEnd },
  };
}

function summary(i18n: I18n, values: UnitSettingsValues): string {
  const front = values.deadlines[FRONT_RULE];
  return [
    front
      ? i18n.t('admin.settings.frontSummary', {
          amount: front.amount,
          unit: i18n.t(`admin.settings.unit.${front.unit}`),
        })
      : i18n.t('admin.settings.frontDefault'),
    i18n.t('admin.settings.offsetsSummary', {
      days: values.reminderOffsets.map((o) => o.days).join(', ') || '—',
    }),
    i18n.t('admin.settings.quietSummary', {
      start: values.quietHours.start,
      end: values.quietHours.end,
    }),
  ].join(' · ');
}

/**
 * The unit's own settings as versions dated from an effective day: the one in force, the history
 * (never deleted; locked once in force) and a form for a new version or a future one's edit.
 */
export function SettingsSection(props: {
  unitId: string;
  version: number;
  onUnit: (unit: AdminUnitView) => void;
}) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const styles = useAdminStyles();
  const admin = useMemo(() => adminApi(api), [api]);
  const action = useAdminAction();
  const [view, setView] = useState<AdminSettingsView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dateError, setDateError] = useState(false);

  useEffect(() => {
    let live = true;
    admin.getSettings(props.unitId).then(
      (loaded) => {
        if (!live) return;
        setView(loaded);
        setDraft(draftOf(loaded.inForce.values, vietnamToday()));
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [admin, props.unitId]);

  if (loadError !== null) return <ErrorBar error={loadError} />;
  if (!view || !draft) return <Loading />;
  const frontRule = view.configurableRules.find((rule) => rule.id === FRONT_RULE);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  return (
    <section className={styles.section} aria-labelledby="admin-settings">
      <Subtitle2 as="h2" id="admin-settings" className={styles.heading}>
        {t('admin.settings.title')}
      </Subtitle2>
      <Body1>
        {view.inForce.effectiveFrom
          ? t('admin.settings.inForceFrom', { date: toDmy(view.inForce.effectiveFrom) })
          : t('admin.settings.inForceDefaults')}
      </Body1>
      <Body1 data-testid="settings-in-force">{summary(i18n, view.inForce.values)}</Body1>
      <Caption1 className={styles.muted}>{t('admin.settings.unitConfigured')}</Caption1>

      <Subtitle2 as="h3" className={styles.heading}>
        {t('admin.settings.history')}
      </Subtitle2>
      {view.versions.length === 0 ? (
        <Body1 className={styles.muted}>{t('admin.settings.noVersions')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('admin.settings.history')}>
          {[...view.versions].reverse().map((version) => (
            <li key={version.effectiveFrom} className={styles.item} data-testid="settings-version">
              <div className={styles.grow}>
                <Body1>
                  {t('admin.settings.from', { date: toDmy(version.effectiveFrom) })}{' '}
                  <Badge appearance="outline" color={version.editable ? 'brand' : 'informative'}>
                    {version.editable ? t('admin.settings.upcoming') : t('admin.settings.locked')}
                  </Badge>
                </Body1>
                <Caption1>{summary(i18n, version.values)}</Caption1>
                <Caption1 className={styles.muted}>
                  {t('admin.settings.savedBy', {
                    name: version.savedByName,
                    at: formatDateTime(version.savedAt, locale),
                  })}
                </Caption1>
              </div>
              {version.editable && (
                <Button
                  size="small"
                  onClick={() => setDraft(draftOf(version.values, version.effectiveFrom))}
                >
                  {t('admin.settings.edit')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}

      <Subtitle2 as="h3" className={styles.heading}>
        {t('admin.settings.newVersion')}
      </Subtitle2>
      {action.error !== null && <ErrorBar error={action.error} />}
      <div className={styles.row}>
        <Field
          label={t('admin.settings.effectiveFrom')}
          hint="dd/MM/yyyy"
          className={styles.field}
          validationMessage={dateError ? t('admin.dateInvalid') : undefined}
        >
          <Input
            value={draft.effectiveFrom}
            placeholder="dd/MM/yyyy"
            onChange={(_, data) => {
              setDateError(false);
              set({ effectiveFrom: data.value });
            }}
          />
        </Field>
        <Field
          label={t('admin.settings.frontAmount')}
          hint={
            frontRule
              ? t('admin.settings.frontHint', {
                  amount: frontRule.amount,
                  unit: t(`admin.settings.unit.${frontRule.unit as Draft['frontUnit']}`),
                })
              : undefined
          }
          className={styles.field}
        >
          <Input
            type="number"
            min={1}
            max={365}
            value={draft.frontAmount}
            onChange={(_, data) => set({ frontAmount: data.value })}
          />
        </Field>
        <Field label={t('admin.settings.frontUnit')} className={styles.field}>
          <Select
            className={styles.select}
            value={draft.frontUnit}
            onChange={(_, data) => set({ frontUnit: data.value as Draft['frontUnit'] })}
          >
            <option value="calendarDays">{t('admin.settings.unit.calendarDays')}</option>
            <option value="workingDays">{t('admin.settings.unit.workingDays')}</option>
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field
          label={t('admin.settings.offsets')}
          hint={t('admin.settings.offsetsHint')}
          className={styles.field}
        >
          <Input value={draft.offsets} onChange={(_, data) => set({ offsets: data.value })} />
        </Field>
        <Field label={t('admin.settings.offsetTime')} className={styles.field}>
          <Input
            value={draft.offsetTime}
            placeholder="HH:mm"
            onChange={(_, data) => set({ offsetTime: data.value })}
          />
        </Field>
        <Field label={t('admin.settings.quietStart')} className={styles.field}>
          <Input
            value={draft.quietStart}
            placeholder="HH:mm"
            onChange={(_, data) => set({ quietStart: data.value })}
          />
        </Field>
        <Field label={t('admin.settings.quietEnd')} className={styles.field}>
          <Input
            value={draft.quietEnd}
            placeholder="HH:mm"
            onChange={(_, data) => set({ quietEnd: data.value })}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={action.busy}
          onClick={() => {
            const effectiveFrom = fromDmy(draft.effectiveFrom);
            if (!effectiveFrom) {
              setDateError(true);
              return;
            }
            void action.run(async () => {
              const answer = await admin.putSettingsVersion(props.unitId, effectiveFrom, {
                version: props.version,
                values: valuesOf(draft),
              });
              setView(answer);
              props.onUnit(answer.unit);
            });
          }}
        >
          {t('admin.settings.save')}
        </Button>
      </div>
    </section>
  );
}
