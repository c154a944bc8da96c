/** Every table the app uses; infra/ declares the same names. */
export const TABLES = {
  units: 'units',
  bodies: 'bodies',
  memberships: 'memberships',
  meetings: 'meetings',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];
