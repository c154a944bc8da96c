import functions from '@azure/functions';
import { Cron } from 'croner';
import { randomUUID } from 'node:crypto';
import { createTimerJobs } from '../app';
import type { Logger } from '../logger';
import type { Services } from '../services';

const { InvocationContext } = functions;

/**
 * Runs the route table's timer jobs locally on their NCRONTAB schedules (seconds first, UTC), the way
 * the Functions host would. A run that is still going when the next tick comes is skipped, not doubled.
 */
export function startTimers(services: Services, log: Logger): { stop(): void } {
  const crons = createTimerJobs(services).map(
    (job) =>
      new Cron(job.schedule, { timezone: 'UTC', protect: true }, async () => {
        const context = new InvocationContext({
          functionName: job.name,
          invocationId: randomUUID(),
        });
        try {
          await job.handler(
            {
              isPastDue: false,
              schedule: { adjustForDST: false },
              scheduleStatus: { last: '', next: '', lastUpdated: '' },
            },
            context,
          );
        } catch (error) {
          log.error('timer job failed', { job: job.name, error: String(error) });
        }
      }),
  );
  return { stop: () => crons.forEach((cron) => cron.stop()) };
}
