import { z } from 'zod';
import {
  ADOPTION_BASES,
  ELECTION_PURPOSES,
  MOTION_LIMITS,
  VOTE_ELIGIBILITY,
  VOTE_METHODS,
  VOTE_MODES,
} from './motion';
import { ADOPTION_PRESET_NAMES } from './vote-rules';

/** Input schemas shared by the tab and the API (validated at the edge; nothing stored on bad input). */
const ZEntraId = z.string().uuid();

const ZInstant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

const ZText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value), {
      message: 'control characters are not allowed',
    });

const ZThreshold = z
  .strictObject({
    numerator: z.number().int().min(1).max(100),
    denominator: z.number().int().min(1).max(100),
    comparison: z.enum(['atLeast', 'moreThan']),
  })
  .refine((t) => t.numerator <= t.denominator, { message: 'a threshold is at most 1' });

const ZHouseholdCount = z.number().int().min(1).max(1_000_000);

/** A named legal rule, or a rule the unit sets (shown as "theo cấu hình của đơn vị"). */
export const ZAdoptionInput = z.union([
  z.strictObject({
    preset: z.enum(ADOPTION_PRESET_NAMES as [string, ...string[]]),
    householdCount: ZHouseholdCount.optional(),
  }),
  z
    .strictObject({
      threshold: ZThreshold,
      base: z.enum(ADOPTION_BASES),
      householdCount: ZHouseholdCount.optional(),
      basis: ZText(500).optional(),
    })
    .refine((rule) => rule.base !== 'allHouseholds' || rule.householdCount !== undefined, {
      message: 'householdCount is required with base allHouseholds',
      path: ['householdCount'],
    }),
]);
export type TAdoptionInput = z.infer<typeof ZAdoptionInput>;

const common = {
  question: ZText(MOTION_LIMITS.questionMax),
  description: ZText(MOTION_LIMITS.descriptionMax).optional(),
  mode: z.enum(VOTE_MODES).default('electronic'),
  eligibility: z.enum(VOTE_ELIGIBILITY).default('present'),
  /** 'meeting': opening needs the meeting's quorum; 'none': e.g. a written ballot to all staff. */
  quorum: z.enum(['meeting', 'none']).default('meeting'),
  adoption: ZAdoptionInput.optional(),
  opensAt: ZInstant.optional(),
  closesAt: ZInstant.optional(),
  /** Decree 59/2023 Art. 3: a counting board of 3 to 5 people (required for room votes). */
  countingBoard: z
    .array(ZEntraId)
    .min(MOTION_LIMITS.countingBoardMin)
    .max(MOTION_LIMITS.countingBoardMax)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate board member' })
    .optional(),
};

function refineCommon(
  input: {
    mode: string;
    countingBoard?: string[] | undefined;
    opensAt?: string | undefined;
    closesAt?: string | undefined;
  },
  context: z.RefinementCtx,
): void {
  if (input.mode === 'room' && !input.countingBoard) {
    context.addIssue({
      code: 'custom',
      path: ['countingBoard'],
      message: 'a room vote needs a counting board of 3 to 5 people',
    });
  }
  if (input.opensAt && input.closesAt && Date.parse(input.closesAt) <= Date.parse(input.opensAt)) {
    context.addIssue({
      code: 'custom',
      path: ['closesAt'],
      message: 'closesAt must be after opensAt',
    });
  }
}

