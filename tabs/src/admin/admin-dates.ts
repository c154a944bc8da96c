import { vietnamDateOf } from '@qcdc/core';

/** yyyy-MM-dd (how the API dates settings and holidays) as dd/MM/yyyy (how people read them). */
export function toDmy(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** dd/MM/yyyy typed by a person as yyyy-MM-dd, or null when it is not a real date. */
export function fromDmy(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Today in Vietnam, yyyy-MM-dd (settings versions are dated by it, whatever the device's zone). */
export function vietnamToday(): string {
  return vietnamDateOf(new Date());
}
