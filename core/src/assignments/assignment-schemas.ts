import { z } from 'zod';
import { ASSIGNMENT_TRANSITION_NAMES } from './assignment-lifecycle';
import { ASSIGNMENT_PRIORITIES } from './assignment';

export const ASSIGNMENT_LIMITS = {
  titleMax: 300,
  descriptionMax: 4_000,
  coOwnersMax: 10,
  noteMax: 2_000,
  evidenceMax: 5,
  progressMax: 100,
} as const;

const ZCivilDate = z.iso.date();

export const ZCreateAssignmentInput = z.strictObject({
  title: z.string().trim().min(1).max(ASSIGNMENT_LIMITS.titleMax),
  description: z.string().trim().max(ASSIGNMENT_LIMITS.descriptionMax).default(''),
  ownerId: z.string().uuid(),
  coOwnerIds: z.array(z.string().uuid()).max(ASSIGNMENT_LIMITS.coOwnersMax).default([]),
  deadline: ZCivilDate,
  priority: z.enum(ASSIGNMENT_PRIORITIES).default('normal'),
  /** The meeting whose conclusions this comes from, if any. */
  meetingId: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,64}$/)
    .optional(),
});
export type TCreateAssignmentInput = z.infer<typeof ZCreateAssignmentInput>;

export const ZProgressInput = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().trim().min(1).max(ASSIGNMENT_LIMITS.noteMax),
  percent: z.number().int().min(0).max(100).optional(),
  evidenceUrls: z
    .array(z.url({ protocol: /^https$/ }))
    .max(ASSIGNMENT_LIMITS.evidenceMax)
    .default([]),
});
export type TProgressInput = z.infer<typeof ZProgressInput>;

export const ZAssignmentTransitionInput = z.strictObject({
  transition: z.enum(ASSIGNMENT_TRANSITION_NAMES as [string, ...string[]]),
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(ASSIGNMENT_LIMITS.noteMax).optional(),
});
export type TAssignmentTransitionInput = z.infer<typeof ZAssignmentTransitionInput>;

export const ZRequestExtensionInput = z.strictObject({
  version: z.number().int().min(1),
  requestedDeadline: ZCivilDate,
  reason: z.string().trim().min(1).max(ASSIGNMENT_LIMITS.noteMax),
});
export type TRequestExtensionInput = z.infer<typeof ZRequestExtensionInput>;

export const ZDecideExtensionInput = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(1).max(ASSIGNMENT_LIMITS.noteMax).optional(),
});
export type TDecideExtensionInput = z.infer<typeof ZDecideExtensionInput>;
