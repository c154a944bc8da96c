import { z } from 'zod';
import { ZAttendanceMark } from '../attendance/attendance-schemas';

/** Entra object ids (users, teams/groups): GUIDs. */
export const ZEntraId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not an Entra id');

/** Teams thread ids of channels and chats, e.g. `19:abc…@thread.tacv2`, `19:meeting_…@thread.v2`. */
export const ZTeamsThreadId = z
  .string()
  .regex(/^19:[0-9A-Za-z_.@=-]{1,200}$/, 'not a Teams channel or chat id');

export const ZRosterSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('team'), teamId: ZEntraId }),
  z.strictObject({ kind: z.literal('channel'), teamId: ZEntraId, channelId: ZTeamsThreadId }),
  z.strictObject({ kind: z.literal('chat'), chatId: ZTeamsThreadId }),
]);

/** Roles the roster may give: ordinary membership; leadership roles are set with the body itself. */
export const ROSTER_GRANTABLE_ROLES = ['member', 'observer'] as const;

export const ZRosterSyncInput = z.strictObject({
  source: ZRosterSource,
  /** The head may take new people in as members at once; otherwise they are proposed. */
  addAsMembers: z.boolean().default(false),
  role: z.enum(ROSTER_GRANTABLE_ROLES).default('member'),
});
export type TRosterSyncInput = z.infer<typeof ZRosterSyncInput>;

/** A person as Graph lists them, checked before it reaches the domain. */
export const ZRosterPerson = z.object({
  userId: ZEntraId,
  displayName: z.string().trim().min(1).max(200),
  email: z.string().trim().max(320).optional(),
});

export const ZRosterDecisionsInput = z.strictObject({
  decisions: z
    .array(
      z.strictObject({
        userId: ZEntraId,
        decision: z.enum(['accept', 'dismiss']),
        role: z.enum(ROSTER_GRANTABLE_ROLES).default('member'),
        title: z.string().trim().max(120).optional(),
      }),
    )
    .min(1)
    // A table batch holds 100 operations: the body row, the roster row, the event and 90 rows.
    .max(90),
});
export type TRosterDecisionsInput = z.infer<typeof ZRosterDecisionsInput>;

export const ZResolveMemberFlagsInput = z.strictObject({
  userIds: z.array(ZEntraId).min(1).max(90),
});
export type TResolveMemberFlagsInput = z.infer<typeof ZResolveMemberFlagsInput>;

/** A Teams online meeting id (base64-like) as Graph gives it. */
export const ZOnlineMeetingId = z
  .string()
  .regex(/^[A-Za-z0-9_=+/:@.-]{8,512}$/, 'not a Teams online meeting id');

export const ZAttendanceImportInput = z
  .strictObject({
    /** Whose online meeting (the organizer); defaults to the Teams meeting linked to the meeting. */
    organizerId: ZEntraId.optional(),
    onlineMeetingId: ZOnlineMeetingId.optional(),
    /** A particular report (one per session); defaults to the latest. */
    reportId: z
      .string()
      .regex(/^[0-9A-Za-z-]{1,64}$/, 'not a report id')
      .optional(),
    /** Share of the meeting someone must attend to count as present; 0 (default) = any presence. */
    minimumShare: z.number().min(0).max(1).default(0),
    /** Manual corrections applied over what Teams recorded, audited in the same change. */
    overrides: z.array(ZAttendanceMark).max(90).default([]),
  })
  .refine((input) => (input.organizerId === undefined) === (input.onlineMeetingId === undefined), {
    message: 'give both organizerId and onlineMeetingId, or neither',
    path: ['onlineMeetingId'],
  });
export type TAttendanceImportInput = z.infer<typeof ZAttendanceImportInput>;

/** Whom to reach (install the app for): the given members, or all of the body's members. */
export const ZReachMembersInput = z.strictObject({
  userIds: z.array(ZEntraId).min(1).max(500).optional(),
});
export type TReachMembersInput = z.infer<typeof ZReachMembersInput>;
