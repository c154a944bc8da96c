import { z } from 'zod';
import { MEETING_KINDS } from './meeting';

/**
 * Input schemas shared by the tab (form validation) and the API (edge validation).
 * Limits keep every meeting row well inside Azure Tables' 64 KiB string and 1 MiB entity limits.
 */
export const MEETING_LIMITS = {
  titleMax: 300,
  locationMax: 300,
  agendaItemsMax: 30,
  agendaTitleMax: 500,
  durationMinutesMax: 600,
} as const;

const ZEntraId = z.string().uuid();

/** Accepts any ISO instant with an offset (e.g. "2026-12-15T08:00:00+07:00") and stores it in UTC. */
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

export const ZAgendaItemInput = z.strictObject({
  title: ZText(MEETING_LIMITS.agendaTitleMax),
  presenterId: ZEntraId.optional(),
  durationMinutes: z.number().int().min(1).max(MEETING_LIMITS.durationMinutesMax).optional(),
});

const ZAgenda = z.array(ZAgendaItemInput).max(MEETING_LIMITS.agendaItemsMax);

export const ZCreateMeetingInput = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  title: ZText(MEETING_LIMITS.titleMax),
  startsAt: ZInstant,
  endsAt: ZInstant.optional(),
  location: ZText(MEETING_LIMITS.locationMax),
  chairId: ZEntraId,
  secretaryId: ZEntraId,
  agenda: ZAgenda.default([]),
});
export type TCreateMeetingInput = z.infer<typeof ZCreateMeetingInput>;

/** A partial update; `version` is the version the client last saw (optimistic concurrency). */
export const ZUpdateMeetingInput = z
  .strictObject({
    version: z.number().int().min(1),
    kind: z.enum(MEETING_KINDS).optional(),
    title: ZText(MEETING_LIMITS.titleMax).optional(),
    startsAt: ZInstant.optional(),
    endsAt: ZInstant.nullable().optional(),
    location: ZText(MEETING_LIMITS.locationMax).optional(),
    chairId: ZEntraId.optional(),
    secretaryId: ZEntraId.optional(),
    agenda: ZAgenda.optional(),
  })
  .refine((input) => Object.keys(input).some((key) => key !== 'version'), {
    message: 'nothing to change',
  });
export type TUpdateMeetingInput = z.infer<typeof ZUpdateMeetingInput>;
