/*
 * The review page's route, kept out of the shared route table: `routes.ts` delegates
 * `/bodies/{bodyId}/reports` here.
 */
export type ReportRoute = { name: 'reports'; bodyId: string };

/** `parts`: the decoded path segments. */
export function parseReportRoute(parts: readonly string[]): ReportRoute | null {
  const [first, bodyId, section] = parts;
  if (parts.length === 3 && first === 'bodies' && bodyId && section === 'reports') {
    return { name: 'reports', bodyId };
  }
  return null;
}

export const reportPaths = {
  /** A body's half-year and year-end reviews (sơ kết, tổng kết). */
  reports: (bodyId: string) => `/bodies/${encodeURIComponent(bodyId)}/reports`,
};
