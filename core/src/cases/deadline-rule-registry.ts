import { civilDateToIso, parseCivilDate } from '../calendar/civil-date';
import { computeDeadline, type DeadlineRule } from '../calendar/deadline';
import type { WorkCalendar } from '../calendar/work-calendar';
import { DomainError } from '../errors/domain-error';
import type { AuditHead } from '../audit/audit-event';

/**
 * How sure we are of a rule (RULES.md): `high` the statute says it; `reported` announced but not yet
 * read in the official text; `unitDefault` the law sets no number, so the unit configures it and
 * this is the default ("theo cấu hình của đơn vị").
 */
export type RuleConfidence = 'high' | 'reported' | 'unitDefault';

/**
 * One version of a legal time limit. Laws change: a rule is picked by the date of the record it
 * applies to (a case's received date, a recommendation's received date), never hard-wired.
 */
export interface VersionedDeadlineRule extends DeadlineRule {
  readonly id: string;
  /** First day in force, yyyy-MM-dd. */
  readonly effectiveFrom: string;
  /** Last day in force, when a later version replaced it. */
  readonly effectiveUntil?: string;
  /** The law and article, e.g. 'Law 02/2011/QH13 Art. 27'. */
  readonly basis: string;
  /** A unit may set its own number (only where the law sets none). */
  readonly configurable: boolean;
  readonly confidence: RuleConfidence;
}

/** A unit's own number for a configurable rule, from a date on (earlier records keep theirs). */
export interface UnitDeadlineOverride extends DeadlineRule {
  readonly ruleId: string;
  readonly effectiveFrom: string;
}

/** A unit's deadline configuration: overrides of configurable rules, kept as a dated history. */
export interface UnitDeadlineSettings {
  tenantId: string;
  unitId: string;
  overrides: UnitDeadlineOverride[];
  version: number;
  updatedAt: string;
  audit: AuditHead;
}

/** What a record keeps of the rule that set its deadline, so later rule changes never move it. */
export interface AppliedDeadlineRule extends DeadlineRule {
  id: string;
  basis: string;
  /** `law`: the statute's number; `default`: our default where the law sets none; `unit`: the unit's. */
  source: 'law' | 'default' | 'unit';
  effectiveFrom: string;
}

/**
 * The rule in force on `on` (yyyy-MM-dd): the unit's latest override from that date if the rule is
 * configurable, otherwise the statutory (or default) version in force. No such rule: DEADLINE.RULE_NOT_FOUND.
 */
export function resolveDeadlineRule(
  rules: readonly VersionedDeadlineRule[],
  ruleId: string,
  on: string,
  settings?: Pick<UnitDeadlineSettings, 'overrides'> | null,
): AppliedDeadlineRule {
  const version = rules.find(
    (rule) =>
      rule.id === ruleId &&
      rule.effectiveFrom <= on &&
      (rule.effectiveUntil === undefined || on <= rule.effectiveUntil),
  );
  if (!version) throw new DomainError('DEADLINE.RULE_NOT_FOUND', { rule: ruleId, date: on });
  if (version.configurable && settings) {
    const override = settings.overrides
      .filter((o) => o.ruleId === ruleId && o.effectiveFrom <= on)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    if (override) {
      return {
        id: ruleId,
        amount: override.amount,
        unit: override.unit,
        basis: version.basis,
        source: 'unit',
        effectiveFrom: override.effectiveFrom,
      };
    }
  }
  return {
    id: version.id,
    amount: version.amount,
    unit: version.unit,
    basis: version.basis,
    source: version.confidence === 'unitDefault' ? 'default' : 'law',
    effectiveFrom: version.effectiveFrom,
  };
}

/** The last day of a limit that starts on `start` (yyyy-MM-dd), counted the rule's way. */
export function deadlineFrom(start: string, rule: DeadlineRule, calendar?: WorkCalendar): string {
  return civilDateToIso(computeDeadline(parseCivilDate(start), rule, calendar));
}
