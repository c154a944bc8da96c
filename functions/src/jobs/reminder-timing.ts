/**
 * The reminder pipeline's clockwork, in one place. The invariants (see reminder-sweep.ts):
 * LOOKBACK ≤ GRACE, so a row a change writes "just due" always lands in an hour bucket the sweep has
 * not yet closed; LOOKBACK > SWEEP_EVERY, so a change still reaches a row the sweep has not taken.
 */
export interface ReminderTiming {
  /** The sweep's timer period (NCRONTAB below). */
  sweepEveryMs: number;
  /** A change re-marks rows due this long ago (they may not have been swept yet). */
  lookbackMs: number;
  /** An hour bucket is closed this long after the hour ends, once it is empty. */
  graceMs: number;
  /** A sweep holds a claimed row this long; a crashed sweep's rows come back after it. */
  claimLeaseMs: number;
  /** A change between its prepare and its aggregate write takes at most this long. */
  inFlightMs: number;
  /** The first sweep ever starts this far back. */
  firstRunLookbackMs: number;
  /** A sweep reads at most this many hours (catching up after an outage takes several runs). */
  maxHoursPerRun: number;
}

export const REMINDER_TIMING: ReminderTiming = {
  sweepEveryMs: 5 * 60_000,
  lookbackMs: 10 * 60_000,
  graceMs: 15 * 60_000,
  claimLeaseMs: 2 * 60_000,
  inFlightMs: 10 * 60_000,
  firstRunLookbackMs: 24 * 3_600_000,
  maxHoursPerRun: 72,
};

/** NCRONTAB with seconds, UTC (Functions' format): the sweep every 5 minutes, dispatch every minute. */
export const REMINDER_SWEEP_SCHEDULE = '0 */5 * * * *';
export const OUTBOX_DISPATCH_SCHEDULE = '0 * * * * *';
