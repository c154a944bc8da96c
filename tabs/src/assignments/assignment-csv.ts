import { formatDate, type Locale } from '@qcdc/core';
import type { AssignmentRow } from '../api/api-types';
import { assignmentStatusKey, priorityKey } from '../i18n/labels';
import { translate, type MessageKey } from '../i18n/translate';
import { deadlineState, deadlineText, formatCivilDate, vietnamToday } from './assignment-dates';

/*
 * The dashboard's "Xuất CSV": exactly the rows on screen, in their order, as RFC 4180 CSV. Excel
 * reads a CSV file as the machine's legacy code page unless it starts with a UTF-8 byte order mark,
 * so the BOM is what keeps "Hoàng Minh Tuấn" from turning into "HoÃ ng Minh Tuáº¥n".
 */

export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';

/**
 * One field: quoted when it holds a comma, quote, line break or edge spaces (quotes doubled). A
 * field that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with an
 * apostrophe, so a title like "=HYPERLINK(…)" stays text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** BOM, then the rows, each ended by CRLF (what Excel and RFC 4180 expect). */
export function buildCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

const COLUMNS: readonly MessageKey[] = [
  'csv.number',
  'csv.title',
  'csv.owner',
  'csv.coOwners',
  'csv.deadline',
  'csv.originalDeadline',
  'csv.status',
  'csv.timeliness',
  'csv.priority',
  'csv.source',
  'csv.completedAt',
];

/** The header and one line per assignment, in the reader's language; dates dd/MM/yyyy. */
export function assignmentCsvRows(
  assignments: readonly AssignmentRow[],
  nameOf: (userId: string) => string,
  locale: Locale,
  now: Date,
): string[][] {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const header = COLUMNS.map((key) => t(key));
  const lines = assignments.map((a, index) => [
    String(index + 1),
    a.title,
    nameOf(a.ownerId),
    a.coOwnerIds.map(nameOf).join(t('common.listSeparator')),
    formatCivilDate(a.deadline),
    a.extended ? formatCivilDate(a.originalDeadline) : '',
    t(assignmentStatusKey(a.status)),
    timeliness(a, locale, now),
    t(priorityKey(a.priority)),
    a.source.meetingId ? t('csv.fromMeeting') : t('csv.direct'),
    a.completedAt ? formatDate(a.completedAt) : '',
  ]);
  return [header, ...lines];
}

/** "Quá 2 ngày" / "Còn 3 ngày" for work going on; "Đúng hạn" / "Trễ hạn" once done. */
function timeliness(a: AssignmentRow, locale: Locale, now: Date): string {
  if (a.status === 'done') {
    return translate(locale, a.onTime === false ? 'timeliness.late' : 'timeliness.onTime');
  }
  const state = deadlineState(a, now);
  return state ? capitalize(deadlineText(state, locale)) : '';
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** "nhiem-vu-bcd-qcdc-chi-lang-2026-12-05.csv": ASCII, so every mail and file system keeps it. */
export function csvFileName(bodyId: string, now: Date): string {
  const slug = bodyId.replace(/[^0-9A-Za-z-]+/g, '-').replace(/^-+|-+$/g, '');
  return `nhiem-vu-${slug ? `${slug}-` : ''}${vietnamToday(now)}.csv`;
}
