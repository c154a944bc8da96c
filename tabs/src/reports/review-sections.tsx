import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, type ResolutionReviewCheck } from '@qcdc/core';
import { useMemo, useState } from 'react';
import type { ReviewView } from '../api/report-api';
import { formatCivilDate } from '../assignments/assignment-dates';
import { SectionCard } from '../components/section-card';
import { useI18n, type I18n, type MessageKey } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import {
  assignmentItems,
  extraGroups,
  meetingItems,
  meetingKindItems,
  recordIndex,
  voteItems,
  type FigureItem,
} from './figure-groups';
import { FigureList, FigureRecordsDialog, itemLabel } from './figure-records';
import { BarChart, DonutChart, type ChartDatum } from './review-charts';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  twoColumns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  rates: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  rate: { display: 'flex', flexDirection: 'column' },
  rateValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  overdue: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
  },
  tableWrap: { overflowX: 'auto' },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

const FILLS = {
  brand: tokens.colorBrandBackground,
  green: tokens.colorPaletteGreenBackground3,
  orange: tokens.colorPaletteDarkOrangeBackground3,
  red: tokens.colorPaletteRedBackground3,
  yellow: tokens.colorPaletteYellowBackground3,
  grey: tokens.colorNeutralForeground3,
  teal: tokens.colorPaletteTealBackground2,
  purple: tokens.colorPalettePurpleBackground2,
};
const SERIES = [FILLS.brand, FILLS.teal, FILLS.purple, FILLS.green, FILLS.orange, FILLS.red];

function datum(i18n: I18n, item: FigureItem, fill: string): ChartDatum {
  return { key: item.key, label: itemLabel(i18n, item), value: item.figure.count, fill };
}

