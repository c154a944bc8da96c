import {
  Body1,
  Button,
  Caption1Strong,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { MEETING_LIMITS } from '@qcdc/core';
import type { BodyMember } from '../api/api-types';
import { useI18n } from '../i18n';
import type { FieldErrors } from './field-errors';
import { newAgendaRow, type AgendaRow } from './form-values';
import { PersonSelect } from './person-select';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  itemHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  itemActions: { display: 'flex', gap: tokens.spacingHorizontalXS },
  itemFields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
  },
});

/** The agenda: ordered items that can be added, removed and moved. */
export function AgendaEditor(props: {
  rows: readonly AgendaRow[];
  members: readonly BodyMember[];
  errors: FieldErrors;
  onChange: (rows: AgendaRow[]) => void;
}) {
  const { t, tm } = useI18n();
  const styles = useStyles();
  const { rows } = props;

  const update = (index: number, patch: Partial<AgendaRow>) =>
    props.onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    props.onChange(next);
  };
  const remove = (index: number) => props.onChange(rows.filter((_, i) => i !== index));
  const error = (index: number, field: string) => {
    const message = props.errors[`agenda.${index}.${field}`];
    return message ? tm(message) : undefined;
  };
  const listError = props.errors['agenda'];

  return (
    <>
      {rows.length === 0 && <Body1>{t('form.agendaEmpty')}</Body1>}
      <ol className={styles.list}>
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <li key={row.key} className={styles.item}>
              <div className={styles.itemHeader}>
                <Caption1Strong>{t('form.agendaItem', { n })}</Caption1Strong>
                <div className={styles.itemActions}>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t('form.agendaUp', { n })}
                    title={t('form.agendaUp', { n })}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t('form.agendaDown', { n })}
                    title={t('form.agendaDown', { n })}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t('form.agendaRemove', { n })}
                    title={t('form.agendaRemove', { n })}
                    onClick={() => remove(index)}
                  >
                    ✕
                  </Button>
                </div>
              </div>
              <Field
                label={t('form.agendaTitle', { n })}
                required
                validationMessage={error(index, 'title')}
              >
                <Input
                  value={row.title}
                  maxLength={MEETING_LIMITS.agendaTitleMax}
                  onChange={(_, data) => update(index, { title: data.value })}
                />
              </Field>
              <div className={styles.itemFields}>
                <PersonSelect
                  label={t('form.agendaPresenter', { n })}
                  value={row.presenterId}
                  members={props.members}
                  emptyLabel={t('form.noPresenter')}
                  error={props.errors[`agenda.${index}.presenterId`]}
                  onChange={(presenterId) => update(index, { presenterId })}
                />
                <Field
                  label={t('form.agendaDuration', { n })}
                  validationMessage={error(index, 'durationMinutes')}
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={MEETING_LIMITS.durationMinutesMax}
                    value={row.duration}
                    onChange={(_, data) => update(index, { duration: data.value })}
                  />
                </Field>
              </div>
            </li>
          );
        })}
      </ol>
      {listError && <Body1 role="alert">{tm(listError)}</Body1>}
      <div>
        <Button
          appearance="secondary"
          disabled={rows.length >= MEETING_LIMITS.agendaItemsMax}
          onClick={() => props.onChange([...rows, newAgendaRow()])}
        >
          {t('form.agendaAdd')}
        </Button>
      </div>
    </>
  );
}
