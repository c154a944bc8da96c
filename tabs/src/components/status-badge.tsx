import { Badge, makeStyles, type BadgeProps } from '@fluentui/react-components';
import type { MeetingStatus } from '@qcdc/core';
import { statusKey, useI18n } from '../i18n';

/** Colour says where the meeting stands: blue planned, green live/approved, amber waiting, red off. */
const STATUS_COLORS: Record<MeetingStatus, BadgeProps['color']> = {
  draft: 'informative',
  scheduled: 'brand',
  inProgress: 'success',
  ended: 'informative',
  minutesInReview: 'warning',
  minutesApproved: 'success',
  archived: 'subtle',
  cancelled: 'danger',
  postponed: 'severe',
};

const useStyles = makeStyles({
  // A badge has a fixed height: it must not wrap or shrink in narrow panels.
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

export function StatusBadge(props: { status: MeetingStatus }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Badge
      appearance="tint"
      shape="rounded"
      color={STATUS_COLORS[props.status]}
      className={styles.badge}
    >
      {t(statusKey(props.status))}
    </Badge>
  );
}
