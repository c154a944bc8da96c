import { Badge, Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import { formatDateTime } from '@qcdc/core';
import { useEffect, useMemo, useState } from 'react';
import { adminApi, type AdminAuditEvent } from '../api/admin-api';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { useI18n, type MessageKey } from '../i18n';
import { useAdminStyles } from './admin-styles';

const KNOWN_ACTIONS = new Set([
  'unit.administrationCreated',
  'unit.updated',
  'unit.bodyCreated',
  'unit.bodyRenamed',
  'body.created',
  'body.renamed',
  'member.added',
  'member.changed',
  'member.removed',
  'settings.versionAdded',
  'settings.versionChanged',
  'holidays.changed',
  'delegation.added',
  'delegation.ended',
  'delegation.cancelled',
]);

/** What was changed as one short line: field names and the new values, never the hashes. */
function describeChanges(changes: AdminAuditEvent['changes']): string {
  return Object.entries(changes)
    .map(([field, [, after]]) => {
      const shown =
        after === null ? '—' : typeof after === 'string' ? after : JSON.stringify(after);
      return `${field}: ${shown.length > 120 ? `${shown.slice(0, 117)}…` : shown}`;
    })
    .join('; ');
}

/** The unit's and its bodies' audit chains, newest first, with whether every chain verifies. */
export function AuditSection(props: { unitId: string; refreshKey: number }) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const styles = useAdminStyles();
  const admin = useMemo(() => adminApi(api), [api]);
  const [view, setView] = useState<{ events: AdminAuditEvent[]; verified: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    admin.audit(props.unitId).then(
      (loaded) => {
        if (!live) return;
        setView(loaded);
        setError(null);
      },
      (failed: unknown) => live && setError(failed),
    );
    return () => {
      live = false;
    };
  }, [admin, props.unitId, props.refreshKey]);

  return (
    <section id="audit" className={styles.section} aria-labelledby="admin-audit">
      <Subtitle2 as="h2" id="admin-audit" className={styles.heading}>
        {t('admin.audit.title')}
      </Subtitle2>
      {error !== null && <ErrorBar error={error} />}
      {view === null && error === null && <Loading />}
      {view !== null && (
        <>
          <div>
            <Badge appearance="tint" color={view.verified ? 'success' : 'danger'}>
              {view.verified ? t('admin.audit.verified') : t('admin.audit.broken')}
            </Badge>
          </div>
          <ul className={styles.list} aria-label={t('admin.audit.title')}>
            {view.events.slice(0, 100).map((event) => (
              <li
                key={`${event.aggregateId}-${event.seq}`}
                className={styles.item}
                data-testid="audit-event"
              >
                <div className={styles.grow}>
                  <Body1>
                    {KNOWN_ACTIONS.has(event.action)
                      ? t(`admin.audit.action.${event.action}` as MessageKey)
                      : event.action}
                    {' — '}
                    {event.aggregateName}
                  </Body1>
                  <Caption1 className={styles.muted}>
                    {t('admin.audit.by', {
                      name: event.actorName,
                      at: formatDateTime(event.at, locale),
                    })}
                  </Caption1>
                  <Caption1>{describeChanges(event.changes)}</Caption1>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
