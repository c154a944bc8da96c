import { DomainError } from '../errors/domain-error';
import type { Meeting } from '../meetings/meeting';
import { assertMinutesEditable, sectionSlot, type MinutesSection } from '../minutes/minutes';
import type { TSaveMinutesSectionInput } from '../minutes/minutes-schemas';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { UseCaseDeps } from './deps';
import { nextMeetingVersion, retryOnWriteRace } from './meeting-change';
import { resolveActorInBody, withMeetingRoles } from './resolve-actor-roles';

/**
 * Saves one section of the minutes. The writer sends the section version they started from; if
 * someone saved it since, the answer is a conflict carrying the fresh section, never an overwrite.
 * Different sections save independently (the meeting row's race is retried, not reported).
 */
export async function saveMinutesSection(
  deps: UseCaseDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  sectionKey: string,
  input: TSaveMinutesSectionInput,
): Promise<{ meeting: Meeting; section: MinutesSection }> {
  return retryOnWriteRace(async () => {
    const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    const stored = await deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId);
    if (!stored) throw new DomainError('MEETING.NOT_FOUND');
    const current = stored.meeting;
    assertCan(withMeetingRoles(roles, current, actor.userId), 'minutes.edit');
    assertMinutesEditable(current);
    const slot = sectionSlot(current, sectionKey);

    const sections = await deps.meetings.listMinutesSections(actor.tenantId, bodyId, meetingId);
    const existing = sections.find((candidate) => candidate.value.key === sectionKey);
    const currentVersion = existing?.value.version ?? 0;
    if (input.version !== currentVersion) {
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { currentSection: existing?.value });
    }
    if (existing && existing.value.text === input.text) {
      return { meeting: current, section: existing.value };
    }

    const now = deps.clock.now().toISOString();
    const section: MinutesSection = {
      key: sectionKey,
      kind: slot.kind,
      agendaItemId: slot.agendaItemId,
      text: input.text,
      version: currentVersion + 1,
      edition: current.minutes.edition,
      updatedAt: now,
      updatedBy: actor.userId,
      updatedByName: actor.displayName,
    };
    const change = nextMeetingVersion(current, current, actor, now, 'minutes.sectionSaved', {
      [`minutes.${sectionKey}`]: [currentVersion, section.version],
    });
    await deps.meetings.commitMeetingChange({
      ...change,
      etag: stored.etag,
      section: { value: section, etag: existing?.etag ?? null },
    });
    return { meeting: change.meeting, section };
  });
}
