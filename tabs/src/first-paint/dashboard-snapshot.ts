import type { Locale } from '@qcdc/core';
import type { BodyAssignmentRows, BodyDetail, BodySummary, MeetingView } from '../api/api-types';
import { formatMeetingTime, splitByTime } from '../app/meeting-time';
import {
  deadlineState,
  deadlineText,
  formatCivilDate,
  isOverdueAt,
} from '../assignments/assignment-dates';
import {
  filterAssignments,
  NO_FILTER,
  onTimeRateText,
  stateCounts,
  stateLabel,
  TABLE_PAGE,
} from '../assignments/assignment-table';
import { assignmentStatusKey, kindKey, priorityKey, roleKey, statusKey } from '../i18n/labels';
import { translate, type MessageKey, type MessageParams } from '../i18n/translate';
import { paths } from '../routing/routes';

/** What the dashboard's first screen shows, as the API answered it. */
export interface DashboardData {
  summary: BodySummary;
  detail: BodyDetail;
  meetings: readonly MeetingView[];
  rows: BodyAssignmentRows;
}

type Child = Node | string | null | false;

/**
 * The dashboard's first screen as plain DOM, read-only: the body's heading, the assignment counts
 * and the first page of the table (same order, columns and words as the app's table), and the
 * meetings. It is painted before the app's framework has loaded and replaced by the app once the app
 * has rendered the same data (see paint-dashboard.ts); links are real links, so a click before then
 * is a normal page load. Built from the app's own helpers (sorting, counting, date and label
 * formats, the catalogue), so the two cannot disagree on what a row says.
 */
