import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { caseApi } from '../api/case-api';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { frontPaths } from '../front/front-routes';
import { caseKindCounts } from './case-actions';

const useStyles = makeStyles({
  links: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', margin: 0 },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The dashboard's citizens area: links to the Front consultations, the cases and the disclosure
 * register, and the case counts (counts only: the stats route never names anyone).
 */
export function CitizensSection(props: { bodyId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const cases = useMemo(() => caseApi(api), [api]);
  const [stats] = useResource(`case-stats:${props.bodyId}`, () => cases.stats(props.bodyId));
  return (
    <SectionCard title={t('citizens.title')}>
      <nav className={styles.links} aria-label={t('citizens.title')}>
        <AppLink to={frontPaths.consultations(props.bodyId)}>{t('front.title')}</AppLink>
        <AppLink to={frontPaths.cases(props.bodyId)}>{t('cases.title')}</AppLink>
        <AppLink to={frontPaths.disclosures(props.bodyId)}>{t('disclosure.title')}</AppLink>
      </nav>
      {stats.status === 'ready' && (
        <p className={styles.counts} aria-label={t('cases.counts')}>
          <Body1>{t('cases.open', { count: stats.data.open })}</Body1>
          <Body1>{t('cases.dueSoon', { count: stats.data.dueSoon })}</Body1>
          <Body1 className={stats.data.overdue > 0 ? styles.late : undefined}>
            {t('cases.overdue', { count: stats.data.overdue })}
          </Body1>
          {caseKindCounts(stats.data.byKind).map(({ kind, open, overdue }) => (
            <Body1 key={kind}>
              {t('cases.byKind', { kind: t(`caseKind.${kind}`), open, overdue })}
            </Body1>
          ))}
        </p>
      )}
    </SectionCard>
  );
}
