import { Body1, Button, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { BODY_KINDS, type BodyKind, type UnitBodyEntry } from '@qcdc/core';
import { useMemo, useState } from 'react';
import { adminApi, type AdminUnitView } from '../api/admin-api';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { bodyKindKey, useI18n } from '../i18n';
import { useAdminStyles } from './admin-styles';
import { useAdminAction } from './use-admin-action';

/** The unit's name, province and administrators; its bodies, renamed and created here. */
export function UnitSection(props: {
  unit: AdminUnitView;
  bodies: UnitBodyEntry[];
  onChanged: (unit: AdminUnitView, bodies: UnitBodyEntry[]) => void;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useAdminStyles();
  const admin = useMemo(() => adminApi(api), [api]);
  const action = useAdminAction();
  const [name, setName] = useState(props.unit.name);
  const [province, setProvince] = useState(props.unit.province);
  const [newAdmin, setNewAdmin] = useState({ userId: '', displayName: '' });
  const [renames, setRenames] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState({
    kind: 'peoplesInspectionBoard' as BodyKind,
    name: '',
    headId: '',
    headName: '',
  });

  const saveUnit = (change: Parameters<typeof admin.updateUnit>[1]) =>
    action.run(async () => {
      const answer = await admin.updateUnit(props.unit.id, change);
      props.onChanged(answer.unit, answer.bodies);
    });

  const refreshUnit = async () => {
    const answer = await admin.getUnit(props.unit.id);
    props.onChanged(answer.unit, answer.bodies);
  };

  return (
    <section className={styles.section} aria-labelledby="admin-unit">
      <Subtitle2 as="h2" id="admin-unit" className={styles.heading}>
        {t('admin.unit.title')}
      </Subtitle2>
      {action.error !== null && <ErrorBar error={action.error} />}
      <div className={styles.row}>
        <Field label={t('admin.unit.name')} className={styles.field}>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('admin.unit.province')} className={styles.field}>
          <Input value={province} onChange={(_, data) => setProvince(data.value)} />
        </Field>
        <Button
          disabled={action.busy || (name === props.unit.name && province === props.unit.province)}
          onClick={() => void saveUnit({ version: props.unit.version, name, province })}
        >
          {t('admin.save')}
        </Button>
      </div>

      <Subtitle2 as="h3" className={styles.heading}>
        {t('admin.unit.admins')}
      </Subtitle2>
      <ul className={styles.list}>
        {props.unit.admins.map((person) => (
          <li key={person.userId} className={styles.item}>
            <span className={styles.grow}>{person.displayName}</span>
            <Button
              size="small"
              disabled={action.busy}
              aria-label={t('admin.unit.removeAdmin', { name: person.displayName })}
              onClick={() =>
                void saveUnit({
                  version: props.unit.version,
                  admins: props.unit.admins.filter((a) => a.userId !== person.userId),
                })
              }
            >
              {t('admin.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Field label={t('admin.person.userId')} className={styles.field}>
          <Input
            value={newAdmin.userId}
            onChange={(_, data) => setNewAdmin({ ...newAdmin, userId: data.value.trim() })}
          />
        </Field>
        <Field label={t('admin.person.displayName')} className={styles.field}>
          <Input
            value={newAdmin.displayName}
            onChange={(_, data) => setNewAdmin({ ...newAdmin, displayName: data.value })}
          />
        </Field>
        <Button
          disabled={action.busy || !newAdmin.userId || !newAdmin.displayName.trim()}
          onClick={async () => {
            const ok = await saveUnit({
              version: props.unit.version,
              admins: [...props.unit.admins, newAdmin],
            });
            if (ok) setNewAdmin({ userId: '', displayName: '' });
          }}
        >
          {t('admin.unit.addAdmin')}
        </Button>
      </div>

      <Subtitle2 as="h3" className={styles.heading}>
        {t('admin.bodies.title')}
      </Subtitle2>
      <ul className={styles.list}>
        {props.bodies.map((body) => {
          const value = renames[body.id] ?? body.name;
          return (
            <li key={body.id} className={styles.item}>
              <Field
                label={`${t(bodyKindKey(body.kind))}: ${t('admin.bodies.name')}`}
                className={styles.grow}
              >
                <Input
                  value={value}
                  onChange={(_, data) => setRenames({ ...renames, [body.id]: data.value })}
                />
              </Field>
              <Button
                size="small"
                disabled={action.busy || value.trim() === '' || value === body.name}
                onClick={() =>
                  void action.run(async () => {
                    await admin.renameBody(props.unit.id, body.id, value);
                    await refreshUnit();
                  })
                }
              >
                {t('admin.bodies.rename')}
              </Button>
            </li>
          );
        })}
      </ul>
      <Body1 className={styles.muted}>{t('admin.bodies.createHint')}</Body1>
      <div className={styles.row}>
        <Field label={t('admin.bodies.kind')} className={styles.field}>
          <Select
            className={styles.select}
            value={draft.kind}
            onChange={(_, data) => setDraft({ ...draft, kind: data.value as BodyKind })}
          >
            {BODY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(bodyKindKey(kind))}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('admin.bodies.name')} className={styles.field}>
          <Input
            value={draft.name}
            onChange={(_, data) => setDraft({ ...draft, name: data.value })}
          />
        </Field>
        <Field label={t('admin.bodies.headId')} className={styles.field}>
          <Input
            value={draft.headId}
            onChange={(_, data) => setDraft({ ...draft, headId: data.value.trim() })}
          />
        </Field>
        <Field label={t('admin.bodies.headName')} className={styles.field}>
          <Input
            value={draft.headName}
            onChange={(_, data) => setDraft({ ...draft, headName: data.value })}
          />
        </Field>
        <Button
          appearance="primary"
          disabled={action.busy || !draft.name.trim() || !draft.headId || !draft.headName.trim()}
          onClick={async () => {
            const ok = await action.run(async () => {
              await admin.createBody(props.unit.id, {
                kind: draft.kind,
                name: draft.name,
                head: { userId: draft.headId, displayName: draft.headName, title: '' },
              });
              await refreshUnit();
            });
            if (ok) setDraft({ ...draft, name: '', headId: '', headName: '' });
          }}
        >
          {t('admin.bodies.create')}
        </Button>
      </div>
    </section>
  );
}
