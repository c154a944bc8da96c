/**
 * Unit administration: admins, bodies and members, dated settings, the yearly holiday table,
 * standing delegations.
 */
export * from './unit-administration';
export * from './member-rules';
export * from './unit-settings';
export * from './holiday-table';
export * from './admin-schemas';
export * from './delegation';
export * from './delegation-schemas';
