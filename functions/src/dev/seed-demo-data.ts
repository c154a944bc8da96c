import {
  chainAuditEvent,
  GENESIS_HEAD,
  scheduleMeeting,
  type Body,
  type Member,
  type UseCaseDeps,
} from '@qcdc/core';
import type { TableBodyRepository } from '../store/body-store';
import {
  DEMO_BODY,
  DEMO_MEMBERS,
  DEMO_UNIT,
  demoMeetingInput,
  OTHER_BODY,
  OTHER_MEMBERS,
  OTHER_UNIT,
} from './demo-data';

export interface SeedResult {
  seeded: boolean;
}

/** Seeds the demo communes on first run; a later run finds the body and leaves everything alone. */
export async function seedDemoData(
  deps: UseCaseDeps,
  bodies: TableBodyRepository,
): Promise<SeedResult> {
  if (await bodies.getBody(DEMO_BODY.tenantId, DEMO_BODY.id)) return { seeded: false };
  const now = deps.clock.now();

  await bodies.upsertUnit(DEMO_UNIT);
  await createBody(bodies, DEMO_BODY, Object.values(DEMO_MEMBERS), now);
  const head = DEMO_MEMBERS.head;
  await scheduleMeeting(
    deps,
    { tenantId: head.tenantId, userId: head.userId, displayName: head.displayName },
    DEMO_BODY.id,
    demoMeetingInput(now),
  );

  await bodies.upsertUnit(OTHER_UNIT);
  await createBody(bodies, OTHER_BODY, Object.values(OTHER_MEMBERS), now);
  const otherHead = OTHER_MEMBERS.head;
  await scheduleMeeting(
    deps,
    { tenantId: otherHead.tenantId, userId: otherHead.userId, displayName: otherHead.displayName },
    OTHER_BODY.id,
    {
      ...demoMeetingInput(now),
      title: 'Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Đồng Đăng',
      location: 'Hội trường UBND xã Đồng Đăng',
      chairId: otherHead.userId,
      secretaryId: OTHER_MEMBERS.secretary.userId,
      agenda: [{ title: 'Triển khai kế hoạch thực hiện dân chủ ở cơ sở' }],
    },
  );
  return { seeded: true };
}

/** Creates a body with its members and the body's first audit event. */
export async function createBody(
  bodies: TableBodyRepository,
  body: Body,
  people: readonly (Omit<Member, 'tenantId' | 'bodyId'> & { tenantId: string })[],
  now: Date,
): Promise<void> {
  const members: Member[] = people.map((person) => ({
    tenantId: body.tenantId,
    bodyId: body.id,
    userId: person.userId,
    displayName: person.displayName,
    title: person.title,
    roles: [...person.roles],
  }));
  const event = chainAuditEvent(GENESIS_HEAD, {
    tenantId: body.tenantId,
    aggregateType: 'body',
    aggregateId: body.id,
    action: 'body.created',
    actorId: 'system',
    actorName: 'Dữ liệu mẫu (demo)',
    at: now.toISOString(),
    changes: {
      name: [null, body.name],
      members: [null, members.map((m) => `${m.displayName} (${m.roles.join(', ')})`)],
    },
  });
  await bodies.createBody(body, members, event);
}
