import { formatDateTime, MINUTES_LIMITS, type Locale } from '@qcdc/core';
import {
  adaptiveCard,
  executeAction,
  heading,
  note,
  openUrlAction,
  paragraph,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Container,
  type ExecuteAction,
  type Fact,
} from './adaptive-card';
import { cardText } from './i18n/catalogue';

/** The verbs of the minutes-approval card (Action.Execute, and `data.verb` of the Submit fallback). */
export const MINUTES_VERBS = {
  approve: 'qcdc.minutes.approve',
  return: 'qcdc.minutes.return',
  refresh: 'qcdc.minutes.refresh',
} as const;
export type MinutesVerb = (typeof MINUTES_VERBS)[keyof typeof MINUTES_VERBS];

/** The id of the chair's comment box; Teams sends its value as `data.comment`. */
export const MINUTES_COMMENT_INPUT = 'comment';

/** The conclusions are cut to about this many characters (the app has the full minutes). */
export const MINUTES_CONCLUSIONS_MAX = 600;

/** Refresh `userIds` may hold at most this many people (Teams' limit). */
export const MAX_REFRESH_USERS = 60;

/** What every button of the card carries, and all the bot needs to find the meeting again. */
export type MinutesActionData = {
  bodyId: string;
  meetingId: string;
  /** The meeting version the card shows: approving or returning a changed meeting is refused. */
  version: number;
};

/** Where the minutes stand, as the card says it. */
export type MinutesDecision =
  | { kind: 'pending' }
  | { kind: 'approved'; at: string; byName: string }
  | { kind: 'returned'; comment: string }
  /** Anything else (corrected, archived, not submitted): no buttons, no claim. */
  | { kind: 'closed' };

export interface MinutesApprovalData extends MinutesActionData {
  title: string;
  /** UTC ISO instant, shown in Vietnam time. */
  startsAt: string;
  chairId: string;
  chairName: string;
  submittedByName: string;
  edition: number;
  /** The conclusions section's text, whole: the card shortens it. */
  conclusions: string;
  decision: MinutesDecision;
  /** The meeting panel in the tab; no button without it. */
  panelUrl?: string | undefined;
}

/** Who looks at the card: the chair gets the buttons while the minutes are pending. */
export interface MinutesApprovalViewer {
  userId: string | null | undefined;
}

export interface TextInput {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder?: string;
  isMultiline?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  maxLength?: number;
  spacing?: CardElement['spacing'];
}

/** An Action.Execute that can say which inputs it sends (`none`: the approve button). */
export type ExecuteWithInputs = ExecuteAction & {
  associatedInputs?: 'auto' | 'none';
  fallback?: ExecuteAction['fallback'] & { associatedInputs?: 'auto' | 'none' };
};

/** The minutes-approval card: the general card plus an input, per-user refresh and `ActionSet`-free actions. */
export interface MinutesApprovalCard extends Omit<AdaptiveCard, 'body' | 'actions'> {
  body: (CardElement | TextInput)[];
  actions?: (CardAction | ExecuteWithInputs)[];
  refresh: { action: ExecuteAction; userIds: string[] };
}

/**
 * Minutes awaiting the chair's approval. The chair (while the minutes are pending) sees "approve" and
 * "return" with a required comment; everyone else, and everyone after a decision, sees the status.
 * The refresh action (for the chair only) lets Teams ask the bot for each viewer's own view.
 */
export function minutesApprovalCard(
  locale: Locale,
  data: MinutesApprovalData,
  viewer: MinutesApprovalViewer,
): MinutesApprovalCard {
  const actionData: MinutesActionData = {
    bodyId: data.bodyId,
    meetingId: data.meetingId,
    version: data.version,
  };
  const forChair = data.decision.kind === 'pending' && viewer.userId === data.chairId;
  const facts: Fact[] = [
    { title: cardText(locale, 'minutes.when'), value: formatDateTime(data.startsAt, locale) },
    { title: cardText(locale, 'minutes.chair'), value: data.chairName },
    { title: cardText(locale, 'minutes.submittedBy'), value: data.submittedByName },
    {
      title: cardText(locale, 'minutes.edition'),
      value: cardText(locale, 'minutes.editionValue', { edition: data.edition }),
    },
  ];
  const conclusions = data.conclusions.trim();
  const body: (CardElement | TextInput)[] = [
    heading(cardText(locale, 'minutes.title')),
    paragraph(data.title, { weight: 'Bolder' }),
    { type: 'FactSet', facts },
    paragraph(cardText(locale, 'minutes.conclusions'), {
      weight: 'Bolder',
      spacing: 'Medium',
      separator: true,
    }),
    conclusions
      ? paragraph(truncate(conclusions, MINUTES_CONCLUSIONS_MAX))
      : paragraph(cardText(locale, 'minutes.noConclusions'), { isSubtle: true }),
    statusBlock(locale, data.decision),
  ];
  const actions: (CardAction | ExecuteWithInputs)[] = [];
  if (forChair) {
    body.push(paragraph(cardText(locale, 'minutes.askChair'), { spacing: 'Medium' }), {
      type: 'Input.Text',
      id: MINUTES_COMMENT_INPUT,
      label: cardText(locale, 'minutes.commentLabel'),
      placeholder: cardText(locale, 'minutes.commentPlaceholder'),
      isMultiline: true,
      isRequired: true,
      errorMessage: cardText(locale, 'minutes.commentRequired'),
      maxLength: MINUTES_LIMITS.commentMax,
    });
    const approve = executeAction(
      cardText(locale, 'minutes.approve'),
      MINUTES_VERBS.approve,
      actionData,
    );
    // Approving needs no comment: the button must not be blocked by the required box.
    actions.push(
      {
        ...approve,
        associatedInputs: 'none',
        ...(approve.fallback
          ? { fallback: { ...approve.fallback, associatedInputs: 'none' } }
          : {}),
      },
      executeAction(cardText(locale, 'minutes.return'), MINUTES_VERBS.return, actionData),
    );
  }
  body.push(note(cardText(locale, 'meetings.timeZone')));
  if (data.panelUrl)
    actions.push(openUrlAction(cardText(locale, 'minutes.openPanel'), data.panelUrl));
  const base = adaptiveCard(locale, []);
  return {
    ...base,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    refresh: {
      action: executeAction(cardText(locale, 'minutes.title'), MINUTES_VERBS.refresh, actionData),
      userIds: [data.chairId].slice(0, MAX_REFRESH_USERS),
    },
  };
}

function statusBlock(locale: Locale, decision: MinutesDecision): Container {
  const [text, style]: [string, Container['style']] =
    decision.kind === 'pending'
      ? [cardText(locale, 'minutes.pending'), 'accent']
      : decision.kind === 'approved'
        ? [
            cardText(locale, 'minutes.approved', {
              at: formatDateTime(decision.at, locale),
              name: decision.byName,
            }),
            'good',
          ]
        : decision.kind === 'returned'
          ? [cardText(locale, 'minutes.returned', { comment: decision.comment }), 'warning']
          : [cardText(locale, 'minutes.closed'), 'emphasis'];
  return {
    type: 'Container',
    style,
    spacing: 'Medium',
    items: [paragraph(text, { weight: 'Bolder' })],
  };
}

/** At most `max` characters (code points), the last being "…" when something was cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