export const ZCreateMotionInput = z
  .strictObject({
    ...common,
    /** Omitted: "Tán thành / Không tán thành / Không biểu quyết". */
    choices: z
      .array(
        z.strictObject({
          label: ZText(MOTION_LIMITS.choiceLabelMax),
          role: z.enum(['for', 'against', 'abstain', 'option']).default('option'),
        }),
      )
      .min(2)
      .max(MOTION_LIMITS.choicesMax)
      .optional(),
    method: z.enum(VOTE_METHODS).default('open'),
    /** Open ballots only: a voter may change their choice until the vote closes. */
    allowChange: z.boolean().default(false),
  })
  .superRefine((input, context) => {
    refineCommon(input, context);
    if (input.method === 'secret' && input.allowChange) {
      context.addIssue({
        code: 'custom',
        path: ['allowChange'],
        message: 'a secret ballot can never be changed once cast',
      });
    }
    if (input.choices) {
      const roles = input.choices.map((choice) => choice.role);
      const once = (role: string) => roles.filter((r) => r === role).length <= 1;
      if (!once('for') || !once('against') || !once('abstain')) {
        context.addIssue({
          code: 'custom',
          path: ['choices'],
          message: 'at most one for, one against and one abstain choice',
        });
      }
      if (roles.includes('for') && roles.includes('option')) {
        context.addIssue({
          code: 'custom',
          path: ['choices'],
          message: 'either for/against choices or options, not both',
        });
      }
      if (!roles.includes('for') && !roles.includes('option')) {
        context.addIssue({
          code: 'custom',
          path: ['choices'],
          message: 'some choice must be able to carry the motion (for, or options)',
        });
      }
    }
  });
export type TCreateMotionInput = z.infer<typeof ZCreateMotionInput>;

export const ZCreateElectionInput = z
  .strictObject({
    ...common,
    purpose: z.enum(ELECTION_PURPOSES).default('general'),
    seats: z.number().int().min(1).max(MOTION_LIMITS.seatsMax),
    /** At most this many names per ballot; defaults to the number of seats. */
    maxMarks: z.number().int().min(1).max(MOTION_LIMITS.seatsMax).optional(),
    candidates: z
      .array(
        z.strictObject({
          name: ZText(MOTION_LIMITS.choiceLabelMax),
          userId: ZEntraId.optional(),
        }),
      )
      .min(1)
      .max(MOTION_LIMITS.candidatesMax),
    /** Not fixed by law (union guidance): configurable, secret ballot by default (shared/RULES.md). */
    method: z.enum(VOTE_METHODS).default('secret'),
  })
  .superRefine((input, context) => {
    refineCommon(input, context);
    if (input.maxMarks !== undefined && input.maxMarks > input.seats) {
      context.addIssue({
        code: 'custom',
        path: ['maxMarks'],
        message: 'a ballot cannot mark more candidates than there are seats',
      });
    }
  });
export type TCreateElectionInput = z.infer<typeof ZCreateElectionInput>;

const ZChoiceId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid choice');

/**
 * A ballot. `submissionId` is made once by the ballot form (a random UUID) and resent unchanged by
 * every retry: it makes submits idempotent without the server keeping anything that links a secret
 * receipt to its ballot.
 */
export const ZCastBallotInput = z
  .strictObject({
    submissionId: z.string().uuid(),
    /** A motion's choice id ('for', 'against', 'abstain', or 'c1'…). */
    choice: ZChoiceId.optional(),
    /** An election's marked candidate ids (at most the motion's maxMarks; [] is a blank ballot). */
    marks: z.array(ZChoiceId).max(MOTION_LIMITS.candidatesMax).optional(),
  })
  .refine((input) => (input.choice === undefined) !== (input.marks === undefined), {
    message: 'send either choice (a motion) or marks (an election)',
  });
export type TCastBallotInput = z.infer<typeof ZCastBallotInput>;

const ZCount = z.number().int().min(0).max(1_000_000);

/** The counting board's tally of a show of hands or of paper ballots. */
export const ZRoomTallyInput = z.strictObject({
  counts: z.record(ZChoiceId, ZCount),
  /** Valid ballots (elections; for a motion it defaults to the sum of the counts). */
  ballotsCast: ZCount.optional(),
  blank: ZCount.optional(),
  invalid: ZCount.optional(),
});
export type TRoomTallyInput = z.infer<typeof ZRoomTallyInput>;

export const ZConfirmRoomTallyInput = z.strictObject({
  /** The tally version the board member checked. */
  tallyVersion: z.number().int().min(1),
});
export type TConfirmRoomTallyInput = z.infer<typeof ZConfirmRoomTallyInput>;

export const ZCancelMotionInput = z.strictObject({ reason: ZText(1000) });
export type TCancelMotionInput = z.infer<typeof ZCancelMotionInput>;
