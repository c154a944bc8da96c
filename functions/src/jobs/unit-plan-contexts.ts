import {
  reminderPolicyFor,
  settingsInForce,
  unitWorkCalendar,
  vietnamDateOf,
  type PlanContext,
  type ReminderSubject,
  type UnitHolidayYear,
  type UnitSettingsVersion,
  type WorkCalendar,
  type WorkCalendarProvider,
} from '@qcdc/core';
import {
  HOLIDAYS,
  SETTINGS,
  toHolidayYear,
  toSettingsVersion,
  unitPartition,
} from '../store/admin-unit-store';
import type { CountingTableClient } from '../store/counting-table-client';
import { keys, rowKeyRange } from '../store/keys';

/**
 * The plan context (reminder policy and working-day calendar) of one subject's unit, resolved for
 * one run: a sweep, or one change's prepare. Each unit is read once per session, however many rows
 * of it the run handles.
 */
export interface PlanContextSession {
  forSubject(subject: ReminderSubject): Promise<UnitPlanContext>;
  /** The same, for what carries only its body (an outbox message). */
  forBody(tenantId: string, bodyId: string): Promise<UnitPlanContext>;
}

/**
 * A plan context with a stamp naming what produced it: the settings version in force and the
 * unit's holiday rows. Index rows carry the stamp they were planned with; a row whose stamp is not
 * the unit's current one was planned before the unit changed its settings or days off, so the
 * sweep checks it against its aggregate before trusting it (reminder-sweep.ts). '' = defaults.
 */
export interface UnitPlanContext extends PlanContext {
  readonly stamp: string;
}

/** Hands out sessions; `now` fixes the date whose settings version is in force for the session. */
export interface PlanContexts {
  session(now: Date): PlanContextSession;
}

/** One context for every unit (tests, benches, and runtimes built without the units table). */
export function fixedPlanContexts(plan: PlanContext): PlanContexts {
  const stamped: UnitPlanContext = { ...plan, stamp: '' };
  const session: PlanContextSession = {
    forSubject: () => Promise.resolve(stamped),
    forBody: () => Promise.resolve(stamped),
  };
  return { session: () => session };
}

/** What one unit's administration partition says about planning. */
interface UnitPlanRows {
  settings: UnitSettingsVersion[];
  holidays: UnitHolidayYear[];
}

/** Entries kept per cache before it starts over (a bound on memory, not a tuning knob). */
const MAX_CACHED = 10_000;

/**
 * The per-unit plan contexts, read from the unit's administration partition (admin-unit-store.ts:
 * RowKeys `holidays~<year>` and `settings~<date>`), and the unit work calendars the case and
 * consultation use cases count deadlines with (core WorkCalendarProvider).
 *
 * Costs, per unit and session: one partition query over the RowKey range from `holidays~` to
 * `settings~~` (both kinds of rows, nothing else: no other prefix sorts between them), plus, for
 * subjects that carry only a body, one point read of the body row for its unitId (cached per body).
 * Never a scan: every read names its partition.
 *
 * Which settings version: the one in force on the session's Vietnam date (`settingsInForce`), so a
 * version dated D plans every reminder planned or chained from D on with its offsets and quiet
 * hours; rows already in the index from before D go out as planned once the sweep has checked
 * them against their aggregate (their stamp is not the unit's current one, see UnitPlanContext),
 * and each person's next row is chained with the new version. A unit with no version in force
 * keeps the base policy, and one with no holiday rows the base calendar.
 */
export class UnitPlanContexts implements PlanContexts, WorkCalendarProvider {
  /** A body never moves to another unit: its unitId is kept once read (bounded, see below). */
  private readonly unitOfBody = new Map<string, string>();
  /** Each unit's rows, shared by the sessions and calendars of the next `cacheMs`. */
  private readonly rowsOfUnit = new Map<string, { readAt: number; rows: Promise<UnitPlanRows> }>();

