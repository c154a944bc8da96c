import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { CASE_OUTCOMES, type CaseOutcome } from '@qcdc/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { BodyDetail } from '../api/api-types';
import { caseApi, type CaseView } from '../api/case-api';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { civilDate, Facts, LateText, StateBadge } from '../front/front-bits';
import { frontPaths } from '../front/front-routes';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { caseActions } from './case-actions';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '640px',
  },
});

/** `/bodies/{bodyId}/cases/{id}`: the audited view (every open is recorded on the case's chain). */
export function CasePage(props: { bodyId: string; id: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const cases = useMemo(() => caseApi(api), [api]);
  const [data, reload] = useResource(`case:${props.bodyId}/${props.id}`, () =>
    Promise.all([api.getBody(props.bodyId), cases.get(props.bodyId, props.id)]),
  );
  const back = <AppLink to={frontPaths.cases(props.bodyId)}>{t('cases.backToList')}</AppLink>;
  if (data.status !== 'ready') {
    return (
      <Page title={t('cases.title')} actions={back}>
        {data.status === 'loading' ? <Loading /> : <ErrorBar error={data.error} onRetry={reload} />}
      </Page>
    );
  }
  return <CaseDetail body={data.data[0]} initial={data.data[1]} back={back} />;
}

function CaseDetail(props: { body: BodyDetail; initial: CaseView; back: ReactNode }) {
  const { api, userId } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  // A change answer has no content: read the case again (audited) rather than unmount the page.
  const [c, setCase] = useState(props.initial);
  const cases = caseApi(api);
  const actions = caseActions(c, props.body.myRoles, userId);
  const [reason, setReason] = useState('');
  const [handlerId, setHandlerId] = useState('');
  const [outcome, setOutcome] = useState<CaseOutcome>('answered');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setCase(await cases.get(c.bodyId, c.id));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const name = (id: string) =>
    props.body.members.find((m) => m.userId === id)?.displayName ?? t('common.formerMember');
  const version = c.version;
  return (
    <Page
      title={c.number}
      subtitle={<StateBadge>{t(`caseStatus.${c.status}`)}</StateBadge>}
      actions={props.back}
    >
      {error !== null && <ErrorBar error={error} />}
      <SectionCard title={t('cases.content')}>
        <Facts
          rows={[
            [t('cases.kind'), t(`caseKind.${c.kind}`)],
            [t('cases.receivedOn'), civilDate(c.receivedOn)],
            [
              t('cases.acceptanceDeadline'),
              c.acceptanceLate ? (
                <LateText>
                  {civilDate(c.acceptance.deadline)} · {t('front.late')}
                </LateText>
              ) : (
                civilDate(c.acceptance.deadline)
              ),
            ],
            [
              t('cases.resolutionDeadline'),
              c.resolution ? (
                c.resolutionLate ? (
                  <LateText>
                    {civilDate(c.resolution.deadline)} · {t('front.late')}
                  </LateText>
                ) : (
                  civilDate(c.resolution.deadline)
                )
              ) : (
                '—'
              ),
            ],
            [t('cases.handlers'), c.handlerIds.map(name).join(t('common.listSeparator')) || '—'],
          ]}
        />
        {c.summary && <Body1>{c.summary}</Body1>}
        {c.acceptance.reason && (
          <Body1>
            {t('cases.rejectReason')}: {c.acceptance.reason}
          </Body1>
        )}
        {c.resolution?.outcome && (
          <Body1>
            {t(`caseOutcome.${c.resolution.outcome}`)}
            {c.resolution.text ? ` — ${c.resolution.text}` : ''}
          </Body1>
        )}
      </SectionCard>
      {actions.length > 0 && (
        <SectionCard title={t('cases.actions')}>
          {actions.includes('accept') && (
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() =>
                  void run(() => cases.decide(c.bodyId, c.id, { version, decision: 'accept' }))
                }
              >
                {t('cases.accept')}
              </Button>
              <Field label={t('cases.reason')}>
                <Input value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Button
                disabled={busy || !reason.trim()}
                onClick={() =>
                  void run(() =>
                    cases.decide(c.bodyId, c.id, {
                      version,
                      decision: 'reject',
                      reason: reason.trim(),
                    }),
                  )
                }
              >
                {t('cases.reject')}
              </Button>
            </div>
          )}
          {actions.includes('assign') && (
            <div className={styles.row}>
              <Field label={t('cases.handler')}>
                <Select value={handlerId} onChange={(_, d) => setHandlerId(d.value)}>
                  <option value="">{t('recommendation.chooseOwner')}</option>
                  {props.body.members.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.displayName}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                disabled={busy || !handlerId}
                onClick={() =>
                  void run(() =>
                    cases.assign(c.bodyId, c.id, {
                      version,
                      handlerIds: [...new Set([...c.handlerIds, handlerId])],
                    }),
                  )
                }
              >
                {t('cases.assign')}
              </Button>
            </div>
          )}
          {actions.includes('extend') && (
            <div className={styles.row}>
              <Field label={t('cases.reason')}>
                <Input value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Button
                disabled={busy || !reason.trim()}
                onClick={() =>
                  void run(() => cases.extend(c.bodyId, c.id, { version, reason: reason.trim() }))
                }
              >
                {t('cases.extend')}
              </Button>
            </div>
          )}
          {actions.includes('resolve') && (
            <form
              className={styles.form}
              onSubmit={(event) => {
                event.preventDefault();
                if (text.trim())
                  void run(() =>
                    cases.resolve(c.bodyId, c.id, { version, outcome, text: text.trim() }),
                  );
              }}
            >
              <Field label={t('cases.outcome')}>
                <Select value={outcome} onChange={(_, d) => setOutcome(d.value as CaseOutcome)}>
                  {CASE_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`caseOutcome.${o}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('cases.resolutionText')} required>
                <Textarea value={text} onChange={(_, d) => setText(d.value)} />
              </Field>
              <div>
                <Button type="submit" disabled={busy || !text.trim()}>
                  {t('cases.resolve')}
                </Button>
              </div>
            </form>
          )}
        </SectionCard>
      )}
    </Page>
  );
}
