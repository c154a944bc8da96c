import { formatDate, formatDateTime, type Locale } from '@qcdc/core';
import { toVietnamParts } from '../meeting-form/vietnam-time';

/**
 * A meeting's time in Vietnam time with core's formats: "08:00–11:00 ngày 15/12/2026" (time first, as
 * official documents write it) or "15/12/2026 08:00–11:00". An end on another day is written in full.
 */
export function formatMeetingTime(
  meeting: { startsAt: string; endsAt?: string | undefined },
  locale: Locale,
): string {
  const { startsAt, endsAt } = meeting;
  if (!endsAt) return formatDateTime(startsAt, locale);
  if (formatDate(endsAt) !== formatDate(startsAt)) {
    return `${formatDateTime(startsAt, locale)} – ${formatDateTime(endsAt, locale)}`;
  }
  const times = `${toVietnamParts(startsAt).time}–${toVietnamParts(endsAt).time}`;
  return locale === 'vi'
    ? `${times} ngày ${formatDate(startsAt)}`
    : `${formatDate(startsAt)} ${times}`;
}

/** Upcoming (not yet over) soonest first, then past most recent first. */
export function splitByTime<T extends { startsAt: string; endsAt?: string | undefined }>(
  meetings: readonly T[],
  nowMs: number,
): { upcoming: T[]; past: T[] } {
  const over = (m: T) => Date.parse(m.endsAt ?? m.startsAt) < nowMs;
  const byStart = (a: T, b: T) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    upcoming: meetings.filter((m) => !over(m)).sort(byStart),
    past: meetings.filter(over).sort((a, b) => byStart(b, a)),
  };
}