export function buildDashboardSnapshot(
  doc: Document,
  data: DashboardData,
  locale: Locale,
  displayName: string,
  now: Date,
): HTMLElement {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const h = (tag: string, attributes: Record<string, string>, ...children: Child[]) => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    for (const child of children) if (child !== null && child !== false) element.append(child);
    return element;
  };
  const names = new Map(data.detail.members.map((m) => [m.userId, m.displayName]));
  const nameOf = (userId: string) => names.get(userId) ?? t('common.formerMember');
  const bodyId = data.summary.id;

  const header = h(
    'header',
    { class: 'fp-header' },
    h('span', { class: 'fp-app-name' }, t('app.name')),
    h(
      'nav',
      { 'aria-label': t('nav.label'), class: 'fp-nav' },
      h('a', { href: paths.dashboard() }, t('nav.dashboard')),
      h('a', { href: paths.myTasks() }, t('nav.myTasks')),
    ),
    h('span', { class: 'fp-caption' }, t('header.signedInAs', { name: displayName })),
  );

  const roles = data.detail.myRoles.map((role) => t(roleKey(role))).join(', ');
  const heading = h(
    'div',
    { class: 'fp-titles' },
    h('h1', {}, data.summary.name),
    h('p', { class: 'fp-muted' }, `${data.summary.unitName} · ${t('dashboard.myRoles')} ${roles}`),
  );

  const section = (id: string, title: string, ...children: Child[]) =>
    h('section', { class: 'fp-card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);

  return h(
    'div',
    { 'aria-busy': 'true' },
    header,
    h(
      'main',
      { class: 'fp-page' },
      heading,
      section(
        'fp-assignments',
        t('assignments.title'),
        ...assignmentsPart(data.rows, nameOf, bodyId, locale, now, h, t),
      ),
      section(
        'fp-meetings',
        t('dashboard.meetings'),
        ...meetingsPart(data.meetings, locale, now, h, t),
      ),
    ),
  );
}

type H = (tag: string, attributes: Record<string, string>, ...children: Child[]) => HTMLElement;
type T = (key: MessageKey, params?: MessageParams) => string;

function assignmentsPart(
  data: BodyAssignmentRows,
  nameOf: (userId: string) => string,
  bodyId: string,
  locale: Locale,
  now: Date,
  h: H,
  t: T,
): Child[] {
  const { assignments, stats } = data;
  if (assignments.length === 0) return [h('p', {}, t('assignments.none'))];
  const tiles = h(
    'ul',
    { class: 'fp-tiles', 'aria-label': t('assignments.counts', { total: stats.total }) },
    ...stateCounts(assignments, now).map(({ key, count }) =>
      h(
        'li',
        { class: key === 'overdue' && count > 0 ? 'fp-tile fp-tile-overdue' : 'fp-tile' },
        h('span', { class: 'fp-count' }, String(count)),
        h('span', { class: 'fp-caption' }, stateLabel(key, locale)),
      ),
    ),
  );
  const rate = onTimeRateText(stats);
  const shown = filterAssignments(assignments, NO_FILTER, nameOf, now);
  const headerCell = (key: MessageKey) => h('th', { scope: 'col' }, t(key));
  const rows = shown.slice(0, TABLE_PAGE).map((a) => {
    const overdue = isOverdueAt(a, now);
    const state = deadlineState(a, now);
    const caption = (text: string, late: boolean) =>
      h('span', { class: late ? 'fp-caption fp-late' : 'fp-caption fp-muted' }, text);
    return h(
      'tr',
      overdue ? { class: 'fp-overdue' } : {},
      h('td', {}, h('a', { href: paths.assignment(bodyId, a.id) }, a.title)),
      h(
        'td',
        {},
        h('span', { class: 'fp-cell' }, nameOf(a.ownerId)),
        a.coOwnerIds.length > 0 &&
          caption(t('assignments.withCoOwners', { count: a.coOwnerIds.length }), false),
      ),
      h(
        'td',
        {},
        h('span', { class: 'fp-cell' }, formatCivilDate(a.deadline)),
        state && caption(deadlineText(state, locale), overdue),
        a.status === 'done' &&
          caption(
            t(a.onTime === false ? 'timeliness.late' : 'timeliness.onTime'),
            a.onTime === false,
          ),
      ),
      h(
        'td',
        {},
        h('span', { class: 'fp-pill' }, t(assignmentStatusKey(a.status))),
        overdue && h('span', { class: 'fp-pill fp-pill-danger' }, t('assignments.overdue')),
      ),
      h(
        'td',
        {},
        h(
          'span',
          { class: 'fp-pill' },
          t('assignments.priorityShown', { priority: t(priorityKey(a.priority)) }),
        ),
      ),
    );
  });
  return [
    tiles,
    h(
      'p',
      {},
      h('strong', {}, t('assignments.onTimeRate')),
      ' ',
      rate ?? t('assignments.noneDone'),
    ),
    h(
      'p',
      { class: 'fp-caption fp-muted' },
      t('assignments.shown', { shown: shown.length, total: assignments.length }),
    ),
    h(
      'div',
      { class: 'fp-table-wrap' },
      h(
        'table',
        { 'aria-label': t('assignments.table') },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            headerCell('csv.title'),
            headerCell('csv.owner'),
            headerCell('csv.deadline'),
            headerCell('csv.status'),
            headerCell('csv.priority'),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
  ];
}

function meetingsPart(
  meetings: readonly MeetingView[],
  locale: Locale,
  now: Date,
  h: H,
  t: T,
): Child[] {
  const split = splitByTime(meetings, now.getTime());
  const list = (items: readonly MeetingView[], label: string, empty: string, past: boolean) =>
    items.length === 0
      ? h('p', {}, empty)
      : h(
          'ul',
          { class: 'fp-meetings', 'aria-label': label },
          ...items.map((meeting) =>
            h(
              'li',
              { class: past ? 'fp-meeting fp-meeting-past' : 'fp-meeting' },
              h(
                'span',
                { class: 'fp-meeting-text' },
                h(
                  'a',
                  { href: paths.meeting(meeting.bodyId, meeting.id), class: 'fp-meeting-title' },
                  meeting.title,
                ),
                h('span', {}, formatMeetingTime(meeting, locale)),
                h(
                  'span',
                  { class: 'fp-caption fp-muted' },
                  `${t(kindKey(meeting.kind))} · ${meeting.location}`,
                ),
              ),
              h('span', { class: 'fp-pill' }, t(statusKey(meeting.status))),
            ),
          ),
        );
  return [
    h('h3', {}, t('dashboard.upcoming')),
    list(split.upcoming, t('dashboard.upcoming'), t('dashboard.noUpcoming'), false),
    h('h3', {}, t('dashboard.past')),
    list(split.past, t('dashboard.past'), t('dashboard.noPast'), true),
  ];
}
