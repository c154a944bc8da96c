import { describeThreshold, meetsThreshold, minimumToMeet } from '../templates/fractions';
import type { LocalizedText } from '../templates/process-templates';
import type {
  AdoptionBase,
  BallotMarks,
  CandidateStanding,
  ElectionDecision,
  Motion,
  MotionDecision,
  TallyCounts,
  VoteAdoptionRule,
  VoteChoice,
  VoteDecision,
} from './motion';

/** What the outcome needs to know about who could vote (fixed when the vote opened). */
export interface ElectorateCounts {
  present: number;
  summoned: number;
  quorum: { met: boolean };
}

/** The parts of a motion the pure functions read. */
export type VoteShape = Pick<
  Motion,
  'kind' | 'choices' | 'maxMarks' | 'seats' | 'adoption' | 'quorumRequired'
>;

function emptyCounts(choices: readonly VoteChoice[]): Record<string, number> {
  return Object.fromEntries(choices.map((choice) => [choice.id, 0]));
}

/**
 * Counts ballots. A motion ballot is valid with exactly one known choice. An election ballot is valid
 * with distinct known candidates, at most `maxMarks` of them; one marking nobody is a valid blank.
 * Anything else is counted as invalid, never silently dropped.
 */
function countBallots(
  shape: Pick<VoteShape, 'kind' | 'choices' | 'maxMarks'>,
  ballots: Iterable<BallotMarks>,
): TallyCounts {
  const counts = emptyCounts(shape.choices);
  const known = new Set(shape.choices.map((choice) => choice.id));
  let ballotsCast = 0;
  let blank = 0;
  let invalid = 0;
  for (const ballot of ballots) {
    const marks = ballot.marks;
    const distinct = new Set(marks);
    const valid =
      distinct.size === marks.length &&
      marks.every((mark) => known.has(mark)) &&
      marks.length <= shape.maxMarks &&
      (shape.kind === 'election' || marks.length === 1);
    if (!valid) {
      invalid += 1;
      continue;
    }
    ballotsCast += 1;
    if (marks.length === 0) blank += 1;
    for (const mark of marks) counts[mark] = (counts[mark] ?? 0) + 1;
  }
  return { counts, ballotsCast, blank, invalid };
}

/** Counts a motion's ballots per choice (for / against / abstain, or the custom options). */
export function tallyMotion(
  shape: Pick<VoteShape, 'choices'>,
  ballots: Iterable<BallotMarks>,
): TallyCounts {
  return countBallots({ kind: 'motion', choices: shape.choices, maxMarks: 1 }, ballots);
}

/** Counts an election's ballots per candidate (each ballot marks at most `maxMarks`). */
export function countElectionBallots(
  shape: Pick<VoteShape, 'choices' | 'maxMarks'>,
  ballots: Iterable<BallotMarks>,
): TallyCounts {
  return countBallots({ kind: 'election', ...shape }, ballots);
}

/** Votes that took a position: everything but abstentions (motions); valid ballots (elections). */
function votesCast(shape: Pick<VoteShape, 'kind' | 'choices'>, tally: TallyCounts): number {
  if (shape.kind === 'election') return tally.ballotsCast;
  return shape.choices
    .filter((choice) => choice.role !== 'abstain')
    .reduce((sum, choice) => sum + (tally.counts[choice.id] ?? 0), 0);
}

/** The count the threshold is measured against, per the rule's base. */
export function adoptionBase(
  shape: Pick<VoteShape, 'kind' | 'choices' | 'adoption'>,
  electorate: ElectorateCounts,
  tally: TallyCounts,
): number {
  const base: AdoptionBase = shape.adoption.base;
  switch (base) {
    case 'attendees':
      return electorate.present;
    case 'summoned':
      return electorate.summoned;
    case 'votesCast':
      return votesCast(shape, tally);
    case 'allHouseholds':
      return shape.adoption.householdCount ?? 0;
    default: {
      const unreachable: never = base;
      return unreachable;
    }
  }
}

const BASE_LABELS: Record<AdoptionBase, LocalizedText> = {
  attendees: { vi: 'người dự', en: 'attendees' },
  summoned: { vi: 'người được triệu tập', en: 'summoned' },
  votesCast: { vi: 'phiếu bày tỏ ý kiến', en: 'votes cast' },
  allHouseholds: { vi: 'tổng số chủ hộ', en: 'all household representatives' },
};

function ruleText(rule: VoteAdoptionRule, base: number, required: number): LocalizedText {
  return {
    vi: `cần ${describeThreshold(rule.threshold, 'vi')} của ${base} ${BASE_LABELS[rule.base].vi}, tức ${required}; ${rule.basis.vi}`,
    en: `needs ${describeThreshold(rule.threshold, 'en')} of ${base} ${BASE_LABELS[rule.base].en}, i.e. ${required}; ${rule.basis.en}`,
  };
}

