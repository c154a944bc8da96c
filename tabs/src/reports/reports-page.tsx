import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { can, formatDateTime } from '@qcdc/core';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { reportApi, type ReviewQuery, type ReviewView } from '../api/report-api';
import { useResource } from '../app/use-resource';
import { formatCivilDate } from '../assignments/assignment-dates';
import { useSession } from '../auth/session-context';
import { describeError, ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';
import { ReportDownloads } from './report-downloads';
import {
  defaultPeriodChoice,
  periodRange,
  scopeTitle,
  toReviewQuery,
  type PeriodChoice,
  type PeriodField,
} from './review-period';
import { ReviewSections } from './review-sections';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  modes: { display: 'flex', flexWrap: 'wrap' },
  fields: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
    '& > *': { minWidth: '140px', flex: '1 1 140px', maxWidth: '220px' },
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Run =
  | { status: 'idle' }
  | { status: 'running'; query: ReviewQuery }
  | { status: 'failed'; query: ReviewQuery; error: unknown };

/**
 * `/bodies/{bodyId}/reports`: a body's half-year or year-end review (sơ kết, tổng kết) from its own
 * records. The period picker starts at the last period that has ended; "Generate" asks the API
 * (which may take seconds) while the last report stays on screen and usable; a failure says what to
 * do and keeps that report.
 */
export default function ReportsPage(props: { bodyId: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { bodyId } = props;
  const [body] = useResource(`body:${bodyId}`, () => api.getBody(bodyId));
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultPeriodChoice(new Date()));
  const [errors, setErrors] = useState<Partial<Record<PeriodField, string>>>({});
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const [report, setReport] = useState<{ review: ReviewView; query: ReviewQuery } | null>(null);
  // Only the latest request may change the page: an older, slower answer is dropped.
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const generate = useCallback(
    async (query: ReviewQuery) => {
      const ticket = ++latest.current;
      setRun({ status: 'running', query });
      try {
        const review = await reportApi(api).review(bodyId, query);
        if (!mounted.current || ticket !== latest.current) return;
        setReport({ review, query });
        setRun({ status: 'idle' });
      } catch (error) {
        if (!mounted.current || ticket !== latest.current) return;
        setRun({ status: 'failed', query, error });
      }
    },
    [api, bodyId],
  );

  const allowed =
    body.status === 'ready' &&
    can({ bodyRoles: body.data.myRoles, meetingRoles: [] }, 'report.read');

  // The default period is generated on arrival, so the page opens on a report, not on a form.
  const started = useRef(false);
  useEffect(() => {
    if (!allowed || started.current) return;
    started.current = true;
    const first = toReviewQuery(choice);
    if (first.ok) void generate(first.query);
  }, [allowed, choice, generate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toReviewQuery(choice);
    if (!result.ok) {
      setErrors(
        Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key)])),
      );
      return;
    }
    setErrors({});
    void generate(result.query);
  };

  const set = (patch: Partial<PeriodChoice>) => {
    setChoice((current) => ({ ...current, ...patch }));
    setErrors({});
  };

  const title = t('report.title');
  const subtitle =
    body.status === 'ready' ? (
      <Body1 className={styles.muted}>
        {body.data.body.name} · <AppLink to={paths.dashboard(bodyId)}>{t('report.back')}</AppLink>
      </Body1>
    ) : undefined;

  if (body.status === 'loading') {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (body.status === 'failed') {
    return (
      <Page title={title}>
        <ErrorBar error={body.error} />
      </Page>
    );
  }
  if (!allowed) {
    return (
      <Page title={title} subtitle={subtitle}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('report.notAllowed')}</MessageBarBody>
        </MessageBar>
      </Page>
    );
  }

  const custom = choice.mode === 'custom';
  const running = run.status === 'running';
  const shown = report ? scopeTitle(report.review.scope) : null;

  return (
    <Page title={title} subtitle={subtitle}>
      <SectionCard title={t('report.period.title')}>
        <form className={styles.form} onSubmit={submit} noValidate>
          <Field label={t('report.period.kind')}>
            <RadioGroup
              className={styles.modes}
              layout="horizontal"
              value={choice.mode}
              onChange={(_, data) => set({ mode: data.value as PeriodChoice['mode'] })}
            >
              <Radio value="H1" label={t('report.period.H1')} />
              <Radio value="H2" label={t('report.period.H2')} />
              <Radio value="year" label={t('report.period.year')} />
              <Radio value="custom" label={t('report.period.custom')} />
            </RadioGroup>
          </Field>
          <div className={styles.fields}>
            {!custom && (
              <Field label={t('report.period.yearLabel')} validationMessage={errors.year}>
                <Input
                  value={choice.year}
                  inputMode="numeric"
                  maxLength={4}
                  onChange={(_, data) => set({ year: data.value })}
                />
              </Field>
            )}
            {custom && (
              <Field
                label={t('report.period.from')}
                hint="dd/MM/yyyy"
                validationMessage={errors.from}
              >
                <Input
                  value={choice.from}
                  placeholder="dd/MM/yyyy"
                  inputMode="numeric"
                  onChange={(_, data) => set({ from: data.value })}
                />
              </Field>
            )}
            {custom && (
              <Field label={t('report.period.to')} hint="dd/MM/yyyy" validationMessage={errors.to}>
                <Input
                  value={choice.to}
                  placeholder="dd/MM/yyyy"
                  inputMode="numeric"
                  onChange={(_, data) => set({ to: data.value })}
                />
              </Field>
            )}
          </div>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={running}>
              {t('report.generate')}
            </Button>
          </div>
          {/* Announced politely: the rest of the page stays readable while the figures are built. */}
          <div className={styles.progress} role="status" aria-live="polite">
            {running && (
              <>
                <ProgressBar thickness="large" aria-label={t('report.generating')} />
                <Body1>{t('report.generating')}</Body1>
              </>
            )}
          </div>
        </form>
      </SectionCard>

      {run.status === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('report.failed')}</MessageBarTitle>
            {describeError(i18n, run.error)} {t(report ? 'report.failedKept' : 'report.failedHint')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void generate(run.query)}>{t('common.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {report && shown && (
        <section aria-labelledby="report-heading" className={styles.heading}>
          <h2 id="report-heading" style={{ margin: 0 }}>
            {t(shown.key, shown.params)} · {periodRange(report.review.period)}
          </h2>
          <Body1 className={styles.muted}>
            {endedBy(report.review)
              ? t('report.asOfEnd', { date: formatCivilDate(report.review.period.to) })
              : t('report.asOf', { date: formatDateTime(report.review.asOf, i18n.locale) })}
          </Body1>
          <ReportDownloads bodyId={bodyId} query={report.query} />
        </section>
      )}
      {report && <ReviewSections bodyId={bodyId} review={report.review} />}
    </Page>
  );
}

/** True when the figures are those at the end of the period (24:00 Vietnam time on its last day). */
function endedBy(review: ReviewView): boolean {
  const end = Date.parse(`${review.period.to}T00:00:00+07:00`) + 86_400_000;
  return Date.parse(review.asOf) >= end;
}
