import { z } from 'zod';
import { DISCLOSURE_CHANNELS } from './disclosure';
import { DEFAULT_DISCLOSURE_DAYS } from './disclosure-rules';

const ZCivilDate = z.iso.date();
const ZVersion = z.number().int().min(1);

export const ZCreateDisclosureInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(4_000).default(''),
  basis: z.string().trim().max(300).default(''),
  channels: z.array(z.enum(DISCLOSURE_CHANNELS)).min(1).max(DISCLOSURE_CHANNELS.length),
  days: z.number().int().min(1).max(366).default(DEFAULT_DISCLOSURE_DAYS),
  startOn: ZCivilDate,
});
export type TCreateDisclosureInput = z.infer<typeof ZCreateDisclosureInput>;

export const ZPostDisclosureInput = z.strictObject({
  version: ZVersion,
  /** Defaults to today; never in the future. The period then runs from this day. */
  postedOn: ZCivilDate.optional(),
  channels: z.array(z.enum(DISCLOSURE_CHANNELS)).min(1).max(DISCLOSURE_CHANNELS.length).optional(),
});
export type TPostDisclosureInput = z.infer<typeof ZPostDisclosureInput>;

export const ZEndDisclosureInput = z.strictObject({
  version: ZVersion,
  endedOn: ZCivilDate.optional(),
});
export type TEndDisclosureInput = z.infer<typeof ZEndDisclosureInput>;