const QUORUM_NOT_MET: LocalizedText = {
  vi: 'Không đủ số lượng tham dự theo quy định nên không có kết quả biểu quyết',
  en: 'Quorum was not met, so nothing was decided',
};

/**
 * The outcome of a motion, with the reason in both languages. With the default choices the motion
 * carries when 'for' meets the threshold over the base; with custom options the option that meets it
 * carries, and two options level at the top decide nothing (a tie is never settled silently).
 */
export function decideMotion(
  shape: Pick<VoteShape, 'choices' | 'adoption' | 'quorumRequired'>,
  tally: TallyCounts,
  electorate: ElectorateCounts,
): MotionDecision {
  const full = { ...shape, kind: 'motion' as const };
  const base = adoptionBase(full, electorate, tally);
  const required = minimumToMeet(base, shape.adoption.threshold);
  if (shape.quorumRequired && !electorate.quorum.met) {
    return {
      kind: 'motion',
      outcome: 'noQuorum',
      count: 0,
      base,
      required,
      reason: { code: 'quorumNotMet', text: QUORUM_NOT_MET },
    };
  }
  const rule = ruleText(shape.adoption, base, required);
  const forChoice = shape.choices.find((choice) => choice.role === 'for');
  const contenders = forChoice
    ? [forChoice]
    : shape.choices.filter((choice) => choice.role === 'option');
  const scored = contenders
    .map((choice) => ({ choice, count: tally.counts[choice.id] ?? 0 }))
    .sort((a, b) => b.count - a.count);
  const top = scored[0];
  if (base === 0 || !top) {
    return {
      kind: 'motion',
      outcome: forChoice ? 'rejected' : 'noDecision',
      count: top?.count ?? 0,
      base,
      required,
      reason: {
        code: 'emptyBase',
        text: {
          vi: `Không có ${BASE_LABELS[shape.adoption.base].vi} nào để tính tỷ lệ`,
          en: `There are no ${BASE_LABELS[shape.adoption.base].en} to count against`,
        },
      },
    };
  }
  const meets = meetsThreshold(top.count, base, shape.adoption.threshold);
  const tied = scored.filter((entry) => entry.count === top.count);
  const label = top.choice.label;
  if (meets && tied.length > 1) {
    return {
      kind: 'motion',
      outcome: 'noDecision',
      count: top.count,
      base,
      required,
      reason: {
        code: 'tie',
        text: {
          vi: `Các phương án ${tied.map((entry) => `"${entry.choice.label}"`).join(', ')} bằng phiếu (${top.count}); cần biểu quyết lại`,
          en: `Options ${tied.map((entry) => `"${entry.choice.label}"`).join(', ')} are level (${top.count}); a further vote is needed`,
        },
      },
    };
  }
  if (meets) {
    return {
      kind: 'motion',
      outcome: 'adopted',
      choiceId: top.choice.id,
      count: top.count,
      base,
      required,
      reason: {
        code: 'thresholdMet',
        text: {
          vi: `Thông qua: "${label}" ${top.count}/${base} (${rule.vi})`,
          en: `Adopted: "${label}" ${top.count}/${base} (${rule.en})`,
        },
      },
    };
  }
  return {
    kind: 'motion',
    outcome: forChoice ? 'rejected' : 'noDecision',
    count: top.count,
    base,
    required,
    reason: {
      code: 'thresholdNotMet',
      text: {
        vi: `Không thông qua: "${label}" ${top.count}/${base} (${rule.vi})`,
        en: `Not adopted: "${label}" ${top.count}/${base} (${rule.en})`,
      },
    },
  };
}

/**
 * An election's outcome from its tally: a candidate is elected when their votes meet the threshold
 * over the base (Decree 59/2023 Art. 21: more than 50% of attendees), seats are filled by votes in
 * descending order, and when candidates level on votes compete for fewer remaining seats than they
 * are, those seats go to a runoff: reported, never decided by list order or chance.
 */
