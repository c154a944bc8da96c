import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { AssignmentPriority, AssignmentStatus } from '@qcdc/core';
import { assignmentStatusKey, priorityKey, useI18n } from '../i18n';

/** Blue new, brand in progress, amber waiting or returned, green done, grey cancelled. */
const STATUS_COLORS: Record<AssignmentStatus, BadgeProps['color']> = {
  open: 'informative',
  inProgress: 'brand',
  submitted: 'warning',
  returned: 'severe',
  done: 'success',
  cancelled: 'subtle',
};

const useStyles = makeStyles({
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  row: { display: 'inline-flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** The stored status, and a red "Quá hạn" beside it when the deadline has passed. */
export function AssignmentStatusBadge(props: { status: AssignmentStatus; overdue: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <span className={styles.row}>
      <Badge
        appearance="tint"
        shape="rounded"
        color={STATUS_COLORS[props.status]}
        className={styles.badge}
      >
        {t(assignmentStatusKey(props.status))}
      </Badge>
      {props.overdue && (
        <Badge appearance="filled" shape="rounded" color="danger" className={styles.badge}>
          {t('assignments.overdue')}
        </Badge>
      )}
    </span>
  );
}

/** Normal priority stays quiet; high and urgent stand out. */
export function PriorityBadge(props: { priority: AssignmentPriority }) {
  const { t } = useI18n();
  const styles = useStyles();
  const color: BadgeProps['color'] =
    props.priority === 'urgent' ? 'danger' : props.priority === 'high' ? 'warning' : 'informative';
  return (
    <Badge
      appearance={props.priority === 'normal' ? 'outline' : 'tint'}
      shape="rounded"
      color={color}
      className={styles.badge}
    >
      {t('assignments.priorityShown', { priority: t(priorityKey(props.priority)) })}
    </Badge>
  );
}
