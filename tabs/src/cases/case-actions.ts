import { can, type BodyRole, type CaseKind, type CaseStatus } from '@qcdc/core';

/*
 * The moves on a citizen case (docs/citizens-and-front.md): the head decides acceptance, assigns
 * handlers and extends; a handler or the head records the resolution.
 */
export type CaseAction = 'accept' | 'reject' | 'assign' | 'extend' | 'resolve';

export function caseActions(
  c: { status: CaseStatus; kind: CaseKind; handlerIds: readonly string[] },
  roles: readonly BodyRole[],
  userId: string | null,
): CaseAction[] {
  const head = roles.includes('head');
  const handler = userId !== null && c.handlerIds.includes(userId);
  const actions: CaseAction[] = [];
  if (head && c.status === 'received') actions.push('accept', 'reject');
  if (head && (c.status === 'received' || c.status === 'accepted')) actions.push('assign');
  // Complaints have no extension (409 CASE.EXTENSION_NOT_ALLOWED).
  if (head && c.status === 'accepted' && c.kind !== 'complaint') actions.push('extend');
  if ((head || handler) && c.status === 'accepted') actions.push('resolve');
  return actions;
}

export function canIntakeCase(roles: readonly BodyRole[]): boolean {
  return can({ bodyRoles: roles, meetingRoles: [] }, 'case.intake');
}

/** Counts for the dashboard, kinds in a fixed order (no names, no content: the stats route's). */
export function caseKindCounts(
  byKind: Partial<Record<CaseKind, { open: number; overdue: number }>>,
): { kind: CaseKind; open: number; overdue: number }[] {
  const kinds: CaseKind[] = ['complaint', 'denunciation', 'feedback'];
  return kinds.map((kind) => ({
    kind,
    open: byKind[kind]?.open ?? 0,
    overdue: byKind[kind]?.overdue ?? 0,
  }));
}
