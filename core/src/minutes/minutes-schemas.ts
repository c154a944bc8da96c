import { z } from 'zod';
import { MEETING_TRANSITION_NAMES } from '../meetings/lifecycle';
import { MINUTES_LIMITS } from './minutes';

export const ZSaveMinutesSectionInput = z.strictObject({
  /** The section version the writer started from; 0 for a section nobody has written yet. */
  version: z.number().int().min(0),
  // Text may contain line breaks and tabs, not other control characters.
  text: z
    .string()
    .max(MINUTES_LIMITS.sectionTextMax)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value), {
      message: 'control characters are not allowed',
    }),
});
export type TSaveMinutesSectionInput = z.infer<typeof ZSaveMinutesSectionInput>;

export const ZTransitionMeetingInput = z.strictObject({
  transition: z.enum(MEETING_TRANSITION_NAMES as [string, ...string[]]),
  /** The meeting version the caller saw. */
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(MINUTES_LIMITS.commentMax).optional(),
});
export type TTransitionMeetingInput = z.infer<typeof ZTransitionMeetingInput>;
