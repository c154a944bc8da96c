import {
  assignmentListCard,
  personalOnlyCard,
  COMMAND_VERB,
  BOT_COMMANDS,
  helpCard,
  matchCommand,
  meetingListCard,
  notYetCard,
  type AdaptiveCard,
  type AssignmentListItem,
  type BotCommand,
  type CardLinks,
  type MeetingListItem,
} from '@qcdc/cards';
import { answerVotesCommand, openVotes } from './vote-list';
import {
  isDomainError,
  isOverdue,
  listMyAssignments,
  listBodyMeetings,
  listMyBodies,
  LOCALES,
  type Actor,
  type Locale,
  type Meeting,
  type UseCaseDeps,
  type VoteRepository,
} from '@qcdc/core';

/** At most this many meetings in the chat card; the rest are counted and the app has them all. */
export const MAX_LISTED_MEETINGS = 5;

export interface CommandRequest {
  command: BotCommand;
  locale: Locale;
}

/** Commands that show the caller's own information: answered only in a personal chat. */
const PERSONAL_COMMANDS: readonly BotCommand[] = ['meetings', 'myTasks', 'votes'];

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

/**
 * The card answering a command. `actor` is null when Teams did not identify the person. In a group
 * chat or channel, commands about the caller's own meetings and tasks are not answered with them
 * (everyone there would see them): the card says to ask in a personal chat.
 */
export async function answerCommand(
  deps: Pick<UseCaseDeps, 'bodies' | 'meetings' | 'assignments' | 'clock'> & {
    /** The vote store: without it "biểu quyết" says voting in chat is not available here. */
    votes?: VoteRepository | undefined;
  },
  actor: Actor | null,
  request: CommandRequest,
  links: CardLinks,
  conversationType: 'personal' | 'groupChat' | 'channel' = 'personal',
): Promise<AdaptiveCard> {
  const { command, locale } = request;
  if (conversationType !== 'personal' && PERSONAL_COMMANDS.includes(command)) {
    return personalOnlyCard(
      locale,
      cardCommandWord(locale, command as Exclude<BotCommand, 'help'>),
    );
  }
  switch (command) {
    case 'help':
      return helpCard(locale, links);
    case 'myTasks': {
      if (!actor) return assignmentListCard(locale, [], links);
      const tasks = await openTasks(deps, actor);
      return assignmentListCard(locale, tasks.slice(0, MAX_LISTED_MEETINGS), {
        ...links,
        moreCount: Math.max(0, tasks.length - MAX_LISTED_MEETINGS),
      });
    }
    case 'votes':
      if (!deps.votes) return notYetCard(locale, command, links);
      return answerVotesCommand(
        locale,
        actor ? await openVotes({ ...deps, votes: deps.votes }, actor) : [],
        links,
      );
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

/** The caller's active tasks across bodies: overdue first, then by deadline. */
async function openTasks(
  deps: Pick<UseCaseDeps, 'bodies' | 'meetings' | 'assignments' | 'clock'>,
  actor: Actor,
): Promise<AssignmentListItem[]> {
  const now = deps.clock.now();
  const [assignments, memberships] = await Promise.all([
    listMyAssignments(deps, actor),
    listMyBodies(deps, actor),
  ]);
  const bodyNames = new Map(memberships.map(({ body }) => [body.id, body.name]));
  return assignments
    .filter(
      (a): a is typeof a & { status: AssignmentListItem['status'] } =>
        a.status === 'open' ||
        a.status === 'inProgress' ||
        a.status === 'submitted' ||
        a.status === 'returned',
    )
    .map((a) => ({
      title: a.title,
      bodyName: bodyNames.get(a.bodyId) ?? '',
      deadline: a.deadline,
      status: a.status,
      overdue: isOverdue(a, now),
    }))
    .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.deadline.localeCompare(y.deadline));
}

/** The command as the user would type it in their language (for the privacy notice). */
function cardCommandWord(locale: Locale, command: 'meetings' | 'myTasks' | 'votes'): string {
  const words = {
    vi: { meetings: 'cuộc họp', myTasks: 'việc của tôi', votes: 'biểu quyết' },
    en: { meetings: 'meetings', myTasks: 'my tasks', votes: 'votes' },
  };
  return words[locale][command];
}
