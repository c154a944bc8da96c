import { z } from 'zod';
import { FRONT_DEADLINE_RULES } from '../consultations/front-rules';
import { DomainError } from '../errors/domain-error';
import { CASE_DEADLINE_RULES } from './case-deadline-rules';
import type { VersionedDeadlineRule } from './deadline-rule-registry';

/** Every deadline rule the product knows, each version with its article. */
export const DEADLINE_RULES: readonly VersionedDeadlineRule[] = [
  ...CASE_DEADLINE_RULES,
  ...FRONT_DEADLINE_RULES,
];

/** Rules a unit may set its own number for: only where the law sets none. */
export const CONFIGURABLE_RULE_IDS: readonly string[] = [
  ...new Set(DEADLINE_RULES.filter((rule) => rule.configurable).map((rule) => rule.id)),
];

/** Unknown rule: DEADLINE.RULE_NOT_FOUND; a statutory one: DEADLINE.NOT_CONFIGURABLE. */
export function assertConfigurable(ruleId: string): void {
  if (!DEADLINE_RULES.some((rule) => rule.id === ruleId)) {
    throw new DomainError('DEADLINE.RULE_NOT_FOUND', { rule: ruleId, date: '-' });
  }
  if (!CONFIGURABLE_RULE_IDS.includes(ruleId)) {
    throw new DomainError('DEADLINE.NOT_CONFIGURABLE', { rule: ruleId });
  }
}

/** Sets a unit's number for one configurable rule from a date on (earlier records keep theirs). */
export const ZSetDeadlineOverrideInput = z.strictObject({
  /** The settings version last seen; 0 when the unit has none yet. */
  version: z.number().int().min(0),
  ruleId: z.string().regex(/^[a-zA-Z.]{1,80}$/, 'not a rule id'),
  amount: z.number().int().min(1).max(365),
  unit: z.enum(['calendarDays', 'workingDays']),
  effectiveFrom: z.iso.date(),
});
export type TSetDeadlineOverrideInput = z.infer<typeof ZSetDeadlineOverrideInput>;
