/** Fatherland Front supervision and social critique: consultations and their recommendations. */
export * from './consultation';
export * from './consultation-lifecycle';
export * from './consultation-rules';
export * from './consultation-schemas';
export * from './front-rules';
