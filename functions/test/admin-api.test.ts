import { odata, TableClient } from '@azure/data-tables';
import { resolveDeadlineRule, DEADLINE_RULES, vietnamDateOf } from '@qcdc/core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { DevHost } from '../src/dev/host';
import { createBody } from '../src/dev/seed-demo-data';
import { ensureUnitAdministration } from '../src/store/admin-unit-seed';
import { TableUnitAdminStore } from '../src/store/admin-unit-store';
import { TableBodyRepository } from '../src/store/body-store';
import { TableCaseRepository } from '../src/store/case-store';
import { connectionStringTables } from '../src/store/table-client-factory';
import { TABLES } from '../src/store/table-names';
import { withUnitSettingsDeadlines } from '../src/store/unit-settings-deadlines';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
} from './support/api-harness';

let host: DevHost;
let fixture: TestBody;
let other: TestBody;
const tables = () => connectionStringTables(inject('storageConnection'));

/** The fixture's unit, administered by its body's head (the secretary is not an admin). */
async function administer(test: TestBody): Promise<void> {
  await ensureUnitAdministration(
    new TableUnitAdminStore(tables()),
    {
      tenantId: test.body.tenantId,
      id: test.body.unitId,
      name: test.body.unitName,
      province: 'Lạng Sơn',
    },
    [{ userId: test.users.head.userId, displayName: test.users.head.displayName }],
    [{ id: test.body.id, kind: test.body.kind, name: test.body.name }],
    new Date(),
  );
}

beforeAll(async () => {
  host = await startTestHost();
  [fixture, other] = await Promise.all([createTestBody(), createTestBody()]);
  await Promise.all([administer(fixture), administer(other)]);
});
afterAll(async () => {
  await host?.stop();
});

const unitPath = () => `/api/units/${fixture.body.unitId}/admin`;
const membersPath = () => `${unitPath()}/bodies/${fixture.body.id}/members`;
const today = () => vietnamDateOf(new Date());
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Every row of the fixture's body and unit partitions with its etag: "nothing changed". */
async function snapshot(test: TestBody = fixture): Promise<string[]> {
  const rows: string[] = [];
  const read = async (table: string, partitionKey: string) => {
    const client = TableClient.fromConnectionString(inject('storageConnection'), table, {
      allowInsecureConnection: true,
    });
    const entities = client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    });
    for await (const e of entities) rows.push(`${table}/${e.rowKey}@${e.etag}`);
  };
  await read(TABLES.bodies, `${test.body.tenantId}~${test.body.id}`);
  await read(TABLES.units, `${test.body.tenantId}~${test.body.unitId}`);
  return rows.sort();
}

async function unitVersion(): Promise<number> {
  const got = await apiAs(host, fixture.users.head)(unitPath());
  return got.json.unit.version;
}

