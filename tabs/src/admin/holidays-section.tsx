import { Badge, Body1, Button, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { HOLIDAY_IDS, type HolidayId } from '@qcdc/core';
import { useEffect, useMemo, useState } from 'react';
import {
  adminApi,
  type AdminHolidaysView,
  type AdminUnitView,
  type HolidayChangesInput,
} from '../api/admin-api';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { useI18n } from '../i18n';
import { fromDmy, toDmy, vietnamToday } from './admin-dates';
import { useAdminStyles } from './admin-styles';
import { useAdminAction } from './use-admin-action';

/**
 * The yearly table of days off: statutory holidays computed from the law and the lunar calendar,
 * the Government's announced schedules, and the unit's own announced swaps (a working day given
 * off, a weekend day worked back), which its working-day deadlines count.
 */
export function HolidaysSection(props: {
  unitId: string;
  version: number;
  onUnit: (unit: AdminUnitView) => void;
}) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const styles = useAdminStyles();
  const admin = useMemo(() => adminApi(api), [api]);
  const action = useAdminAction();
  const thisYear = Number(vietnamToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<AdminHolidaysView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState({
    dayOff: '',
    holiday: 'newYear' as HolidayId,
    makeUp: '',
    note: '',
  });
  const [dateError, setDateError] = useState(false);

  useEffect(() => {
    let live = true;
    setView(null);
    setLoadError(null);
    admin.getHolidays(props.unitId, year).then(
      (loaded) => live && setView(loaded),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [admin, props.unitId, year]);

  const save = (changes: Omit<HolidayChangesInput, 'version'>) =>
    action.run(async () => {
      const answer = await admin.putHolidays(props.unitId, year, {
        version: props.version,
        ...changes,
      });
      setView(answer);
      props.onUnit(answer.unit);
    });

  return (
    <section className={styles.section} aria-labelledby="admin-holidays">
      <Subtitle2 as="h2" id="admin-holidays" className={styles.heading}>
        {t('admin.holidays.title')}
      </Subtitle2>
      <Field label={t('admin.holidays.year')}>
        <Select
          className={styles.select}
          value={String(year)}
          onChange={(_, data) => setYear(Number(data.value))}
        >
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      {loadError !== null && <ErrorBar error={loadError} />}
      {view === null && loadError === null && <Loading />}
      {view !== null && (
        <div className={styles.scroll}>
          <table className={styles.table} aria-label={t('admin.holidays.tableLabel', { year })}>
            <thead>
              <tr>
                <th scope="col">{t('admin.holidays.date')}</th>
                <th scope="col">{t('admin.holidays.name')}</th>
                <th scope="col">{t('admin.holidays.source')}</th>
              </tr>
            </thead>
            <tbody>
              {view.days.map((day) => (
                <tr key={`${day.date}-${day.kind}`}>
                  <td>{toDmy(day.date)}</td>
                  <td>
                    {day.name[locale]}
                    {day.kind === 'compensatory' && ` (${t('admin.holidays.compensatory')})`}
                  </td>
                  <td>
                    <Badge
                      appearance="outline"
                      color={day.source === 'unit' ? 'brand' : 'informative'}
                    >
                      {t(`admin.holidays.source.${day.source}`)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {action.error !== null && <ErrorBar error={action.error} />}
      {view !== null && view.changes.daysOff.length > 0 && (
        <ul className={styles.list} aria-label={t('admin.holidays.unitChanges')}>
          {view.changes.daysOff.map((day) => (
            <li key={day.date} className={styles.item}>
              <span className={styles.grow}>
                {toDmy(day.date)} {day.note && `— ${day.note}`}
              </span>
              <Button
                size="small"
                disabled={action.busy}
                aria-label={t('admin.holidays.removeDayOff', { date: toDmy(day.date) })}
                onClick={() =>
                  void save({
                    daysOff: view.changes.daysOff.filter((d) => d.date !== day.date),
                    makeUpWorkingDays: view.changes.makeUpWorkingDays.filter(
                      (d) => d.replacesDayOff !== day.date,
                    ),
                  })
                }
              >
                {t('admin.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3" className={styles.heading}>
        {t('admin.holidays.add')}
      </Subtitle2>
      <Body1 className={styles.muted}>{t('admin.holidays.addHint')}</Body1>
      <div className={styles.row}>
        <Field
          label={t('admin.holidays.dayOff')}
          hint="dd/MM/yyyy"
          className={styles.field}
          validationMessage={dateError ? t('admin.dateInvalid') : undefined}
        >
          <Input
            value={draft.dayOff}
            placeholder="dd/MM/yyyy"
            onChange={(_, data) => {
              setDateError(false);
              setDraft({ ...draft, dayOff: data.value });
            }}
          />
        </Field>
        <Field label={t('admin.holidays.holiday')} className={styles.field}>
          <Select
            className={styles.select}
            value={draft.holiday}
            onChange={(_, data) => setDraft({ ...draft, holiday: data.value as HolidayId })}
          >
            {HOLIDAY_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`admin.holidays.holiday.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('admin.holidays.makeUp')} hint="dd/MM/yyyy" className={styles.field}>
          <Input
            value={draft.makeUp}
            placeholder="dd/MM/yyyy"
            onChange={(_, data) => setDraft({ ...draft, makeUp: data.value })}
          />
        </Field>
        <Field label={t('admin.holidays.note')} className={styles.field}>
          <Input
            value={draft.note}
            onChange={(_, data) => setDraft({ ...draft, note: data.value })}
          />
        </Field>
        <Button
          appearance="primary"
          disabled={action.busy || view === null}
          onClick={async () => {
            if (!view) return;
            const dayOff = fromDmy(draft.dayOff);
            const makeUp = draft.makeUp.trim() ? fromDmy(draft.makeUp) : '';
            if (!dayOff || makeUp === null) {
              setDateError(true);
              return;
            }
            const ok = await save({
              daysOff: [
                ...view.changes.daysOff,
                { date: dayOff, holiday: draft.holiday, note: draft.note },
              ],
              makeUpWorkingDays: makeUp
                ? [
                    ...view.changes.makeUpWorkingDays,
                    { date: makeUp, replacesDayOff: dayOff, note: draft.note },
                  ]
                : view.changes.makeUpWorkingDays,
            });
            if (ok) setDraft({ ...draft, dayOff: '', makeUp: '', note: '' });
          }}
        >
          {t('admin.holidays.addButton')}
        </Button>
      </div>
    </section>
  );
}
