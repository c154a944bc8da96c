import { diffFields } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { AgendaItem, Meeting } from '../meetings/meeting';
import {
  assertEndsAfterStart,
  assertMeetingEditable,
  assertPeopleAreMembers,
} from '../meetings/meeting-rules';
import type { TUpdateMeetingInput } from '../meetings/meeting-schemas';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { summonedIds } from '../attendance/attendance';
import { withReminderSchedule } from '../reminders/reminder-scheduler';
import type { UseCaseDeps } from './deps';
import { assertMeetingVersion, nextMeetingVersion, retryOnWriteRace } from './meeting-change';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

const AUDITED_FIELDS = [
  'kind',
  'title',
  'startsAt',
  'endsAt',
  'location',
  'chairId',
  'secretaryId',
  'agenda',
] as const satisfies readonly (keyof Meeting)[];

/**
 * Changes a meeting the caller last saw at `input.version`. A stale version (or a write that lands
 * between our read and our write) is a conflict carrying the fresh meeting, never an overwrite.
 */
export async function updateMeeting(
  deps: UseCaseDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  input: TUpdateMeetingInput,
): Promise<Meeting> {
  return retryOnWriteRace(async () => {
    const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
    if (!stored) throw new DomainError('MEETING.NOT_FOUND');
    const current = stored.meeting;
    assertCan(withMeetingRoles(roles, current, actor.userId), 'meeting.update');
    assertMeetingVersion(current, input.version);
    assertMeetingEditable(current);

    const next: Meeting = {
      ...current,
      kind: input.kind ?? current.kind,
      title: input.title ?? current.title,
      startsAt: input.startsAt ?? current.startsAt,
      endsAt: input.endsAt === null ? undefined : (input.endsAt ?? current.endsAt),
      location: input.location ?? current.location,
      chairId: input.chairId ?? current.chairId,
      secretaryId: input.secretaryId ?? current.secretaryId,
      agenda: input.agenda ? keepAgendaIds(current.agenda, input.agenda, deps) : current.agenda,
    };
    assertEndsAfterStart(next.startsAt, next.endsAt);
    const members = await deps.bodies.listMembers(actor.tenantId, bodyId);
    assertPeopleAreMembers(next, members);

    const changes = diffFields(current, next, AUDITED_FIELDS);
    if (Object.keys(changes).length === 0) return current;

    const now = deps.clock.now().toISOString();
    const change = nextMeetingVersion(current, next, actor, now, 'meeting.updated', changes);
    await withReminderSchedule(
      deps.reminders,
      { type: 'meeting', previous: current, next: change.meeting, summoned: summonedIds(members) },
      () => deps.meetings.commitMeetingChange({ ...change, etag: stored.etag }),
    );
    return change.meeting;
  });
}

/** An item keeps its id while its title is unchanged (wherever it moves), so links to it survive edits. */
function keepAgendaIds(
  previous: readonly AgendaItem[],
  items: readonly Omit<AgendaItem, 'id'>[],
  deps: Pick<UseCaseDeps, 'ids'>,
): AgendaItem[] {
  const unused = [...previous];
  return items.map((item) => {
    const match = unused.findIndex((old) => old.title === item.title);
    const id = match >= 0 ? unused.splice(match, 1)[0]!.id : deps.ids.next();
    return { ...item, id };
  });
}
