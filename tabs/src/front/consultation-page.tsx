import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { RESPONSE_KINDS, type ResponseKind } from '@qcdc/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { BodyDetail } from '../api/api-types';
import {
  frontApi,
  type ConsultationDetail,
  type ConsultationView,
  type RecommendationView,
} from '../api/front-api';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { SectionCard } from '../components/section-card';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import {
  consultationActions,
  recommendationActions,
  type RecommendationAction,
} from './consultation-actions';
import { consultationKindKey } from './consultations-page';
import { civilDate, Facts, LateBadge, LateText, StateBadge } from './front-bits';
import { frontPaths } from './front-routes';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '640px',
  },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
  },
  response: {
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** `/bodies/{bodyId}/consultations/{id}`: one consultation, its recommendations and their answers. */
export function ConsultationPage(props: { bodyId: string; id: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const front = useMemo(() => frontApi(api), [api]);
  const [data, reload] = useResource(`consultation:${props.bodyId}/${props.id}`, () =>
    Promise.all([api.getBody(props.bodyId), front.get(props.bodyId, props.id)]),
  );
  const back = (
    <AppLink to={frontPaths.consultations(props.bodyId)}>{t('consultation.backToList')}</AppLink>
  );
  if (data.status !== 'ready') {
    return (
      <Page title={t('front.title')} actions={back}>
        {data.status === 'loading' ? <Loading /> : <ErrorBar error={data.error} onRetry={reload} />}
      </Page>
    );
  }
  return <ConsultationView body={data.data[0]} initial={data.data[1]} back={back} />;
}

function ConsultationView(props: {
  body: BodyDetail;
  initial: ConsultationDetail;
  back: ReactNode;
}) {
  const { api, userId } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const front = frontApi(api);
  // Kept here, not reloaded through the page: a refresh never unmounts a form being typed in.
  const [detail, setDetail] = useState(props.initial);
  const { consultation: c, recommendations, side } = detail;
  const caller = { side, roles: props.body.myRoles, userId };
  const actions = consultationActions(c, caller);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string | undefined) =>
    id
      ? (props.body.members.find((m) => m.userId === id)?.displayName ?? t('common.formerMember'))
      : t('recommendation.noOwner');

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setDetail(await front.get(c.bodyId, c.id));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const sendLine = c.sendCheck ? (
    c.sendCheck.late ? (
      <LateText>{t('consultation.sendLate', { date: civilDate(c.sendCheck.latestOn) })}</LateText>
    ) : (
      t('consultation.sendOnTime', { date: civilDate(c.sendCheck.latestOn) })
    )
  ) : (
    t('consultation.sendNoCheck')
  );

  return (
    <Page
      title={c.title}
      subtitle={
        <div className={styles.line}>
          <StateBadge>{t(consultationKindKey(c.kind))}</StateBadge>
          <StateBadge color={c.status === 'sent' ? 'brand' : 'informative'}>
            {t(`consultationStatus.${c.status}`)}
          </StateBadge>
        </div>
      }
      actions={props.back}
    >
      {error !== null && <ErrorBar error={error} />}
      <SectionCard
        title={t('consultation.document')}
        actions={
          <div className={styles.line}>
            {actions.includes('send') && (
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => void run(() => front.send(c.bodyId, c.id, { version: c.version }))}
              >
                {t('consultation.send')}
              </Button>
            )}
            {actions.includes('close') && (
              <Button
                disabled={busy}
                onClick={() => void run(() => front.close(c.bodyId, c.id, { version: c.version }))}
              >
                {t('consultation.close')}
              </Button>
            )}
          </div>
        }
      >
        <Facts
          rows={[
            [t('consultation.documentTitle'), c.documentTitle],
            [t('consultation.frontName'), c.frontName],
            [t('consultation.referenceOn'), civilDate(c.referenceOn)],
            [t('consultation.sentOn'), civilDate(c.sentOn)],
            [t('consultation.leadTime'), c.status === 'draft' ? '—' : sendLine],
            [
              t('consultation.progress'),
              t('consultation.responded', { responded: c.stats.responded, total: c.stats.total }),
            ],
          ]}
        />
        {c.description && <Body1>{c.description}</Body1>}
      </SectionCard>
      <SectionCard title={t('recommendation.title', { count: recommendations.length })}>
        {recommendations.length === 0 ? (
          <Body1>
            {t(c.status === 'draft' ? 'recommendation.notSent' : 'recommendation.none')}
          </Body1>
        ) : (
          <ol className={styles.list} aria-label={t('recommendation.list')}>
            {recommendations.map((r) => (
              <RecommendationItem
                key={r.id}
                consultation={c}
                recommendation={r}
                body={props.body}
                ownerName={nameOf(r.ownerId)}
                actions={recommendationActions(r, c, caller)}
                busy={busy}
                run={run}
              />
            ))}
          </ol>
        )}
        {actions.includes('addRecommendation') && (
          <AddRecommendation consultation={c} body={props.body} busy={busy} run={run} />
        )}
      </SectionCard>
    </Page>
  );
}