function percent(i18n: I18n, rate: number | null): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(i18n.locale === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

/** The review's figures in sections, each with its numbers (openable) and a chart of them. */
export function ReviewSections(props: { bodyId: string; review: ReviewView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { review, bodyId } = props;
  const [open, setOpen] = useState<FigureItem | null>(null);
  const index = useMemo(() => recordIndex(review, bodyId), [review, bodyId]);

  const meetings = meetingItems(review);
  const kinds = meetingKindItems(review);
  const assignments = assignmentItems(review);
  const byKey = new Map(assignments.map((item) => [item.key, item]));
  const a = review.figures.assignments;
  const votes = voteItems(review);
  const extras = extraGroups(review);

  const stateChart: ChartDatum[] = [
    datum(i18n, byKey.get('assignments.onTime')!, FILLS.green),
    datum(i18n, byKey.get('assignments.late')!, FILLS.orange),
    datum(i18n, byKey.get('assignments.awaitingApproval')!, FILLS.yellow),
    datum(i18n, byKey.get('assignments.open')!, FILLS.brand),
    datum(i18n, byKey.get('assignments.overdue')!, FILLS.red),
    datum(i18n, byKey.get('assignments.cancelled')!, FILLS.grey),
  ];

  return (
    <div className={styles.sections}>
      <SectionCard title={t('report.section.meetings')}>
        <div className={styles.twoColumns}>
          <div className={styles.column}>
            <FigureList items={meetings} label={t('report.section.meetings')} onOpen={setOpen} />
            <h3 className={styles.subheading}>{t('report.meetings.byKind')}</h3>
            <FigureList items={kinds} label={t('report.meetings.byKind')} onOpen={setOpen} />
          </div>
          <BarChart
            title={t('report.chart.meetingsByKind')}
            data={kinds.map((item, i) => datum(i18n, item, SERIES[i % SERIES.length]!))}
          />
        </div>
      </SectionCard>

      {review.figures.staffConference && <StaffConferenceSection review={review} bodyId={bodyId} />}

      <SectionCard title={t('report.section.assignments')}>
        <div className={styles.twoColumns}>
          <div className={styles.column}>
            <FigureList
              items={assignments}
              label={t('report.section.assignments')}
              onOpen={setOpen}
            />
            <ul className={styles.rates} aria-label={t('report.assignments.rates')}>
              {(
                [
                  ['report.assignments.onTimeRate', a.onTimeRate],
                  ['report.assignments.lateRate', a.lateRate],
                  ['report.assignments.completionRate', a.completionRate],
                ] as [MessageKey, number | null][]
              ).map(([key, rate]) => (
                <li key={key} className={styles.rate}>
                  <span className={styles.rateValue}>{percent(i18n, rate)}</span>
                  <Body1>{t(key)}</Body1>
                </li>
              ))}
            </ul>
          </div>
          <DonutChart title={t('report.chart.assignmentsByState')} data={stateChart} />
        </div>
        <h3 className={styles.subheading}>
          {t('report.overdue.title', { count: review.overdue.length })}
        </h3>
        {review.overdue.length === 0 ? (
          <Body1 className={styles.muted}>{t('report.overdue.none')}</Body1>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.overdue} aria-label={t('report.overdue.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('report.overdue.task')}</th>
                  <th scope="col">{t('report.overdue.owner')}</th>
                  <th scope="col">{t('report.overdue.deadline')}</th>
                  <th scope="col">{t('report.overdue.days')}</th>
                </tr>
              </thead>
              <tbody>
                {review.overdue.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <AppLink to={paths.assignment(bodyId, row.id)}>{row.title}</AppLink>
                    </td>
                    <td>{row.ownerName}</td>
                    <td>{formatCivilDate(row.deadline)}</td>
                    <td>{row.daysOverdue ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SectionCard>

      <SectionCard title={t('report.section.votes')}>
        {review.figures.votes.available ? (
          <div className={styles.twoColumns}>
            <FigureList items={votes} label={t('report.section.votes')} onOpen={setOpen} />
            <BarChart
              title={t('report.chart.votes')}
              data={[
                datum(i18n, votes[1]!, FILLS.green),
                datum(i18n, votes[2]!, FILLS.red),
                datum(i18n, votes[3]!, FILLS.grey),
                datum(i18n, votes[5]!, FILLS.purple),
              ]}
            />
          </div>
        ) : (
          <Body1 className={styles.muted}>{t('report.votes.unavailable')}</Body1>
        )}
      </SectionCard>

      {extras.map((group) => {
        const title = 'key' in group.title ? t(group.title.key) : group.title.text;
        return (
          <SectionCard key={`extra-${group.key}`} title={title}>
            {group.available ? (
              <div className={styles.twoColumns}>
                <div className={styles.column}>
                  <FigureList items={group.items} label={title} onOpen={setOpen} />
                  {group.rates.length > 0 && (
                    <ul className={styles.rates} aria-label={t('report.assignments.rates')}>
                      {group.rates.map((rate) => (
                        <li key={rate.key} className={styles.rate}>
                          <span className={styles.rateValue}>{percent(i18n, rate.value)}</span>
                          <Body1>{itemLabel(i18n, rate)}</Body1>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <BarChart
                  title={title}
                  data={group.items.map((item, i) => datum(i18n, item, SERIES[i % SERIES.length]!))}
                />
              </div>
            ) : (
              <Body1 className={styles.muted}>{t('report.group.unavailable')}</Body1>
            )}
          </SectionCard>
        );
      })}

      {open && (
        <FigureRecordsDialog
          bodyId={bodyId}
          review={review}
          index={index}
          item={open}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

const CONFERENCE_STATUS: Record<string, MessageKey> = {
  onTime: 'report.staffConference.onTime',
  late: 'report.staffConference.late',
  notHeld: 'report.staffConference.notHeld',
  notYetDue: 'report.staffConference.notYetDue',
};

/** Law 10/2022 Art. 51(1): the yearly conference held by 31 March; Art. 52(3): its half-year review. */
function StaffConferenceSection(props: { review: ReviewView; bodyId: string }) {
  const { t } = useI18n();
  const check = props.review.figures.staffConference!;
  const status = CONFERENCE_STATUS[check.status];
  const meetingId = check.meetingIds[0];
  return (
    <SectionCard title={t('report.staffConference.title')}>
      <Body1>
        {t('report.staffConference.rule', {
          year: check.workYear,
          dueBy: formatCivilDate(check.dueBy),
        })}
      </Body1>
      <Body1>
        <strong>{status ? t(status) : check.status}</strong>
        {check.heldOn &&
          ` · ${t('report.staffConference.heldOn', { date: formatDate(check.heldOn) })}`}
        {meetingId && (
          <>
            {' · '}
            <AppLink to={paths.meeting(props.bodyId, meetingId)}>
              {props.review.meetingRows.find((m) => m.id === meetingId)?.title ??
                t('report.staffConference.meeting')}
            </AppLink>
          </>
        )}
      </Body1>
      <ResolutionReviews review={props.review} bodyId={props.bodyId} />
    </SectionCard>
  );
}

const REVIEW_STATUS: Record<ResolutionReviewCheck['status'], MessageKey> = {
  onTime: 'report.resolutionReview.onTime',
  late: 'report.resolutionReview.late',
  notHeld: 'report.resolutionReview.notHeld',
  notYetDue: 'report.resolutionReview.notYetDue',
  noConference: 'report.resolutionReview.noConference',
};

/** Art. 52(3): one line per conference year in the period, linking to the review meeting. */
function ResolutionReviews(props: { review: ReviewView; bodyId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const checks = props.review.figures.staffConference?.resolutionReviews ?? [];
  if (checks.length === 0) return null;
  return (
    <section aria-labelledby={`resolution-review-${props.bodyId}`} className={styles.column}>
      <h3 id={`resolution-review-${props.bodyId}`} className={styles.subheading}>
        {t('report.resolutionReview.title')}
      </h3>
      {checks.map((check) => {
        const meetingId = check.meetingIds[0];
        // An older server may answer a status this tab does not know: show it as sent.
        const status = REVIEW_STATUS[check.status] as MessageKey | undefined;
        return (
          <div key={check.conferenceYear} className={styles.column}>
            <Body1 className={styles.muted}>
              {t('report.resolutionReview.rule', {
                year: check.conferenceYear,
                dueBy: formatCivilDate(check.dueBy),
              })}
            </Body1>
            <Body1>
              <strong>{status ? t(status) : check.status}</strong>
              {check.heldOn &&
                ` · ${t('report.staffConference.heldOn', { date: formatDate(check.heldOn) })}`}
              {meetingId && (
                <>
                  {' · '}
                  <AppLink to={paths.meeting(props.bodyId, meetingId)}>
                    {props.review.meetingRows.find((m) => m.id === meetingId)?.title ??
                      t('report.resolutionReview.meeting')}
                  </AppLink>
                </>
              )}
            </Body1>
          </div>
        );
      })}
    </section>
  );
}