export function decideElection(
  shape: Pick<VoteShape, 'choices' | 'seats' | 'adoption' | 'quorumRequired'>,
  tally: TallyCounts,
  electorate: ElectorateCounts,
): ElectionDecision {
  const full = { ...shape, kind: 'election' as const };
  const base = adoptionBase(full, electorate, tally);
  const required = minimumToMeet(base, shape.adoption.threshold);
  const candidates = shape.choices.filter((choice) => choice.role === 'candidate');
  const votes = (choice: VoteChoice) => tally.counts[choice.id] ?? 0;
  const ordered = [...candidates].sort((a, b) => votes(b) - votes(a));
  const standings: CandidateStanding[] = ordered.map((choice) => ({
    choiceId: choice.id,
    label: choice.label,
    votes: votes(choice),
    rank: 1 + candidates.filter((other) => votes(other) > votes(choice)).length,
    overThreshold: base > 0 && meetsThreshold(votes(choice), base, shape.adoption.threshold),
    status: 'notElected',
  }));
  if (shape.quorumRequired && !electorate.quorum.met) {
    return {
      kind: 'election',
      outcome: 'noQuorum',
      seats: shape.seats,
      base,
      required,
      standings,
      elected: [],
      unfilledSeats: shape.seats,
      reason: { code: 'quorumNotMet', text: QUORUM_NOT_MET },
    };
  }

  const elected: string[] = [];
  let runoff: ElectionDecision['runoff'];
  let remaining = shape.seats;
  const qualifying = standings.filter((standing) => standing.overThreshold);
  for (let index = 0; index < qualifying.length && remaining > 0;) {
    const level = qualifying.filter((standing) => standing.votes === qualifying[index]!.votes);
    if (level.length <= remaining) {
      for (const standing of level) standing.status = 'elected';
      elected.push(...level.map((standing) => standing.choiceId));
      remaining -= level.length;
    } else {
      for (const standing of level) standing.status = 'runoff';
      runoff = { choiceIds: level.map((standing) => standing.choiceId), seats: remaining };
      remaining = 0;
    }
    index += level.length;
  }
  const unfilledSeats = shape.seats - elected.length - (runoff?.seats ?? 0);
  const rule = ruleText(shape.adoption, base, required);
  const names = (ids: readonly string[]) =>
    ids.map((id) => candidates.find((c) => c.id === id)?.label ?? id).join(', ');
  const outcome: ElectionDecision['outcome'] = runoff
    ? 'runoff'
    : elected.length > 0
      ? 'elected'
      : 'noneElected';
  const reason =
    outcome === 'runoff'
      ? {
          code: 'runoff' as const,
          text: {
            vi: `Trúng cử: ${names(elected) || 'chưa có'}. ${names(runoff!.choiceIds)} bằng phiếu (${qualifying.find((s) => s.status === 'runoff')!.votes}) cho ${runoff!.seats} ghế còn lại: cần bầu lại giữa những người này (${rule.vi})`,
            en: `Elected: ${names(elected) || 'none yet'}. ${names(runoff!.choiceIds)} are level (${qualifying.find((s) => s.status === 'runoff')!.votes}) for the last ${runoff!.seats} seat(s): a runoff between them is needed (${rule.en})`,
          },
        }
      : outcome === 'elected'
        ? {
            code: 'elected' as const,
            text: {
              vi: `Trúng cử: ${names(elected)}${unfilledSeats > 0 ? `; còn thiếu ${unfilledSeats} ghế` : ''} (${rule.vi})`,
              en: `Elected: ${names(elected)}${unfilledSeats > 0 ? `; ${unfilledSeats} seat(s) unfilled` : ''} (${rule.en})`,
            },
          }
        : {
            code: 'noneElected' as const,
            text: {
              vi: `Không ứng cử viên nào đạt tỷ lệ cần thiết (${rule.vi})`,
              en: `No candidate reached the threshold (${rule.en})`,
            },
          };
  return {
    kind: 'election',
    outcome,
    seats: shape.seats,
    base,
    required,
    standings,
    elected,
    runoff,
    unfilledSeats,
    reason,
  };
}

/** An election counted and decided from its ballots. */
export function tallyElection(
  shape: Pick<VoteShape, 'choices' | 'seats' | 'maxMarks' | 'adoption' | 'quorumRequired'>,
  ballots: Iterable<BallotMarks>,
  electorate: ElectorateCounts,
): { tally: TallyCounts; decision: ElectionDecision } {
  const tally = countElectionBallots(shape, ballots);
  return { tally, decision: decideElection(shape, tally, electorate) };
}

/** Counts ballots the way the motion's kind says (electronic ballots). */
export function countVote(shape: VoteShape, ballots: Iterable<BallotMarks>): TallyCounts {
  return shape.kind === 'election'
    ? countElectionBallots(shape, ballots)
    : tallyMotion(shape, ballots);
}

/**
 * The one outcome function: electronic ballots and a room tally entered by the counting board both
 * end here, so the same counts always give the same result.
 */
export function decideVote(
  shape: VoteShape,
  tally: TallyCounts,
  electorate: ElectorateCounts,
): VoteDecision {
  return shape.kind === 'election'
    ? decideElection(shape, tally, electorate)
    : decideMotion(shape, tally, electorate);
}
