/** Citizen cases (petitions, complaints, denunciations), reception sessions and deadline rules. */
export * from './citizen-case';
export * from './case-deadline-rules';
export * from './case-lifecycle';
export * from './case-rules';
export * from './case-schemas';
export * from './deadline-rule-registry';
export * from './deadline-settings';
export * from './reception';
export * from './reception-schemas';
