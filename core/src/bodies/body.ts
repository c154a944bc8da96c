/** Roles a person holds in a body (Trưởng ban, Phó trưởng ban, Ủy viên, Thư ký, quan sát viên). */
export const BODY_ROLES = ['head', 'deputyHead', 'member', 'secretary', 'observer'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

/** Kinds of body a unit has (shared/GLOSSARY.md). */
export const BODY_KINDS = [
  'steeringCommittee',
  'staffConference',
  'fatherlandFront',
  'peoplesInspectionBoard',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** The agency or locality that owns the data (e.g. UBND xã Chi Lăng). */
export interface Unit {
  tenantId: string;
  id: string;
  name: string;
  /** Province the commune belongs to; since 1 Jul 2025 local government has two levels. */
  province: string;
}

export interface Body {
  tenantId: string;
  unitId: string;
  id: string;
  kind: BodyKind;
  name: string;
  unitName: string;
}

export interface Member {
  tenantId: string;
  bodyId: string;
  /** Entra object id: the same person across Teams, tokens and Graph. */
  userId: string;
  displayName: string;
  /** The member's position in the unit, e.g. "Chủ tịch UBND xã". */
  title: string;
  roles: BodyRole[];
}

/** What a caller sees of their own place in a body (the `GET /api/bodies` row). */
export interface Membership {
  body: Body;
  roles: BodyRole[];
}
