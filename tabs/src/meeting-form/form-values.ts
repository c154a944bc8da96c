import { EDITABLE_STATUSES, type MeetingKind } from '@qcdc/core';
import type { BodyMember, MeetingView } from '../api/api-types';
import { toVietnamParts } from './vietnam-time';

/** What the form edits: text as typed, so half-typed input is kept until it is valid. */
export interface MeetingFormValues {
  kind: MeetingKind;
  title: string;
  /** dd/MM/yyyy, Vietnam time */
  date: string;
  /** HH:mm, Vietnam time */
  startTime: string;
  /** HH:mm, same day; empty when the meeting has no planned end */
  endTime: string;
  location: string;
  chairId: string;
  secretaryId: string;
  agenda: AgendaRow[];
}

export interface AgendaRow {
  /** React key only; the API keeps item ids by title. */
  key: string;
  title: string;
  /** '' for none */
  presenterId: string;
  /** minutes, as typed; '' for none */
  duration: string;
}

let rowCounter = 0;

export function newAgendaRow(): AgendaRow {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, title: '', presenterId: '', duration: '' };
}

/** A new meeting starts as a regular steering meeting chaired by the head, minuted by the secretary. */
export function emptyValues(members: readonly BodyMember[]): MeetingFormValues {
  const withRole = (role: BodyMember['roles'][number]) =>
    members.find((member) => member.roles.includes(role))?.userId ?? '';
  return {
    kind: 'steeringRegular',
    title: '',
    date: '',
    startTime: '',
    endTime: '',
    location: '',
    chairId: withRole('head'),
    secretaryId: withRole('secretary'),
    agenda: [],
  };
}

export function valuesFromMeeting(meeting: MeetingView): MeetingFormValues {
  const start = toVietnamParts(meeting.startsAt);
  return {
    kind: meeting.kind,
    title: meeting.title,
    date: start.date,
    startTime: start.time,
    endTime: meeting.endsAt ? toVietnamParts(meeting.endsAt).time : '',
    location: meeting.location,
    chairId: meeting.chairId,
    secretaryId: meeting.secretaryId,
    agenda: meeting.agenda.map((item) => ({
      ...newAgendaRow(),
      title: item.title,
      presenterId: item.presenterId ?? '',
      duration: item.durationMinutes === undefined ? '' : String(item.durationMinutes),
    })),
  };
}

export function isEditable(meeting: Pick<MeetingView, 'status'>): boolean {
  return EDITABLE_STATUSES.includes(meeting.status);
}