  /**
   * `cacheMs`: how long one read of a unit's rows serves every change and use case after it. A
   * burst (ballots cast, intakes at a reception desk) then costs one read per unit, not one per
   * write; a settings version or holiday change reaches planning within that time. Versions are
   * dated by day and one in force is never edited, so the delay can only postpone a version dated
   * today by those seconds. Sweeps run every 5 minutes, so each still reads each unit afresh.
   */
  constructor(
    private readonly units: CountingTableClient,
    private readonly bodies: CountingTableClient,
    private readonly base: PlanContext,
    private readonly cacheMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  session(now: Date): PlanContextSession {
    const on = vietnamDateOf(now);
    // The session's own maps make it read each body and unit at most once, whatever the cache.
    const unitOfBody = new Map<string, Promise<string | null>>();
    const contextOfUnit = new Map<string, Promise<UnitPlanContext>>();
    const unitIdOfBody = (tenantId: string, bodyId: string): Promise<string | null> => {
      const key = `${tenantId}|${bodyId}`;
      let found = unitOfBody.get(key);
      if (!found) {
        found = this.unitIdOfBody(tenantId, bodyId);
        // A failed read is not cached: the next row of the body tries again.
        found.catch(() => unitOfBody.delete(key));
        unitOfBody.set(key, found);
      }
      return found;
    };
    const forUnit = (tenantId: string, unitId: string | null): Promise<UnitPlanContext> => {
      if (!unitId) return Promise.resolve({ ...this.base, stamp: '' });
      const key = `${tenantId}|${unitId}`;
      let context = contextOfUnit.get(key);
      if (!context) {
        context = this.readUnit(tenantId, unitId).then((rows) => this.contextOf(rows, on));
        context.catch(() => contextOfUnit.delete(key));
        contextOfUnit.set(key, context);
      }
      return context;
    };
    return {
      forSubject: async (subject) =>
        forUnit(
          subject.tenantId,
          subject.type === 'case'
            ? subject.unitId
            : await unitIdOfBody(subject.tenantId, subject.bodyId),
        ),
      forBody: async (tenantId, bodyId) => forUnit(tenantId, await unitIdOfBody(tenantId, bodyId)),
    };
  }

  /** The unit's calendar for deadline counting (core use cases, through UseCaseDeps.calendars). */
  async forUnit(tenantId: string, unitId: string): Promise<WorkCalendar> {
    return this.calendarOf(await this.readUnit(tenantId, unitId));
  }

  private contextOf(rows: UnitPlanRows, on: string): UnitPlanContext {
    const inForce = settingsInForce(rows.settings, on);
    const policy =
      inForce.effectiveFrom === null
        ? this.base.policy
        : reminderPolicyFor(inForce.values, this.base.policy);
    // Versions in force are never edited, so their date names them; holiday rows may change, so
    // their content does (a short hash). Nothing of the unit's own: the defaults' stamp, ''.
    const stamp =
      inForce.effectiveFrom === null && rows.holidays.length === 0
        ? ''
        : `s:${inForce.effectiveFrom ?? '-'};h:${rows.holidays.length === 0 ? '-' : fnv1a(JSON.stringify(rows.holidays))}`;
    return { policy, calendar: this.calendarOf(rows), stamp };
  }

  private calendarOf(rows: UnitPlanRows): WorkCalendar {
    return rows.holidays.length === 0 ? this.base.calendar : unitWorkCalendar(rows.holidays);
  }

  private async unitIdOfBody(tenantId: string, bodyId: string): Promise<string | null> {
    const key = `${tenantId}|${bodyId}`;
    const known = this.unitOfBody.get(key);
    if (known) return known;
    const row = await this.bodies.get(keys.tenantBody(tenantId, bodyId), keys.bodyRow);
    const unitId = typeof row?.unitId === 'string' && row.unitId !== '' ? row.unitId : null;
    // Not remembered when absent: the body may be being created (its index rows come first).
    if (unitId) {
      if (this.unitOfBody.size >= MAX_CACHED) this.unitOfBody.clear();
      this.unitOfBody.set(key, unitId);
    }
    return unitId;
  }

  private readUnit(tenantId: string, unitId: string): Promise<UnitPlanRows> {
    const key = `${tenantId}|${unitId}`;
    const at = this.now();
    const cached = this.rowsOfUnit.get(key);
    if (cached && at - cached.readAt < this.cacheMs) return cached.rows;
    if (this.rowsOfUnit.size >= MAX_CACHED) this.rowsOfUnit.clear();
    const rows = this.queryUnit(tenantId, unitId);
    this.rowsOfUnit.set(key, { readAt: at, rows });
    rows.catch(() => this.rowsOfUnit.delete(key)); // a failed read is tried again next time
    return rows;
  }

  private async queryUnit(tenantId: string, unitId: string): Promise<UnitPlanRows> {
    const rows = await this.units.query({
      partitionKey: unitPartition(tenantId, unitId),
      rowKey: { ge: rowKeyRange(HOLIDAYS).from, lt: rowKeyRange(SETTINGS).to },
    });
    const settings: UnitSettingsVersion[] = [];
    const holidays: UnitHolidayYear[] = [];
    for (const row of rows) {
      const rowKey = String(row.rowKey);
      if (rowKey.startsWith(`${SETTINGS}~`)) settings.push(toSettingsVersion(row));
      else if (rowKey.startsWith(`${HOLIDAYS}~`)) holidays.push(toHolidayYear(row));
    }
    return { settings, holidays };
  }
}

/** FNV-1a (32 bits, hex): a short, stable fingerprint of the holiday rows. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
