import { z } from 'zod';
import { ATTENDANCE_STATUSES } from './attendance';

export const ZAttendanceMark = z.strictObject({
  userId: z.string().uuid(),
  status: z.enum(ATTENDANCE_STATUSES),
  delegateName: z.string().trim().min(1).max(120).optional(),
  /**
   * "Attended by their standing delegate": the server fills in the delegate of the delegation in
   * force on the meeting's date (docs/admin.md), so the person marking need not type the name.
   */
  byStandingDelegate: z.literal(true).optional(),
  note: z.string().trim().max(300).optional(),
});

export const ZRecordAttendanceInput = z.strictObject({
  // A table batch holds 100 operations: the meeting row, its audit event and up to 90 marks.
  marks: z.array(ZAttendanceMark).min(1).max(90),
});
export type TRecordAttendanceInput = z.infer<typeof ZRecordAttendanceInput>;
