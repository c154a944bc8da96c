/**
 * Keys of the `cases` table (DESIGN.md, storage): one partition per unit, tenant first.
 * - PK tenant~unit  RK 'case~<bodyId>~<caseId>' | 'identity~<caseId>' | 'audit~<aggregateId>~<seq>'
 *                      | 'counter~<prefix>~<year>' | 'session~<bodyId>~<sessionId>' | 'settings'
 * - usercases:      PK tenant~user  RK '<unitId>~<bodyId>~<caseId>' (handlers' and recorders' lists)
 *
 * Why per unit, not per body: the case number (KN-2026-0007) is unique per unit, kind and year, so the
 * counter row must sit in the case's partition for the number, the case, the identity row and the first
 * audit event to land in one batch: no two cases get a number, and no number is skipped by a failed
 * write. A body's cases are still one RowKey range (`case~<bodyId>~`).
 */
const SEP = '~';

export const caseKeys = {
  tenantUnit: (tenantId: string, unitId: string) => `${tenantId}${SEP}${unitId}`,
  caseRow: (bodyId: string, caseId: string) => `case${SEP}${bodyId}${SEP}${caseId}`,
  bodyCasesPrefix: (bodyId: string) => `case${SEP}${bodyId}`,
  identityRow: (caseId: string) => `identity${SEP}${caseId}`,
  counterRow: (prefix: string, year: number) => `counter${SEP}${prefix}${SEP}${year}`,
  sessionRow: (bodyId: string, sessionId: string) => `session${SEP}${bodyId}${SEP}${sessionId}`,
  bodySessionsPrefix: (bodyId: string) => `session${SEP}${bodyId}`,
  settingsRow: 'settings',
  userCaseRow: (unitId: string, bodyId: string, caseId: string) =>
    `${unitId}${SEP}${bodyId}${SEP}${caseId}`,
};
