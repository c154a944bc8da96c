/*
 * The administration page's routes, kept out of the shared route table: `routes.ts` delegates
 * `/admin` and `/units/{unitId}/admin` here.
 */
export type AdminRoute = { name: 'admin'; unitId: string | null };

/** `parts`: the decoded path segments. */
export function parseAdminRoute(parts: readonly string[]): AdminRoute | null {
  const [first, unitId, section] = parts;
  if (parts.length === 1 && first === 'admin') return { name: 'admin', unitId: null };
  if (parts.length === 3 && first === 'units' && unitId && section === 'admin') {
    return { name: 'admin', unitId };
  }
  return null;
}

export const adminPaths = {
  /** The units the caller administers (opens the only one directly). */
  admin: (unitId?: string) => (unitId ? `/units/${encodeURIComponent(unitId)}/admin` : '/admin'),
};
