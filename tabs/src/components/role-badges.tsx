import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { BodyRole } from '@qcdc/core';
import { roleKey, useI18n } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'inline-flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  badge: { whiteSpace: 'nowrap' },
});

/** Leadership roles stand out; ordinary membership stays quiet. */
const PROMINENT: readonly BodyRole[] = ['head', 'deputyHead', 'secretary'];

export function RoleBadges(props: { roles: readonly BodyRole[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <span className={styles.row}>
      {props.roles.map((role) => (
        <Badge
          key={role}
          appearance={PROMINENT.includes(role) ? 'filled' : 'outline'}
          color={PROMINENT.includes(role) ? 'brand' : 'informative'}
          shape="rounded"
          size="small"
          className={styles.badge}
        >
          {t(roleKey(role))}
        </Badge>
      ))}
    </span>
  );
}
