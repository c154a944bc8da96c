/** Unit administration: admins, bodies and members, dated settings, the yearly holiday table. */
export * from './unit-administration';
export * from './member-rules';
export * from './unit-settings';
export * from './holiday-table';
export * from './admin-schemas';
