import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { BODY_ROLES, type BodyRole, type UnitBodyEntry } from '@qcdc/core';
import { useEffect, useMemo, useState } from 'react';
import { adminApi, type AdminMemberView } from '../api/admin-api';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { roleKey, useI18n } from '../i18n';
import { useAdminStyles } from './admin-styles';
import { useAdminAction } from './use-admin-action';

/**
 * A body's members and their roles. A person may hold several roles (head and secretary of a
 * small body), so each member has a group of role checkboxes: ticking or clearing one saves the
 * whole set at once, keeping the others. When the server refuses (e.g. the body would lose its
 * last head) the list keeps showing the stored roles. The last role left cannot be cleared here:
 * removing someone from the body is its own button.
 */
export function MembersSection(props: {
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
  const [members, setMembers] = useState<AdminMemberView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState({ userId: '', displayName: '', title: '', role: 'member' });

  useEffect(() => {
    if (!bodyId) return;
    let live = true;
    setMembers(null);
    setLoadError(null);
    admin.listMembers(props.unitId, bodyId).then(
      (loaded) => live && setMembers(loaded),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [admin, props.unitId, bodyId]);

  const save = (work: () => Promise<AdminMemberView[]>) =>
    action.run(async () => {
      setMembers(await work());
      props.onChanged();
    });

  return (
    <section className={styles.section} aria-labelledby="admin-members">
      <Subtitle2 as="h2" id="admin-members" className={styles.heading}>
        {t('admin.members.title')}
      </Subtitle2>
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
      {members === null && loadError === null && <Loading />}
      {members !== null && (
        <ul className={styles.list} aria-label={t('admin.members.list')}>
          {members.map((member) => (
            <li key={member.userId} className={styles.item} data-testid="admin-member">
              <div className={styles.grow}>
                <Body1>{member.displayName}</Body1>
                {member.title && <Caption1 className={styles.muted}>{member.title}</Caption1>}
              </div>
              <div
                role="group"
                aria-label={t('admin.members.role', { name: member.displayName })}
                className={styles.roles}
              >
                {BODY_ROLES.map((role) => {
                  const held = member.roles.includes(role);
                  return (
                    <Checkbox
                      key={role}
                      label={t(roleKey(role))}
                      checked={held}
                      disabled={action.busy || (held && member.roles.length === 1)}
                      onChange={(_, data) =>
                        void save(() =>
                          admin.putMember(props.unitId, bodyId, {
                            ...member,
                            roles: data.checked
                              ? [...member.roles, role]
                              : member.roles.filter((r) => r !== role),
                          }),
                        )
                      }
                    />
                  );
                })}
              </div>
              <Button
                size="small"
                disabled={action.busy}
                aria-label={t('admin.members.remove', { name: member.displayName })}
                onClick={() =>
                  void save(() => admin.removeMember(props.unitId, bodyId, member.userId))
                }
              >
                {t('admin.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3" className={styles.heading}>
        {t('admin.members.add')}
      </Subtitle2>
      <div className={styles.row}>
        <Field label={t('admin.person.userId')} className={styles.field}>
          <Input
            value={draft.userId}
            onChange={(_, data) => setDraft({ ...draft, userId: data.value.trim() })}
          />
        </Field>
        <Field label={t('admin.person.displayName')} className={styles.field}>
          <Input
            value={draft.displayName}
            onChange={(_, data) => setDraft({ ...draft, displayName: data.value })}
          />
        </Field>
        <Field label={t('admin.person.title')} className={styles.field}>
          <Input
            value={draft.title}
            onChange={(_, data) => setDraft({ ...draft, title: data.value })}
          />
        </Field>
        <Field label={t('admin.members.newRole')} className={styles.field}>
          <Select
            className={styles.select}
            value={draft.role}
            onChange={(_, data) => setDraft({ ...draft, role: data.value })}
          >
            {BODY_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(roleKey(role))}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={action.busy || !bodyId || !draft.userId || !draft.displayName.trim()}
          onClick={async () => {
            const ok = await save(() =>
              admin.putMember(props.unitId, bodyId, {
                userId: draft.userId,
                displayName: draft.displayName,
                title: draft.title,
                roles: [draft.role as BodyRole],
              }),
            );
            if (ok) setDraft({ userId: '', displayName: '', title: '', role: 'member' });
          }}
        >
          {t('admin.members.addButton')}
        </Button>
      </div>
      <Caption1 className={styles.muted}>{t('admin.members.roleHint')}</Caption1>
      <Caption1 className={styles.muted}>{t('admin.members.delegatesNote')}</Caption1>
    </section>
  );
}
