export * from './review-period';
export * from './review-figures';
export * from './build-body-report';
