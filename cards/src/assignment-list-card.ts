import { formatDate, type Locale } from '@qcdc/core';
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

/** One open task as the chat list shows it. */
export interface AssignmentListItem {
  title: string;
  bodyName: string;
  /** yyyy-MM-dd, the Vietnam civil date the work is due. */
  deadline: string;
  status: 'open' | 'inProgress' | 'submitted' | 'returned';
  overdue: boolean;
}

export interface AssignmentListOptions extends CardLinks {
  /** How many more open tasks exist beyond the ones listed. */
  moreCount?: number;
}

/** "Việc của tôi": the caller's open tasks, overdue first, then by deadline (the caller sorts). */
export function assignmentListCard(
  locale: Locale,
  items: readonly AssignmentListItem[],
  options: AssignmentListOptions = {},
): AdaptiveCard {
  const body: CardElement[] = [heading(cardText(locale, 'tasks.title'))];
  if (items.length === 0) {
    body.push(paragraph(cardText(locale, 'tasks.none')));
  } else {
    body.push(...items.map((item) => taskItem(locale, item)));
    if (options.moreCount && options.moreCount > 0) {
      body.push(paragraph(cardText(locale, 'tasks.more', { count: options.moreCount })));
    }
    body.push(note(cardText(locale, 'meetings.timeZone')));
  }
  return adaptiveCard(locale, body, openAppActions(locale, options));
}

function taskItem(locale: Locale, item: AssignmentListItem): Container {
  // The civil date at noon UTC is the same date in Vietnam: formatDate shows it as dd/MM/yyyy.
  const deadline = formatDate(`${item.deadline}T12:00:00.000Z`);
  const facts: Fact[] = [
    {
      title: cardText(locale, 'tasks.deadline'),
      value: item.overdue ? `${deadline} (${cardText(locale, 'tasks.overdue')})` : deadline,
    },
    { title: cardText(locale, 'tasks.body'), value: item.bodyName },
    {
      title: cardText(locale, 'tasks.status'),
      value: cardText(locale, `tasks.status.${item.status}`),
    },
  ];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      {
        type: 'TextBlock',
        text: item.title,
        wrap: true,
        weight: 'Bolder',
        ...(item.overdue ? { color: 'Attention' as const } : {}),
      },
      { type: 'FactSet', facts },
    ],
  };
}

/** Said in a group chat or channel when someone asks for their own meetings or tasks. */
export function personalOnlyCard(locale: Locale, command: string): AdaptiveCard {
  return adaptiveCard(
    locale,
    [paragraph(cardText(locale, 'privacy.personalOnly', { command }))],
    [],
  );
}
