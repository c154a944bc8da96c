/** Reminders: pure planning (quiet hours, days off, overdue cadence, escalation), keys, texts. */
export * from './reminder';
export * from './reminder-policy';
export * from './quiet-hours';
export * from './plan-reminders';
export * from './reminder-messages';
export * from './reminder-scheduler';
export * from './plan-front-reminders';
export * from './reporting-deadlines';
