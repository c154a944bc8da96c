import { can, formatDateTime, type BodyRole, type Locale, type MeetingStatus } from '@qcdc/core';
import type { MeetingView, MinutesSectionView } from '../api/api-types';
import { meetingRolesOf } from '../app/permissions';
import { minutesSectionKey } from '../i18n/labels';
import { translate } from '../i18n/translate';
import { toVietnamParts } from '../meeting-form/vietnam-time';

/** Minutes are written before, during and after the meeting until they are submitted (core's rule). */
const MINUTES_OPEN: readonly MeetingStatus[] = ['scheduled', 'inProgress', 'ended'];

export type MinutesAccess =
  | { kind: 'edit' }
  | { kind: 'inReview' }
  | { kind: 'approved'; approvedAt: string | undefined; hash: string | undefined }
  | { kind: 'notWriter' }
  | { kind: 'notOpen'; status: MeetingStatus };

/** Whether this caller may write the minutes now, and if not, why (the note shown instead). */
export function minutesAccess(
  meeting: Pick<MeetingView, 'status' | 'minutes' | 'chairId' | 'secretaryId'>,
  bodyRoles: readonly BodyRole[],
  userId: string | null,
): MinutesAccess {
  const { minutes } = meeting;
  if (minutes.status === 'approved') {
    return { kind: 'approved', approvedAt: minutes.approvedAt, hash: minutes.approvedHash };
  }
  if (minutes.status === 'inReview') return { kind: 'inReview' };
  if (!MINUTES_OPEN.includes(meeting.status)) return { kind: 'notOpen', status: meeting.status };
  const roles = { bodyRoles, meetingRoles: meetingRolesOf(meeting, userId) };
  return can(roles, 'minutes.edit') ? { kind: 'edit' } : { kind: 'notWriter' };
}

/** The note for an approved edition: when it was locked and the hash the chair's approval sealed. */
export function approvedNote(
  access: Extract<MinutesAccess, { kind: 'approved' }>,
  locale: Locale,
): string {
  return translate(locale, 'minutes.approved', {
    when: access.approvedAt ? formatDateTime(access.approvedAt, locale) : '?',
    hash: access.hash ?? '?',
  });
}

/** A section's label: "Khai mạc", "2. <agenda item title>", "Kết luận"… */
export function sectionLabel(
  section: Pick<MinutesSectionView, 'key' | 'kind' | 'agendaItemId'>,
  agenda: MeetingView['agenda'],
  locale: Locale,
): string {
  if (section.kind !== 'agendaItem') return translate(locale, minutesSectionKey(section.kind));
  const index = agenda.findIndex((item) => item.id === section.agendaItemId);
  const item = agenda[index];
  if (!item) return section.key;
  return translate(locale, 'minutesSection.agendaItem', { n: index + 1, title: item.title });
}

/** "Đã lưu phiên bản 3 lúc 09:41" (Vietnam time). */
export function savedLine(
  section: Pick<MinutesSectionView, 'version' | 'updatedAt'>,
  locale: Locale,
): string {
  const time = section.updatedAt ? toVietnamParts(section.updatedAt).time : '';
  return translate(locale, 'minutes.savedAt', { version: section.version, time });
}
