import { z } from 'zod';
import { RECEPTION_KINDS } from './reception';

export const ZScheduleReceptionInput = z.strictObject({
  kind: z.enum(RECEPTION_KINDS),
  hostId: z.string().uuid(),
  date: z.iso.date(),
  location: z.string().trim().min(1).max(300),
  note: z.string().trim().max(2_000).optional(),
});
export type TScheduleReceptionInput = z.infer<typeof ZScheduleReceptionInput>;

export const ZReceptionTransitionInput = z.strictObject({
  transition: z.enum(['hold', 'cancel']),
  version: z.number().int().min(1),
  note: z.string().trim().min(1).max(2_000).optional(),
});
export type TReceptionTransitionInput = z.infer<typeof ZReceptionTransitionInput>;

/** A cadence check covers at most about two years of weeks. */
export const ZReceptionRangeQuery = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TReceptionRangeQuery = z.infer<typeof ZReceptionRangeQuery>;
