import type { Locale, Motion, MyBallot, VoteTurnout } from '@qcdc/core';
import { formatDateTime } from '@qcdc/core';
import {
  adaptiveCard,
  executeAction,
  heading,
  note,
  openUrlAction,
  paragraph,
  type CardAction,
  type CardElement,
  type Container,
  type ExecuteAction,
  type Fact,
} from './adaptive-card';
import { cardText } from './i18n/catalogue';
import { MAX_REFRESH_USERS, type ExecuteWithInputs } from './minutes-approval-card';
import { voteResultBlock } from './vote-card-result';

/** The verbs of the vote card (Action.Execute, and `data.verb` of the Submit fallback). */
export const VOTE_VERBS = {
  refresh: 'qcdc.vote.refresh',
  mine: 'qcdc.vote.mine',
  cast: 'qcdc.vote.cast',
  close: 'qcdc.vote.close',
} as const;
export type VoteVerb = (typeof VOTE_VERBS)[keyof typeof VOTE_VERBS];

/** The id of an election's candidate picker; Teams sends the marks as `data.marks` ("c1,c3"). */
export const VOTE_MARKS_INPUT = 'marks';

/**
 * What every button carries: enough for the bot to find the motion again, within the tenant, and
 * the card's language, so the view answering a click speaks the language of the card clicked.
 */
export type VoteActionData = {
  bodyId: string;
  meetingId: string;
  motionId: string;
  locale?: Locale;
};

/** A cast button also names the voter the view was made for and the view's one submission id. */
export type VoteCastData = VoteActionData & {
  voter: string;
  submissionId: string;
  choice?: string;
};

/** The motion as the card shows it (the API's view of it, no electorate keys). */
export type VoteCardMotion = Pick<
  Motion,
  | 'id'
  | 'bodyId'
  | 'meetingId'
  | 'kind'
  | 'question'
  | 'description'
  | 'choices'
  | 'maxMarks'
  | 'method'
  | 'mode'
  | 'allowChange'
  | 'status'
  | 'statusReason'
  | 'closesAt'
  | 'result'
>;

export interface VoteCardData {
  motion: VoteCardMotion;
  meetingTitle: string;
  /** While an electronic vote is open: ballots cast / eligible (never a choice). */
  turnout?: VoteTurnout | undefined;
  /** Who runs the vote: the meeting's chair and secretary (in that order). */
  runnerIds: string[];
  /** Voters who have not cast yet, in roster order: the refresh reaches them first. */
  pendingVoterIds: string[];
  panelUrl?: string | undefined;
}

/**
 * Who looks at the card. `shared`: the message in the conversation, as everyone outside the refresh
 * list sees it. `person`: one person's own view (a refresh or "open my ballot"): their ballot, and
 * the close button when they run the vote.
 */
export type VoteCardViewer =
  | { kind: 'shared' }
  | {
      kind: 'person';
      userId: string;
      runs: boolean;
      ballot: MyBallot;
      /** A fresh id per rendered view: a retried click resends it, so casting is idempotent. */
      submissionId: string;
    };

interface ActionSet {
  type: 'ActionSet';
  actions: (CardAction | ExecuteWithInputs)[];
  spacing?: CardElement['spacing'];
}

interface ChoiceSetInput {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  isMultiSelect: boolean;
  style: 'expanded';
  choices: { title: string; value: string }[];
}

export type VoteCardElement = CardElement | ActionSet | ChoiceSetInput;

export interface VoteCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  lang: Locale;
  body: VoteCardElement[];
  actions?: (CardAction | ExecuteWithInputs)[];
  refresh: { action: ExecuteAction; userIds: string[] };
}

/** The refresh list: chair, secretary, then voters still to cast; Teams takes at most 60. */
export function voteRefreshUserIds(data: Pick<VoteCardData, 'runnerIds' | 'pendingVoterIds'>) {
  return [...new Set([...data.runnerIds, ...data.pendingVoterIds])].slice(0, MAX_REFRESH_USERS);
}

/**
 * The vote card. Everyone sees the question, how it is voted and where it stands; once closed, the
 * result. A person's own view adds their ballot (choice buttons, or an election's candidate picker
 * honouring "at most N marks"; after casting, their choice on an open ballot with a change option if
 * allowed, only "voted" on a secret one; read-only when not on the roster) and, for the chair and
 * secretary, the turnout and the close button. The shared view offers "open my ballot".
 */
