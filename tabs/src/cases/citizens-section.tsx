import { Body1, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatDateTime, type CitizenDashboard } from '@qcdc/core';
import { useMemo } from 'react';
import { frontApi } from '../api/front-api';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { SectionCard } from '../components/section-card';
import { useI18n, type I18n } from '../i18n';
import type { MessageKey } from '../i18n/vi';
import { AppLink } from '../routing/app-link';
import { frontPaths } from '../front/front-routes';

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    // One column at 360 px, side by side when there is room.
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  tiles: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  tile: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    textDecorationLine: 'none',
    color: tokens.colorNeutralForeground1,
    ':hover': { textDecorationLine: 'underline' },
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  // Not colour alone: the words say "quá hạn" / "sắp đến hạn", and a late tile carries a sign.
  late: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  soon: {
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
  },
  links: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
});

type Tone = 'late' | 'soon' | 'plain';
interface Tile {
  key: MessageKey;
  count: number;
  tone: Tone;
}

/**
 * The tiles of one area, late first: what needs doing now leads, and a zero stays visible (it is
 * an answer too). Tiles for "everything else" follow only when they say something.
 */
export function dashboardTiles(dashboard: CitizenDashboard): {
  front: Tile[] | null;
  cases: Tile[] | null;
  disclosures: Tile[] | null;
} {
  const r = dashboard.recommendations;
  const c = dashboard.cases;
  const d = dashboard.disclosures;
  const extra = (tiles: Tile[]) => tiles.filter((tile) => tile.tone !== 'plain' || tile.count > 0);
  return {
    front: r
      ? extra([
          { key: 'citizens.rec.overdue', count: r.overdue, tone: 'late' },
          { key: 'citizens.rec.dueSoon', count: r.dueSoon, tone: 'soon' },
          { key: 'citizens.rec.open', count: r.open, tone: 'plain' },
          { key: 'citizens.rec.answeredLate', count: r.answeredLate, tone: 'plain' },
        ])
      : null,
    cases: c
      ? extra([
          { key: 'citizens.case.overdue', count: c.overdue, tone: 'late' },
          { key: 'citizens.case.dueSoon', count: c.dueSoon, tone: 'soon' },
          { key: 'citizens.case.open', count: c.open, tone: 'plain' },
        ])
      : null,
    disclosures: d
      ? extra([
          { key: 'citizens.disclosure.startOverdue', count: d.startOverdue, tone: 'late' },
          { key: 'citizens.disclosure.startDueSoon', count: d.startDueSoon, tone: 'soon' },
          { key: 'citizens.disclosure.endingSoon', count: d.endingSoon, tone: 'soon' },
          { key: 'citizens.disclosure.periodOver', count: d.periodOver, tone: 'plain' },
          { key: 'citizens.disclosure.planned', count: d.planned, tone: 'plain' },
          { key: 'citizens.disclosure.posted', count: d.posted, tone: 'plain' },
        ])
      : null,
  };
}

/**
 * The dashboard's citizens area: what is due soon and late in the Front's recommendations, the
 * citizen cases and the disclosure register, each count linking to its list. Counts only (from
 * the citizen-dashboard route): the channel tab is seen by every member, a case only by its head
 * and handlers, so no case number, name or content is ever loaded here. The cases page itself lists
 * only the cases the viewer may see.
 */
export function CitizensSection(props: { bodyId: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const front = useMemo(() => frontApi(api), [api]);
  const [state, reload] = useResource(`citizen-dashboard:${props.bodyId}`, () =>
    front.dashboard(props.bodyId),
  );
  const areas = [
    { id: 'front', title: t('front.title'), to: frontPaths.consultations(props.bodyId) },
    { id: 'cases', title: t('cases.title'), to: frontPaths.cases(props.bodyId) },
    { id: 'disclosures', title: t('disclosure.title'), to: frontPaths.disclosures(props.bodyId) },
  ] as const;
  const tiles = state.status === 'ready' ? dashboardTiles(state.data) : null;

  return (
    <SectionCard title={t('citizens.title')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <ErrorBar error={state.error} onRetry={reload} />}
      {state.status === 'ready' && tiles && (
        <>
          <div className={styles.groups}>
            {areas.map((area) => (
              <section
                key={area.id}
                className={styles.group}
                aria-labelledby={`citizens-${area.id}-${props.bodyId}`}
              >
                <AppLink to={area.to}>
                  <span id={`citizens-${area.id}-${props.bodyId}`}>{area.title}</span>
                </AppLink>
                {tiles[area.id] ? (
                  <ul className={styles.tiles} aria-label={area.title}>
                    {tiles[area.id]!.map((tile) => (
                      <li key={tile.key}>
                        <TileLink tile={tile} to={area.to} i18n={i18n} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Body1>{t('citizens.notConfigured')}</Body1>
                )}
              </section>
            ))}
          </div>
          <Caption1>
            {t('citizens.asOf', {
              time: formatDateTime(state.data.asOf, i18n.locale),
              days: state.data.dueSoonDays,
            })}
          </Caption1>
        </>
      )}
    </SectionCard>
  );
}

function TileLink(props: { tile: Tile; to: string; i18n: I18n }) {
  const styles = useStyles();
  const { tile } = props;
  const tone = tile.count > 0 && tile.tone !== 'plain' ? tile.tone : null;
  return (
    <AppLink
      to={props.to}
      className={mergeClasses(
        styles.tile,
        tone === 'late' && styles.late,
        tone === 'soon' && styles.soon,
      )}
    >
      {tone === 'late' && <span aria-hidden="true">⚠</span>}
      <span className={styles.count}>{tile.count}</span> <span>{props.i18n.t(tile.key)}</span>
    </AppLink>
  );
}
