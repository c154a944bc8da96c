import { FluentProvider, makeStyles, Spinner, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DevSession } from '../auth/dev-session';
import { TeamsSession } from '../auth/teams-session';
import { I18nProvider, initialLocale, translate } from '../i18n';
import { detectHost, knownHost, type Host } from '../teams/teams-host';
import { AppShell } from './app-shell';
import { LangAttribute } from './lang-attribute';
import { fluentThemeFor } from './theme';

const useStyles = makeStyles({
  root: { minHeight: '100vh' },
  boot: { padding: '48px' },
});

/** Finds the host, then sets language, theme and sign-in from it. */
export function App() {
  const [host, setHost] = useState<Host | null>(knownHost);
  useEffect(() => {
    // Once, on mount; a host known at the first render (a plain browser window) needs none.
    if (!knownHost()) void detectHost().then(setHost);
  }, []);
  if (!host) return <Booting />;
  return <HostedApp host={host} />;
}

function Booting() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Spinner className={styles.boot} label={translate(initialLocale(undefined), 'app.loading')} />
    </FluentProvider>
  );
}

function HostedApp(props: { host: Host }) {
  const { host } = props;
  const styles = useStyles();
  const [teamsTheme, setTeamsTheme] = useState(host.kind === 'teams' ? host.theme : undefined);
  const [locale] = useState(() => initialLocale(host.kind === 'teams' ? host.locale : undefined));
  useEffect(() => {
    if (host.kind === 'teams') host.onThemeChange(setTeamsTheme);
  }, [host]);

  return (
    <FluentProvider theme={fluentThemeFor(host, teamsTheme)} className={styles.root}>
      <I18nProvider initial={locale}>
        <LangAttribute />
        {host.kind === 'teams' ? (
          <TeamsSession host={host}>
            <AppShell />
          </TeamsSession>
        ) : (
          <DevSession host={host}>
            <AppShell />
          </DevSession>
        )}
      </I18nProvider>
    </FluentProvider>
  );
}
