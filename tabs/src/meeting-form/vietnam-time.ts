/**
 * The form speaks Vietnam local time: dates as dd/MM/yyyy, times as HH:mm, sent as ISO instants with
 * an explicit +07:00 so the API never guesses the zone. Vietnam has kept UTC+7 all year, with no
 * daylight saving, since 1975, so a fixed offset is exact for any meeting this app will schedule.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
}

/** "15/12/2026" (also "5/1/2026") → a real calendar date, or null. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  return real && year >= 2000 ? { year, month, day } : null;
}

/** "08:00" or "8:00" → a time of day, or null. */
export function parseLocalTime(text: string): LocalTime | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** "2026-12-15T08:00:00+07:00" */
export function toVietnamIso(date: LocalDate, time: LocalTime): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(time.hour)}:${pad(time.minute)}:00+07:00`;
}

/** A stored UTC instant as the form shows it: { date: "15/12/2026", time: "08:00" }. */
export function toVietnamParts(iso: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  return {
    date: `${pad(shifted.getUTCDate())}/${pad(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
