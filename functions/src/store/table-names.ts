/** Every table the app uses; infra/ declares the same names. */
export const TABLES = {
  units: 'units',
  bodies: 'bodies',
  memberships: 'memberships',
  meetings: 'meetings',
  assignments: 'assignments',
  /** Per-person index of assignments (owner and co-owners): the "my tasks" partition. */
  userAssignments: 'userassignments',
  /** One-time download links (Teams mobile opens links, it cannot send our bearer token). */
  downloadTickets: 'downloadtickets',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];
