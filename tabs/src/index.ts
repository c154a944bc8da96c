/**
 * What other workspaces (the e2e tests) may read from the tab: its words, its routes and the API
 * shapes it reads, so tests find controls by the labels users see instead of copies that drift.
 */
export { catalogues, translate, type MessageKey, type MessageParams } from './i18n/translate';
export { paths } from './routing/routes';
export type { AssignmentView, BodyAssignments, BodyMember, MeetingView } from './api/api-types';
