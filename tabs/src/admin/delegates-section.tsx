import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import type { DelegationStatus, UnitBodyEntry } from '@qcdc/core';
import { useEffect, useMemo, useState } from 'react';
import { adminApi, type AdminDelegationsView, type AdminMemberView } from '../api/admin-api';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { useI18n } from '../i18n';
import { fromDmy, toDmy } from './admin-dates';
import { useAdminStyles } from './admin-styles';
import { useAdminAction } from './use-admin-action';

/** The delegate picker's value for "someone who is not a member of this body". */
const OTHER = '__other__';

const STATUS_COLOR: Record<DelegationStatus, 'success' | 'informative' | 'subtle'> = {
  inForce: 'success',
  upcoming: 'informative',
  past: 'subtle',
  cancelled: 'subtle',
};

const emptyDraft = {
  memberId: '',
  delegateId: '',
  otherName: '',
  otherTitle: '',
  otherUserId: '',
  from: '',
  until: '',
  reason: '',
};

/**
 * Standing delegations (docs/admin.md): a body member represented by someone else from one date
 * to another, both included. The server refuses overlaps, oneself and reversed dates; the list is
 * only ever replaced by what it answered, so a refused change never shows as made.
 */
export function DelegatesSection(props: {
  unitId: string;
  bodies: UnitBodyEntry[];
  onChanged: () => void;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useAdminStyles();
  const admin = useMemo(() => adminApi(api), [api]);
  const action = useAdminAction();
  const [bodyId, setBodyId] = useState(props.bodies[0]?.id ?? '');
  const [view, setView] = useState<AdminDelegationsView | null>(null);
  const [members, setMembers] = useState<AdminMemberView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState(emptyDraft);
  const [dateError, setDateError] = useState(false);

  useEffect(() => {
    let live = true;
    admin.listDelegations(props.unitId).then(
      (loaded) => live && setView(loaded),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [admin, props.unitId]);

  useEffect(() => {
    if (!bodyId) return;
    let live = true;
    setMembers(null);
    setDraft(emptyDraft);
    admin.listMembers(props.unitId, bodyId).then(
      (loaded) => live && setMembers(loaded),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [admin, props.unitId, bodyId]);

  const save = (work: () => Promise<AdminDelegationsView>) =>
    action.run(async () => {
      setView(await work());
      props.onChanged();
    });

  const memberId = draft.memberId || members?.[0]?.userId || '';
  const candidates = (members ?? []).filter((m) => m.userId !== memberId);
  const delegateId = draft.delegateId || candidates[0]?.userId || OTHER;
  const delegateMember = candidates.find((m) => m.userId === delegateId);
  const ready =
    memberId !== '' &&
    draft.from.trim() !== '' &&
    draft.until.trim() !== '' &&
    draft.reason.trim() !== '' &&
    (delegateId !== OTHER || draft.otherName.trim() !== '');

  const add = async () => {
    const from = fromDmy(draft.from);
    const until = fromDmy(draft.until);
    if (!from || !until) {
      setDateError(true);
      return;
    }
    setDateError(false);
    const otherUserId = draft.otherUserId.trim();
    const delegate = delegateMember
      ? {
          userId: delegateMember.userId,
          displayName: delegateMember.displayName,
          title: delegateMember.title,
        }
      : {
          ...(otherUserId ? { userId: otherUserId } : {}),
          displayName: draft.otherName.trim(),
          title: draft.otherTitle.trim(),
        };
    const ok = await save(() =>
      admin.addDelegation(props.unitId, {
        bodyId,
        memberId,
        delegate,
        from,
        until,
        reason: draft.reason.trim(),
      }),
    );
    if (ok) setDraft(emptyDraft);
  };

  const shown = (view?.delegations ?? []).filter((d) => d.bodyId === bodyId);

  return (
    <section className={styles.section} aria-labelledby="admin-delegates">
      <Subtitle2 as="h2" id="admin-delegates" className={styles.heading}>
        {t('admin.delegates.title')}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t('admin.delegates.hint')}</Caption1>
      <Field label={t('admin.members.body')}>
        <Select
          className={styles.select}
          value={bodyId}
          onChange={(_, data) => setBodyId(data.value)}
        >
          {props.bodies.map((body) => (
            <option key={body.id} value={body.id}>
              {body.name}
            </option>
          ))}
        </Select>
      </Field>
      {action.error !== null && <ErrorBar error={action.error} />}
      {loadError !== null && <ErrorBar error={loadError} />}
      {view === null && loadError === null && <Loading />}
      {view !== null && shown.length === 0 && <Body1>{t('admin.delegates.none')}</Body1>}
      {view !== null && shown.length > 0 && (
        <ul className={styles.list} aria-label={t('admin.delegates.list')}>
          {shown.map((d) => (
            <li key={d.id} className={styles.item} data-testid="admin-delegation">
              <div className={styles.grow}>
                <Body1>
                  {t('admin.delegates.line', {
                    delegate: d.delegate.displayName,
                    member: d.memberName,
                  })}
                </Body1>
                <Caption1>
                  {t('admin.delegates.period', { from: toDmy(d.from), until: toDmy(d.until) })}
                </Caption1>
                <Caption1 className={styles.muted}>
                  {t('admin.delegates.reasonShown', { reason: d.reason })}
                </Caption1>
                {d.endedByName && (
                  <Caption1 className={styles.muted}>
                    {t('admin.delegates.endedBy', { name: d.endedByName })}
                  </Caption1>
                )}
              </div>
              <Badge appearance="tint" color={STATUS_COLOR[d.status]}>
                {t(`admin.delegates.status.${d.status}`)}
              </Badge>
              {(d.status === 'inForce' || d.status === 'upcoming') && (
                <Button
                  size="small"
                  disabled={action.busy}
                  aria-label={t('admin.delegates.endLabel', { member: d.memberName })}
                  onClick={() => void save(() => admin.endDelegation(props.unitId, d.id))}
                >
                  {t('admin.delegates.end')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3" className={styles.heading}>
        {t('admin.delegates.add')}
      </Subtitle2>
      <div className={styles.row}>
        <Field label={t('admin.delegates.member')} className={styles.field}>
          <Select
            className={styles.select}
            value={memberId}
            disabled={!members}
            onChange={(_, data) => setDraft({ ...draft, memberId: data.value, delegateId: '' })}
          >
            {(members ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('admin.delegates.delegate')} className={styles.field}>
          <Select
            className={styles.select}
            value={delegateId}
            disabled={!members}
            onChange={(_, data) => setDraft({ ...draft, delegateId: data.value })}
          >
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
            <option value={OTHER}>{t('admin.delegates.other')}</option>
          </Select>
        </Field>
      </div>
      {delegateId === OTHER && (
        <div className={styles.row}>
          <Field label={t('admin.delegates.delegateName')} className={styles.field}>
            <Input
              value={draft.otherName}
              onChange={(_, data) => setDraft({ ...draft, otherName: data.value })}
            />
          </Field>
          <Field label={t('admin.delegates.delegateTitle')} className={styles.field}>
            <Input
              value={draft.otherTitle}
              onChange={(_, data) => setDraft({ ...draft, otherTitle: data.value })}
            />
          </Field>
          <Field label={t('admin.delegates.delegateUserId')} className={styles.field}>
            <Input
              value={draft.otherUserId}
              onChange={(_, data) => setDraft({ ...draft, otherUserId: data.value })}
            />
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <Field
          label={t('admin.delegates.from')}
          className={styles.field}
          validationMessage={dateError ? t('admin.dateInvalid') : undefined}
        >
          <Input
            value={draft.from}
            placeholder="dd/MM/yyyy"
            onChange={(_, data) => setDraft({ ...draft, from: data.value })}
          />
        </Field>
        <Field label={t('admin.delegates.until')} className={styles.field}>
          <Input
            value={draft.until}
            placeholder="dd/MM/yyyy"
            onChange={(_, data) => setDraft({ ...draft, until: data.value })}
          />
        </Field>
        <Field label={t('admin.delegates.reason')} className={styles.field}>
          <Input
            value={draft.reason}
            onChange={(_, data) => setDraft({ ...draft, reason: data.value })}
          />
        </Field>
        <Button appearance="primary" disabled={action.busy || !ready} onClick={() => void add()}>
          {t('admin.delegates.addButton')}
        </Button>
      </div>
    </section>
  );
}