export function voteCard(locale: Locale, data: VoteCardData, viewer: VoteCardViewer): VoteCard {
  const { motion } = data;
  const keys: VoteActionData = {
    bodyId: motion.bodyId,
    meetingId: motion.meetingId,
    motionId: motion.id,
    locale,
  };
  const facts: Fact[] = [
    { title: cardText(locale, 'vote.meeting'), value: data.meetingTitle },
    {
      title: cardText(locale, 'vote.method'),
      value: cardText(
        locale,
        motion.method === 'secret' ? 'vote.method.secret' : 'vote.method.open',
      ),
    },
  ];
  if (motion.closesAt && motion.status === 'open') {
    facts.push({
      title: cardText(locale, 'vote.closesAt'),
      value: formatDateTime(motion.closesAt, locale),
    });
  }
  const body: VoteCardElement[] = [
    heading(
      cardText(locale, motion.kind === 'election' ? 'vote.title.election' : 'vote.title.motion'),
    ),
    paragraph(motion.question, { weight: 'Bolder' }),
  ];
  if (motion.description) body.push(paragraph(motion.description, { isSubtle: true }));
  body.push({ type: 'FactSet', facts });

  const live = motion.status === 'open' && motion.mode === 'electronic';
  if (motion.status === 'closed' && motion.result) {
    body.push(...voteResultBlock(locale, motion, motion.result));
  } else {
    body.push(statusBlock(locale, motion, data.turnout));
  }

  const actions: (CardAction | ExecuteWithInputs)[] = [];
  if (viewer.kind === 'person' && live) {
    body.push(...ballotBlock(locale, motion, keys, viewer));
  }
  if (viewer.kind === 'person' && viewer.runs && (live || motion.status === 'closing')) {
    body.push(paragraph(cardText(locale, 'vote.runner'), { spacing: 'Medium', separator: true }));
    actions.push(executeAction(cardText(locale, 'vote.close'), VOTE_VERBS.close, keys));
  }
  if (viewer.kind === 'shared' && live) {
    actions.push(executeAction(cardText(locale, 'vote.openMine'), VOTE_VERBS.mine, keys));
  }
  if (motion.closesAt && live) body.push(note(cardText(locale, 'meetings.timeZone')));
  if (data.panelUrl) actions.push(openUrlAction(cardText(locale, 'vote.openPanel'), data.panelUrl));
  const base = adaptiveCard(locale, []);
  return {
    ...base,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    refresh: {
      action: executeAction(cardText(locale, 'vote.openMine'), VOTE_VERBS.refresh, keys),
      userIds: voteRefreshUserIds(data),
    },
  };
}

function statusBlock(
  locale: Locale,
  motion: VoteCardMotion,
  turnout: VoteTurnout | undefined,
): Container {
  const lines: string[] = [];
  if (motion.status === 'cancelled') {
    lines.push(cardText(locale, 'vote.status.cancelled', { reason: motion.statusReason ?? '—' }));
  } else if (motion.mode === 'room' && motion.status !== 'draft') {
    lines.push(cardText(locale, 'vote.status.room'));
  } else {
    lines.push(
      cardText(locale, `vote.status.${motion.status === 'closed' ? 'closing' : motion.status}`),
    );
  }
  if (turnout && motion.status !== 'cancelled') {
    lines.push(cardText(locale, 'vote.turnout', { ...turnout }));
  }
  return {
    type: 'Container',
    style: motion.status === 'cancelled' ? 'warning' : 'accent',
    spacing: 'Medium',
    items: lines.map((line, index) => paragraph(line, index === 0 ? { weight: 'Bolder' } : {})),
  };
}

function ballotBlock(
  locale: Locale,
  motion: VoteCardMotion,
  keys: VoteActionData,
  viewer: Extract<VoteCardViewer, { kind: 'person' }>,
): VoteCardElement[] {
  const { ballot } = viewer;
  if (!ballot.eligible) {
    return [paragraph(cardText(locale, 'vote.notEligible'), { spacing: 'Medium', isSubtle: true })];
  }
  const castData = { ...keys, voter: viewer.userId, submissionId: viewer.submissionId };
  if (ballot.status === 'voted') {
    const elements: VoteCardElement[] = [];
    if (motion.method === 'open' && ballot.marks) {
      const labels = ballot.marks.map(
        (id) => motion.choices.find((choice) => choice.id === id)?.label ?? id,
      );
      const choice = labels.length > 0 ? labels.join(', ') : cardText(locale, 'vote.blankBallot');
      elements.push(votedBlock(cardText(locale, 'vote.yourChoice', { choice })));
      if (motion.allowChange) {
        elements.push(paragraph(cardText(locale, 'vote.change'), { spacing: 'Medium' }));
        elements.push(...choiceInputs(locale, motion, castData));
      }
    } else {
      elements.push(votedBlock(cardText(locale, 'vote.voted')));
    }
    return elements;
  }
  return [
    paragraph(cardText(locale, 'vote.askChoice'), { spacing: 'Medium', weight: 'Bolder' }),
    ...choiceInputs(locale, motion, castData),
  ];
}

function votedBlock(text: string): Container {
  return {
    type: 'Container',
    style: 'good',
    spacing: 'Medium',
    items: [paragraph(text, { weight: 'Bolder' })],
  };
}

/** A motion: one button per choice. An election: a multi-select of candidates and one button. */
function choiceInputs(
  locale: Locale,
  motion: VoteCardMotion,
  castData: VoteCastData,
): VoteCardElement[] {
  if (motion.kind === 'motion') {
    return [
      {
        type: 'ActionSet',
        actions: motion.choices.map((choice) => {
          const action = executeAction(choice.label, VOTE_VERBS.cast, {
            ...castData,
            choice: choice.id,
          });
          return noInputs(action);
        }),
      },
    ];
  }
  return [
    paragraph(cardText(locale, 'vote.askMarks', { max: motion.maxMarks }), { isSubtle: true }),
    {
      type: 'Input.ChoiceSet',
      id: VOTE_MARKS_INPUT,
      label: cardText(locale, 'vote.marksLabel'),
      isMultiSelect: true,
      style: 'expanded',
      choices: motion.choices.map((choice) => ({ title: choice.label, value: choice.id })),
    },
    {
      type: 'ActionSet',
      actions: [executeAction(cardText(locale, 'vote.submitMarks'), VOTE_VERBS.cast, castData)],
    },
  ];
}

/** A choice button sends only its own data (no stray inputs of another section). */
function noInputs(action: ExecuteAction): ExecuteWithInputs {
  return {
    ...action,
    associatedInputs: 'none',
    ...(action.fallback ? { fallback: { ...action.fallback, associatedInputs: 'none' } } : {}),
  };
}
