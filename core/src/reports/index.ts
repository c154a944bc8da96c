export * from './review-period';
export * from './review-figures';
export * from './build-body-report';
export * from './citizen-figures';
export * from './citizen-dashboard';
export * from './resolution-review';
export * from './review-counts';