function RecommendationItem(props: {
  consultation: ConsultationView;
  recommendation: RecommendationView;
  body: BodyDetail;
  ownerName: string;
  actions: RecommendationAction[];
  busy: boolean;
  run: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const front = frontApi(api);
  const r = props.recommendation;
  const c = props.consultation;
  const [ownerId, setOwnerId] = useState(r.ownerId ?? '');
  const [kind, setKind] = useState<ResponseKind>(r.response?.kind ?? 'accepted');
  const [text, setText] = useState(r.response?.text ?? '');
  const [reason, setReason] = useState('');
  const label = t('recommendation.number', { number: r.number });
  const statusColor =
    r.status === 'responded'
      ? 'success'
      : r.status === 'responseDrafted'
        ? 'warning'
        : 'informative';
  return (
    <li className={styles.item} aria-label={label}>
      <div className={styles.line}>
        <strong>{label}</strong>
        <StateBadge color={statusColor}>{t(`recommendationStatus.${r.status}`)}</StateBadge>
        {r.late && <LateBadge />}
        {r.onTime === true && <StateBadge color="success">{t('recommendation.onTime')}</StateBadge>}
      </div>
      <Body1>{r.text}</Body1>
      <Caption1 className={styles.muted}>
        {t('recommendation.meta', {
          owner: props.ownerName,
          received: civilDate(r.receivedOn),
          deadline: civilDate(r.deadline),
        })}
        {r.rule.source !== 'law' && ` · ${t('recommendation.unitRule')}`}
      </Caption1>
      {r.late && (
        <LateText>{t('recommendation.lateLine', { deadline: civilDate(r.deadline) })}</LateText>
      )}
      {r.response && (
        <div className={styles.response}>
          <strong>
            {t(`responseKind.${r.response.kind}`)}
            {r.status === 'responseDrafted' && ` (${t('recommendation.draft')})`}
          </strong>
          <br />
          <Body1 as="p">{r.response.text}</Body1>
        </div>
      )}
      {r.returnReason && r.status === 'assigned' && (
        <Caption1>{t('recommendation.returned', { reason: r.returnReason })}</Caption1>
      )}
      {props.actions.includes('assign') && (
        <div className={styles.row}>
          <Field label={t('recommendation.owner')}>
            <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
              <option value="">{t('recommendation.chooseOwner')}</option>
              {props.body.members
                .filter((m) => m.roles.some((role) => role !== 'observer'))
                .map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.displayName}
                  </option>
                ))}
            </Select>
          </Field>
          <Button
            disabled={props.busy || !ownerId || ownerId === r.ownerId}
            onClick={() =>
              void props.run(() =>
                front.assign(c.bodyId, c.id, r.id, { version: r.version, ownerId }),
              )
            }
          >
            {t('recommendation.assign')}
          </Button>
        </div>
      )}
      {props.actions.includes('draftResponse') && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) return;
            void props.run(() =>
              front.draftResponse(c.bodyId, c.id, r.id, {
                version: r.version,
                kind,
                text: text.trim(),
              }),
            );
          }}
        >
          <Field label={t('recommendation.responseKind')}>
            <Select value={kind} onChange={(_, d) => setKind(d.value as ResponseKind)}>
              {RESPONSE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`responseKind.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('recommendation.responseText')} required>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <div>
            <Button type="submit" appearance="primary" disabled={props.busy || !text.trim()}>
              {t('recommendation.draftSubmit')}
            </Button>
          </div>
        </form>
      )}
      {props.actions.includes('approveResponse') && (
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={props.busy}
            onClick={() =>
              void props.run(() =>
                front.decideResponse(c.bodyId, c.id, r.id, {
                  version: r.version,
                  decision: 'approve',
                }),
              )
            }
          >
            {t('recommendation.approve')}
          </Button>
          {props.actions.includes('returnResponse') && (
            <>
              <Field label={t('recommendation.returnReason')}>
                <Input value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Button
                disabled={props.busy || !reason.trim()}
                onClick={() =>
                  void props.run(() =>
                    front.decideResponse(c.bodyId, c.id, r.id, {
                      version: r.version,
                      decision: 'return',
                      reason: reason.trim(),
                    }),
                  )
                }
              >
                {t('recommendation.return')}
              </Button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function AddRecommendation(props: {
  consultation: ConsultationView;
  body: BodyDetail;
  busy: boolean;
  run: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState('');
  const c = props.consultation;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        const value = text.trim();
        if (!value) return;
        void props.run(async () => {
          await frontApi(api).addRecommendation(c.bodyId, c.id, { text: value });
          setText('');
        });
      }}
    >
      <Field label={t('recommendation.newText')} required>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} />
      </Field>
      <div>
        <Button type="submit" disabled={props.busy || !text.trim()}>
          {t('recommendation.add')}
        </Button>
      </div>
    </form>
  );
}
