import { z } from 'zod';
import { BODY_KINDS, BODY_ROLES } from '../bodies/body';

/** Entra object ids (GUIDs) and our ULIDs; never a '~' or '/' that would reshape a table key. */
const ZUserId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid user id');
const ZName = z.string().trim().min(1).max(200);

export const ZUnitAdminInput = z.strictObject({
  userId: ZUserId,
  displayName: z.string().trim().min(1).max(120),
});

export const ZUpdateUnitInput = z.strictObject({
  version: z.number().int().min(0),
  name: ZName.optional(),
  province: z.string().trim().min(1).max(120).optional(),
  admins: z.array(ZUnitAdminInput).max(30).optional(),
});
export type TUpdateUnitInput = z.infer<typeof ZUpdateUnitInput>;

const ZPerson = z.strictObject({
  userId: ZUserId,
  displayName: z.string().trim().min(1).max(120),
  title: z.string().trim().max(200).default(''),
});

/** A new body starts with its head, so no body ever exists without one. */
export const ZCreateBodyInput = z.strictObject({
  kind: z.enum(BODY_KINDS),
  name: ZName,
  head: ZPerson,
});
export type TCreateBodyInput = z.infer<typeof ZCreateBodyInput>;

export const ZRenameBodyInput = z.strictObject({ name: ZName });
export type TRenameBodyInput = z.infer<typeof ZRenameBodyInput>;

/** Adds a member or changes their roles (and the name and title shown). */
export const ZPutMemberInput = z.strictObject({
  displayName: z.string().trim().min(1).max(120),
  title: z.string().trim().max(200).default(''),
  roles: z.array(z.enum(BODY_ROLES)).min(1).max(BODY_ROLES.length),
});
export type TPutMemberInput = z.infer<typeof ZPutMemberInput>;
