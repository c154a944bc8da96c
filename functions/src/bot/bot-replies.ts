import {
  COMMAND_VERB,
  BOT_COMMANDS,
  helpCard,
  matchCommand,
  meetingListCard,
  notYetCard,
  type AdaptiveCard,
  type BotCommand,
  type CardLinks,
  type MeetingListItem,
} from '@qcdc/cards';
import {
  isDomainError,
  listBodyMeetings,
  listMyBodies,
  LOCALES,
  type Actor,
  type Locale,
  type Meeting,
  type UseCaseDeps,
} from '@qcdc/core';

/** At most this many meetings in the chat card; the rest are counted and the app has them all. */
export const MAX_LISTED_MEETINGS = 5;

export interface CommandRequest {
  command: BotCommand;
  locale: Locale;
}

/**
 * What a message asks for: a card button's data (the Action.Submit fallback) or the typed text.
 * Anything else is a request for help, in the activity's language.
 */
export function commandOf(
  text: string | undefined,
  value: unknown,
  fallback: Locale,
): CommandRequest {
  const fromButton = commandFromData(value);
  if (fromButton) return { command: fromButton.command, locale: fromButton.locale ?? fallback };
  return matchCommand(text ?? '') ?? { command: 'help', locale: fallback };
}

/** `{ verb?, command, locale }` as our cards' buttons send it; null for anything else. */
export function commandFromData(
  data: unknown,
  verb?: string,
): { command: BotCommand; locale?: Locale } | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  if ((verb ?? record.verb) !== COMMAND_VERB) return null;
  const command = BOT_COMMANDS.find((known) => known === record.command);
  if (!command) return null;
  const locale = LOCALES.find((known) => known === record.locale);
  return locale ? { command, locale } : { command };
}

/** The card answering a command. `actor` is null when Teams did not identify the person. */
export async function answerCommand(
  deps: Pick<UseCaseDeps, 'bodies' | 'meetings' | 'clock'>,
  actor: Actor | null,
  request: CommandRequest,
  links: CardLinks,
): Promise<AdaptiveCard> {
  const { command, locale } = request;
  switch (command) {
    case 'help':
      return helpCard(locale, links);
    case 'myTasks':
    case 'votes':
      return notYetCard(locale, command, links);
    case 'meetings': {
      if (!actor) return meetingListCard(locale, [], { ...links, memberOfAnyBody: false });
      const { memberOfAnyBody, meetings } = await upcomingMeetings(deps, actor);
      return meetingListCard(locale, meetings.slice(0, MAX_LISTED_MEETINGS), {
        ...links,
        memberOfAnyBody,
        moreCount: Math.max(0, meetings.length - MAX_LISTED_MEETINGS),
      });
    }
  }
}

/**
 * The caller's scheduled or running meetings that have not ended, across every body they belong to,
 * soonest first. A body whose meetings the caller may not read is skipped, not an error.
 */
export async function upcomingMeetings(
  deps: Pick<UseCaseDeps, 'bodies' | 'meetings' | 'clock'>,
  actor: Actor,
): Promise<{ memberOfAnyBody: boolean; meetings: MeetingListItem[] }> {
  const memberships = await listMyBodies(deps, actor);
  const now = deps.clock.now().toISOString();
  const perBody = await Promise.all(
    memberships.map(async ({ body }) => {
      try {
        const meetings = await listBodyMeetings(deps, actor, body.id);
        return meetings
          .filter((meeting) => isUpcoming(meeting, now))
          .map((meeting) => ({ meeting, body }));
      } catch (error) {
        if (
          isDomainError(error) &&
          (error.code === 'PERMISSION.DENIED' || error.code === 'BODY.NOT_FOUND')
        ) {
          return [];
        }
        throw error;
      }
    }),
  );
  const meetings = perBody
    .flat()
    .sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt))
    .map(({ meeting, body }): MeetingListItem => ({
      title: meeting.title,
      bodyName: body.name,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      location: meeting.location,
      status: meeting.status === 'inProgress' ? 'inProgress' : 'scheduled',
    }));
  return { memberOfAnyBody: memberships.length > 0, meetings };
}

function isUpcoming(meeting: Meeting, nowIso: string): boolean {
  if (meeting.status === 'inProgress') return true;
  if (meeting.status !== 'scheduled') return false;
  const end = meeting.endsAt ?? meeting.startsAt;
  return new Date(end).getTime() >= new Date(nowIso).getTime();
}
