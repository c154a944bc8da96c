import { Button, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { AdminNavLink } from '../admin/admin-nav-link';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import { LanguageSwitch } from './language-switch';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    '@media (max-width: 480px)': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      gap: tokens.spacingHorizontalS,
    },
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  left: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXL,
    flexWrap: 'wrap',
  },
  nav: { display: 'flex', gap: tokens.spacingHorizontalL },
  // In a side panel Teams already names the app above the frame: keep the width for the meeting.
  name: { '@media (max-width: 480px)': { display: 'none' } },
  right: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
});

export function AppHeader(props: {
  displayName: string | null;
  onSignOut: (() => void) | null;
  showNav: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.left}>
        <Subtitle1 className={styles.name}>{t('app.name')}</Subtitle1>
        {props.showNav && (
          <nav aria-label={t('nav.label')} className={styles.nav}>
            <AppLink to={paths.dashboard()}>{t('nav.dashboard')}</AppLink>
            <AppLink to={paths.myTasks()}>{t('nav.myTasks')}</AppLink>
            <AdminNavLink />
          </nav>
        )}
      </div>
      <div className={styles.right}>
        {props.displayName && (
          <Caption1>{t('header.signedInAs', { name: props.displayName })}</Caption1>
        )}
        <LanguageSwitch />
        {props.onSignOut && (
          <Button size="small" appearance="subtle" onClick={props.onSignOut}>
            {t('header.signOut')}
          </Button>
        )}
      </div>
    </header>
  );
}
