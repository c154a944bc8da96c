import { Avatar, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { BodyMember } from '../api/api-types';
import { RoleBadges } from './role-badges';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { color: tokens.colorNeutralForeground2 },
});

/** Order of precedence on a body: head, deputy head, secretary, then members and observers. */
const PRECEDENCE = ['head', 'deputyHead', 'secretary', 'member', 'observer'] as const;
const rank = (member: BodyMember) =>
  Math.min(...member.roles.map((role) => PRECEDENCE.indexOf(role)), PRECEDENCE.length);

export function MemberList(props: { members: readonly BodyMember[]; label: string }) {
  const styles = useStyles();
  const members = [...props.members].sort((a, b) => rank(a) - rank(b));
  return (
    <ul className={styles.list} aria-label={props.label}>
      {members.map((member) => (
        <li key={member.userId} className={styles.item}>
          <Avatar name={member.displayName} color="colorful" size={36} />
          <div className={styles.text}>
            <Body1>{member.displayName}</Body1>
            {member.title && <Caption1 className={styles.title}>{member.title}</Caption1>}
            <RoleBadges roles={member.roles} />
          </div>
        </li>
      ))}
    </ul>
  );
}
