import type { HttpMethod } from '@azure/functions';
import {
  assertAdminsRemain,
  assertDelegationAllowed,
  assertCanAdministerUnit,
  assertSettingsVersionWritable,
  assertValidHolidayYear,
  auditHeadOf,
  chainAuditEvent,
  CONFIGURABLE_RULE_IDS,
  DEADLINE_RULES,
  DEFAULT_UNIT_SETTINGS,
  delegationStatus,
  diffFields,
  DomainError,
  GENESIS_HEAD,
  holidayTable,
  planDelegationEnd,
  planMemberRemoval,
  planMemberUpsert,
  retryOnWriteRace,
  settingsInForce,
  verifyAuditChain,
  vietnamDateOf,
  ZAddDelegationInput,
  ZCreateBodyInput,
  ZEffectiveFrom,
  ZEndDelegationInput,
  ZHolidayYear,
  ZPutHolidayYearInput,
  ZPutMemberInput,
  ZPutSettingsVersionInput,
  ZRenameBodyInput,
  ZUpdateUnitInput,
  type Actor,
  type AuditEventDraft,
  type Body,
  type Delegation,
  type Member,
  type UnitAction,
  type UnitAdministration,
  type UnitHolidayYear,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { Services } from '../services';
import type { UnitPartition } from '../store/admin-unit-store';
import { TableBodyRepository } from '../store/body-store';
import { authenticated, type ApiHandler } from './api-handler';
import { auditEventDto, memberDto } from './dto';
import { readJson } from './read-json';

/**
 * Unit administration (docs/admin.md): the unit, its bodies and their members and roles, the
 * dated settings versions and the yearly holiday table. Every route: validate (zod), load the unit
 * in the caller's tenant (another tenant's unit is simply not found), authorize against the unit's
 * admin list (core), decide (core), save with the audit event in the same batch, respond.
 */
const ZId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id');
const ZUnitParams = z.object({ unitId: ZId });
const ZUnitBodyParams = z.object({ unitId: ZId, bodyId: ZId });
const ZMemberParams = z.object({ unitId: ZId, bodyId: ZId, userId: ZId });
const ZDelegationParams = z.object({ unitId: ZId, delegationId: ZId });

export function adminRoutes(services: Services): HttpRoute[] {
  const route = (
    name: string,
    methods: HttpMethod[],
    path: string,
    handler: (admin: Admin) => ApiHandler,
  ): HttpRoute => ({
    name,
    methods,
    route: path,
    handler: authenticated(services, handler(new Admin(services))),
  });
  return [
    route('adminListUnits', ['GET'], 'admin/units', (a) => a.listUnits),
    route('adminGetUnit', ['GET'], 'units/{unitId}/admin', (a) => a.getUnit),
    route('adminUpdateUnit', ['PATCH'], 'units/{unitId}/admin', (a) => a.updateUnit),
    route('adminCreateBody', ['POST'], 'units/{unitId}/admin/bodies', (a) => a.createBody),
    route(
      'adminRenameBody',
      ['PATCH'],
      'units/{unitId}/admin/bodies/{bodyId}',
      (a) => a.renameBody,
    ),
    route(
      'adminListMembers',
      ['GET'],
      'units/{unitId}/admin/bodies/{bodyId}/members',
      (a) => a.listMembers,
    ),
    route(
      'adminPutMember',
      ['PUT'],
      'units/{unitId}/admin/bodies/{bodyId}/members/{userId}',
      (a) => a.putMember,
    ),
    route(
      'adminRemoveMember',
      ['DELETE'],
      'units/{unitId}/admin/bodies/{bodyId}/members/{userId}',
      (a) => a.removeMember,
    ),
    route('adminGetSettings', ['GET'], 'units/{unitId}/admin/settings', (a) => a.getSettings),
    route(
      'adminPutSettingsVersion',
      ['PUT'],
      'units/{unitId}/admin/settings/{effectiveFrom}',
      (a) => a.putSettingsVersion,
    ),
    route(
      'adminGetHolidays',
      ['GET'],
      'units/{unitId}/admin/holidays/{year}',
      (a) => a.getHolidays,
    ),
    route(
      'adminPutHolidays',
      ['PUT'],
      'units/{unitId}/admin/holidays/{year}',
      (a) => a.putHolidays,
    ),
    route(
      'adminListDelegations',
      ['GET'],
      'units/{unitId}/admin/delegations',
      (a) => a.listDelegations,
    ),
    route(
      'adminAddDelegation',
      ['POST'],
      'units/{unitId}/admin/delegations',
      (a) => a.addDelegation,
    ),
    route(
      'adminEndDelegation',
      ['POST'],
      'units/{unitId}/admin/delegations/{delegationId}/end',
      (a) => a.endDelegation,
    ),
    route('adminAudit', ['GET'], 'units/{unitId}/admin/audit', (a) => a.audit),
  ];
}

class Admin {
  constructor(private readonly services: Services) {}

  private get store() {
    const store = this.services.unitAdmin;
    if (!store) throw new Error('unit administration store not configured');
    return store;
  }

  private get bodies(): TableBodyRepository {
    const bodies = this.services.deps.bodies;
    if (!(bodies instanceof TableBodyRepository)) {
      throw new Error('unit administration needs the table body repository');
    }
    return bodies;
  }

  private now(): Date {
    return this.services.deps.clock.now();
  }

  /** The unit's partition in the caller's tenant, after the admin check. */
  private async load(actor: Actor, unitId: string, action: UnitAction): Promise<UnitPartition> {
    const partition = await this.store.getPartition(actor.tenantId, unitId);
    if (!partition) throw new DomainError('UNIT.NOT_FOUND');
    assertCanAdministerUnit(partition.unit, actor, action);
    return partition;
  }

  /** The body, only if it belongs to this unit (a body id from another unit is not found here). */
  private async bodyInUnit(actor: Actor, unitId: string, bodyId: string) {
    const head = await this.bodies.getBodyHead(actor.tenantId, bodyId);
    if (!head || head.body.unitId !== unitId) throw new DomainError('ADMIN.BODY_NOT_IN_UNIT');
    return head;
  }

  private draft(
    actor: Actor,
    aggregateType: 'unit' | 'body',
    aggregateId: string,
    action: string,
    changes: AuditEventDraft['changes'],
  ): AuditEventDraft {
    return {
      tenantId: actor.tenantId,
      aggregateType,
      aggregateId,
      action,
      actorId: actor.userId,
      actorName: actor.displayName,
      at: this.now().toISOString(),
      changes,
    };
  }

  /** Moves the unit on by one audited change and commits it with the rows it puts. */
  private async commitUnit(
    actor: Actor,
    partition: UnitPartition,
    next: Partial<Pick<UnitAdministration, 'name' | 'province' | 'admins'>>,
    action: string,
    changes: AuditEventDraft['changes'],
    rows: Pick<
      Parameters<NonNullable<Services['unitAdmin']>['commit']>[0],
      'putBodies' | 'putSettings' | 'putHolidays' | 'putDelegations'
    > = {},
  ): Promise<UnitAdministration> {
    const event = chainAuditEvent(
      partition.unit.audit,
      this.draft(actor, 'unit', partition.unit.id, action, changes),
    );
    const unit: UnitAdministration = {
      ...partition.unit,
      ...next,
      version: partition.unit.version + 1,
      updatedAt: event.at,
      audit: auditHeadOf(event),
    };
    await this.store.commit({ unit, etag: partition.etag, event, ...rows });
    return unit;
  }

  readonly listUnits: ApiHandler = async ({ actor }) => {
    const units = await this.store.listAdministeredUnits(actor.tenantId, actor.userId);
    return { jsonBody: { units: units.map(unitDto) } };
  };

  readonly getUnit: ApiHandler = async ({ actor, params }) => {
    const { unitId } = ZUnitParams.parse(params);
    const partition = await this.load(actor, unitId, 'unit.read');
    return { jsonBody: { unit: unitDto(partition.unit), bodies: partition.bodies } };
  };

  readonly updateUnit: ApiHandler = async ({ actor, params, request }) => {
    const { unitId } = ZUnitParams.parse(params);
    const input = ZUpdateUnitInput.parse(await readJson(request));
    const partition = await this.load(actor, unitId, 'unit.update');
    assertVersion(partition, input.version);
    const next = {
      name: input.name ?? partition.unit.name,
      province: input.province ?? partition.unit.province,
      // The same person twice would need two removals to be gone: keep the first.
      admins: (input.admins ?? partition.unit.admins).filter(
        (admin, index, all) => all.findIndex((a) => a.userId === admin.userId) === index,
      ),
    };
    assertAdminsRemain(next.admins);
    const changes = diffFields(partition.unit, { ...partition.unit, ...next }, [
      'name',
      'province',
      'admins',
    ]);
    if (Object.keys(changes).length === 0) {
      return { jsonBody: { unit: unitDto(partition.unit), bodies: partition.bodies } };
    }
    const unit = await this.commitUnit(actor, partition, next, 'unit.updated', changes);
    if (unit.name !== partition.unit.name) {
      // Bodies carry their unit's name (the "my bodies" list shows it): keep the copies in step.
      await Promise.all(
        partition.bodies.map((body) =>
          this.bodies.renameUnitOnBody(actor.tenantId, body.id, unit.name),
        ),
      );
    }
    return { jsonBody: { unit: unitDto(unit), bodies: partition.bodies } };
  };

  /**
   * The body partition first (body, head, its first audit event), then the unit's index row with
   * the unit's own event; a lost race on the unit row re-reads and retries only that second write.
   */
  readonly createBody: ApiHandler = async ({ actor, params, request }) => {
    const { unitId } = ZUnitParams.parse(params);
    const input = ZCreateBodyInput.parse(await readJson(request));
    const partition = await this.load(actor, unitId, 'body.administer');
    const body: Body = {
      tenantId: actor.tenantId,
      unitId,
      unitName: partition.unit.name,
      id: this.services.deps.ids.next().toLowerCase(),
      kind: input.kind,
      name: input.name,
    };
    const head: Member = {
      tenantId: actor.tenantId,
      bodyId: body.id,
      userId: input.head.userId,
      displayName: input.head.displayName,
      title: input.head.title,
      roles: ['head'],
    };
    const event = chainAuditEvent(
      GENESIS_HEAD,
      this.draft(actor, 'body', body.id, 'body.created', {
        name: [null, body.name],
        kind: [null, body.kind],
        members: [null, [`${head.displayName} (head)`]],
      }),
    );
    await this.bodies.createBody(body, [head], event);
    const entry = { id: body.id, kind: body.kind, name: body.name };
    await retryOnWriteRace(async () => {
      const fresh = await this.load(actor, unitId, 'body.administer');
      await this.commitUnit(
        actor,
        fresh,
        {},
        'unit.bodyCreated',
        { [`body:${body.id}`]: [null, body.name] },
        { putBodies: [entry] },
      );
    });
    return { status: 201, jsonBody: { body: entry, members: [memberDto(head)] } };
  };

  readonly renameBody: ApiHandler = async ({ actor, params, request }) => {
    const { unitId, bodyId } = ZUnitBodyParams.parse(params);
    const input = ZRenameBodyInput.parse(await readJson(request));
    await this.load(actor, unitId, 'body.administer');
    await retryOnWriteRace(async () => {
      const { body, head, etag } = await this.bodyInUnit(actor, unitId, bodyId);
      if (body.name === input.name) return;
      const event = chainAuditEvent(
        head,
        this.draft(actor, 'body', bodyId, 'body.renamed', { name: [body.name, input.name] }),
      );
      await this.bodies.commitAdminChange({
        tenantId: actor.tenantId,
        bodyId,
        etag,
        event,
        name: input.name,
      });
    });
    // The unit's index follows; its own chain records nothing new (the body's chain has it).
    await retryOnWriteRace(async () => {
      const fresh = await this.load(actor, unitId, 'body.administer');
      const entry = fresh.bodies.find((b) => b.id === bodyId);
      if (!entry || entry.name === input.name) return;
      await this.commitUnit(
        actor,
        fresh,
        {},
        'unit.bodyRenamed',
        { [`body:${bodyId}`]: [entry.name, input.name] },
        { putBodies: [{ ...entry, name: input.name }] },
      );
    });
    const { body } = await this.bodyInUnit(actor, unitId, bodyId);
    return { jsonBody: { body: { id: body.id, kind: body.kind, name: body.name } } };
  };

  readonly listMembers: ApiHandler = async ({ actor, params }) => {
    const { unitId, bodyId } = ZUnitBodyParams.parse(params);
    await this.load(actor, unitId, 'unit.read');
    const { body } = await this.bodyInUnit(actor, unitId, bodyId);
    const members = await this.bodies.listMembers(actor.tenantId, bodyId);
    return {
      jsonBody: {
        body: { id: body.id, kind: body.kind, name: body.name },
        members: members.map(memberDto),
      },
    };
  };

  readonly putMember: ApiHandler = async ({ actor, params, request }) => {
    const { unitId, bodyId, userId } = ZMemberParams.parse(params);
    const input = ZPutMemberInput.parse(await readJson(request));
    await this.load(actor, unitId, 'body.administer');
    const members = await retryOnWriteRace(async () => {
      const { body, head, etag } = await this.bodyInUnit(actor, unitId, bodyId);
      const current = await this.bodies.listMembers(actor.tenantId, bodyId);
      const plan = planMemberUpsert(body, current, { userId, ...input });
      const changes = plan.before
        ? diffFields(plan.before, plan.after, ['displayName', 'title', 'roles'])
        : ({
            member: [null, `${plan.after.displayName} (${plan.after.roles.join(', ')})`],
          } as Record<string, [unknown, unknown]>);
      if (Object.keys(changes).length === 0) return plan.members;
      const event = chainAuditEvent(
        head,
        this.draft(
          actor,
          'body',
          bodyId,
          plan.before ? 'member.changed' : 'member.added',
          prefixed(userId, changes),
        ),
      );
      await this.bodies.commitAdminChange({
        tenantId: actor.tenantId,
        bodyId,
        etag,
        event,
        putMembers: [plan.after],
      });
      return plan.members;
    });
    return { jsonBody: { members: sortMembers(members).map(memberDto) } };
  };

  readonly removeMember: ApiHandler = async ({ actor, params }) => {
    const { unitId, bodyId, userId } = ZMemberParams.parse(params);
    await this.load(actor, unitId, 'body.administer');
    const members = await retryOnWriteRace(async () => {
      const { body, head, etag } = await this.bodyInUnit(actor, unitId, bodyId);
      const current = await this.bodies.listMembers(actor.tenantId, bodyId);
      const plan = planMemberRemoval(body, current, userId);
      const event = chainAuditEvent(
        head,
        this.draft(actor, 'body', bodyId, 'member.removed', {
          [`member:${userId}`]: [
            `${plan.removed.displayName} (${plan.removed.roles.join(', ')})`,
            null,
          ],
        }),
      );
      await this.bodies.commitAdminChange({
        tenantId: actor.tenantId,
        bodyId,
        etag,
        event,
        deleteMembers: [userId],
      });
      return plan.members;
    });
    return { jsonBody: { members: sortMembers(members).map(memberDto) } };
  };

  readonly getSettings: ApiHandler = async ({ actor, params }) => {
    const { unitId } = ZUnitParams.parse(params);
    const partition = await this.load(actor, unitId, 'unit.read');
    return { jsonBody: settingsView(partition, vietnamDateOf(this.now())) };
  };

  readonly putSettingsVersion: ApiHandler = async ({ actor, params, request }) => {
    const { unitId } = ZUnitParams.parse(params);
    const effectiveFrom = ZEffectiveFrom.parse(params.effectiveFrom);
    const input = ZPutSettingsVersionInput.parse(await readJson(request));
    const partition = await this.load(actor, unitId, 'settings.update');
    assertVersion(partition, input.version);
    const today = vietnamDateOf(this.now());
    const existing = partition.settings.find((v) => v.effectiveFrom === effectiveFrom);
    assertSettingsVersionWritable(effectiveFrom, existing !== undefined, today);
    const version = {
      effectiveFrom,
      values: input.values,
      savedAt: this.now().toISOString(),
      savedBy: actor.userId,
      savedByName: actor.displayName,
    };
    const unit = await this.commitUnit(
      actor,
      partition,
      {},
      existing ? 'settings.versionChanged' : 'settings.versionAdded',
      { [`settings:${effectiveFrom}`]: [existing?.values ?? null, input.values] },
      { putSettings: [version] },
    );
    const settings = [
      ...partition.settings.filter((v) => v.effectiveFrom !== effectiveFrom),
      version,
    ].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    return {
      status: existing ? 200 : 201,
      jsonBody: settingsView({ ...partition, unit, settings }, today),
    };
  };

  readonly getHolidays: ApiHandler = async ({ actor, params }) => {
    const { unitId } = ZUnitParams.parse(params);
    const year = ZHolidayYear.parse(params.year);
    const partition = await this.load(actor, unitId, 'unit.read');
    return { jsonBody: holidaysView(partition, year) };
  };

  readonly putHolidays: ApiHandler = async ({ actor, params, request }) => {
    const { unitId } = ZUnitParams.parse(params);
    const year = ZHolidayYear.parse(params.year);
    const input = ZPutHolidayYearInput.parse(await readJson(request));
    const partition = await this.load(actor, unitId, 'holidays.update');
    assertVersion(partition, input.version);
    const changes: UnitHolidayYear = {
      year,
      daysOff: input.daysOff,
      makeUpWorkingDays: input.makeUpWorkingDays,
    };
    assertValidHolidayYear(changes);
    const before = partition.holidays.find((h) => h.year === year) ?? null;
    const unit = await this.commitUnit(
      actor,
      partition,
      {},
      'holidays.changed',
      {
        [`holidays:${year}`]: [
          before ? { daysOff: before.daysOff, makeUpWorkingDays: before.makeUpWorkingDays } : null,
          { daysOff: changes.daysOff, makeUpWorkingDays: changes.makeUpWorkingDays },
        ],
      },
      { putHolidays: [changes] },
    );
    const holidays = [...partition.holidays.filter((h) => h.year !== year), changes];
    return { jsonBody: holidaysView({ ...partition, unit, holidays }, year) };
  };

  readonly listDelegations: ApiHandler = async ({ actor, params }) => {
    const { unitId } = ZUnitParams.parse(params);
    const partition = await this.load(actor, unitId, 'unit.read');
    return { jsonBody: delegationsView(partition.delegations, vietnamDateOf(this.now())) };
  };

  /**
   * The represented person must be a member of the body (read from the body partition); the
   * overlap check and the write share the unit row's etag, so two administrators adding
   * overlapping delegations at once cannot both succeed: the loser re-reads and is refused.
   */
  readonly addDelegation: ApiHandler = async ({ actor, params, request }) => {
    const { unitId } = ZUnitParams.parse(params);
    const input = ZAddDelegationInput.parse(await readJson(request));
    await this.load(actor, unitId, 'delegations.update');
    const { body } = await this.bodyInUnit(actor, unitId, input.bodyId);
    const members = await this.bodies.listMembers(actor.tenantId, input.bodyId);
    const member = members.find((m) => m.userId === input.memberId);
    if (!member) throw new DomainError('ADMIN.MEMBER_NOT_FOUND', { body: body.name });
    const id = this.services.deps.ids.next().toLowerCase();
    const result = await retryOnWriteRace(async () => {
      const partition = await this.load(actor, unitId, 'delegations.update');
      const delegation: Delegation = {
        id,
        bodyId: input.bodyId,
        memberId: member.userId,
        memberName: member.displayName,
        delegate: {
          ...(input.delegate.userId ? { userId: input.delegate.userId } : {}),
          displayName: input.delegate.displayName,
          title: input.delegate.title,
        },
        from: input.from,
        until: input.until,
        reason: input.reason,
        createdAt: this.now().toISOString(),
        createdBy: actor.userId,
        createdByName: actor.displayName,
      };
      assertDelegationAllowed(delegation, partition.delegations);
      await this.commitUnit(
        actor,
        partition,
        {},
        'delegation.added',
        { [`delegation:${id}`]: [null, delegationSummary(delegation, body.name)] },
        { putDelegations: [delegation] },
      );
      return { delegation, all: [...partition.delegations, delegation] };
    });
    const today = vietnamDateOf(this.now());
    return {
      status: 201,
      jsonBody: {
        delegation: delegationDto(result.delegation, today),
        ...delegationsView(result.all, today),
      },
    };
  };

  readonly endDelegation: ApiHandler = async ({ actor, params, request }) => {
    const { unitId, delegationId } = ZDelegationParams.parse(params);
    const input = ZEndDelegationInput.parse(await readJson(request));
    const result = await retryOnWriteRace(async () => {
      const partition = await this.load(actor, unitId, 'delegations.update');
      const current = partition.delegations.find((d) => d.id === delegationId);
      if (!current) throw new DomainError('DELEGATION.NOT_FOUND');
      const today = vietnamDateOf(this.now());
      const ended = planDelegationEnd(current, input.until, today, {
        userId: actor.userId,
        displayName: actor.displayName,
        at: this.now().toISOString(),
      });
      const bodyName =
        partition.bodies.find((b) => b.id === current.bodyId)?.name ?? current.bodyId;
      await this.commitUnit(
        actor,
        partition,
        {},
        ended.cancelled ? 'delegation.cancelled' : 'delegation.ended',
        {
          [`delegation:${delegationId}`]: [
            delegationSummary(current, bodyName),
            ended.cancelled ? null : delegationSummary(ended, bodyName),
          ],
        },
        { putDelegations: [ended] },
      );
      return {
        ended,
        all: partition.delegations.map((d) => (d.id === delegationId ? ended : d)),
      };
    });
    const today = vietnamDateOf(this.now());
    return {
      jsonBody: {
        delegation: delegationDto(result.ended, today),
        ...delegationsView(result.all, today),
      },
    };
  };

  /** The unit's chain and each of its bodies' chains, newest first, each chain verified. */
  readonly audit: ApiHandler = async ({ actor, params }) => {
    const { unitId } = ZUnitParams.parse(params);
    const partition = await this.load(actor, unitId, 'unit.read');
    const chains = await Promise.all([
      this.store.listAuditEvents(actor.tenantId, unitId),
      ...partition.bodies.map((body) => this.bodies.listBodyAuditEvents(actor.tenantId, body.id)),
    ]);
    const verified = chains.every((chain) => verifyAuditChain(chain).ok);
    const names = new Map(partition.bodies.map((b) => [b.id, b.name]));
    const events = chains
      .flat()
      .sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq)
      .slice(0, 500)
      .map((event) => ({
        ...auditEventDto(event),
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        aggregateName:
          event.aggregateType === 'unit'
            ? partition.unit.name
            : (names.get(event.aggregateId) ?? event.aggregateId),
      }));
    return { jsonBody: { events, verified } };
  };
}

