import type { Member } from '../bodies/body';
import { DomainError } from '../errors/domain-error';
import { EDITABLE_STATUSES, type Meeting } from './meeting';

/** A meeting's agenda and logistics can change only before it starts (draft or scheduled). */
export function assertMeetingEditable(meeting: Meeting): void {
  if (!EDITABLE_STATUSES.includes(meeting.status)) {
    throw new DomainError('MEETING.NOT_EDITABLE', { status: meeting.status });
  }
}

export function assertEndsAfterStart(startsAt: string, endsAt: string | undefined): void {
  if (endsAt !== undefined && Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw new DomainError('MEETING.ENDS_BEFORE_START');
  }
}

/** The chair, the secretary and every presenter must be members of the body that meets. */
export function assertPeopleAreMembers(
  meeting: Pick<Meeting, 'chairId' | 'secretaryId' | 'agenda'>,
  members: readonly Member[],
): void {
  const memberIds = new Set(members.map((member) => member.userId));
  const people: [string, string][] = [
    ['chair', meeting.chairId],
    ['secretary', meeting.secretaryId],
    ...meeting.agenda.flatMap((item): [string, string][] =>
      item.presenterId ? [['presenter', item.presenterId]] : [],
    ),
  ];
  for (const [role, userId] of people) {
    if (!memberIds.has(userId)) throw new DomainError('MEETING.PERSON_NOT_MEMBER', { role });
  }
}
