import { planReportingReminders } from '../jobs/reporting-reminders';
import {
  chainAuditEvent,
  GENESIS_HEAD,
  scheduleMeeting,
  type Body,
  type Member,
  type UseCaseDeps,
} from '@qcdc/core';
import { ensureUnitAdministration } from '../store/admin-unit-seed';
import { TableUnitAdminStore } from '../store/admin-unit-store';
import type { TableBodyRepository } from '../store/body-store';
import { TableVoteRepository } from '../store/vote-store';
import {
  DEMO_BODY,
  DEMO_CONFERENCE_BODY,
  DEMO_CONFERENCE_MEMBERS,
  DEMO_MEMBERS,
  DEMO_UNIT,
  DEMO_UNIT_ADMINS,
  demoMeetingInput,
  OTHER_BODY,
  OTHER_MEMBERS,
  OTHER_UNIT,
} from './demo-data';
import { seedDemoHistory } from './demo-history';

export interface SeedResult {
  seeded: boolean;
}

/** Seeds the demo communes on first run; a later run finds the body and leaves everything alone. */
export async function seedDemoData(
  deps: UseCaseDeps,
  bodies: TableBodyRepository,
): Promise<SeedResult> {
  // Before the early return: stores seeded before unit administration existed get it too.
  await seedUnitAdministration(bodies, deps.clock.now());
  // Its own check, so a store seeded before the history existed gets it on the next start.
  await seedHistoryOnce(deps, bodies);
  if (await bodies.getBody(DEMO_BODY.tenantId, DEMO_BODY.id)) return { seeded: false };
  const now = deps.clock.now();

  await bodies.upsertUnit(DEMO_UNIT);
  await createBody(bodies, DEMO_BODY, Object.values(DEMO_MEMBERS), now);
  // The body's half-year and year-end review reminders (jobs/reporting-reminders.ts).
  await planReportingReminders(deps, DEMO_BODY.tenantId, DEMO_BODY.id);
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

/**
 * The staff conference body and its past year (demo-history.ts), once: the body is written first,
 * so a start that finds it leaves the history alone (a run cut short mid-history is not resumed;
 * `npm start -- --memory` or deleting `.data/` starts afresh).
 */
async function seedHistoryOnce(deps: UseCaseDeps, bodies: TableBodyRepository): Promise<void> {
  const { tenantId, id } = DEMO_CONFERENCE_BODY;
  if (await bodies.getBody(tenantId, id)) return;
  const now = deps.clock.now();
  await bodies.upsertUnit(DEMO_UNIT);
  await createBody(bodies, DEMO_CONFERENCE_BODY, DEMO_CONFERENCE_MEMBERS, now);
  await seedDemoHistory(deps, new TableVoteRepository(bodies.tableFactory), now);
}

/** The demo units' administration: admins and the bodies each unit already has (idempotent). */
async function seedUnitAdministration(bodies: TableBodyRepository, now: Date): Promise<void> {
  const store = new TableUnitAdminStore(bodies.tableFactory);
  const entry = (body: Body) => ({ id: body.id, kind: body.kind, name: body.name });
  await bodies.upsertUnit(DEMO_UNIT);
  await ensureUnitAdministration(
    store,
    DEMO_UNIT,
    DEMO_UNIT_ADMINS,
    [entry(DEMO_BODY), entry(DEMO_CONFERENCE_BODY)],
    now,
  );
  await bodies.upsertUnit(OTHER_UNIT);
  const otherHead = OTHER_MEMBERS.head;
  await ensureUnitAdministration(
    store,
    OTHER_UNIT,
    [{ userId: otherHead.userId, displayName: otherHead.displayName }],
    [entry(OTHER_BODY)],
    now,
  );
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