function assertVersion(partition: UnitPartition, version: number): void {
  if (partition.unit.version !== version) {
    throw new DomainError('CONCURRENCY.CONFLICT', {});
  }
}

function prefixed(
  userId: string,
  changes: Record<string, [unknown, unknown]>,
): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [`member:${userId}:${field}`, change]),
  );
}

const ROLE_ORDER = ['head', 'deputyHead', 'secretary', 'member', 'observer'];

function sortMembers(members: Member[]): Member[] {
  const rank = (m: Member) => Math.min(...m.roles.map((r) => ROLE_ORDER.indexOf(r)), 99);
  return [...members].sort(
    (a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName, 'vi'),
  );
}

function unitDto(unit: UnitAdministration) {
  return {
    id: unit.id,
    name: unit.name,
    province: unit.province,
    admins: unit.admins,
    version: unit.version,
    updatedAt: unit.updatedAt,
  };
}

function settingsView(partition: UnitPartition, today: string) {
  const inForce = settingsInForce(partition.settings, today);
  return {
    unit: unitDto(partition.unit),
    today,
    inForce,
    versions: partition.settings.map((v) => ({ ...v, editable: v.effectiveFrom > today })),
    defaults: DEFAULT_UNIT_SETTINGS,
    /** The deadline rules the law leaves to the unit, with their default and basis. */
    configurableRules: CONFIGURABLE_RULE_IDS.map((id) => {
      const rule = DEADLINE_RULES.filter((r) => r.id === id).at(-1)!;
      return { id, amount: rule.amount, unit: rule.unit, basis: rule.basis };
    }),
  };
}

/** What the audit log keeps of a delegation: who, for whom, in which body, when, why. */
function delegationSummary(d: Delegation, bodyName: string): string {
  return `${d.delegate.displayName} dự thay ${d.memberName} (${bodyName}) ${d.from}..${d.until}: ${d.reason}`;
}

function delegationDto(d: Delegation, today: string) {
  return { ...d, cancelled: d.cancelled === true, status: delegationStatus(d, today) };
}

function delegationsView(delegations: readonly Delegation[], today: string) {
  return {
    today,
    delegations: [...delegations]
      .sort(
        (a, b) => a.from.localeCompare(b.from) || a.memberName.localeCompare(b.memberName, 'vi'),
      )
      .map((d) => delegationDto(d, today)),
  };
}

function holidaysView(partition: UnitPartition, year: number) {
  const changes = partition.holidays.find((h) => h.year === year) ?? null;
  return {
    unit: unitDto(partition.unit),
    year,
    days: holidayTable(year, changes),
    changes: changes ?? { year, daysOff: [], makeUpWorkingDays: [] },
  };
}
