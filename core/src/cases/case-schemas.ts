import { z } from 'zod';
import {
  CASE_CHANNELS,
  CASE_COMPLEXITIES,
  CASE_KINDS,
  CASE_OUTCOMES,
  COMPLAINT_INSTANCES,
} from './citizen-case';

export const CASE_LIMITS = {
  summaryMax: 4_000,
  textMax: 4_000,
  reasonMax: 2_000,
  handlersMax: 5,
  nameMax: 200,
} as const;

const ZCivilDate = z.iso.date();
const ZId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id');
const ZVersion = z.number().int().min(1);

export const ZCitizenIdentity = z.strictObject({
  fullName: z.string().trim().min(1).max(CASE_LIMITS.nameMax),
  address: z.string().trim().max(300).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{3,30}$/, 'not a phone number')
    .optional(),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{6,20}$/, 'not an identity number')
    .optional(),
});

/** Intake (tiếp nhận): dates are Vietnam civil dates; `receivedOn` defaults to today. */
export const ZIntakeCaseInput = z.strictObject({
  kind: z.enum(CASE_KINDS),
  channel: z.enum(CASE_CHANNELS).default('inPerson'),
  sessionId: ZId.optional(),
  summary: z.string().trim().min(1).max(CASE_LIMITS.summaryMax),
  receivedOn: ZCivilDate.optional(),
  instance: z.enum(COMPLAINT_INSTANCES).optional(),
  remoteArea: z.boolean().default(false),
  complexity: z.enum(CASE_COMPLEXITIES).default('normal'),
  decisionKnownOn: ZCivilDate.optional(),
  citizen: ZCitizenIdentity.optional(),
});
export type TIntakeCaseInput = z.infer<typeof ZIntakeCaseInput>;

/** Thụ lý / không thụ lý. Complexity may be set here; it picks the resolution limit. */
export const ZDecideCaseAcceptanceInput = z.strictObject({
  version: ZVersion,
  decision: z.enum(['accept', 'reject']),
  decidedOn: ZCivilDate.optional(),
  complexity: z.enum(CASE_COMPLEXITIES).optional(),
  reason: z.string().trim().min(1).max(CASE_LIMITS.reasonMax).optional(),
});
export type TDecideCaseAcceptanceInput = z.infer<typeof ZDecideCaseAcceptanceInput>;

export const ZAssignCaseInput = z.strictObject({
  version: ZVersion,
  handlerIds: z.array(z.string().uuid()).min(1).max(CASE_LIMITS.handlersMax),
});
export type TAssignCaseInput = z.infer<typeof ZAssignCaseInput>;

/** Gia hạn: with the reason the decision states; may raise the complexity that allows it. */
export const ZExtendCaseInput = z.strictObject({
  version: ZVersion,
  reason: z.string().trim().min(1).max(CASE_LIMITS.reasonMax),
  complexity: z.enum(['complex', 'especiallyComplex']).optional(),
  decidedOn: ZCivilDate.optional(),
});
export type TExtendCaseInput = z.infer<typeof ZExtendCaseInput>;

export const ZResolveCaseInput = z.strictObject({
  version: ZVersion,
  outcome: z.enum(CASE_OUTCOMES),
  text: z.string().trim().min(1).max(CASE_LIMITS.textMax),
  resolvedOn: ZCivilDate.optional(),
});
export type TResolveCaseInput = z.infer<typeof ZResolveCaseInput>;
