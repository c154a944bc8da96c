import {
  Body1,
  Button,
  Field,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { CASE_KINDS, type CaseKind } from '@qcdc/core';
import { useMemo, useState } from 'react';
import { caseApi } from '../api/case-api';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { civilDate, LateBadge, StateBadge } from '../front/front-bits';
import { frontPaths } from '../front/front-routes';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { navigate } from '../routing/history';
import { paths } from '../routing/routes';
import { canIntakeCase } from './case-actions';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '640px',
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/**
 * `/bodies/{bodyId}/cases`: "Hồ sơ của tôi" (the head: every case of the body). Numbers, kinds,
 * deadlines and statuses only; names and content open in the audited case view.
 */
export function CasesPage(props: { bodyId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const cases = useMemo(() => caseApi(api), [api]);
  const { bodyId } = props;
  const [data, reload] = useResource(`cases:${bodyId}`, () =>
    Promise.all([api.getBody(bodyId), cases.list(bodyId)]),
  );
  const [kind, setKind] = useState<CaseKind>('feedback');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const intake = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await cases.intake(bodyId, { kind, summary: summary.trim() });
      navigate(frontPaths.case(bodyId, created.id));
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };
  return (
    <Page
      title={t('cases.title')}
      actions={<AppLink to={paths.dashboard(bodyId)}>{t('front.backToDashboard')}</AppLink>}
    >
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <SectionCard title={t('cases.mine')}>
          {data.data[1].length === 0 ? (
            <Body1>{t('cases.none')}</Body1>
          ) : (
            <Table aria-label={t('cases.mine')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('cases.number')}</TableHeaderCell>
                  <TableHeaderCell>{t('cases.kind')}</TableHeaderCell>
                  <TableHeaderCell>{t('cases.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('cases.receivedOn')}</TableHeaderCell>
                  <TableHeaderCell>{t('cases.deadline')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.data[1].map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <AppLink to={frontPaths.case(bodyId, c.id)}>{c.number}</AppLink>
                    </TableCell>
                    <TableCell>{t(`caseKind.${c.kind}`)}</TableCell>
                    <TableCell>
                      <StateBadge>{t(`caseStatus.${c.status}`)}</StateBadge>
                    </TableCell>
                    <TableCell>{civilDate(c.receivedOn)}</TableCell>
                    <TableCell>
                      <span className={styles.line}>
                        {c.stage ? `${t(`caseStage.${c.stage}`)}: ${civilDate(c.deadline)}` : '—'}
                        {c.overdue && <LateBadge />}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
      )}
      {data.status === 'ready' && canIntakeCase(data.data[0].myRoles) && (
        <SectionCard title={t('cases.intake')}>
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              if (summary.trim()) void intake();
            }}
          >
            <Field label={t('cases.kind')}>
              <Select value={kind} onChange={(_, d) => setKind(d.value as CaseKind)}>
                {CASE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`caseKind.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('cases.summary')} required>
              <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} />
            </Field>
            {error !== null && <ErrorBar error={error} />}
            <div>
              <Button type="submit" appearance="primary" disabled={busy || !summary.trim()}>
                {t('cases.intakeSubmit')}
              </Button>
            </div>
          </form>
        </SectionCard>
      )}
    </Page>
  );
}
