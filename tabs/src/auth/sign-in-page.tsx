import {
  Avatar,
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useResource } from '../app/use-resource';
import { AppHeader } from '../components/app-header';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import type { ApiError } from '../api/api-error';
import { listDemoUsers, requestDevToken, type DemoUser } from './dev-issuer';
import type { DevSession } from './dev-session-store';

const useStyles = makeStyles({
  users: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  user: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    padding: tokens.spacingVerticalM,
    gap: tokens.spacingHorizontalM,
  },
  who: { display: 'flex', flexDirection: 'column' },
  // Read by screen readers, not shown: the visible card already says who.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** The dev sign-in screen: pick a demo user; the dev issuer signs a token for them. */
export function SignInPage(props: {
  reason: ApiError | null;
  onSignedIn: (session: DevSession) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [users, reload] = useResource('demo-users', listDemoUsers);
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const signIn = async (user: DemoUser) => {
    setPending(user.userId);
    setFailure(null);
    try {
      const token = await requestDevToken(user);
      props.onSignedIn({ ...token, user });
    } catch (error) {
      setFailure(error);
      setPending(null);
    }
  };

  return (
    <>
      <AppHeader displayName={null} onSignOut={null} showNav={false} />
      <Page title={t('signIn.title')} subtitle={<Body1>{t('signIn.intro')}</Body1>}>
        {props.reason && (
          <MessageBar intent="warning">
            <MessageBarBody>{props.reason.messageIn(i18n.locale)}</MessageBarBody>
          </MessageBar>
        )}
        {failure !== null && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t('signIn.failed', { reason: failure instanceof Error ? failure.message : '?' })}
            </MessageBarBody>
          </MessageBar>
        )}
        {users.status === 'loading' && <Loading />}
        {users.status === 'failed' && (
          <ErrorBar error={users.error} title={t('signIn.unavailable')} onRetry={reload} />
        )}
        {users.status === 'ready' && (
          <SectionCard title={t('signIn.chooseUser')}>
            {users.data.length === 0 ? (
              <Body1>{t('signIn.noUsers')}</Body1>
            ) : (
              <ul className={styles.users}>
                {users.data.map((user) => (
                  <li key={`${user.tenantId}/${user.userId}`}>
                    <Button
                      className={styles.user}
                      appearance="outline"
                      disabled={pending !== null}
                      onClick={() => void signIn(user)}
                    >
                      {/* The name comes from the visible text, so speech users can say what they
                          see (WCAG 2.5.3); the hidden prefix reads "Sign in: <name>". */}
                      <Avatar name={user.displayName} color="colorful" aria-hidden />
                      <span className={styles.who}>
                        <Body1>
                          <span className={styles.hidden}>
                            {t('signIn.as', { name: '' }).trim()}{' '}
                          </span>
                          {user.displayName}
                        </Body1>
                        <Caption1>{user.title}</Caption1>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            {pending !== null && <Loading label={t('signIn.signingIn')} />}
          </SectionCard>
        )}
      </Page>
    </>
  );
}
