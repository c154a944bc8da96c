import { voteListCard, type AdaptiveCard, type CardLinks, type VoteListItem } from '@qcdc/cards';
import {
  isDomainError,
  listBodyMeetings,
  listMotions,
  listMyBodies,
  type Actor,
  type Locale,
  type UseCaseDeps,
  type VoteRepository,
} from '@qcdc/core';

/** At most this many votes in the chat list; the rest are counted. */
export const MAX_LISTED_VOTES = 5;

type Deps = Pick<UseCaseDeps, 'bodies' | 'meetings' | 'clock'> & { votes: VoteRepository };

/**
 * The electronic votes open now in meetings under way, across the caller's bodies (what they may
 * read: a body or meeting they may not read is skipped), the latest opened first.
 */
export async function openVotes(deps: Deps, actor: Actor): Promise<VoteListItem[]> {
  const memberships = await listMyBodies(deps, actor);
  const perBody = await Promise.all(
    memberships.map(async ({ body }) => {
      try {
        const meetings = (await listBodyMeetings(deps, actor, body.id)).filter(
          (meeting) => meeting.status === 'inProgress',
        );
        const perMeeting = await Promise.all(
          meetings.map(async (meeting) =>
            (await listMotions(deps, actor, body.id, meeting.id))
              .filter((motion) => motion.status === 'open' && motion.mode === 'electronic')
              .map((motion) => ({
                item: {
                  bodyId: body.id,
                  meetingId: meeting.id,
                  motionId: motion.id,
                  question: motion.question,
                  meetingTitle: meeting.title,
                  bodyName: body.name,
                  kind: motion.kind,
                } satisfies VoteListItem,
                openedAt: motion.electorate?.openedAt ?? motion.updatedAt,
              })),
          ),
        );
        return perMeeting.flat();
      } catch (error) {
        if (
          isDomainError(error) &&
          ['PERMISSION.DENIED', 'BODY.NOT_FOUND', 'MEETING.NOT_FOUND'].includes(error.code)
        ) {
          return [];
        }
        throw error;
      }
    }),
  );
  return perBody
    .flat()
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
    .map(({ item }) => item);
}

export function answerVotesCommand(
  locale: Locale,
  votes: readonly VoteListItem[],
  links: CardLinks,
): AdaptiveCard {
  // The list card has ActionSets in its items; it is sent like every other card.
  return voteListCard(locale, votes.slice(0, MAX_LISTED_VOTES), {
    ...links,
    moreCount: Math.max(0, votes.length - MAX_LISTED_VOTES),
  }) as unknown as AdaptiveCard;
}
