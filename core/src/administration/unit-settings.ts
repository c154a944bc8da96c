import { z } from 'zod';
import { civilDateToIso } from '../calendar/civil-date';
import type { DeadlineRule } from '../calendar/deadline';
import { toVietnamDate } from '../calendar/vietnam-time';
import type { UnitDeadlineOverride } from '../cases/deadline-rule-registry';
import { CONFIGURABLE_RULE_IDS, DEADLINE_RULES } from '../cases/deadline-settings';
import { DomainError } from '../errors/domain-error';
import {
  DEFAULT_REMINDER_POLICY,
  minutesOfLocalTime,
  type DeadlineOffset,
  type ReminderPolicy,
} from '../reminders/reminder-policy';

/**
 * What a unit configures itself (RULES.md: where the law is silent, "theo cấu hình của đơn vị"):
 * its numbers for the deadlines the law leaves open, the reminder offsets before a deadline and the
 * quiet hours. Everything else stays the law's or the product's.
 */
export interface UnitSettingsValues {
  /** Configurable deadline rule id -> the unit's number; a rule left out keeps the default. */
  deadlines: Record<string, DeadlineRule>;
  /** Reminders before an assignment's deadline (days before, at a Vietnam wall-clock time). */
  reminderOffsets: DeadlineOffset[];
  /** No message from `start` until `end` the next morning (Vietnam time). */
  quietHours: { start: string; end: string };
}

/**
 * One version of a unit's settings, in force from `effectiveFrom` until the next version's date.
 * Versions are never deleted; one that is in force (or was) is never edited, so every past
 * deadline and reminder can be explained by the version that produced it.
 */
export interface UnitSettingsVersion {
  effectiveFrom: string;
  values: UnitSettingsValues;
  savedAt: string;
  savedBy: string;
  savedByName: string;
}

export const DEFAULT_UNIT_SETTINGS: UnitSettingsValues = {
  deadlines: {},
  reminderOffsets: DEFAULT_REMINDER_POLICY.assignmentOffsets.map((offset) => ({ ...offset })),
  quietHours: {
    start: DEFAULT_REMINDER_POLICY.quietHours.start,
    end: DEFAULT_REMINDER_POLICY.quietHours.end,
  },
};

export interface SettingsInForce {
  /** null: no version applies yet, the product defaults do. */
  effectiveFrom: string | null;
  values: UnitSettingsValues;
}

/** Today's civil date in Vietnam (yyyy-MM-dd): settings versions are dated by it. */
export function vietnamDateOf(instant: Date): string {
  return civilDateToIso(toVietnamDate(instant));
}

/** The settings in force on `on` (yyyy-MM-dd): the latest version whose date is not after it. */
export function settingsInForce(
  versions: readonly UnitSettingsVersion[],
  on: string,
): SettingsInForce {
  const version = versions
    .filter((v) => v.effectiveFrom <= on)
    .reduce<UnitSettingsVersion | null>(
      (latest, v) => (latest === null || v.effectiveFrom > latest.effectiveFrom ? v : latest),
      null,
    );
  return version
    ? { effectiveFrom: version.effectiveFrom, values: version.values }
    : { effectiveFrom: null, values: DEFAULT_UNIT_SETTINGS };
}

/**
 * A version may be written only while it is still in the future. One in force today or earlier
 * already decided deadlines and reminders: editing it is SETTINGS.VERSION_LOCKED (409); creating a
 * new one dated in the past would rewrite history: SETTINGS.EFFECTIVE_IN_PAST (400). A new version
 * from today on is allowed: it applies to what is decided from now.
 */
export function assertSettingsVersionWritable(
  effectiveFrom: string,
  exists: boolean,
  today: string,
): void {
  if (exists && effectiveFrom <= today) {
    throw new DomainError('SETTINGS.VERSION_LOCKED', { effectiveFrom, today });
  }
  if (!exists && effectiveFrom < today) {
    throw new DomainError('SETTINGS.EFFECTIVE_IN_PAST', { effectiveFrom, today });
  }
}

