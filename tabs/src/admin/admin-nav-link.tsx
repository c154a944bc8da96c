import { useContext, useEffect, useMemo, useState } from 'react';
import { adminApi } from '../api/admin-api';
import { SessionContext } from '../auth/session-context';
import { useI18n } from '../i18n';
import { AppLink } from '../routing/app-link';
import { adminPaths } from './admin-routes';

/**
 * The header's link to the administration page, shown only to people on a unit's admin list (the
 * server decides; a failed check shows nothing rather than a link that would answer 403).
 */
export function AdminNavLink() {
  const session = useContext(SessionContext);
  const { t } = useI18n();
  const admin = useMemo(() => (session ? adminApi(session.api) : null), [session]);
  const [isAdmin, setIsAdmin] = useState(false);

  useEffect(() => {
    if (!admin) return;
    let live = true;
    admin.listUnits().then(
      (units) => live && setIsAdmin(units.length > 0),
      () => live && setIsAdmin(false),
    );
    return () => {
      live = false;
    };
  }, [admin]);

  if (!isAdmin) return null;
  return <AppLink to={adminPaths.admin()}>{t('nav.admin')}</AppLink>;
}
