import type { Locale } from '../i18n/locale';

/** Every date the product shows is Vietnamese local time, whatever the viewer's machine says. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/MM/yyyy in Asia/Ho_Chi_Minh, for both languages (the official format). */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "08:00 15/12/2026" in Vietnamese (time first, as official documents write it); "15/12/2026 08:00" in English. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  const time = timeFormat.format(date);
  const day = dateFormat.format(date);
  return locale === 'vi' ? `${time} ngày ${day}` : `${day} ${time}`;
}
