import { z } from 'zod';

/** Entra object ids (GUIDs) and our ULIDs; never a '~' or '/' that would reshape a table key. */
const ZId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id');

export const ZDelegationPerson = z.strictObject({
  userId: ZId.optional(),
  displayName: z.string().trim().min(1).max(120),
  title: z.string().trim().max(200).default(''),
});

/** Adds a standing delegation: `memberId` of body `bodyId` is represented by `delegate`. */
export const ZAddDelegationInput = z.strictObject({
  bodyId: ZId,
  memberId: ZId,
  delegate: ZDelegationPerson,
  from: z.iso.date(),
  until: z.iso.date(),
  reason: z.string().trim().min(1).max(300),
});
export type TAddDelegationInput = z.infer<typeof ZAddDelegationInput>;

/** Ends a delegation; without `until` it ends today (a delegation not yet begun is cancelled). */
export const ZEndDelegationInput = z.strictObject({
  until: z.iso.date().optional(),
});
export type TEndDelegationInput = z.infer<typeof ZEndDelegationInput>;
