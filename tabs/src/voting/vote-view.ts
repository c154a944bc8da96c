import { can, type ActorRoles, type BodyRole, type Locale, type TallyCounts } from '@qcdc/core';
import type { MotionView, MyBallotView } from '../api/vote-api';
import type { Message, MessageKey } from '../i18n';

/** One bar of a tally: a choice (or candidate), its count and its share of the whole. */
export interface TallyBar {
  id: string;
  label: string;
  count: number;
  /** 0…100, rounded to one decimal. */
  percent: number;
}

/**
 * The counts to show: the announced result once closed, else the counting board's latest entry for
 * a room vote. An electronic vote has no counts until it closes (the API sends none while open).
 */
export function shownTally(motion: MotionView): TallyCounts | null {
  if (motion.result) return motion.result.tally;
  if (motion.mode === 'room' && motion.roomTally) return motion.roomTally;
  return null;
}

/**
 * Bars per choice, in the motion's order. A motion's shares are of the hands or ballots counted (the
 * counts add up to them); an election's of the valid ballots (a ballot may mark several names).
 */
export function tallyBars(motion: MotionView, tally: TallyCounts): TallyBar[] {
  const counts = motion.choices.map((choice) => tally.counts[choice.id] ?? 0);
  const whole =
    motion.kind === 'election' ? tally.ballotsCast : counts.reduce((sum, n) => sum + n, 0);
  return motion.choices.map((choice, i) => {
    const count = counts[i] ?? 0;
    return {
      id: choice.id,
      label: choice.label,
      count,
      percent: whole > 0 ? Math.round((count / whole) * 1000) / 10 : 0,
    };
  });
}

/** "Tán thành: 2 phiếu (66,7%)": the words a screen reader hears for one bar. */
export function barLabel(bar: TallyBar, locale: Locale): Message {
  return {
    key: 'vote.barLabel',
    params: {
      label: bar.label,
      count: bar.count,
      percent: bar.percent.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB'),
    },
  };
}

/** The announced outcome in a word ("Thông qua", "Không thông qua", "Phải bầu lại"…). */
export function outcomeKey(motion: MotionView): MessageKey | null {
  const decision = motion.result?.decision;
  if (!decision) return null;
  if (decision.kind === 'motion') {
    switch (decision.outcome) {
      case 'adopted':
        return 'vote.outcome.adopted';
      case 'rejected':
        return 'vote.outcome.rejected';
      case 'noQuorum':
        return 'vote.outcome.noQuorum';
      case 'noDecision':
        return 'vote.outcome.noDecision';
    }
  }
  switch (decision.outcome) {
    case 'elected':
      return 'vote.outcome.elected';
    case 'runoff':
      return 'vote.outcome.runoff';
    case 'noneElected':
      return 'vote.outcome.noneElected';
    case 'noQuorum':
      return 'vote.outcome.noQuorum';
  }
}

/** The reason the API gave, with its numbers and article, in the user's language. */
export function outcomeReason(motion: MotionView, locale: Locale): string | null {
  return motion.result?.decision.reason.text[locale] ?? null;
}

export interface Standing {
  label: string;
  votes: number;
  rank: number;
  status: 'elected' | 'runoff' | 'notElected';
}

/** An election's candidates by rank (elected first), and the runoff the tie calls for. */
export function electionStandings(motion: MotionView): {
  standings: Standing[];
  runoff: { labels: string[]; seats: number } | null;
} {
  const decision = motion.result?.decision;
  if (!decision || decision.kind !== 'election') return { standings: [], runoff: null };
  const standings = [...decision.standings]
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, 'vi'))
    .map(({ label, votes, rank, status }) => ({ label, votes, rank, status }));
  const labelOf = (id: string) => motion.choices.find((choice) => choice.id === id)?.label ?? id;
  const runoff = decision.runoff
    ? { labels: decision.runoff.choiceIds.map(labelOf), seats: decision.runoff.seats }
    : null;
  return { standings, runoff };
}

/** What the caller's own ballot says: the choice on an open ballot, only "voted" on a secret one. */
export function ballotSummary(motion: MotionView, ballot: MyBallotView | null): Message | null {
  if (!ballot || ballot.status === 'notVoted') return null;
  if (motion.method === 'secret' || !ballot.marks) return { key: 'vote.castSecret' };
  const labels = ballot.marks.map(
    (mark) => motion.choices.find((choice) => choice.id === mark)?.label ?? mark,
  );
  if (labels.length === 0) return { key: 'vote.youChoseBlank' };
  return { key: 'vote.youChose', params: { choices: labels.join(', ') } };
}

/**
 * Why someone who is not on the roster cannot vote: observers never vote; others were not present
 * (or summoned) when the vote opened, because the roster is fixed at opening.
 */
export function ineligibleReason(motion: MotionView, bodyRoles: readonly BodyRole[]): MessageKey {
  if (!can({ bodyRoles, meetingRoles: [] }, 'vote.cast')) return 'vote.notEligible.observer';
  return motion.eligibility === 'summoned'
    ? 'vote.notEligible.notSummoned'
    : 'vote.notEligible.notPresent';
}

export interface VoteControls {
  open: boolean;
  close: boolean;
  /** The ballot form (electronic votes; the roster still decides whether the API takes it). */
  cast: boolean;
  /** Counting board: enter the room's tally, and confirm the latest entry. */
  enterTally: boolean;
  confirmTally: boolean;
}

/** The buttons a caller sees for one vote, from core's permission table (as the API enforces). */
export function voteControls(
  motion: MotionView,
  roles: ActorRoles,
  userId: string | null,
): VoteControls {
  const running = motion.status === 'open';
  const onBoard = userId !== null && motion.countingBoard.some((m) => m.userId === userId);
  const tally = motion.roomTally;
  return {
    open: motion.status === 'draft' && can(roles, 'vote.run'),
    close: (running || motion.status === 'closing') && can(roles, 'vote.run'),
    cast: running && motion.mode === 'electronic' && can(roles, 'vote.cast'),
    enterTally: running && motion.mode === 'room' && onBoard,
    confirmTally:
      running &&
      motion.mode === 'room' &&
      onBoard &&
      tally !== undefined &&
      !tally.confirmations.some((c) => c.userId === userId),
  };
}

/** Creating motions and elections (core's `vote.manage`: head, deputy, secretary; the chair). */
export function canManageVotes(roles: ActorRoles): boolean {
  return can(roles, 'vote.manage');
}

/**
 * What the stage shows: the vote open now (the latest opened), else the one announced last if that
 * was within `recentMs`; nothing otherwise.
 */
export function stageVote(
  motions: readonly MotionView[],
  now: number,
  recentMs = 30 * 60_000,
): MotionView | null {
  const open = motions
    .filter((m) => m.status === 'open' || m.status === 'closing')
    .sort((a, b) => (b.electorate?.openedAt ?? '').localeCompare(a.electorate?.openedAt ?? ''));
  if (open[0]) return open[0];
  const closed = motions
    .filter((m) => m.status === 'closed' && m.result)
    .sort((a, b) => (b.result?.announcedAt ?? '').localeCompare(a.result?.announcedAt ?? ''));
  const last = closed[0];
  if (last?.result && now - Date.parse(last.result.announcedAt) <= recentMs) return last;
  return null;
}

/** Motion statuses in words. */
export const STATUS_KEYS = {
  draft: 'vote.status.draft',
  open: 'vote.status.open',
  closing: 'vote.status.closing',
  closed: 'vote.status.closed',
  cancelled: 'vote.status.cancelled',
} as const satisfies Record<MotionView['status'], MessageKey>;
