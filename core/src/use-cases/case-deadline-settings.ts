import { auditHeadOf, chainAuditEvent, GENESIS_HEAD } from '../audit/audit-event';
import type { UnitDeadlineSettings, VersionedDeadlineRule } from '../cases/deadline-rule-registry';
import {
  assertConfigurable,
  DEADLINE_RULES,
  type TSetDeadlineOverrideInput,
} from '../cases/deadline-settings';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { nextAudited, required } from './case-change';
import type { UseCaseDeps } from './deps';
import { retryOnWriteRace } from './meeting-change';
import { resolveActorInBody } from './resolve-actor-roles';

type SettingsDeps = Pick<UseCaseDeps, 'bodies' | 'cases' | 'clock'>;

export interface DeadlineRulesView {
  rules: readonly VersionedDeadlineRule[];
  /** The unit's own numbers for configurable rules (empty: the defaults apply). */
  overrides: UnitDeadlineSettings['overrides'];
  version: number;
}

/** Every deadline rule with its article, and the unit's overrides: for any member of the body. */
export async function getDeadlineRules(
  deps: SettingsDeps,
  actor: Actor,
  bodyId: string,
): Promise<DeadlineRulesView> {
  const cases = required(deps.cases, 'cases');
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
  const stored = await cases.getDeadlineSettings(actor.tenantId, body.unitId);
  return {
    rules: DEADLINE_RULES,
    overrides: stored?.value.overrides ?? [],
    version: stored?.value.version ?? 0,
  };
}

/**
 * The head sets the unit's number for a rule the law leaves open, from a date on. Records already
 * created keep the rule they were given; one set for the same rule and date replaces the earlier one.
 */
export async function setDeadlineOverride(
  deps: SettingsDeps,
  actor: Actor,
  bodyId: string,
  input: TSetDeadlineOverrideInput,
): Promise<UnitDeadlineSettings> {
  const cases = required(deps.cases, 'cases');
  return retryOnWriteRace(async () => {
    const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    assertCan(roles, 'deadlineSettings.update');
    assertConfigurable(input.ruleId);
    const stored = await cases.getDeadlineSettings(actor.tenantId, body.unitId);
    const at = deps.clock.now().toISOString();
    const current: UnitDeadlineSettings = stored?.value ?? {
      tenantId: actor.tenantId,
      unitId: body.unitId,
      overrides: [],
      version: 0,
      updatedAt: at,
      audit: GENESIS_HEAD,
    };
    if (current.version !== input.version) {
      throw new DomainError('CONCURRENCY.CONFLICT', {}, { currentRecord: current });
    }
    const override = {
      ruleId: input.ruleId,
      amount: input.amount,
      unit: input.unit,
      effectiveFrom: input.effectiveFrom,
    };
    const overrides = [
      ...current.overrides.filter(
        (o) => !(o.ruleId === override.ruleId && o.effectiveFrom === override.effectiveFrom),
      ),
      override,
    ].sort(
      (a, b) => a.ruleId.localeCompare(b.ruleId) || a.effectiveFrom.localeCompare(b.effectiveFrom),
    );
    const changes = { [input.ruleId]: [null, override] as [unknown, unknown] };
    if (!stored) {
      const event = chainAuditEvent(GENESIS_HEAD, {
        tenantId: actor.tenantId,
        aggregateType: 'deadlineSettings',
        aggregateId: body.unitId,
        action: 'deadlineSettings.changed',
        actorId: actor.userId,
        actorName: actor.displayName,
        at,
        changes,
      });
      const created = {
        ...current,
        overrides,
        version: 1,
        updatedAt: at,
        audit: auditHeadOf(event),
      };
      await cases.saveDeadlineSettings(created, null, event);
      return created;
    }
    const change = nextAudited(
      'deadlineSettings',
      { ...current, id: current.unitId },
      { ...current, id: current.unitId, overrides },
      actor,
      at,
      'deadlineSettings.changed',
      changes,
    );
    const { id: _id, ...next } = change.value;
    await cases.saveDeadlineSettings(next, stored.etag, change.event);
    return next;
  });
}
