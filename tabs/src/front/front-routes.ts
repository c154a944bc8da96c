/*
 * The Front, citizen-case and disclosure pages, kept out of the shared route table: `routes.ts`
 * delegates `/bodies/{bodyId}/(consultations|cases|disclosures)…` here.
 */
export type FrontRoute =
  | { name: 'front'; page: 'consultations'; bodyId: string }
  | { name: 'front'; page: 'consultation'; bodyId: string; id: string }
  | { name: 'front'; page: 'cases'; bodyId: string }
  | { name: 'front'; page: 'case'; bodyId: string; id: string }
  | { name: 'front'; page: 'disclosures'; bodyId: string };

/** `parts`: the decoded path segments. */
export function parseFrontRoute(parts: readonly string[]): FrontRoute | null {
  const [first, bodyId, section, id] = parts;
  if (first !== 'bodies' || !bodyId || !section) return null;
  if (parts.length === 3) {
    if (section === 'consultations') return { name: 'front', page: 'consultations', bodyId };
    if (section === 'cases') return { name: 'front', page: 'cases', bodyId };
    if (section === 'disclosures') return { name: 'front', page: 'disclosures', bodyId };
  }
  if (parts.length === 4 && id) {
    if (section === 'consultations') return { name: 'front', page: 'consultation', bodyId, id };
    if (section === 'cases') return { name: 'front', page: 'case', bodyId, id };
  }
  return null;
}

const segment = encodeURIComponent;

export const frontPaths = {
  consultations: (bodyId: string) => `/bodies/${segment(bodyId)}/consultations`,
  consultation: (bodyId: string, id: string) =>
    `/bodies/${segment(bodyId)}/consultations/${segment(id)}`,
  cases: (bodyId: string) => `/bodies/${segment(bodyId)}/cases`,
  case: (bodyId: string, id: string) => `/bodies/${segment(bodyId)}/cases/${segment(id)}`,
  disclosures: (bodyId: string) => `/bodies/${segment(bodyId)}/disclosures`,
};
