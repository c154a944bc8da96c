import type { Member } from '../bodies/body';
import { GENESIS_HEAD } from '../audit/audit-event';
import { DomainError } from '../errors/domain-error';
import type { Meeting, MeetingStatus } from '../meetings/meeting';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import { templateFor } from '../templates/process-templates';
import { resolveActorInBody, withMeetingRoles } from '../use-cases/resolve-actor-roles';
import {
  DEFAULT_CHOICES,
  type CountingBoardMember,
  type ElectionPurpose,
  type Motion,
  type VoteAdoptionRule,
  type VoteChoice,
} from './motion';
import { chainVoteEvent, voteEventHead } from './vote-audit';
import type { VoteDeps } from './vote-deps';
import {
  ADOPTION_PRESETS,
  assertSeatsAllowed,
  fromTemplateAdoption,
  PIB_INELIGIBLE_BASIS,
  presetRule,
  type AdoptionPreset,
} from './vote-rules';
import type { TAdoptionInput, TCreateElectionInput, TCreateMotionInput } from './vote-schemas';

/** Motions may be prepared until the meeting ends. */
const PREPARABLE: readonly MeetingStatus[] = ['draft', 'scheduled', 'postponed', 'inProgress'];

const UNIT_SETTING = {
  vi: 'Theo cấu hình của đơn vị',
  en: 'Unit setting',
};

/** The adoption rule: what the caller chose, else the election's legal rule, else the template's. */
export function resolveAdoptionRule(
  meeting: Meeting,
  input: TAdoptionInput | undefined,
  electionPurpose?: ElectionPurpose,
): VoteAdoptionRule {
  if (input && 'preset' in input) {
    return presetRule(input.preset as AdoptionPreset, input.householdCount);
  }
  if (input) {
    return {
      threshold: input.threshold,
      base: input.base,
      householdCount: input.base === 'allHouseholds' ? input.householdCount : undefined,
      basis: input.basis ? { vi: input.basis, en: input.basis } : UNIT_SETTING,
    };
  }
  if (electionPurpose === 'peoplesInspectionBoard') {
    return { ...ADOPTION_PRESETS.peoplesInspectionBoard };
  }
  const template = templateFor(meeting.kind).adoption;
  if (!template) throw new DomainError('VOTE.ADOPTION_RULE_REQUIRED', { kind: meeting.kind });
  return fromTemplateAdoption(template);
}

function countingBoardOf(ids: readonly string[] | undefined, members: Member[]) {
  return (ids ?? []).map((userId): CountingBoardMember => {
    const member = members.find((m) => m.userId === userId);
    if (!member) throw new DomainError('VOTE.COUNTING_BOARD_NOT_MEMBER');
    return { userId, displayName: member.displayName };
  });
}

type CommonInput = Pick<
  TCreateMotionInput,
  | 'question'
  | 'description'
  | 'mode'
  | 'eligibility'
  | 'quorum'
  | 'opensAt'
  | 'closesAt'
  | 'countingBoard'
>;

async function create(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  input: CommonInput,
  build: (meeting: Meeting, members: Member[]) => Omit<Motion, keyof Shared>,
): Promise<Motion> {
  const [{ roles }, stored, members] = await Promise.all([
    resolveActorInBody(deps.bodies, actor, bodyId),
    deps.meetings.getMeeting(actor.tenantId, bodyId, meetingId),
    deps.bodies.listMembers(actor.tenantId, bodyId),
  ]);
  if (!stored) throw new DomainError('MEETING.NOT_FOUND');
  const meeting = stored.meeting;
  assertCan(withMeetingRoles(roles, meeting, actor.userId), 'vote.manage');
  if (!PREPARABLE.includes(meeting.status)) {
    throw new DomainError('MEETING.NOT_EDITABLE', { status: meeting.status });
  }
  const specific = build(meeting, members);
  const now = deps.clock.now().toISOString();
  const id = deps.ids.next();
  const event = chainVoteEvent(GENESIS_HEAD, {
    tenantId: actor.tenantId,
    aggregateType: 'motion',
    aggregateId: id,
    action: specific.kind === 'election' ? 'election.created' : 'vote.created',
    actorId: actor.userId,
    actorName: actor.displayName,
    at: now,
    changes: {
      question: [null, input.question],
      choices: [null, specific.choices.map((choice) => choice.label)],
      method: [null, specific.method],
      mode: [null, input.mode],
      adoption: [null, specific.adoption],
    },
  });
  const motion: Motion = {
    ...specific,
    tenantId: actor.tenantId,
    bodyId,
    meetingId,
    id,
    question: input.question,
    description: input.description,
    mode: input.mode,
    eligibility: input.eligibility,
    quorumRequired: input.quorum === 'meeting',
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    countingBoard: countingBoardOf(input.countingBoard, members),
    status: 'draft',
    createdAt: now,
    createdBy: actor.userId,
    updatedAt: now,
    version: 1,
    audit: voteEventHead(event),
  };
  await deps.votes.createMotion(motion, event);
  return motion;
}

