export * from './adaptive-card';
export * from './card-links';
export * from './help-card';
export * from './i18n/catalogue';
export * from './i18n/commands';
export * from './meeting-list-card';
export * from './not-yet-card';
export * from './welcome-card';
