import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { can, DISCLOSURE_CHANNELS, type DisclosureChannel } from '@qcdc/core';
import { useMemo, useState } from 'react';
import { caseApi, type DisclosureView } from '../api/case-api';
import { civilDateFromInput } from '../assignments/assignment-dates';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { civilDate, LateBadge, StateBadge } from '../front/front-bits';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { paths } from '../routing/routes';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '640px',
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** `/bodies/{bodyId}/disclosures`: the public disclosure register (planned → posted → ended). */
export function DisclosuresPage(props: { bodyId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const register = useMemo(() => caseApi(api), [api]);
  const { bodyId } = props;
  const [data, reload] = useResource(`disclosures:${bodyId}`, () =>
    Promise.all([api.getBody(bodyId), register.disclosures(bodyId)]),
  );
  const [title, setTitle] = useState('');
  const [startOn, setStartOn] = useState('');
  const [channels, setChannels] = useState<DisclosureChannel[]>(['headquarters']);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const manage =
    data.status === 'ready' &&
    can({ bodyRoles: data.data[0].myRoles, meetingRoles: [] }, 'disclosure.manage');
  const actionsFor = (d: DisclosureView) =>
    manage && d.status === 'planned' ? (
      <Button
        size="small"
        disabled={busy}
        onClick={() =>
          void run(() => register.postDisclosure(bodyId, d.id, { version: d.version }))
        }
      >
        {t('disclosure.post')}
      </Button>
    ) : manage && d.status === 'posted' ? (
      <Button
        size="small"
        disabled={busy}
        onClick={() => void run(() => register.endDisclosure(bodyId, d.id, { version: d.version }))}
      >
        {t('disclosure.end')}
      </Button>
    ) : null;
  return (
    <Page
      title={t('disclosure.title')}
      actions={<AppLink to={paths.dashboard(bodyId)}>{t('front.backToDashboard')}</AppLink>}
    >
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {error !== null && <ErrorBar error={error} />}
      {data.status === 'ready' && (
        <SectionCard title={t('disclosure.list')}>
          {data.data[1].length === 0 ? (
            <Body1>{t('disclosure.none')}</Body1>
          ) : (
            <Table aria-label={t('disclosure.list')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('disclosure.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('disclosure.period')}</TableHeaderCell>
                  <TableHeaderCell>{t('disclosure.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('disclosure.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.data[1].map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>{d.title}</TableCell>
                    <TableCell>
                      {civilDate(d.startOn)} – {civilDate(d.endOn)}
                    </TableCell>
                    <TableCell>
                      <span className={styles.line}>
                        <StateBadge>{t(`disclosureStatus.${d.status}`)}</StateBadge>
                        {d.startOverdue && <LateBadge>{t('disclosure.startOverdue')}</LateBadge>}
                        {d.periodOver && <LateBadge>{t('disclosure.periodOver')}</LateBadge>}
                      </span>
                    </TableCell>
                    <TableCell>{actionsFor(d)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
      )}
      {manage && (
        <SectionCard title={t('disclosure.create')}>
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              const start = civilDateFromInput(startOn.trim());
              if (!title.trim() || !start || channels.length === 0) return;
              void run(async () => {
                await register.createDisclosure(bodyId, {
                  title: title.trim(),
                  channels,
                  startOn: start,
                });
                setTitle('');
                setStartOn('');
              });
            }}
          >
            <Field label={t('disclosure.name')} required>
              <Input value={title} onChange={(_, d) => setTitle(d.value)} />
            </Field>
            <Field label={t('disclosure.startOn')} required>
              <Input
                value={startOn}
                placeholder="dd/MM/yyyy"
                onChange={(_, d) => setStartOn(d.value)}
              />
            </Field>
            <fieldset className={styles.line}>
              <legend>{t('disclosure.channels')}</legend>
              {DISCLOSURE_CHANNELS.map((ch) => (
                <Checkbox
                  key={ch}
                  label={t(`disclosureChannel.${ch}`)}
                  checked={channels.includes(ch)}
                  onChange={(_, d) =>
                    setChannels((current) =>
                      d.checked ? [...current, ch] : current.filter((x) => x !== ch),
                    )
                  }
                />
              ))}
            </fieldset>
            <div>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('disclosure.createSubmit')}
              </Button>
            </div>
          </form>
        </SectionCard>
      )}
    </Page>
  );
}
