import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { reportApi } from '../api/report-api';
import { vietnamToday } from '../assignments/assignment-dates';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { BarChart, type ChartDatum } from './review-charts';
import { reportPaths } from './report-routes';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The channel dashboard's "this year so far": the year's review, as of now, in one chart (meetings
 * held, minutes approved, motions adopted, assignments done on time, overdue), with a link to the
 * full report. Loaded on its own (React.lazy) so the dashboard's first bundle does not carry it.
 */
export default function YearSoFar(props: { bodyId: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const year = useMemo(() => Number(vietnamToday(new Date()).slice(0, 4)), []);
  const [review, reload] = useResource(`review:${props.bodyId}:${year}`, () =>
    reportApi(api).review(props.bodyId, { preset: 'year', year }, 'counts'),
  );
  const title = t('report.yearSoFar.title', { year });

  let content;
  if (review.status === 'loading') content = <Loading />;
  else if (review.status === 'failed') content = <ErrorBar error={review.error} onRetry={reload} />;
  else {
    const f = review.data.figures;
    const data: ChartDatum[] = [
      {
        key: 'held',
        label: t('report.meetings.held'),
        value: f.meetings.held.count,
        fill: tokens.colorBrandBackground,
      },
      {
        key: 'minutes',
        label: t('report.meetings.minutesApproved'),
        value: f.meetings.minutesApproved.count,
        fill: tokens.colorPaletteTealBackground2,
      },
      {
        key: 'adopted',
        label: t('report.votes.adopted'),
        value: f.votes.adopted.count,
        fill: tokens.colorPalettePurpleBackground2,
      },
      {
        key: 'onTime',
        label: t('report.assignments.onTime'),
        value: f.assignments.onTime.count,
        fill: tokens.colorPaletteGreenBackground3,
      },
      {
        key: 'overdue',
        label: t('report.assignments.overdue'),
        value: f.assignments.overdue.count,
        fill: tokens.colorPaletteRedBackground3,
      },
    ];
    content = (
      <>
        <BarChart title={title} data={data} />
        <Body1 className={styles.muted}>{t('report.yearSoFar.note')}</Body1>
      </>
    );
  }

  return (
    <SectionCard
      title={title}
      actions={
        <AppLink to={reportPaths.reports(props.bodyId)}>{t('report.yearSoFar.open')}</AppLink>
      }
    >
      {content}
    </SectionCard>
  );
}
