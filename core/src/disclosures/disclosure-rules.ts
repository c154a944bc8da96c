import { parseCivilDate } from '../calendar/civil-date';
import { computeDeadline, deadlineEndUtc } from '../calendar/deadline';
import { civilDateToIso } from '../calendar/civil-date';
import { vietnamMidnightUtc } from '../calendar/vietnam-time';
import { DomainError } from '../errors/domain-error';
import type { Disclosure, DisclosureStatus } from './disclosure';

/** Default posting period when the rule the unit follows says nothing else. */
export const DEFAULT_DISCLOSURE_DAYS = 30;

/**
 * The last day of a posting period of `days` calendar days from `startOn`: the start day is not
 * counted (Civil Code Art. 147(1)), and the day stays even if it is a day off (the notice stays up).
 */
export function disclosureEndOn(startOn: string, days: number): string {
  return civilDateToIso(
    computeDeadline(parseCivilDate(startOn), { amount: days, unit: 'calendarDays' }, undefined, {
      rollForwardOffDays: false,
    }),
  );
}

export const DISCLOSURE_TRANSITIONS = {
  post: { from: ['planned'], to: 'posted' },
  end: { from: ['posted'], to: 'ended' },
} as const satisfies Record<string, { from: readonly DisclosureStatus[]; to: DisclosureStatus }>;

export type DisclosureTransition = keyof typeof DISCLOSURE_TRANSITIONS;

export function nextDisclosureStatus(
  status: DisclosureStatus,
  transition: DisclosureTransition,
): DisclosureStatus {
  const rule: { from: readonly DisclosureStatus[]; to: DisclosureStatus } =
    DISCLOSURE_TRANSITIONS[transition];
  if (!rule.from.includes(status)) {
    throw new DomainError('DISCLOSURE.TRANSITION_NOT_ALLOWED', { transition, status });
  }
  return rule.to;
}

export interface DisclosureReminderInstant {
  disclosureId: string;
  bodyId: string;
  /** `mustStart`: posting is due to begin; `ends`: the period is over and the notice may come down. */
  kind: 'mustStart' | 'ends';
  /** yyyy-MM-dd, Vietnam date. */
  date: string;
  /** UTC ISO instant: the start of the start day, or 24:00 Vietnam time on the last day. */
  at: string;
}

/**
 * When a disclosure period must start and when it ends, for the reminder schedule. Pure: the
 * reminders helper decides offsets and quiet hours. A planned disclosure has both, a posted one only
 * its end, an ended one none.
 */
export function disclosureReminderInstants(disclosure: Disclosure): DisclosureReminderInstant[] {
  const base = { disclosureId: disclosure.id, bodyId: disclosure.bodyId };
  const ends: DisclosureReminderInstant = {
    ...base,
    kind: 'ends',
    date: disclosure.endOn,
    at: deadlineEndUtc(parseCivilDate(disclosure.endOn)).toISOString(),
  };
  switch (disclosure.status) {
    case 'planned':
      return [
        {
          ...base,
          kind: 'mustStart',
          date: disclosure.startOn,
          at: vietnamMidnightUtc(parseCivilDate(disclosure.startOn)).toISOString(),
        },
        ends,
      ];
    case 'posted':
      return [ends];
    case 'ended':
      return [];
    default: {
      const unknown: never = disclosure.status;
      throw new RangeError(`Unknown disclosure status ${String(unknown)}`);
    }
  }
}

export interface DisclosureFlags {
  /** Still planned after its start day. */
  startOverdue: boolean;
  /** Posted and the period is over: it should be marked ended. */
  periodOver: boolean;
  /** Ended before the period was complete. */
  endedEarly: boolean;
}

export function disclosureFlags(disclosure: Disclosure, now: Date): DisclosureFlags {
  const t = now.getTime();
  return {
    startOverdue:
      disclosure.status === 'planned' &&
      t >= deadlineEndUtc(parseCivilDate(disclosure.startOn)).getTime(),
    periodOver:
      disclosure.status === 'posted' &&
      t >= deadlineEndUtc(parseCivilDate(disclosure.endOn)).getTime(),
    endedEarly:
      disclosure.status === 'ended' &&
      disclosure.endedOn !== undefined &&
      disclosure.endedOn < disclosure.endOn,
  };
}
