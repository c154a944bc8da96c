export { I18nProvider, useI18n, type I18n } from './i18n-context';
export { initialLocale } from './initial-locale';
export {
  assignmentActionKey,
  assignmentStatusKey,
  attendanceStatusKey,
  bodyKindKey,
  kindKey,
  meetingRoleKey,
  minutesSectionKey,
  priorityKey,
  roleKey,
  statusKey,
  transitionKey,
} from './labels';
export {
  catalogues,
  translate,
  type Message,
  type MessageKey,
  type MessageParams,
} from './translate';
