import { lazy, Suspense } from 'react';
import { Loading } from '../components/loading';

const AdminPage = lazy(async () => ({ default: (await import('./admin-page')).AdminPage }));

/** The administration page loads on demand: most people never open it. */
export function LazyAdminPage(props: { unitId: string | null }) {
  return (
    <Suspense fallback={<Loading />}>
      <AdminPage unitId={props.unitId} />
    </Suspense>
  );
}
