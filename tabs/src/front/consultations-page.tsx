import {
  Body1,
  Button,
  Field,
  Input,
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
import { CONSULTATION_KINDS, type ConsultationKind } from '@qcdc/core';
import { useMemo, useState } from 'react';
import { frontApi } from '../api/front-api';
import { civilDateFromInput } from '../assignments/assignment-dates';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { useI18n, type MessageKey } from '../i18n';
import { AppLink } from '../routing/app-link';
import { navigate } from '../routing/history';
import { paths } from '../routing/routes';
import { canCreateConsultation } from './consultation-actions';
import { civilDate, LateBadge, StateBadge } from './front-bits';
import { frontPaths } from './front-routes';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '640px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export const consultationKindKey = (kind: ConsultationKind): MessageKey =>
  `consultationKind.${kind}`;

/** `/bodies/{bodyId}/consultations`: the body's Front supervisions and social critiques. */
export function ConsultationsPage(props: { bodyId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const front = useMemo(() => frontApi(api), [api]);
  const { bodyId } = props;
  const [data, reload] = useResource(`consultations:${bodyId}`, () =>
    Promise.all([api.getBody(bodyId), front.list(bodyId)]),
  );
  const [creating, setCreating] = useState(false);
  const roles = data.status === 'ready' ? data.data[0].myRoles : [];
  const actions = (
    <div className={styles.actions}>
      <AppLink to={paths.dashboard(bodyId)}>{t('front.backToDashboard')}</AppLink>
      {data.status === 'ready' && canCreateConsultation(roles) && !creating && (
        <Button appearance="primary" onClick={() => setCreating(true)}>
          {t('consultation.create')}
        </Button>
      )}
    </div>
  );
  return (
    <Page
      title={t('front.title')}
      subtitle={data.status === 'ready' ? <Body1>{data.data[0].body.name}</Body1> : undefined}
      actions={actions}
    >
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <ErrorBar error={data.error} onRetry={reload} />}
      {creating && (
        <CreateConsultationForm
          bodyId={bodyId}
          defaultFront={t('consultation.defaultFront', {
            unit: data.status === 'ready' ? data.data[0].body.unitName : '',
          })}
          onCancel={() => setCreating(false)}
        />
      )}
      {data.status === 'ready' && (
        <SectionCard title={t('consultation.list')}>
          {data.data[1].consultations.length === 0 ? (
            <Body1>{t('consultation.none')}</Body1>
          ) : (
            <Table aria-label={t('consultation.list')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('consultation.title')}</TableHeaderCell>
                  <TableHeaderCell>{t('consultation.kind')}</TableHeaderCell>
                  <TableHeaderCell>{t('consultation.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('consultation.sentOn')}</TableHeaderCell>
                  <TableHeaderCell>{t('consultation.progress')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.data[1].consultations.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <AppLink to={frontPaths.consultation(bodyId, c.id)}>{c.title}</AppLink>
                    </TableCell>
                    <TableCell>{t(consultationKindKey(c.kind))}</TableCell>
                    <TableCell>
                      <StateBadge>{t(`consultationStatus.${c.status}`)}</StateBadge>
                    </TableCell>
                    <TableCell>
                      <span className={styles.badges}>
                        {civilDate(c.sentOn)}
                        {c.sendCheck?.late && <LateBadge>{t('consultation.sentLate')}</LateBadge>}
                      </span>
                    </TableCell>
                    <TableCell>
                      <span className={styles.badges}>
                        {t('consultation.responded', {
                          responded: c.stats.responded,
                          total: c.stats.total,
                        })}
                        {c.stats.late > 0 && (
                          <LateBadge>
                            {t('consultation.lateCount', { count: c.stats.late })}
                          </LateBadge>
                        )}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
      )}
    </Page>
  );
}

function CreateConsultationForm(props: {
  bodyId: string;
  defaultFront: string;
  onCancel: () => void;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState<ConsultationKind>('socialCritique');
  const [title, setTitle] = useState('');
  const [documentTitle, setDocumentTitle] = useState('');
  const [description, setDescription] = useState('');
  const [frontName, setFrontName] = useState(props.defaultFront);
  const [referenceOn, setReferenceOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const reference = referenceOn.trim() ? civilDateFromInput(referenceOn.trim()) : undefined;
    if (!title.trim() || !documentTitle.trim() || !frontName.trim() || reference === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    setError(null);
    try {
      const created = await frontApi(api).create(props.bodyId, {
        kind,
        title: title.trim(),
        documentTitle: documentTitle.trim(),
        frontName: frontName.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(reference ? { referenceOn: reference } : {}),
      });
      navigate(frontPaths.consultation(props.bodyId, created.id));
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <SectionCard title={t('consultation.create')}>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t('consultation.kind')}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as ConsultationKind)}>
            {CONSULTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(consultationKindKey(k))}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('consultation.title')} required>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <Field label={t('consultation.documentTitle')} required>
          <Input value={documentTitle} onChange={(_, d) => setDocumentTitle(d.value)} />
        </Field>
        <Field label={t('consultation.description')}>
          <Textarea value={description} onChange={(_, d) => setDescription(d.value)} />
        </Field>
        <Field label={t('consultation.frontName')} required>
          <Input value={frontName} onChange={(_, d) => setFrontName(d.value)} />
        </Field>
        <Field label={t('consultation.referenceOn')} hint={t('consultation.referenceHint')}>
          <Input
            value={referenceOn}
            placeholder="dd/MM/yyyy"
            onChange={(_, d) => setReferenceOn(d.value)}
          />
        </Field>
        {invalid && <ErrorBar title={t('form.fixErrors')} />}
        {error !== null && <ErrorBar error={error} />}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('consultation.createSubmit')}
          </Button>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </SectionCard>
  );
}
