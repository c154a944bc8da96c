import { MEETING_KINDS, type Figure } from '@qcdc/core';
import type { ReviewView } from '../api/report-api';
import { formatCivilDate } from '../assignments/assignment-dates';
import { catalogues, kindKey, type MessageKey } from '../i18n';
import { paths } from '../routing/routes';

/*
 * The review's figures as the page shows them: named groups of numbers, each number with the ids of
 * the records behind it. The groups the tab knows (meetings, assignments, votes) get their own words
 * and charts; any other group the API answers (the back end grows them: Front, citizen cases,
 * disclosures…) is shown as it comes, every `{ count, ids }` in it becoming a number.
 */

/** Where the records behind a number come from, so the list can name them. */
export type RecordSource =
  'meeting' | 'assignment' | 'vote' | 'recommendation' | 'case' | 'disclosure' | 'other';

export interface FigureItem {
  key: string;
  /** A catalogue key, or, for a figure the tab has no words for, the API's own field name. */
  label: { key: MessageKey } | { text: string };
  figure: Figure;
  source: RecordSource;
}

export interface FigureGroup {
  key: string;
  title: { key: MessageKey } | { text: string };
  items: FigureItem[];
  /** Fractions 0..1 the group answers beside its figures (`…Rate`); null: nothing to divide. */
  rates: { key: string; label: { key: MessageKey } | { text: string }; value: number | null }[];
  /** False when the API says the group's records are not available (no store): no zeros shown. */
  available: boolean;
}

export interface RecordInfo {
  id: string;
  title: string;
  /** A date, owner, deadline… in a few words, already formatted. */
  detail: string;
  href?: string | undefined;
}

export function isFigure(value: unknown): value is Figure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Figure).count === 'number' &&
    Array.isArray((value as Figure).ids)
  );
}

const KNOWN_GROUPS = new Set(['meetings', 'assignments', 'votes', 'staffConference']);

const item = (
  key: string,
  label: MessageKey,
  figure: Figure,
  source: RecordSource,
): FigureItem => ({ key, label: { key: label }, figure, source });

export function meetingItems(review: ReviewView): FigureItem[] {
  const { meetings } = review.figures;
  return [
    item('meetings.held', 'report.meetings.held', meetings.held, 'meeting'),
    item(
      'meetings.minutesApproved',
      'report.meetings.minutesApproved',
      meetings.minutesApproved,
      'meeting',
    ),
    item('meetings.cancelled', 'report.meetings.cancelled', meetings.cancelled, 'other'),
  ];
}

/** Meetings held by kind, the kinds held at least once (all kinds when none was held). */
export function meetingKindItems(review: ReviewView): FigureItem[] {
  const byKind = review.figures.meetings.byKind;
  const all = MEETING_KINDS.filter((kind) => isFigure(byKind[kind])).map((kind) =>
    item(`meetings.byKind.${kind}`, kindKey(kind), byKind[kind], 'meeting'),
  );
  const held = all.filter((entry) => entry.figure.count > 0);
  return held.length > 0 ? held : all;
}

export function assignmentItems(review: ReviewView): FigureItem[] {
  const a = review.figures.assignments;
  return [
    item('assignments.total', 'report.assignments.total', a.total, 'assignment'),
    item('assignments.done', 'report.assignments.done', a.done, 'assignment'),
    item('assignments.onTime', 'report.assignments.onTime', a.onTime, 'assignment'),
    item('assignments.late', 'report.assignments.late', a.late, 'assignment'),
    item(
      'assignments.awaitingApproval',
      'report.assignments.awaitingApproval',
      a.awaitingApproval,
      'assignment',
    ),
    item('assignments.open', 'report.assignments.open', a.open, 'assignment'),
    item('assignments.overdue', 'report.assignments.overdue', a.overdue, 'assignment'),
    item('assignments.cancelled', 'report.assignments.cancelled', a.cancelled, 'assignment'),
  ];
}

export function voteItems(review: ReviewView): FigureItem[] {
  const v = review.figures.votes;
  return [
    item('votes.motions', 'report.votes.motions', v.motions, 'vote'),
    item('votes.adopted', 'report.votes.adopted', v.adopted, 'vote'),
    item('votes.rejected', 'report.votes.rejected', v.rejected, 'vote'),
    item('votes.undecided', 'report.votes.undecided', v.undecided, 'vote'),
    item('votes.elections', 'report.votes.elections', v.elections, 'vote'),
    item('votes.electionsDecided', 'report.votes.electionsDecided', v.electionsDecided, 'vote'),
  ];
}

/*
 * Where the records behind a group's numbers live, by the group's path in `figures`: the list names
 * them by reading that register when it is opened (the review itself carries only their ids).
 */
const SOURCE_BY_GROUP: Record<string, RecordSource> = {
  'citizens.front': 'recommendation',
  'citizens.cases': 'case',
  'citizens.disclosures': 'disclosure',
};

