import {
  Badge,
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AgendaItem } from '@qcdc/core';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '32px minmax(0, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: {
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  presenter: { color: tokens.colorNeutralForeground2 },
  total: { color: tokens.colorNeutralForeground2 },
});

/** The agenda as the meeting will run it: numbered, with presenter and planned minutes. */
export function AgendaList(props: {
  agenda: readonly AgendaItem[];
  nameOf: (userId: string) => string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  if (props.agenda.length === 0) return <Body1>{t('meeting.noAgenda')}</Body1>;
  const total = props.agenda.reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);
  return (
    <>
      <ol className={styles.list} aria-label={t('meeting.agenda')}>
        {props.agenda.map((item, index) => (
          <li key={item.id} className={styles.item}>
            <span className={styles.number} aria-hidden="true">
              {index + 1}
            </span>
            <div className={styles.text}>
              <Body1Strong>{item.title}</Body1Strong>
              {item.presenterId && (
                <Caption1 className={styles.presenter}>
                  {t('meeting.presenter', { name: props.nameOf(item.presenterId) })}
                </Caption1>
              )}
            </div>
            {item.durationMinutes !== undefined && (
              <Badge appearance="outline" color="informative" shape="rounded">
                {t('common.minutes', { count: item.durationMinutes })}
              </Badge>
            )}
          </li>
        ))}
      </ol>
      {total > 0 && (
        <Caption1 className={styles.total}>{t('meeting.totalDuration', { count: total })}</Caption1>
      )}
    </>
  );
}
