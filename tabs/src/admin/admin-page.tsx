import { Body1, Link, Select, Field } from '@fluentui/react-components';
import type { UnitBodyEntry } from '@qcdc/core';
import { useCallback, useMemo, useState } from 'react';
import { adminApi, type AdminUnitView } from '../api/admin-api';
import { useResource } from '../app/use-resource';
import { useSession } from '../auth/session-context';
import { ErrorBar } from '../components/error-bar';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { useI18n } from '../i18n';
import { navigate } from '../routing/history';
import { adminPaths } from './admin-routes';
import { useAdminStyles } from './admin-styles';
import { AuditSection } from './audit-section';
import { DelegatesSection } from './delegates-section';
import { HolidaysSection } from './holidays-section';
import { MembersSection } from './members-section';
import { SettingsSection } from './settings-section';
import { UnitSection } from './unit-section';

/**
 * Administration of a unit (docs/admin.md), for the people on its admin list: the unit and its
 * bodies, members and roles, standing delegates, dated settings, the yearly holiday table and
 * the audit log.
 */
export function AdminPage(props: { unitId: string | null }) {
  const { api } = useSession();
  const { t } = useI18n();
  const admin = useMemo(() => adminApi(api), [api]);
  const [units, reload] = useResource('admin-units', () => admin.listUnits());

  if (units.status === 'loading') {
    return (
      <Page title={t('admin.title')}>
        <Loading />
      </Page>
    );
  }
  if (units.status === 'failed') {
    return (
      <Page title={t('admin.title')}>
        <ErrorBar error={units.error} onRetry={reload} />
      </Page>
    );
  }
  const unitId = props.unitId ?? units.data[0]?.id ?? null;
  if (!unitId || !units.data.some((unit) => unit.id === unitId)) {
    return (
      <Page title={t('admin.title')}>
        <Body1>{t('admin.notAdmin')}</Body1>
      </Page>
    );
  }
  return <UnitAdministration key={unitId} unitId={unitId} units={units.data} />;
}

function UnitAdministration(props: { unitId: string; units: AdminUnitView[] }) {
  const { api } = useSession();
  const styles = useAdminStyles();
  const { t } = useI18n();
  const admin = useMemo(() => adminApi(api), [api]);
  const [loaded, reload] = useResource(`admin-unit:${props.unitId}`, () =>
    admin.getUnit(props.unitId),
  );
  // What the server last answered; sections replace it only with a successful answer.
  const [current, setCurrent] = useState<{ unit: AdminUnitView; bodies: UnitBodyEntry[] } | null>(
    null,
  );
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  const onUnit = useCallback(
    (unit: AdminUnitView, bodies?: UnitBodyEntry[]) => {
      setCurrent((previous) => {
        const base = previous ?? (loaded.status === 'ready' ? loaded.data : null);
        return base ? { unit, bodies: bodies ?? base.bodies } : null;
      });
      changed();
    },
    [changed, loaded],
  );

  if (loaded.status === 'loading') {
    return (
      <Page title={t('admin.title')}>
        <Loading />
      </Page>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <Page title={t('admin.title')}>
        <ErrorBar error={loaded.error} onRetry={reload} />
      </Page>
    );
  }
  const view = current ?? loaded.data;
  return (
    <Page
      title={t('admin.title')}
      subtitle={<Body1>{t('admin.subtitle', { unit: view.unit.name })}</Body1>}
      actions={
        props.units.length > 1 ? (
          <Field label={t('admin.unitPicker')}>
            <Select
              className={styles.select}
              value={props.unitId}
              onChange={(_, data) => navigate(adminPaths.admin(data.value))}
            >
              {props.units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Link href="#audit">{t('admin.audit.title')}</Link>
        )
      }
    >
      <UnitSection
        unit={view.unit}
        bodies={view.bodies}
        onChanged={(unit, bodies) => onUnit(unit, bodies)}
      />
      <MembersSection unitId={props.unitId} bodies={view.bodies} onChanged={changed} />
      <DelegatesSection unitId={props.unitId} bodies={view.bodies} onChanged={changed} />
      <SettingsSection unitId={props.unitId} version={view.unit.version} onUnit={onUnit} />
      <HolidaysSection unitId={props.unitId} version={view.unit.version} onUnit={onUnit} />
      <AuditSection unitId={props.unitId} refreshKey={changes} />
    </Page>
  );
}
