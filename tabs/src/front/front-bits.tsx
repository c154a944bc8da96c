import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatCivilDate } from '../assignments/assignment-dates';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

/** A Vietnam civil date on screen (dd/MM/yyyy), or a dash. */
export function civilDate(iso: string | null | undefined): string {
  return iso ? formatCivilDate(iso) : '—';
}

/** "Quá hạn" / "Trễ hạn" in red: never colour alone, always the word too. */
export function LateBadge(props: { children?: ReactNode }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Badge appearance="filled" color="danger" shape="rounded" className={styles.badge}>
      {props.children ?? t('front.late')}
    </Badge>
  );
}

export function StateBadge(props: {
  children: ReactNode;
  color?: 'brand' | 'success' | 'warning' | 'informative' | 'subtle';
}) {
  const styles = useStyles();
  return (
    <Badge
      appearance="tint"
      shape="rounded"
      color={props.color ?? 'informative'}
      className={styles.badge}
    >
      {props.children}
    </Badge>
  );
}

export function LateText(props: { children: ReactNode }) {
  const styles = useStyles();
  return <span className={styles.late}>{props.children}</span>;
}

/** A definition list of label/value pairs. */
export function Facts(props: { rows: [string, ReactNode][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {props.rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
