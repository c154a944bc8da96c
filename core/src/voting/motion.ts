import type { AuditHead } from '../audit/audit-event';
import type { BodyRole } from '../bodies/body';
import type { Threshold } from '../templates/fractions';
import type { LocalizedText } from '../templates/process-templates';

/**
 * Motions and elections (biểu quyết, bầu cử) share one model: a question, the choices a ballot may
 * mark, how many marks a ballot may carry (1 for a motion, up to the number of seats for an election),
 * how it is cast (open or secret, electronically or counted in the room) and the rule that decides it.
 */
export const VOTE_KINDS = ['motion', 'election'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

/** 'open': show of hands / named ballot (biểu quyết công khai); 'secret': secret ballot (bỏ phiếu kín). */
export const VOTE_METHODS = ['open', 'secret'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];

/** 'electronic': each voter casts in the app; 'room': the counting board enters the room's tally. */
export const VOTE_MODES = ['electronic', 'room'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

/**
 * Who may vote: members present per the attendance (in person or through a delegate), or every
 * summoned member (e.g. the written ballot to all staff when the second convening lacks quorum,
 * Law 10/2022 Art. 50(2)). Observers are never summoned, so never vote.
 */
export const VOTE_ELIGIBILITY = ['present', 'summoned'] as const;
export type VoteEligibility = (typeof VOTE_ELIGIBILITY)[number];

export const MOTION_STATUSES = ['draft', 'open', 'closing', 'closed', 'cancelled'] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

/** What a choice means to the outcome: only 'for' (or an 'option'/'candidate') can carry a motion. */
export const CHOICE_ROLES = ['for', 'against', 'abstain', 'option', 'candidate'] as const;
export type ChoiceRole = (typeof CHOICE_ROLES)[number];

export interface VoteChoice {
  /** Stable within the motion: 'for' | 'against' | 'abstain' for the defaults, 'c1', 'c2'… otherwise. */
  id: string;
  label: string;
  role: ChoiceRole;
  /** A candidate who is a member of the body (optional: candidates may come from outside it). */
  userId?: string | undefined;
}

/** "Tán thành / Không tán thành / Không biểu quyết" (shared/GLOSSARY.md). */
export const DEFAULT_CHOICES: readonly VoteChoice[] = [
  { id: 'for', label: 'Tán thành', role: 'for' },
  { id: 'against', label: 'Không tán thành', role: 'against' },
  { id: 'abstain', label: 'Không biểu quyết', role: 'abstain' },
];

/** What an election fills; People's Inspection Board seats are bounded by law (election-rules.ts). */
export const ELECTION_PURPOSES = ['general', 'peoplesInspectionBoard'] as const;
export type ElectionPurpose = (typeof ELECTION_PURPOSES)[number];

/**
 * The count the adoption threshold is taken over: those present, those summoned, the votes that took
 * a position (for + against, or the options; abstentions excluded), or all household representatives
 * of a residential community (a number the unit gives, Law 10/2022 Art. 21(1)).
 */
export const ADOPTION_BASES = ['attendees', 'summoned', 'votesCast', 'allHouseholds'] as const;
export type AdoptionBase = (typeof ADOPTION_BASES)[number];

export interface VoteAdoptionRule {
  threshold: Threshold;
  base: AdoptionBase;
  /** Only with base 'allHouseholds': how many household representatives the community has. */
  householdCount?: number | undefined;
  basis: LocalizedText;
}

export interface QuorumSnapshot {
  met: boolean;
  present: number;
  summoned: number;
  required: number;
  basis: LocalizedText;
}

/**
 * Who could vote, fixed when the vote opened: the base of 'attendees'/'summoned' and the roster the
 * ballots are checked against. A late arrival is marked present before the next vote opens.
 */
export interface Electorate {
  /** Names this opening's roster and ballot box (a fresh id per opening attempt). */
  id: string;
  openedAt: string;
  openedBy: string;
  /** Size of the roster (present or summoned members, per the motion's eligibility). */
  eligible: number;
  present: number;
  delegates: number;
  summoned: number;
  quorum: QuorumSnapshot;
}

export interface CountingBoardMember {
  userId: string;
  displayName: string;
}

export interface TallyCounts {
  /** Per choice id; every choice has an entry (0 when nobody marked it). */
  counts: Record<string, number>;
  /** Valid ballots counted (a blank election ballot is valid; it marks nobody). */
  ballotsCast: number;
  /** Valid ballots that marked nothing (elections only). */
  blank: number;
  /** Ballots set aside as invalid (paper ballots in the room; never for electronic ballots). */
  invalid: number;
}

export interface RoomTallyConfirmation {
  userId: string;
  displayName: string;
  at: string;
}

/** A tally the counting board entered for a show of hands or paper ballots (Decree 59/2023 Art. 3). */
export interface RoomTally extends TallyCounts {
  /** Increments on every entry; a confirmation names the version it vouches for. */
  version: number;
  enteredBy: CountingBoardMember;
  enteredAt: string;
  /** Board members who confirmed this version (the one who entered it confirms by entering). */
  confirmations: RoomTallyConfirmation[];
}

export type DecisionReasonCode =
  | 'quorumNotMet'
  | 'emptyBase'
  | 'thresholdMet'
  | 'thresholdNotMet'
  | 'tie'
  | 'elected'
  | 'runoff'
  | 'noneElected';

export interface DecisionReason {
  code: DecisionReasonCode;
  text: LocalizedText;
}

export interface MotionDecision {
  kind: 'motion';
  outcome: 'adopted' | 'rejected' | 'noQuorum' | 'noDecision';
  /** The choice that carried ('for', or the winning option). */
  choiceId?: string | undefined;
  /** The count that was measured against the threshold (for, or the leading option). */
  count: number;
  base: number;
  /** The smallest count that meets the threshold over the base. */
  required: number;
  reason: DecisionReason;
}

export interface CandidateStanding {
  choiceId: string;
  label: string;
  votes: number;
  /** Competition ranking by votes: 1, 2, 2, 4… */
  rank: number;
  overThreshold: boolean;
  status: 'elected' | 'runoff' | 'notElected';
}

export interface ElectionDecision {
  kind: 'election';
  outcome: 'elected' | 'runoff' | 'noneElected' | 'noQuorum';
  seats: number;
  base: number;
  required: number;
  standings: CandidateStanding[];
  elected: string[];
  /** Candidates tied for the last seat(s): never decided silently, a further round decides. */
  runoff?: { choiceIds: string[]; seats: number } | undefined;
  unfilledSeats: number;
  reason: DecisionReason;
}

export type VoteDecision = MotionDecision | ElectionDecision;

/** What was announced when the vote closed; its hash is sealed in the motion's audit chain. */
export interface VoteResult {
  source: 'electronic' | 'room';
  tally: TallyCounts;
  decision: VoteDecision;
  electorate: { eligible: number; present: number; summoned: number };
  /** Electronic votes: receipts (who voted) and, for secret ballots, receipts left pending. */
  turnout?: { voted: number; pending: number } | undefined;
  /** SHA-256 over the sorted ballots that were counted: a recount must reproduce it. */
  ballotsDigest?: string | undefined;
  /** SHA-256 over every voter's cast-event chain head: ties the per-voter audit trails to the result. */
  castDigest?: string | undefined;
  /** Room votes: the counting board that confirmed the tally, with when each confirmed. */
  countingBoard?: RoomTallyConfirmation[] | undefined;
  announcedAt: string;
  announcedBy: string;
}

export interface Motion {
  tenantId: string;
  bodyId: string;
  meetingId: string;
  id: string;
  kind: VoteKind;
  purpose: ElectionPurpose;
  question: string;
  description?: string | undefined;
  choices: VoteChoice[];
  /** Seats to fill (elections); 1 for a motion. */
  seats: number;
  /** At most this many marks per ballot: 1 for a motion, at most `seats` for an election. */
  maxMarks: number;
  method: VoteMethod;
  mode: VoteMode;
  eligibility: VoteEligibility;
  /** Whether opening needs the meeting's quorum (checkQuorum + assertQuorum). */
  quorumRequired: boolean;
  adoption: VoteAdoptionRule;
  /** Ballots are accepted from opensAt (when set) and until closesAt (when set). */
  opensAt?: string | undefined;
  closesAt?: string | undefined;
  /** An open ballot may be changed until the vote closes; a secret ballot never. */
  allowChange: boolean;
  countingBoard: CountingBoardMember[];
  status: MotionStatus;
  statusReason?: string | undefined;
  electorate?: Electorate | undefined;
  roomTally?: RoomTally | undefined;
  result?: VoteResult | undefined;
  resultHash?: string | undefined;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  audit: AuditHead;
}

/** A ballot's content: the choice ids it marks (one for a motion, up to maxMarks for an election). */
export interface BallotMarks {
  marks: readonly string[];
}

/**
 * One row per eligible voter, written when the vote opens. For an open ballot it also holds the
 * choice; for a secret ballot it is the receipt (who voted) and never holds the choice.
 */
export interface VoterRecord {
  userId: string;
  displayName: string;
  roles: BodyRole[];
  delegateName?: string | undefined;
  state: 'eligible' | 'pending' | 'voted';
  /** Set when the vote closes (or is cancelled): the row, and so the ballot, can no longer change. */
  sealed: boolean;
  /** Open ballots only. */
  marks?: string[] | undefined;
  /** Hash of the client's submission id with the voter and motion: recognises a retried submit. */
  submissionTag?: string | undefined;
  /** Secret ballots, only while pending: the ballot's random key, masked with the submission id. */
  pendingKey?: string | undefined;
  castAt?: string | undefined;
  updatedAt?: string | undefined;
  /** Head of this voter's own cast-event chain (cast, changed). */
  audit: AuditHead;
}

/** A secret ballot as stored: a random key and the marks; nothing that names or dates the voter. */
export interface SecretBallot {
  key: string;
  marks: string[];
}

export const MOTION_LIMITS = {
  questionMax: 1000,
  descriptionMax: 4000,
  choiceLabelMax: 200,
  choicesMax: 20,
  candidatesMax: 60,
  seatsMax: 30,
  countingBoardMin: 3,
  countingBoardMax: 5,
} as const;
