import type {
  AuditEvent,
  Body,
  BodyRepository,
  Clock,
  Member,
  ReminderScheduler,
  ReportingReminderSubject,
  RosterChange,
} from '@qcdc/core';
import type { Logger } from '../logger';
import type { BodyAdminChange } from '../store/body-store';
import { planReportingReminders, reportingSubjectOf } from './reporting-reminders';

/** The writes that change who a body's head(s) and secretary(ies) are. */
export interface PeopleWrites {
  createBody(body: Body, members: Member[], event: AuditEvent): Promise<void>;
  commitAdminChange(change: BodyAdminChange): Promise<void>;
  commitRosterChange?(change: RosterChange): Promise<{ etag: string }>;
}

/**
 * Plans a body's reporting reminders (reporting-reminders.ts) whenever its people change, as a
 * decorator of the body repository: body creation and administrative member changes
 * (http/admin-routes.ts) and roster sync (core roster-use-cases.ts) all write through
 * `createBody`/`commitAdminChange`/`commitRosterChange`, so every path is covered without those
 * callers knowing.
 *
 * Why the series is read before the write as well as after: the scheduler drops the index rows only
 * the old series planned (a head or secretary who is no longer one), which it can do only when told
 * what that series was. Reporting rows are not checked against an aggregate by the sweep (the
 * stored series is the truth), so this is what keeps a removed person from being reminded.
 *
 * Planning runs after the body's write succeeded (a refused change plans nothing) and never fails
 * the request: the change is already stored; a planning failure is logged and the next change of
 * the body's people plans again.
 */
export function withReportingReminders<T extends BodyRepository & PeopleWrites>(
  bodies: T,
  deps: { clock: Clock; reminders: ReminderScheduler | undefined; log: Logger },
): T {
  const { reminders } = deps;
  if (!reminders) return bodies;
  /** The series before the write; a failed read plans from nothing rather than block the write. */
  const before = (tenantId: string, bodyId: string) =>
    reportingSubjectOf({ bodies, clock: deps.clock }, tenantId, bodyId).catch(() => null);

  const replan = async (
    tenantId: string,
    bodyId: string,
    previous: ReportingReminderSubject | null,
    onlyIfChanged = false,
  ): Promise<void> => {
    try {
      if (onlyIfChanged) {
        const next = await reportingSubjectOf({ bodies, clock: deps.clock }, tenantId, bodyId);
        if (sameSeries(previous, next)) return;
      }
      // Planned even when the people are the same: a body from before this hook gets its series
      // on its first change (the writes are upserts of the same rows).
      await planReportingReminders(
        { bodies, clock: deps.clock, reminders },
        tenantId,
        bodyId,
        previous,
      );
    } catch (error) {
      deps.log.warn('reporting reminders: planning after a change of people failed', {
        tenantId,
        bodyId,
        error: String(error),
      });
    }
  };

  const createBody: PeopleWrites['createBody'] = async (body, members, event) => {
    await bodies.createBody(body, members, event);
    await replan(body.tenantId, body.id, null);
  };

  const commitAdminChange: PeopleWrites['commitAdminChange'] = async (change) => {
    const peopleChange =
      (change.putMembers?.length ?? 0) > 0 || (change.deleteMembers?.length ?? 0) > 0;
    // A rename alone changes no one's duty (the series names no body).
    if (!peopleChange) return bodies.commitAdminChange(change);
    const previous = await before(change.tenantId, change.bodyId);
    await bodies.commitAdminChange(change);
    await replan(change.tenantId, change.bodyId, previous);
  };

  const overrides: Partial<PeopleWrites> = { createBody, commitAdminChange };
  const commitRoster = bodies.commitRosterChange?.bind(bodies);
  if (commitRoster) {
    overrides.commitRosterChange = async (change) => {
      const previous = await before(change.tenantId, change.bodyId);
      const result = await commitRoster(change);
      // The roster grants only member/observer and never removes anyone, so a sync rarely moves
      // a head or secretary: the index is written only when the series did change (a large
      // roster commits in many batches; each would otherwise rewrite the same rows).
      await replan(change.tenantId, change.bodyId, previous, true);
      return result;
    };
  }

  return new Proxy(bodies, {
    get(target, property, receiver) {
      if (Object.prototype.hasOwnProperty.call(overrides, property)) {
        return (overrides as Record<PropertyKey, unknown>)[property];
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** Same duties and the same people: the index already holds this series. */
function sameSeries(
  a: ReportingReminderSubject | null,
  b: ReportingReminderSubject | null,
): boolean {
  if (a === null || b === null) return a === b;
  const people = (s: ReportingReminderSubject) => [...s.workers].sort().join('|');
  return (
    a.fromYear === b.fromYear &&
    a.duties.join('|') === b.duties.join('|') &&
    people(a) === people(b)
  );
}
