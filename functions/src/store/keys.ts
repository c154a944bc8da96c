/**
 * Key design (DESIGN.md, storage): every key starts from the tenant, so nothing is read without it.
 * - bodies:      PK tenant~body   RK 'body' | 'member~<userId>' | 'audit~<seq>'
 * - memberships: PK tenant~user   RK body id (the "my bodies" index, one partition per person)
 * - meetings:    PK tenant~body   RK 'meeting~<meetingId>' | 'audit~<meetingId>~<seq>'
 *                                  | 'attendance~<meetingId>~<userId>'
 *                                  | 'minutes~<meetingId>~<sectionKey>'
 *                                  | 'minutesrev~<meetingId>~<sectionKey>~<version>'
 * - assignments: PK tenant~body   RK 'assignment~<id>' | 'audit~<id>~<seq>' | 'assignments-version'
 * - userassignments: PK tenant~user RK '<bodyId>~<id>' (the "my tasks" index)
 * - units:       PK tenant        RK unit id
 * Ids are GUIDs or ULIDs, so they never contain the characters Tables forbid in keys (/ \ # ?).
 */
const SEP = '~';
/** '~' sorts after every id character, so `prefix~` .. `prefix~~` brackets a prefix's rows. */
const AFTER_ALL = '~~';

export const keys = {
  tenantBody: (tenantId: string, bodyId: string) => `${tenantId}${SEP}${bodyId}`,
  tenantUser: (tenantId: string, userId: string) => `${tenantId}${SEP}${userId}`,
  tenant: (tenantId: string) => tenantId,
  bodyRow: 'body',
  memberRow: (userId: string) => `member${SEP}${userId}`,
  meetingRow: (meetingId: string) => `meeting${SEP}${meetingId}`,
  assignmentRow: (id: string) => `assignment${SEP}${id}`,
  /**
   * One row per body, rewritten in every assignment write's transaction: its ETag versions the
   * body's assignments (assignment-store.ts). It sorts before `rowKeyRange('assignment')` ('s' <
   * '~'), so the list queries never return it.
   */
  assignmentsVersionRow: 'assignments-version',
  userAssignmentRow: (bodyId: string, id: string) => `${bodyId}${SEP}${id}`,
  attendanceRow: (meetingId: string, userId: string) =>
    `attendance${SEP}${meetingId}${SEP}${userId}`,
  minutesRow: (meetingId: string, sectionKey: string) =>
    `minutes${SEP}${meetingId}${SEP}${sectionKey}`,
  minutesRevisionRow: (meetingId: string, sectionKey: string, version: number) =>
    `minutesrev${SEP}${meetingId}${SEP}${sectionKey}${SEP}${String(version).padStart(6, '0')}`,
  auditRow: (aggregateId: string, seq: number) =>
    `audit${SEP}${aggregateId}${SEP}${String(seq).padStart(10, '0')}`,
};

/** [from, to) RowKey bounds for all rows starting with `prefix~`. */
export function rowKeyRange(prefix: string): { from: string; to: string } {
  return { from: `${prefix}${SEP}`, to: `${prefix}${AFTER_ALL}` };
}