/**
 * The versions as the dated overrides resolveDeadlineRule reads (cases, Front recommendations). A
 * rule a later version leaves out goes back to the default from that version's date, so dropping a
 * number is a change in force from a date too, never a silent rewrite of the earlier period.
 */
export function deadlineOverridesOf(
  versions: readonly UnitSettingsVersion[],
): UnitDeadlineOverride[] {
  const overrides: UnitDeadlineOverride[] = [];
  const setBefore = new Set<string>();
  const ordered = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  for (const version of ordered) {
    for (const ruleId of CONFIGURABLE_RULE_IDS) {
      const own = version.values.deadlines[ruleId];
      const rule =
        own ?? (setBefore.has(ruleId) ? defaultRule(ruleId, version.effectiveFrom) : null);
      if (!rule) continue;
      overrides.push({
        ruleId,
        amount: rule.amount,
        unit: rule.unit,
        effectiveFrom: version.effectiveFrom,
      });
      if (own) setBefore.add(ruleId);
    }
  }
  return overrides;
}

/** The default (law or product) number of a configurable rule on a date, or the earliest one. */
export function defaultRule(ruleId: string, on: string): DeadlineRule | null {
  const versions = DEADLINE_RULES.filter((rule) => rule.id === ruleId);
  const inForce =
    versions.find(
      (rule) =>
        rule.effectiveFrom <= on &&
        (rule.effectiveUntil === undefined || on <= rule.effectiveUntil),
    ) ?? versions[0];
  return inForce ? { amount: inForce.amount, unit: inForce.unit } : null;
}

/** The reminder policy with a unit's offsets and quiet hours (the rest stays the product's). */
export function reminderPolicyFor(
  values: UnitSettingsValues,
  base: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): ReminderPolicy {
  return {
    ...base,
    assignmentOffsets: values.reminderOffsets.map((offset) => ({ ...offset })),
    quietHours: { ...base.quietHours, start: values.quietHours.start, end: values.quietHours.end },
  };
}

const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not an HH:mm time');

export const ZUnitSettingsValues = z
  .strictObject({
    deadlines: z
      .record(
        z.string(),
        z.strictObject({
          amount: z.number().int().min(1).max(365),
          unit: z.enum(['calendarDays', 'workingDays']),
        }),
      )
      .refine(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          Object.keys(value).every((id) => CONFIGURABLE_RULE_IDS.includes(id)),
        {
          message: `only these rules are left to the unit: ${CONFIGURABLE_RULE_IDS.join(', ')}`,
        },
      ),
    reminderOffsets: z
      .array(z.strictObject({ days: z.number().int().min(0).max(60), at: ZLocalTime }))
      .max(10)
      .refine(
        (offsets) =>
          Array.isArray(offsets) && new Set(offsets.map((o) => o?.days)).size === offsets.length,
        {
          message: 'each number of days before appears once',
        },
      ),
    quietHours: z.strictObject({ start: ZLocalTime, end: ZLocalTime }),
  })
  .refine(
    // Reminders are planned up to `start` minus the delivery margin: leave them some daytime.
    // zod runs this even when a time failed its own check, so malformed times answer false here.
    (value) => {
      const start = ZLocalTime.safeParse(value.quietHours.start);
      const end = ZLocalTime.safeParse(value.quietHours.end);
      if (!start.success || !end.success) return false;
      return (
        minutesOfLocalTime(start.data) - DEFAULT_REMINDER_POLICY.quietHours.marginMinutes >
        minutesOfLocalTime(end.data)
      );
    },
    {
      message: 'quiet hours must end in the morning before they start in the evening',
      path: ['quietHours'],
    },
  );

export const ZPutSettingsVersionInput = z.strictObject({
  /** The unit version last seen (optimistic concurrency). */
  version: z.number().int().min(0),
  values: ZUnitSettingsValues,
});
export type TPutSettingsVersionInput = z.infer<typeof ZPutSettingsVersionInput>;

export const ZEffectiveFrom = z.iso.date();
