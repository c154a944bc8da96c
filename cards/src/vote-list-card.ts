import type { Locale } from '@qcdc/core';
import {
  executeAction,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
  type Container,
} from './adaptive-card';
import { openAppActions, type CardLinks } from './card-links';
import { cardText } from './i18n/catalogue';
import { VOTE_VERBS, type VoteActionData } from './vote-card';

/** One open vote as the "biểu quyết" list shows it. */
export interface VoteListItem extends Omit<VoteActionData, 'locale'> {
  question: string;
  meetingTitle: string;
  bodyName: string;
  kind: 'motion' | 'election';
}

interface ActionSet {
  type: 'ActionSet';
  actions: ReturnType<typeof executeAction>[];
}

/** A list card: the general card, whose items may carry an "open my ballot" button each. */
export interface VoteListCard extends Omit<AdaptiveCard, 'body'> {
  body: (CardElement | { type: 'Container'; items: (CardElement | ActionSet)[] })[];
}

export interface VoteListOptions extends CardLinks {
  /** How many more open votes exist beyond the ones listed. */
  moreCount?: number;
}

/**
 * The open electronic votes of the caller's bodies, each with "open my ballot": the click answers
 * with the caller's own vote card (ballot, or the close button for who runs it).
 */
export function voteListCard(
  locale: Locale,
  votes: readonly VoteListItem[],
  options: VoteListOptions = {},
): VoteListCard {
  const body: VoteListCard['body'] = [heading(cardText(locale, 'votes.title'))];
  if (votes.length === 0) body.push(paragraph(cardText(locale, 'votes.none')));
  for (const vote of votes) body.push(voteItem(locale, vote));
  if (options.moreCount && options.moreCount > 0) {
    body.push(paragraph(cardText(locale, 'votes.more', { count: options.moreCount })));
  }
  const actions = openAppActions(locale, options);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: locale,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function voteItem(
  locale: Locale,
  vote: VoteListItem,
): Omit<Container, 'items'> & { items: (CardElement | ActionSet)[] } {
  const keys: VoteActionData = {
    bodyId: vote.bodyId,
    meetingId: vote.meetingId,
    motionId: vote.motionId,
    locale,
  };
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      paragraph(vote.question, { weight: 'Bolder' }),
      paragraph(
        `${cardText(locale, vote.kind === 'election' ? 'vote.title.election' : 'vote.title.motion')} · ${vote.meetingTitle} · ${vote.bodyName}`,
        { isSubtle: true, size: 'Small' },
      ),
      {
        type: 'ActionSet',
        actions: [executeAction(cardText(locale, 'vote.openMine'), VOTE_VERBS.mine, keys)],
      },
    ],
  };
}
