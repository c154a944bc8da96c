import { formatDate, formatDateTime, VIETNAM_TIME_ZONE, type Locale } from '@qcdc/core';
import {
  adaptiveCard,
  heading,
  note,
  paragraph,
  type AdaptiveCard,
  type CardElement,
  type Container,
  type Fact,
} from './adaptive-card';
import { openAppActions, type CardLinks } from './card-links';
import { cardText } from './i18n/catalogue';

/** One meeting as the list shows it; instants are UTC ISO strings, shown in Vietnam time. */
export interface MeetingListItem {
  title: string;
  bodyName: string;
  startsAt: string;
  endsAt?: string | undefined;
  location: string;
  status: 'scheduled' | 'inProgress';
}

export interface MeetingListOptions extends CardLinks {
  /** False when the caller belongs to no body: the card says so instead of "no meetings". */
  memberOfAnyBody?: boolean;
  /** How many more upcoming meetings exist beyond the ones listed. */
  moreCount?: number;
}

/** The caller's upcoming meetings across their bodies, soonest first (the caller sorts). */
export function meetingListCard(
  locale: Locale,
  meetings: readonly MeetingListItem[],
  options: MeetingListOptions = {},
): AdaptiveCard {
  const body: CardElement[] = [heading(cardText(locale, 'meetings.title'))];
  if (options.memberOfAnyBody === false) {
    body.push(paragraph(cardText(locale, 'meetings.notMember')));
  } else if (meetings.length === 0) {
    body.push(paragraph(cardText(locale, 'meetings.none')));
  } else {
    body.push(...meetings.map((meeting) => meetingItem(locale, meeting)));
    if (options.moreCount && options.moreCount > 0) {
      body.push(paragraph(cardText(locale, 'meetings.more', { count: options.moreCount })));
    }
    body.push(note(cardText(locale, 'meetings.timeZone')));
  }
  return adaptiveCard(locale, body, openAppActions(locale, options));
}

function meetingItem(locale: Locale, meeting: MeetingListItem): Container {
  const facts: Fact[] = [
    { title: cardText(locale, 'meetings.when'), value: timeRange(locale, meeting) },
    { title: cardText(locale, 'meetings.where'), value: meeting.location },
    { title: cardText(locale, 'meetings.body'), value: meeting.bodyName },
    {
      title: cardText(locale, 'meetings.status'),
      value: cardText(locale, `status.${meeting.status}`),
    },
  ];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: meeting.title, wrap: true, weight: 'Bolder' },
      { type: 'FactSet', facts },
    ],
  };
}

const endTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "08:00 ngày 15/12/2026 – 10:30" when the meeting ends the same day (Vietnam time), else both in full. */
function timeRange(locale: Locale, meeting: MeetingListItem): string {
  const start = formatDateTime(meeting.startsAt, locale);
  if (!meeting.endsAt) return start;
  const sameDay = formatDate(meeting.startsAt) === formatDate(meeting.endsAt);
  const end = sameDay
    ? endTimeFormat.format(new Date(meeting.endsAt))
    : formatDateTime(meeting.endsAt, locale);
  return `${start} – ${end}`;
}
