import functions from '@azure/functions';
import { Cron } from 'croner';
import { randomUUID } from 'node:crypto';
import { createTimerJobs } from '../app';
import type { Logger } from '../logger';
import type { Services } from '../services';

const { InvocationContext } = functions;

export interface LocalTimers {
  /** The jobs' names (`reminderSweep`, `outboxDispatch`). */
  names: string[];
  /**
   * Runs one job now, through the same handler and invocation shape as a scheduled tick; rejects
   * when the job throws (a scheduled tick only logs it), so a test sees the failure.
   */
  run(name: string): Promise<void>;
  stop(): void;
}

/**
 * Runs the route table's timer jobs locally on their NCRONTAB schedules (seconds first, UTC), the way
 * the Functions host would. A run that is still going when the next tick comes is skipped, not doubled.
 * With `scheduled: false` nothing runs by itself: a test calls `run` when it wants a job to run.
 */
export function startTimers(
  services: Services,
  log: Logger,
  options: { scheduled?: boolean } = {},
): LocalTimers {
  const jobs = createTimerJobs(services);
  const invoke = (job: (typeof jobs)[number]) =>
    job.handler(
      {
        isPastDue: false,
        schedule: { adjustForDST: false },
        scheduleStatus: { last: '', next: '', lastUpdated: '' },
      },
      new InvocationContext({ functionName: job.name, invocationId: randomUUID() }),
    );
  const crons =
    options.scheduled === false
      ? []
      : jobs.map(
          (job) =>
            new Cron(job.schedule, { timezone: 'UTC', protect: true }, async () => {
              try {
                await invoke(job);
              } catch (error) {
                log.error('timer job failed', { job: job.name, error: String(error) });
              }
            }),
        );
  return {
    names: jobs.map((job) => job.name),
    run: async (name) => {
      const job = jobs.find((candidate) => candidate.name === name);
      if (!job) {
        throw new Error(`No timer job ${name} (there are: ${jobs.map((j) => j.name).join(', ')})`);
      }
      await invoke(job);
    },
    stop: () => crons.forEach((cron) => cron.stop()),
  };
}
