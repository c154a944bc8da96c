/** Every table the app uses; infra/ declares the same names. */
export const TABLES = {
  units: 'units',
  bodies: 'bodies',
  memberships: 'memberships',
  meetings: 'meetings',
  assignments: 'assignments',
  /** Per-person index of assignments (owner and co-owners): the "my tasks" partition. */
  userAssignments: 'userassignments',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];
