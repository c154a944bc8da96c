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
  /**
   * Set on the shared card in the meeting chat (and carried by its refresh and buttons), so the
   * answer keeps the shared layout and the submission time the chat showed.
   */
  view?: 'shared';
  submittedAt?: string;
};

/** Where the minutes stand, as the card says it. */
export type MinutesDecision =
  | { kind: 'pending' }
  | { kind: 'approved'; at: string; byName: string; hash?: string | undefined }
  | { kind: 'returned'; comment: string }
  /** Anything else (corrected, archived, not submitted): no buttons, no claim. */
  | { kind: 'closed' };

export interface MinutesApprovalData extends MinutesActionData {
  title: string;
  /** UTC ISO instant, shown in Vietnam time. */
  startsAt: string;
  chairId: string;
  chairName: string;
  /** The meeting's secretary, who submits and revises the minutes (refreshed on the shared card). */
  secretaryId?: string | undefined;
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

/**
 * `personal` (default): the chair's card in their own chat. `shared`: the status card in the
 * meeting chat, which everyone in that chat sees (guests and invitees included): it leaves out the
 * draft's conclusions and the chair's comment, which only the chair and the secretary get in their
 * refreshed view, and adds when the minutes were submitted and the approved hash.
 */
export interface MinutesApprovalOptions {
  kind?: 'personal' | 'shared';
  /** UTC ISO instant of the submission (shared card). */
  submittedAt?: string | undefined;
}

/** The short form of an approved hash shown in chat (the app and the DOCX show it whole). */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 16)}…` : hash;
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
  options: MinutesApprovalOptions = {},
): MinutesApprovalCard {
  const shared = options.kind === 'shared';
  const submittedAt = shared ? options.submittedAt : undefined;
  const actionData: MinutesActionData = {
    bodyId: data.bodyId,
    meetingId: data.meetingId,
    version: data.version,
    ...(shared ? { view: 'shared' as const } : {}),
    ...(submittedAt ? { submittedAt } : {}),
  };
  const forChair = data.decision.kind === 'pending' && viewer.userId === data.chairId;
  // On the shared card only the chair and the secretary (in their refreshed view) read the draft.
  const insider =
    !shared ||
    (!!viewer.userId && (viewer.userId === data.chairId || viewer.userId === data.secretaryId));
  const facts: Fact[] = [
    { title: cardText(locale, 'minutes.when'), value: formatDateTime(data.startsAt, locale) },
    { title: cardText(locale, 'minutes.chair'), value: data.chairName },
    { title: cardText(locale, 'minutes.submittedBy'), value: data.submittedByName },
    ...(submittedAt
      ? [
          {
            title: cardText(locale, 'minutes.shared.submittedAt'),
            value: formatDateTime(submittedAt, locale),
          },
        ]
      : []),
    {
      title: cardText(locale, 'minutes.edition'),
      value: cardText(locale, 'minutes.editionValue', { edition: data.edition }),
    },
  ];
  const conclusions = data.conclusions.trim();
  const body: (CardElement | TextInput)[] = [
    heading(cardText(locale, shared ? 'minutes.shared.title' : 'minutes.title')),
    paragraph(data.title, { weight: 'Bolder' }),
    { type: 'FactSet', facts },
  ];
  if (insider) {
    body.push(
      paragraph(cardText(locale, 'minutes.conclusions'), {
        weight: 'Bolder',
        spacing: 'Medium',
        separator: true,
      }),
      conclusions
        ? paragraph(truncate(conclusions, MINUTES_CONCLUSIONS_MAX))
        : paragraph(cardText(locale, 'minutes.noConclusions'), { isSubtle: true }),
    );
  }
  body.push(statusBlock(locale, data.decision, { shared, insider }));
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
      // The shared card also refreshes for the secretary, who reads the chair's comment there.
      userIds: [
        ...new Set(shared && data.secretaryId ? [data.chairId, data.secretaryId] : [data.chairId]),
      ].slice(0, MAX_REFRESH_USERS),
    },
  };
}

/** The status line as a short text (the shared card's message summary). */
export function minutesStatusText(locale: Locale, decision: MinutesDecision): string {
  switch (decision.kind) {
    case 'pending':
      return cardText(locale, 'minutes.pending');
    case 'approved':
      return cardText(locale, 'minutes.approved', {
        at: formatDateTime(decision.at, locale),
        name: decision.byName,
      });
    case 'returned':
      return cardText(locale, 'minutes.shared.returned');
    case 'closed':
      return cardText(locale, 'minutes.closed');
  }
}

function statusBlock(
  locale: Locale,
  decision: MinutesDecision,
  view: { shared: boolean; insider: boolean },
): Container {
  if (view.shared && decision.kind === 'returned' && !view.insider) {
    // The comment is about a draft: the chat learns that there is one, not what it says.
    return {
      type: 'Container',
      style: 'warning',
      spacing: 'Medium',
      items: [paragraph(cardText(locale, 'minutes.shared.returned'), { weight: 'Bolder' })],
    };
  }
  const sealed =
    view.shared && decision.kind === 'approved' && decision.hash
      ? [paragraph(cardText(locale, 'minutes.shared.sealed', { hash: shortHash(decision.hash) }))]
      : [];
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
    items: [paragraph(text, { weight: 'Bolder' }), ...sealed],
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
