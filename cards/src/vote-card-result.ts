import type { Locale, VoteResult } from '@qcdc/core';
import { paragraph, type CardElement, type Container, type Fact } from './adaptive-card';
import { cardText } from './i18n/catalogue';
import type { VoteCardMotion } from './vote-card';

/**
 * The announced result as everyone sees it on a closed vote's card: the outcome, the reason with
 * its numbers and article (as core decided it), and the tally per choice. Nothing here is computed:
 * the card only shows what `decideVote` stored with the result.
 */
export function voteResultBlock(
  locale: Locale,
  motion: Pick<VoteCardMotion, 'choices'>,
  result: VoteResult,
): CardElement[] {
  const { decision, tally } = result;
  const label = (id: string) => motion.choices.find((choice) => choice.id === id)?.label ?? id;
  const good = decision.outcome === 'adopted' || decision.outcome === 'elected';
  const items: CardElement[] = [
    paragraph(
      `${cardText(locale, 'vote.result')}: ${cardText(locale, `vote.outcome.${decision.outcome}`)}`,
      {
        weight: 'Bolder',
      },
    ),
    paragraph(decision.reason.text[locale]),
  ];
  if (decision.kind === 'election') {
    if (decision.elected.length > 0) {
      items.push(
        paragraph(
          cardText(locale, 'vote.elected', { names: decision.elected.map(label).join(', ') }),
        ),
      );
    }
    if (decision.runoff) {
      items.push(
        paragraph(
          cardText(locale, 'vote.runoffNames', {
            names: decision.runoff.choiceIds.map(label).join(', '),
            seats: decision.runoff.seats,
          }),
        ),
      );
    }
  }
  const facts: Fact[] = motion.choices.map((choice) => ({
    title: choice.label,
    value: String(tally.counts[choice.id] ?? 0),
  }));
  facts.push({ title: cardText(locale, 'vote.ballotsCast'), value: String(tally.ballotsCast) });
  const block: Container = {
    type: 'Container',
    style: good ? 'good' : 'attention',
    spacing: 'Medium',
    items,
  };
  return [block, { type: 'FactSet', facts }];
}
