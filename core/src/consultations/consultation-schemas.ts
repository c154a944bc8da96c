import { z } from 'zod';
import { CONSULTATION_KINDS, RESPONSE_KINDS } from './consultation';

export const CONSULTATION_LIMITS = {
  titleMax: 300,
  descriptionMax: 4_000,
  textMax: 8_000,
  reasonMax: 2_000,
  recommendationsMax: 200,
} as const;

const ZCivilDate = z.iso.date();
const ZVersion = z.number().int().min(1);

export const ZCreateConsultationInput = z.strictObject({
  kind: z.enum(CONSULTATION_KINDS),
  title: z.string().trim().min(1).max(CONSULTATION_LIMITS.titleMax),
  documentTitle: z.string().trim().min(1).max(CONSULTATION_LIMITS.titleMax),
  description: z.string().trim().max(CONSULTATION_LIMITS.descriptionMax).default(''),
  frontName: z.string().trim().min(1).max(CONSULTATION_LIMITS.titleMax),
  frontBodyId: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,64}$/)
    .optional(),
  /** Critique: when the draft is submitted to the authority; supervision: the session date. */
  referenceOn: ZCivilDate.optional(),
});
export type TCreateConsultationInput = z.infer<typeof ZCreateConsultationInput>;

export const ZSendConsultationInput = z.strictObject({
  version: ZVersion,
  /** Defaults to today (Vietnam); never in the future. */
  sentOn: ZCivilDate.optional(),
  referenceOn: ZCivilDate.optional(),
});
export type TSendConsultationInput = z.infer<typeof ZSendConsultationInput>;

export const ZCloseConsultationInput = z.strictObject({ version: ZVersion });
export type TCloseConsultationInput = z.infer<typeof ZCloseConsultationInput>;

export const ZAddRecommendationInput = z.strictObject({
  text: z.string().trim().min(1).max(CONSULTATION_LIMITS.textMax),
  /** When the Front's document reached the agency; defaults to today, never in the future. */
  receivedOn: ZCivilDate.optional(),
  ownerId: z.string().uuid().optional(),
});
export type TAddRecommendationInput = z.infer<typeof ZAddRecommendationInput>;

export const ZAssignRecommendationInput = z.strictObject({
  version: ZVersion,
  ownerId: z.string().uuid(),
});
export type TAssignRecommendationInput = z.infer<typeof ZAssignRecommendationInput>;

export const ZDraftResponseInput = z.strictObject({
  version: ZVersion,
  kind: z.enum(RESPONSE_KINDS),
  text: z.string().trim().min(1).max(CONSULTATION_LIMITS.textMax),
});
export type TDraftResponseInput = z.infer<typeof ZDraftResponseInput>;

export const ZApproveResponseInput = z.strictObject({
  version: ZVersion,
  decision: z.enum(['approve', 'return']).default('approve'),
  reason: z.string().trim().min(1).max(CONSULTATION_LIMITS.reasonMax).optional(),
});
export type TApproveResponseInput = z.infer<typeof ZApproveResponseInput>;