describe('unit administration over the API (Azurite)', () => {
  it('lists the units the caller administers, and only those', async () => {
    const mine = await apiAs(host, fixture.users.head)('/api/admin/units');
    expect(mine.status).toBe(200);
    expect(mine.json.units.map((u: { id: string }) => u.id)).toEqual([fixture.body.unitId]);
    const notAdmin = await apiAs(host, fixture.users.secretary)('/api/admin/units');
    expect(notAdmin.json.units).toEqual([]);
    const unit = await apiAs(host, fixture.users.head)(unitPath());
    expect(unit.json.bodies).toEqual([
      { id: fixture.body.id, kind: 'steeringCommittee', name: fixture.body.name },
    ]);
  });

  it('refuses non-admins with 403 and changes nothing', async () => {
    const before = await snapshot();
    for (const user of [fixture.users.secretary, fixture.users.member, fixture.outsider]) {
      const got = await apiAs(host, user)(unitPath());
      expect(got.status).toBe(403);
      expect(got.json.error.code).toBe('PERMISSION.DENIED');
      const put = await apiAs(host, user)(`${membersPath()}/${fixture.users.member.userId}`, {
        method: 'PUT',
        body: { displayName: 'Lê Văn Nam', title: '', roles: ['head'] },
      });
      expect(put.status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps tenants apart: another tenant's admin cannot reach this unit's bodies", async () => {
    const before = await snapshot();
    const otherAdmin = apiAs(host, other.users.head);
    // Same unit id in another tenant is that tenant's own unit; this body is not in it.
    const put = await otherAdmin(
      `/api/units/${fixture.body.unitId}/admin/bodies/${fixture.body.id}/members/${other.users.head.userId}`,
      { method: 'PUT', body: { displayName: 'Kẻ lạ', title: '', roles: ['head'] } },
    );
    expect(put.status).toBe(404);
    expect(put.json.error.code).toBe('ADMIN.BODY_NOT_IN_UNIT');
    const missing = await otherAdmin('/api/units/ubnd-khong-co/admin');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('UNIT.NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('adds a member, changes roles, removes them; each change audited on the body chain', async () => {
    const admin = apiAs(host, fixture.users.head);
    const newcomer = '0b6f6a5e-1111-4aaa-8bbb-000000000001';
    const added = await admin(`${membersPath()}/${newcomer}`, {
      method: 'PUT',
      body: { displayName: 'Vũ Thị Mai', title: 'Chủ tịch Hội Cựu chiến binh', roles: ['member'] },
    });
    expect(added.status).toBe(200);
    expect(added.json.members.find((m: { userId: string }) => m.userId === newcomer)).toMatchObject(
      { displayName: 'Vũ Thị Mai', roles: ['member'] },
    );
    const promoted = await admin(`${membersPath()}/${newcomer}`, {
      method: 'PUT',
      body: {
        displayName: 'Vũ Thị Mai',
        title: 'Chủ tịch Hội Cựu chiến binh',
        roles: ['deputyHead'],
      },
    });
    expect(
      promoted.json.members.find((m: { userId: string }) => m.userId === newcomer).roles,
    ).toEqual(['deputyHead']);
    // The member sees the body in "my bodies" with the new role (memberships index).
    const mine = await apiAs(host, {
      ...fixture.outsider,
      userId: newcomer,
      displayName: 'Vũ Thị Mai',
    })('/api/bodies');
    expect(mine.json.bodies).toEqual([
      expect.objectContaining({ id: fixture.body.id, myRoles: ['deputyHead'] }),
    ]);
    const removed = await admin(`${membersPath()}/${newcomer}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.json.members.map((m: { userId: string }) => m.userId)).not.toContain(newcomer);
    const after = await apiAs(host, {
      ...fixture.outsider,
      userId: newcomer,
      displayName: 'Vũ Thị Mai',
    })('/api/bodies');
    expect(after.json.bodies).toEqual([]);

    const audit = await admin(`${unitPath()}/audit`);
    expect(audit.json.verified).toBe(true);
    const actions = audit.json.events
      .filter((e: { aggregateId: string }) => e.aggregateId === fixture.body.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['member.added', 'member.changed', 'member.removed']),
    );
    const changed = audit.json.events.find(
      (e: { action: string }) => e.action === 'member.changed',
    );
    expect(changed).toMatchObject({
      actorId: fixture.users.head.userId,
      changes: { [`member:${newcomer}:roles`]: [['member'], ['deputyHead']] },
    });
  });

  it('refuses to remove or demote the last head (409 ADMIN.LAST_HEAD) and changes nothing', async () => {
    const admin = apiAs(host, fixture.users.head);
    const before = await snapshot();
    const removal = await admin(`${membersPath()}/${fixture.users.head.userId}`, {
      method: 'DELETE',
    });
    expect(removal.status).toBe(409);
    expect(removal.json.error.code).toBe('ADMIN.LAST_HEAD');
    expect(removal.json.error.messages.vi).toContain('Trưởng ban');
    const demotion = await admin(`${membersPath()}/${fixture.users.head.userId}`, {
      method: 'PUT',
      body: { displayName: fixture.users.head.displayName, title: '', roles: ['member'] },
    });
    expect(demotion.status).toBe(409);
    expect(demotion.json.error.code).toBe('ADMIN.LAST_HEAD');
    const unknown = await admin(`${membersPath()}/not-a-member-0001`, { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('ADMIN.MEMBER_NOT_FOUND');
    const invalid = await admin(`${membersPath()}/${fixture.users.member.userId}`, {
      method: 'PUT',
      body: { displayName: 'Lê Văn Nam', roles: ['emperor'] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('VALIDATION.FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('creates and renames a body; both audited and listed in the unit', async () => {
    const admin = apiAs(host, fixture.users.head);
    const created = await admin(`${unitPath()}/bodies`, {
      method: 'POST',
      body: {
        kind: 'peoplesInspectionBoard',
        name: 'Ban Thanh tra nhân dân xã',
        head: { userId: fixture.users.member.userId, displayName: 'Lê Văn Nam', title: '' },
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.body.id;
    const renamed = await admin(`${unitPath()}/bodies/${id}`, {
      method: 'PATCH',
      body: { name: 'Ban Thanh tra nhân dân xã Thử Nghiệm' },
    });
    expect(renamed.status).toBe(200);
    const unit = await admin(unitPath());
    expect(unit.json.bodies).toContainEqual({
      id,
      kind: 'peoplesInspectionBoard',
      name: 'Ban Thanh tra nhân dân xã Thử Nghiệm',
    });
    const headsBodies = await apiAs(host, fixture.users.member)('/api/bodies');
    expect(headsBodies.json.bodies).toContainEqual(
      expect.objectContaining({
        id,
        name: 'Ban Thanh tra nhân dân xã Thử Nghiệm',
        myRoles: ['head'],
      }),
    );
    const audit = await admin(`${unitPath()}/audit`);
    expect(audit.json.verified).toBe(true);
    const actions = audit.json.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'body.created',
        'body.renamed',
        'unit.bodyCreated',
        'unit.bodyRenamed',
      ]),
    );
  });

  it('updates the unit and its admins; never leaves it without one; a stale version is a conflict', async () => {
    const admin = apiAs(host, fixture.users.head);
    const version = await unitVersion();
    const before = await snapshot();
    const empty = await admin(unitPath(), { method: 'PATCH', body: { version, admins: [] } });
    expect(empty.status).toBe(409);
    expect(empty.json.error.code).toBe('ADMIN.LAST_ADMIN');
    const stale = await admin(unitPath(), {
      method: 'PATCH',
      body: { version: version - 1, name: 'X' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONCURRENCY.CONFLICT');
    expect(await snapshot()).toEqual(before);
    const updated = await admin(unitPath(), {
      method: 'PATCH',
      body: {
        version,
        name: 'UBND xã Thử Nghiệm Mới',
        admins: [
          { userId: fixture.users.head.userId, displayName: fixture.users.head.displayName },
          {
            userId: fixture.users.secretary.userId,
            displayName: fixture.users.secretary.displayName,
          },
        ],
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.unit).toMatchObject({
      name: 'UBND xã Thử Nghiệm Mới',
      version: version + 1,
    });
    // Bodies and the "my bodies" list carry the unit's new name.
    const mine = await apiAs(host, fixture.users.member)('/api/bodies');
    expect(mine.json.bodies).toContainEqual(
      expect.objectContaining({ id: fixture.body.id, unitName: 'UBND xã Thử Nghiệm Mới' }),
    );
    // The secretary is now an admin.
    const asSecretary = await apiAs(host, fixture.users.secretary)(unitPath());
    expect(asSecretary.status).toBe(200);
  });

  it('keeps settings versions by effective date; a version in force cannot be edited', async () => {
    const admin = apiAs(host, fixture.users.head);
    const values = {
      deadlines: { 'front.recommendationResponse': { amount: 45, unit: 'calendarDays' } },
      reminderOffsets: [
        { days: 5, at: '08:30' },
        { days: 1, at: '08:30' },
      ],
      quietHours: { start: '20:00', end: '07:30' },
    };
    const initial = await admin(`${unitPath()}/settings`);
    expect(initial.json.inForce.effectiveFrom).toBeNull();
    expect(initial.json.configurableRules.map((r: { id: string }) => r.id)).toContain(
      'front.recommendationResponse',
    );
    const future = addDays(today(), 10);
    const added = await admin(`${unitPath()}/settings/${future}`, {
      method: 'PUT',
      body: { version: await unitVersion(), values },
    });
    expect(added.status).toBe(201);
    expect(added.json.versions).toEqual([
      expect.objectContaining({ effectiveFrom: future, editable: true }),
    ]);
    expect(added.json.inForce.effectiveFrom).toBeNull();
    // A future version may still change.
    const edited = await admin(`${unitPath()}/settings/${future}`, {
      method: 'PUT',
      body: {
        version: await unitVersion(),
        values: { ...values, quietHours: { start: '21:00', end: '07:00' } },
      },
    });
    expect(edited.status).toBe(200);
    // From today: in force at once, and from then on locked.
    const now = await admin(`${unitPath()}/settings/${today()}`, {
      method: 'PUT',
      body: { version: await unitVersion(), values },
    });
    expect(now.status).toBe(201);
    expect(now.json.inForce).toMatchObject({ effectiveFrom: today(), values });

    const before = await snapshot();
    const locked = await admin(`${unitPath()}/settings/${today()}`, {
      method: 'PUT',
      body: { version: await unitVersion(), values: { ...values, deadlines: {} } },
    });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('SETTINGS.VERSION_LOCKED');
    const past = await admin(`${unitPath()}/settings/${addDays(today(), -3)}`, {
      method: 'PUT',
      body: { version: await unitVersion(), values },
    });
    expect(past.status).toBe(400);
    expect(past.json.error.code).toBe('SETTINGS.EFFECTIVE_IN_PAST');
    const statutory = await admin(`${unitPath()}/settings/${addDays(today(), 20)}`, {
      method: 'PUT',
      body: {
        version: await unitVersion(),
        values: {
          ...values,
          deadlines: { 'complaint.acceptance': { amount: 3, unit: 'workingDays' } },
        },
      },
    });
    expect(statutory.status).toBe(400);
    const noDaytime = await admin(`${unitPath()}/settings/${addDays(today(), 20)}`, {
      method: 'PUT',
      body: {
        version: await unitVersion(),
        values: { ...values, quietHours: { start: '07:00', end: '21:00' } },
      },
    });
    expect(noDaytime.status).toBe(400);
    expect(await snapshot()).toEqual(before);

    const audit = await admin(`${unitPath()}/audit`);
    const actions = audit.json.events.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'settings.versionAdded')).toHaveLength(2);
    expect(actions).toContain('settings.versionChanged');
    expect(audit.json.verified).toBe(true);
  });

  it('feeds the settings in force into the deadline rules cases and consultations resolve', async () => {
    const cases = withUnitSettingsDeadlines(
      new TableCaseRepository(tables()),
      new TableUnitAdminStore(tables()),
    );
    const settings = await cases.getDeadlineSettings(fixture.body.tenantId, fixture.body.unitId);
    const rule = resolveDeadlineRule(
      DEADLINE_RULES,
      'front.recommendationResponse',
      today(),
      settings?.value,
    );
    expect(rule).toMatchObject({
      amount: 45,
      unit: 'calendarDays',
      source: 'unit',
      effectiveFrom: today(),
    });
    const yesterday = resolveDeadlineRule(
      DEADLINE_RULES,
      'front.recommendationResponse',
      addDays(today(), -1),
      settings?.value,
    );
    expect(yesterday).toMatchObject({ amount: 30, source: 'default' });
  });

  it('gives a Front recommendation received today the unit number in force, through the API', async () => {
    const frontBodyId = `mttq-${fixture.body.id.slice(-8)}`;
    const frontChair = { ...fixture.outsider, userId: '0b6f6a5e-2222-4aaa-8bbb-000000000002' };
    await createBody(
      new TableBodyRepository(tables()),
      { ...fixture.body, id: frontBodyId, kind: 'fatherlandFront', name: 'Ủy ban MTTQ xã' },
      [{ ...frontChair, roles: ['head'] }],
      new Date(),
    );
    const secretary = apiAs(host, fixture.users.secretary);
    const base = `/api/bodies/${fixture.body.id}/consultations`;
    const created = await secretary(base, {
      method: 'POST',
      body: {
        kind: 'socialCritique',
        title: 'Phản biện dự thảo quy chế',
        documentTitle: 'Dự thảo quy chế',
        frontName: 'Ủy ban MTTQ xã',
        frontBodyId,
        referenceOn: addDays(today(), 30),
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.consultation.id;
    const sent = await secretary(`${base}/${id}/send`, {
      method: 'POST',
      body: { version: 1, sentOn: today() },
    });
    expect(sent.status).toBe(200);
    const recommendation = await apiAs(host, frontChair)(`${base}/${id}/recommendations`, {
      method: 'POST',
      body: { text: 'Công khai thu chi các khoản đóng góp', receivedOn: today() },
    });
    expect(recommendation.status).toBe(201);
    // The settings version in force from today (previous test) says 45 calendar days.
    expect(recommendation.json.recommendation).toMatchObject({
      deadline: addDays(today(), 45),
      rule: { source: 'unit', amount: 45, unit: 'calendarDays' },
    });
  });

  it("shows the yearly holiday table with lunar holidays and takes the unit's announced swaps", async () => {
    const admin = apiAs(host, fixture.users.head);
    const table = await admin(`${unitPath()}/holidays/2027`);
    expect(table.status).toBe(200);
    const tet = table.json.days.filter((d: { holiday: string }) => d.holiday === 'tet');
    expect(tet.map((d: { date: string }) => d.date)).toContain('2027-02-06'); // mùng 1 Tết Đinh Mùi
    expect(table.json.days.some((d: { holiday: string }) => d.holiday === 'hungKings')).toBe(true);

    const before = await snapshot();
    const weekend = await admin(`${unitPath()}/holidays/2027`, {
      method: 'PUT',
      body: {
        version: await unitVersion(),
        daysOff: [{ date: '2027-12-25', holiday: 'newYear' }],
        makeUpWorkingDays: [],
      },
    });
    expect(weekend.status).toBe(400);
    expect(weekend.json.error.code).toBe('HOLIDAY.INVALID');
    const badYear = await admin(`${unitPath()}/holidays/1999`);
    expect(badYear.status).toBe(400);
    expect(await snapshot()).toEqual(before);

    const saved = await admin(`${unitPath()}/holidays/2027`, {
      method: 'PUT',
      body: {
        version: await unitVersion(),
        daysOff: [{ date: '2027-12-31', holiday: 'newYear', note: 'Thông báo số 12/TB-UBND' }],
        makeUpWorkingDays: [{ date: '2027-12-18', replacesDayOff: '2027-12-31' }],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.days).toContainEqual(
      expect.objectContaining({ date: '2027-12-31', kind: 'swapped', source: 'unit' }),
    );
    expect(saved.json.days).toContainEqual(
      expect.objectContaining({ date: '2027-12-18', kind: 'makeUpWorkingDay', source: 'unit' }),
    );
    const reread = await admin(`${unitPath()}/holidays/2027`);
    expect(reread.json.changes.daysOff).toEqual([
      { date: '2027-12-31', holiday: 'newYear', note: 'Thông báo số 12/TB-UBND' },
    ]);
    const audit = await admin(`${unitPath()}/audit`);
    expect(audit.json.events.map((e: { action: string }) => e.action)).toContain(
      'holidays.changed',
    );
  });

  it('answers 401 without a token and 400 for a malformed body', async () => {
    const anonymous = await apiAs(host, null)(unitPath());
    expect(anonymous.status).toBe(401);
    const broken = await apiAs(host, fixture.users.head)(unitPath(), {
      method: 'PATCH',
      body: '{',
    });
    expect(broken.status).toBe(400);
  });
});

describe('standing delegations over the API (Azurite)', () => {
  const delegationsPath = () => `${unitPath()}/delegations`;
  const forMember = (over: Record<string, unknown> = {}) => ({
    bodyId: fixture.body.id,
    memberId: fixture.users.member.userId,
    delegate: { displayName: 'Nông Thị Duyên', title: 'Phó Chủ tịch Hội Nông dân xã' },
    from: '2026-12-01',
    until: '2026-12-15',
    reason: 'Đi học lớp bồi dưỡng tại tỉnh',
    ...over,
  });

  it('adds a delegation, lists it and audits it on the unit chain', async () => {
    const admin = apiAs(host, fixture.users.head);
    const added = await admin(delegationsPath(), { method: 'POST', body: forMember() });
    expect(added.status).toBe(201);
    expect(added.json.delegation).toMatchObject({
      bodyId: fixture.body.id,
      memberId: fixture.users.member.userId,
      memberName: fixture.users.member.displayName,
      delegate: { displayName: 'Nông Thị Duyên' },
      from: '2026-12-01',
      until: '2026-12-15',
      cancelled: false,
      createdBy: fixture.users.head.userId,
    });
    const listed = await admin(delegationsPath());
    expect(listed.status).toBe(200);
    expect(listed.json.delegations.map((d: { id: string }) => d.id)).toEqual([
      added.json.delegation.id,
    ]);
    const audit = await admin(`${unitPath()}/audit`);
    expect(audit.json.verified).toBe(true);
    const event = audit.json.events.find(
      (e: { action: string }) => e.action === 'delegation.added',
    );
    expect(event).toMatchObject({ actorId: fixture.users.head.userId, aggregateType: 'unit' });
    expect(JSON.stringify(event.changes)).toContain('Nông Thị Duyên');
  });

  it('refuses an overlap (409), oneself, reversed dates and a non-member; nothing changes', async () => {
    const admin = apiAs(host, fixture.users.head);
    const before = await snapshot();
    // The existing one runs to 15/12 inclusive: starting that very day overlaps.
    const overlap = await admin(delegationsPath(), {
      method: 'POST',
      body: forMember({ from: '2026-12-15', until: '2026-12-20' }),
    });
    expect(overlap.status).toBe(409);
    expect(overlap.json.error.code).toBe('DELEGATION.OVERLAP');
    expect(overlap.json.error.messages.vi).toContain('15/12/2026');
    const self = await admin(delegationsPath(), {
      method: 'POST',
      body: forMember({
        from: '2027-01-01',
        until: '2027-01-10',
        delegate: { userId: fixture.users.member.userId, displayName: 'Lê Văn Nam' },
      }),
    });
    expect(self.status).toBe(400);
    expect(self.json.error.code).toBe('DELEGATION.SELF');
    const reversed = await admin(delegationsPath(), {
      method: 'POST',
      body: forMember({ from: '2027-01-10', until: '2027-01-01' }),
    });
    expect(reversed.status).toBe(400);
    expect(reversed.json.error.code).toBe('DELEGATION.DATES_REVERSED');
    const stranger = await admin(delegationsPath(), {
      method: 'POST',
      body: forMember({ memberId: fixture.outsider.userId, from: '2027-01-01' }),
    });
    expect(stranger.status).toBe(404);
    expect(stranger.json.error.code).toBe('ADMIN.MEMBER_NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses non-admins (403) and keeps other tenants out; nothing changes', async () => {
    const before = await snapshot();
    const body = forMember({ from: '2027-02-01', until: '2027-02-10' });
    // The secretary was made an admin above; the member and an outsider are not.
    for (const user of [fixture.users.member, fixture.outsider]) {
      const add = await apiAs(host, user)(delegationsPath(), { method: 'POST', body });
      expect(add.status).toBe(403);
      expect(add.json.error.code).toBe('PERMISSION.DENIED');
      const list = await apiAs(host, user)(delegationsPath());
      expect(list.status).toBe(403);
    }
    // The same unit id in another tenant is that tenant's own unit: this body is not in it, and
    // its list never shows this tenant's delegations.
    const otherAdmin = apiAs(host, other.users.head);
    const foreign = await otherAdmin(delegationsPath(), { method: 'POST', body });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe('ADMIN.BODY_NOT_IN_UNIT');
    const theirs = await otherAdmin(delegationsPath());
    expect(theirs.status).toBe(200);
    expect(theirs.json.delegations).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("offers the delegate in force on the meeting's date in the attendance and uses it", async () => {
    const created = await apiAs(host, fixture.users.secretary)(
      `/api/bodies/${fixture.body.id}/meetings`,
      { method: 'POST', body: meetingInput(fixture.users) },
    );
    expect(created.status).toBe(201);
    // The meeting starts 15/12/2026 08:00 Vietnam time: the delegation's last day, still in force.
    const path = `/api/bodies/${fixture.body.id}/meetings/${created.json.meeting.id}/attendance`;
    const read = await apiAs(host, fixture.users.secretary)(path);
    expect(read.status).toBe(200);
    expect(read.json.standingDelegates).toEqual([
      expect.objectContaining({
        userId: fixture.users.member.userId,
        delegate: expect.objectContaining({ displayName: 'Nông Thị Duyên' }),
        until: '2026-12-15',
      }),
    ]);
    const nobody = await apiAs(host, fixture.users.secretary)(path, {
      method: 'PUT',
      body: {
        marks: [{ userId: fixture.users.head.userId, status: 'present', byStandingDelegate: true }],
      },
    });
    expect(nobody.status).toBe(400);
    expect(nobody.json.error.code).toBe('ATTENDANCE.NO_STANDING_DELEGATE');
    // Someone outside the body learns nothing about delegations: the plain refusal.
    const outsider = await apiAs(host, fixture.outsider)(path, {
      method: 'PUT',
      body: {
        marks: [{ userId: fixture.users.head.userId, status: 'present', byStandingDelegate: true }],
      },
    });
    expect(outsider.status).toBe(403);
    const marked = await apiAs(host, fixture.users.secretary)(path, {
      method: 'PUT',
      body: {
        marks: [
          { userId: fixture.users.member.userId, status: 'present', byStandingDelegate: true },
        ],
      },
    });
    expect(marked.status).toBe(200);
    expect(marked.json.attendance).toContainEqual(
      expect.objectContaining({
        userId: fixture.users.member.userId,
        status: 'present',
        delegateName: 'Nông Thị Duyên',
      }),
    );
    expect(marked.json.quorum.delegates).toBe(1);
  });

  it('ends a delegation in force from today, cancels one not begun; both audited', async () => {
    const admin = apiAs(host, fixture.users.head);
    const running = await admin(delegationsPath(), {
      method: 'POST',
      body: forMember({
        memberId: fixture.users.secretary.userId,
        delegate: { userId: fixture.users.member.userId, displayName: 'Lê Văn Nam' },
        from: addDays(today(), -3),
        until: addDays(today(), 30),
      }),
    });
    expect(running.status).toBe(201);
    expect(running.json.delegation.status).toBe('inForce');
    const past = await admin(`${delegationsPath()}/${running.json.delegation.id}/end`, {
      method: 'POST',
      body: { until: addDays(today(), -1) },
    });
    expect(past.status).toBe(400);
    expect(past.json.error.code).toBe('DELEGATION.END_INVALID');
    const ended = await admin(`${delegationsPath()}/${running.json.delegation.id}/end`, {
      method: 'POST',
      body: {},
    });
    expect(ended.status).toBe(200);
    expect(ended.json.delegation).toMatchObject({
      until: today(),
      cancelled: false,
      endedBy: fixture.users.head.userId,
    });
    const upcoming = await admin(delegationsPath(), {
      method: 'POST',
      body: forMember({ from: addDays(today(), 400), until: addDays(today(), 410) }),
    });
    expect(upcoming.status).toBe(201);
    const cancelled = await admin(`${delegationsPath()}/${upcoming.json.delegation.id}/end`, {
      method: 'POST',
      body: {},
    });
    expect(cancelled.json.delegation).toMatchObject({ cancelled: true, status: 'cancelled' });
    const again = await admin(`${delegationsPath()}/${upcoming.json.delegation.id}/end`, {
      method: 'POST',
      body: {},
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('DELEGATION.ALREADY_ENDED');
    const missing = await admin(`${delegationsPath()}/khong-co/end`, { method: 'POST', body: {} });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('DELEGATION.NOT_FOUND');
    const actions = (await admin(`${unitPath()}/audit`)).json.events.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toContain('delegation.ended');
    expect(actions).toContain('delegation.cancelled');
  });
});
