import {
  reportingReminderSubject,
  toVietnamDate,
  withReminderSchedule,
  type BodyRepository,
  type Clock,
  type ReminderScheduler,
  type ReportingReminderSubject,
} from '@qcdc/core';

/**
 * Plans a body's reporting reminders (core reporting-deadlines.ts): the staff conference by
 * 31 March (Law 10/2022 Art. 51(1)), the six-monthly review of its resolution (Art. 52(3)), the
 * half-year and year-end reviews, to the body's head(s) and secretary(ies).
 *
 * Why at the moment a body's people are recorded, not from a yearly timer: a timer would have to
 * list every body of every tenant, a table scan. Planning here takes two partition reads (the
 * body and its members) and writes one index row per person; from then on the sweep chains each
 * person's next reminder itself, year after year, so the series never needs a timer. Calling it
 * again (a new head or secretary) replans: rows of people no longer named are dropped, which is why
 * the caller passes the series it planned before, when it has it.
 *
 * Answers the subject planned (null when the body has no reporting duty or nobody to remind).
 */
export async function planReportingReminders(
  deps: { bodies: BodyRepository; clock: Clock; reminders?: ReminderScheduler | undefined },
  tenantId: string,
  bodyId: string,
  previous: ReportingReminderSubject | null = null,
): Promise<ReportingReminderSubject | null> {
  const next = await reportingSubjectOf(deps, tenantId, bodyId);
  if (!next && !previous) return null;
  await withReminderSchedule(
    deps.reminders,
    { type: 'reporting', previous, next },
    async () => undefined,
  );
  return next;
}

/**
 * The body's reporting series as its people stand now (two partition reads), null when it has no
 * reporting duty, nobody to remind, or does not exist. The same clock gives the same `fromYear`, so
 * the series read before a change and the one after it plan comparable rows.
 */
export async function reportingSubjectOf(
  deps: { bodies: BodyRepository; clock: Clock },
  tenantId: string,
  bodyId: string,
): Promise<ReportingReminderSubject | null> {
  const [body, members] = await Promise.all([
    deps.bodies.getBody(tenantId, bodyId),
    deps.bodies.listMembers(tenantId, bodyId),
  ]);
  if (!body) return null;
  // Start from last year: its conference (due 31 March) and resolution review may still be ahead.
  const fromYear = toVietnamDate(deps.clock.now()).year - 1;
  return reportingReminderSubject(body, members, fromYear);
}
