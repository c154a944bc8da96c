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

/** HH:mm in Asia/Ho_Chi_Minh (a time later the same day, e.g. when a vote closes). */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "08:00 15/12/2026" in Vietnamese (time first, as official documents write it); "15/12/2026 08:00" in English. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  const time = timeFormat.format(date);
  const day = dateFormat.format(date);
  return locale === 'vi' ? `${time} ngày ${day}` : `${day} ${time}`;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vietnamParts(iso: string): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** "ngày 05 tháng 12 năm 2026", as administrative documents write dates (Decree 30/2020). */
export function formatOfficialDate(iso: string): string {
  const { day, month, year } = vietnamParts(iso);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "08 giờ 00 phút, ngày 05 tháng 12 năm 2026". */
export function formatOfficialDateTime(iso: string): string {
  const { hour, minute } = vietnamParts(iso);
  return `${hour} giờ ${minute} phút, ${formatOfficialDate(iso)}`;
}
