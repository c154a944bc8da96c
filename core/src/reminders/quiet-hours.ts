import { addCalendarDays, type CivilDate } from '../calendar/civil-date';
import { vietnamDateTimeToUtc } from '../calendar/vietnam-time';
import { minutesOfLocalTime, type QuietHours } from './reminder-policy';

/** A moment on the Vietnamese wall clock: a civil date and minutes since its midnight. */
export interface LocalSlot {
  date: CivilDate;
  minute: number;
}

export interface SlotRules {
  quietHours: QuietHours;
  /** Days a message may go out (working days, unless urgent; see plan-*.ts). */
  isAllowedDay(date: CivilDate): boolean;
}

/** Far more than the longest run of days off (Tết with its weekends is at most 9 or 10). */
const MAX_DAYS_SHIFTED = 60;

interface Window {
  first: number;
  last: number;
}

/** Allowed minutes of a day: from the end of quiet hours to the last slot before they start. */
function allowedWindow(quiet: QuietHours): Window {
  const first = minutesOfLocalTime(quiet.end);
  const last = minutesOfLocalTime(quiet.start) - quiet.marginMinutes;
  if (last < first) throw new RangeError('Quiet hours leave no time to send in');
  return { first, last };
}

/**
 * The latest allowed slot at or before `slot`: a time in quiet hours moves back to the last slot
 * of the evening before them, a day off moves back to the previous allowed day at the same time.
 * Never later than `slot`, so a reminder planned before a deadline stays before it.
 */
export function allowedSlotAtOrBefore(slot: LocalSlot, rules: SlotRules): LocalSlot {
  const { first, last } = allowedWindow(rules.quietHours);
  let { date, minute } = slot;
  if (minute > last) minute = last;
  else if (minute < first) {
    date = addCalendarDays(date, -1);
    minute = last;
  }
  for (let i = 0; !rules.isAllowedDay(date); i++) {
    if (i >= MAX_DAYS_SHIFTED) throw new RangeError('No allowed day within 60 days');
    date = addCalendarDays(date, -1);
  }
  return { date, minute };
}

/** The earliest allowed slot at or after `slot` (for reminders that must not come early). */
export function allowedSlotAtOrAfter(slot: LocalSlot, rules: SlotRules): LocalSlot {
  const { first, last } = allowedWindow(rules.quietHours);
  let { date, minute } = slot;
  if (minute < first) minute = first;
  else if (minute > last) {
    date = addCalendarDays(date, 1);
    minute = first;
  }
  for (let i = 0; !rules.isAllowedDay(date); i++) {
    if (i >= MAX_DAYS_SHIFTED) throw new RangeError('No allowed day within 60 days');
    date = addCalendarDays(date, 1);
  }
  return { date, minute };
}

/** True when a message may go out at this local slot (not quiet, an allowed day). */
export function isAllowedSlot(slot: LocalSlot, rules: SlotRules): boolean {
  const { first, last } = allowedWindow(rules.quietHours);
  return slot.minute >= first && slot.minute <= last && rules.isAllowedDay(slot.date);
}

export function slotToUtc(slot: LocalSlot): Date {
  return vietnamDateTimeToUtc(slot.date, Math.floor(slot.minute / 60), slot.minute % 60);
}
