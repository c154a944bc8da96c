import { delegationsInForceOn, vietnamDateOf, type Delegation } from '@qcdc/core';
import type { Services } from '../services';

/**
 * The standing delegations (docs/admin.md) in force on a meeting's date (its start, Vietnam
 * time), by represented member. Two point reads (body for its unit, meeting for its date) and one
 * RowKey range of the unit partition; empty when the meeting or body is not found (the attendance
 * use case answers that) or when the unit has no administration yet.
 */
export async function standingDelegatesForMeeting(
  services: Pick<Services, 'deps' | 'unitAdmin'>,
  tenantId: string,
  bodyId: string,
  meetingId: string,
): Promise<Map<string, Delegation>> {
  if (!services.unitAdmin) return new Map();
  const [body, stored] = await Promise.all([
    services.deps.bodies.getBody(tenantId, bodyId),
    services.deps.meetings.getMeeting(tenantId, bodyId, meetingId),
  ]);
  if (!body || !stored) return new Map();
  const delegations = await services.unitAdmin.listDelegations(tenantId, body.unitId, bodyId);
  return delegationsInForceOn(
    delegations,
    bodyId,
    vietnamDateOf(new Date(stored.meeting.startsAt)),
  );
}

/** How the attendance answer shows a member's standing delegate. */
export function standingDelegateDto(d: Delegation) {
  return {
    userId: d.memberId,
    delegationId: d.id,
    delegate: d.delegate,
    from: d.from,
    until: d.until,
    reason: d.reason,
  };
}
