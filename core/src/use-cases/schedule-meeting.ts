import { chainAuditEvent, GENESIS_HEAD, auditHeadOf } from '../audit/audit-event';
import type { Meeting } from '../meetings/meeting';
import { INITIAL_MINUTES } from '../minutes/minutes';
import { assertEndsAfterStart, assertPeopleAreMembers } from '../meetings/meeting-rules';
import type { TCreateMeetingInput } from '../meetings/meeting-schemas';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { summonedIds } from '../attendance/attendance';
import { withReminderSchedule } from '../reminders/reminder-scheduler';
import type { UseCaseDeps } from './deps';
import { resolveActorInBody } from './resolve-actor-roles';

/** Creates a scheduled meeting with its agenda; the first audit event lands in the same write. */
export async function scheduleMeeting(
  deps: UseCaseDeps,
  actor: Actor,
  bodyId: string,
  input: TCreateMeetingInput,
): Promise<Meeting> {
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'meeting.create');
  assertEndsAfterStart(input.startsAt, input.endsAt);
  const agenda = input.agenda.map((item) => ({ ...item, id: deps.ids.next() }));
  const members = await deps.bodies.listMembers(actor.tenantId, bodyId);
  assertPeopleAreMembers(
    { chairId: input.chairId, secretaryId: input.secretaryId, agenda },
    members,
  );

  const now = deps.clock.now().toISOString();
  const id = deps.ids.next();
  const event = chainAuditEvent(GENESIS_HEAD, {
    tenantId: actor.tenantId,
    aggregateType: 'meeting',
    aggregateId: id,
    action: 'meeting.scheduled',
    actorId: actor.userId,
    actorName: actor.displayName,
    at: now,
    changes: {
      title: [null, input.title],
      startsAt: [null, input.startsAt],
      agenda: [null, agenda.map((item) => item.title)],
    },
  });
  const meeting: Meeting = {
    tenantId: actor.tenantId,
    bodyId,
    id,
    kind: input.kind,
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location,
    status: 'scheduled',
    chairId: input.chairId,
    secretaryId: input.secretaryId,
    agenda,
    minutes: INITIAL_MINUTES,
    createdAt: now,
    createdBy: actor.userId,
    updatedAt: now,
    version: 1,
    audit: auditHeadOf(event),
  };
  await withReminderSchedule(
    deps.reminders,
    { type: 'meeting', previous: null, next: meeting, summoned: summonedIds(members) },
    () => deps.meetings.createMeeting(meeting, event),
  );
  return meeting;
}
