import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { can, formatDateTime, type BodyRole } from '@qcdc/core';
import { useEffect, useMemo, useState } from 'react';
import { rosterApi, type RosterView } from '../api/roster-api';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n';
import { GraphErrorBar } from './graph-error-bar';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The team this tab is pinned in, when Teams says so (a channel tab); null in a browser. */
async function teamsTeamId(host: { kind: string }): Promise<string | null> {
  if (host.kind !== 'teams') return null;
  try {
    const { app } = await import('@microsoft/teams-js');
    const context = await app.getContext();
    return context.team?.groupId ?? null;
  } catch {
    return null;
  }
}

/**
 * The members area's Teams roster (head, deputy head, secretary): sync from the team, the people it
 * proposes (accept: the head alone; dismiss), and members flagged as having left the team.
 */
export function RosterCard(props: {
  bodyId: string;
  myRoles: readonly BodyRole[];
  onMembersChanged: () => void;
}) {
  const { api, host } = useSession();
  const { t, locale } = useI18n();
  const styles = useStyles();
  const roster = useMemo(() => rosterApi(api), [api]);
  const manage = can({ bodyRoles: props.myRoles, meetingRoles: [] }, 'roster.manage');
  const grant = can({ bodyRoles: props.myRoles, meetingRoles: [] }, 'member.grant');
  const [view, setView] = useState<RosterView | null>(null);
  const [teamId, setTeamId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    if (!manage) return;
    let live = true;
    void Promise.all([roster.get(props.bodyId), teamsTeamId(host)]).then(
      ([loaded, contextTeam]) => {
        if (!live) return;
        setView(loaded);
        const stored = loaded.source && 'teamId' in loaded.source ? loaded.source.teamId : '';
        setTeamId((current) => current || contextTeam || stored);
      },
      (cause: unknown) => live && setError(cause),
    );
    return () => {
      live = false;
    };
  }, [manage, roster, props.bodyId, host]);

  if (!manage) return null;

  const act = async (work: () => Promise<RosterView>, membersChange = false) => {
    setBusy(true);
    setError(null);
    try {
      setView(await work());
      if (membersChange) props.onMembersChanged();
      return true;
    } catch (cause) {
      setError(cause);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const proposals = view?.proposals.filter((p) => p.status === 'proposed') ?? [];
  return (
    <section className={styles.box} aria-label={t('roster.title')}>
      <h3 className={styles.heading}>{t('roster.title')}</h3>
      {view?.syncedAt && (
        <Caption1 className={styles.muted}>
          {t('roster.syncedAt', { at: formatDateTime(view.syncedAt, locale) })}
        </Caption1>
      )}
      <Field label={t('roster.teamId')} hint={t('roster.teamIdHint')}>
        <Input value={teamId} onChange={(_, d) => setTeamId(d.value)} />
      </Field>
      <div>
        <Button
          appearance="primary"
          disabled={busy || !teamId.trim()}
          onClick={() =>
            void act(() => roster.sync(props.bodyId, { kind: 'team', teamId: teamId.trim() })).then(
              (ok) => setSynced(ok),
            )
          }
        >
          {t('roster.sync')}
        </Button>
      </div>
      {error !== null && <GraphErrorBar error={error} />}
      {synced && <Body1 role="status">{t('roster.synced', { count: proposals.length })}</Body1>}
      <h3 className={styles.heading}>{t('roster.proposals', { count: proposals.length })}</h3>
      {proposals.length === 0 ? (
        <Caption1 className={styles.muted}>{t('roster.noProposals')}</Caption1>
      ) : (
        <ul className={styles.list} aria-label={t('roster.proposalsList')}>
          {proposals.map((p) => (
            <li key={p.userId} className={styles.item} aria-label={p.displayName}>
              <Body1>
                {p.displayName}
                {p.email && <Caption1 className={styles.muted}> · {p.email}</Caption1>}
              </Body1>
              {grant && (
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () =>
                        roster.decide(props.bodyId, [
                          { userId: p.userId, decision: 'accept', role: 'member' },
                        ]),
                      true,
                    )
                  }
                >
                  {t('roster.accept')}
                </Button>
              )}
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void act(() =>
                    roster.decide(props.bodyId, [{ userId: p.userId, decision: 'dismiss' }]),
                  )
                }
              >
                {t('roster.dismiss')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {view && view.flagged.length > 0 && (
        <>
          <h3 className={styles.heading}>{t('roster.flagged', { count: view.flagged.length })}</h3>
          <ul className={styles.list} aria-label={t('roster.flaggedList')}>
            {view.flagged.map((m) => (
              <li key={m.userId} className={styles.item}>
                <Body1>{m.displayName}</Body1>
                <Caption1 className={styles.muted}>{t('roster.leftTeam')}</Caption1>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => void act(() => roster.resolveFlags(props.bodyId, [m.userId]))}
                >
                  {t('roster.resolveFlag')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