/**
 * Every group the tab has no section for, with each `{ count, ids }` found in it (nested objects
 * too, their path joined by dots). A group made only of sub-groups (e.g. `citizens`: front,
 * reception, cases, disclosures) becomes one section per sub-group. Words come from
 * `report.group.<path>` / `report.figure.<path>`, then `report.field.<name>`, else the field name,
 * so a new back-end figure shows at once and gets its words later. A sub-group answering
 * `available: false` (its store is missing) is shown as such rather than as zeros.
 */
export function extraGroups(review: ReviewView): FigureGroup[] {
  const groups: FigureGroup[] = [];
  for (const [key, value] of Object.entries(review.figures)) {
    if (KNOWN_GROUPS.has(key) || !isObject(value)) continue;
    const children = Object.entries(value);
    const split =
      !children.some(([, child]) => isFigure(child)) &&
      children.some(([, child]) => isObject(child) && !isFigure(child));
    const parts = split
      ? children
          .filter(([, child]) => isObject(child))
          .map(([name, child]) => [`${key}.${name}`, child as object] as const)
      : [[key, value as object] as const];
    for (const [path, part] of parts) {
      const group = groupOf(path, part);
      if (group) groups.push(group);
    }
  }
  // Extra figures inside a known group (e.g. the staff conference's six-monthly review).
  const conference = review.figures.staffConference as unknown;
  if (isObject(conference)) {
    const items: FigureItem[] = [];
    collectFigures(conference, 'staffConference', 'other', items);
    if (items.length > 0) {
      groups.push({
        key: 'staffConference',
        title: { key: 'report.staffConference.extra' },
        items,
        rates: [],
        available: true,
      });
    }
  }
  return groups;
}

function groupOf(path: string, value: object): FigureGroup | null {
  const title = labelFor([`report.group.${path}`], lastSegment(path));
  if ((value as { available?: unknown }).available === false) {
    return { key: path, title, items: [], rates: [], available: false };
  }
  const items: FigureItem[] = [];
  collectFigures(value, path, SOURCE_BY_GROUP[path] ?? 'other', items);
  const rates = Object.entries(value)
    .filter(([name, rate]) => name.endsWith('Rate') && (typeof rate === 'number' || rate === null))
    .map(([name, rate]) => ({
      key: `${path}.${name}`,
      label: labelFor([`report.figure.${path}.${name}`, `report.field.${name}`], name),
      value: rate as number | null,
    }));
  if (items.length === 0) return null;
  return { key: path, title, items, rates, available: true };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectFigures(
  value: object,
  path: string,
  source: RecordSource,
  into: FigureItem[],
): void {
  if (isFigure(value)) {
    const name = lastSegment(path);
    into.push({
      key: path,
      label: labelFor([`report.figure.${path}`, `report.field.${name}`], name),
      figure: value,
      source,
    });
    return;
  }
  if (Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (isObject(child)) collectFigures(child, `${path}.${key}`, source, into);
  }
}

function labelFor(
  keys: readonly string[],
  fallback: string,
): { key: MessageKey } | { text: string } {
  const key = keys.find((candidate) => candidate in catalogues.vi);
  return key ? { key: key as MessageKey } : { text: humanize(fallback) };
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** "citizenCases" → "Citizen cases": better than nothing until the catalogue names it. */
function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The records the review itself lists, by id: its meetings and assignments, and any other list of
 * rows it carries (`…Rows`, or any array of objects with an id and a title, subject or name).
 */
export function recordIndex(review: ReviewView, bodyId: string): Map<string, RecordInfo> {
  const index = new Map<string, RecordInfo>();
  for (const row of review.meetingRows) {
    index.set(row.id, {
      id: row.id,
      title: row.title,
      detail: formatCivilDate(vietnamDateOf(row.startsAt)),
      href: paths.meeting(bodyId, row.id),
    });
  }
  for (const row of review.assignmentRows) {
    index.set(row.id, {
      id: row.id,
      title: row.title,
      detail: `${row.ownerName} · ${formatCivilDate(row.deadline)}`,
      href: paths.assignment(bodyId, row.id),
    });
  }
  for (const [key, value] of Object.entries(review)) {
    if (key === 'meetingRows' || key === 'assignmentRows' || !Array.isArray(value)) continue;
    for (const row of value as unknown[]) {
      const info = genericRecord(row);
      if (info && !index.has(info.id)) index.set(info.id, info);
    }
  }
  return index;
}

function genericRecord(row: unknown): RecordInfo | null {
  if (typeof row !== 'object' || row === null) return null;
  const r = row as Record<string, unknown>;
  if (typeof r['id'] !== 'string') return null;
  const title = [r['title'], r['subject'], r['question'], r['name']].find(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  if (!title) return null;
  const date = [r['date'], r['receivedOn'], r['deadline'], r['startsAt'], r['createdAt']].find(
    (v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v),
  );
  return { id: r['id'], title, detail: date ? formatCivilDate(vietnamDateOf(date)) : '' };
}

/** An instant (or a civil date) as the Vietnam civil date it falls on. */
function vietnamDateOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value) + 7 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 10);
}