type Shared = Pick<
  Motion,
  | 'tenantId'
  | 'bodyId'
  | 'meetingId'
  | 'id'
  | 'question'
  | 'description'
  | 'mode'
  | 'eligibility'
  | 'quorumRequired'
  | 'opensAt'
  | 'closesAt'
  | 'countingBoard'
  | 'status'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
  | 'version'
  | 'audit'
>;

/** Drafts a motion: for/against/abstain by default, or custom options. */
export async function createMotion(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  input: TCreateMotionInput,
): Promise<Motion> {
  return create(deps, actor, bodyId, meetingId, input, (meeting) => {
    let option = 0;
    const choices: VoteChoice[] = input.choices
      ? input.choices.map((choice) => ({
          id: choice.role === 'option' ? `o${++option}` : choice.role,
          label: choice.label,
          role: choice.role,
        }))
      : DEFAULT_CHOICES.map((choice) => ({ ...choice }));
    return {
      kind: 'motion',
      purpose: 'general',
      choices,
      seats: 1,
      maxMarks: 1,
      method: input.method,
      allowChange: input.method === 'open' && input.allowChange,
      adoption: resolveAdoptionRule(meeting, input.adoption),
    };
  });
}

/**
 * Drafts an election: candidates, seats (People's Inspection Board: 3 to 9, Law 10/2022 Art. 60),
 * at most `maxMarks` names per ballot. The head and deputy heads may not stand for the People's
 * Inspection Board (Law 10/2022 Art. 60).
 */
export async function createElection(
  deps: VoteDeps,
  actor: Actor,
  bodyId: string,
  meetingId: string,
  input: TCreateElectionInput,
): Promise<Motion> {
  return create(deps, actor, bodyId, meetingId, input, (meeting, members) => {
    assertSeatsAllowed(input.purpose, input.seats);
    if (input.candidates.length < input.seats) {
      throw new DomainError('ELECTION.TOO_FEW_CANDIDATES', {
        candidates: input.candidates.length,
        seats: input.seats,
      });
    }
    const seen = new Set<string>();
    const choices = input.candidates.map((candidate, index): VoteChoice => {
      const identity = candidate.userId ?? candidate.name.toLocaleLowerCase('vi');
      if (seen.has(identity)) {
        throw new DomainError('ELECTION.DUPLICATE_CANDIDATE', { name: candidate.name });
      }
      seen.add(identity);
      const member = candidate.userId
        ? members.find((m) => m.userId === candidate.userId)
        : undefined;
      if (
        input.purpose === 'peoplesInspectionBoard' &&
        member?.roles.some((role) => role === 'head' || role === 'deputyHead')
      ) {
        throw new DomainError('ELECTION.CANDIDATE_NOT_ELIGIBLE', {
          name: candidate.name,
          basis: PIB_INELIGIBLE_BASIS.vi,
        });
      }
      return {
        id: `c${index + 1}`,
        label: candidate.name,
        role: 'candidate',
        userId: candidate.userId,
      };
    });
    return {
      kind: 'election',
      purpose: input.purpose,
      choices,
      seats: input.seats,
      maxMarks: input.maxMarks ?? input.seats,
      method: input.method,
      allowChange: false,
      adoption: resolveAdoptionRule(meeting, input.adoption, input.purpose),
    };
  });
}
