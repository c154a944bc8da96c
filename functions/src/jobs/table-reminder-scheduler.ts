import {
  assignmentReminderSubject,
  citizenCaseReminderSubject,
  disclosureReminderSubject,
  recommendationReminderSubject,
  meetingReminderSubject,
  reminderFingerprint,
  scheduledReminders,
  voteReminderSubject,
  type Clock,
  type PlanContext,
  type PlannedReminder,
  type ReminderChange,
  type ReminderScheduler,
  type ReminderSubject,
  type ReminderTicket,
} from '@qcdc/core';
import type { Logger } from '../logger';
import { dueIndexKeys, type DueIndexStore, type RowVersion } from '../store/due-index-store';
import { REMINDER_TIMING } from './reminder-timing';
import { fixedPlanContexts, type PlanContexts } from './unit-plan-contexts';

interface TableTicket extends ReminderTicket {
  readonly confirm: RowVersion[];
  readonly obsolete: RowVersion[];
}

/**
 * The due index's side of a change to an assignment, meeting, vote, Front recommendation, citizen
 * case or disclosure (core reminder-scheduler.ts).
 * prepare: rows the new state plans (and the old did not, or differently) are upserted flagged
 * `verify`; rows only the old state planned are upserted flagged too (re-created if the sweep just
 * took them, so the sweep's "plan the next one" cannot slip a stale row in unflagged).
 * confirm: new rows are unflagged and old rows deleted, each only if still the version prepare wrote.
 * Both go by due-index partition (DueIndexStore.writeGrouped / settle): entity-group transactions
 * of up to 100 rows, partitions in parallel, so the cost follows the partitions touched (at most
 * DUE_INDEX_SHARDS per due hour), not the number of people reminded.
 */
export class TableReminderScheduler implements ReminderScheduler {
  constructor(
    private readonly index: DueIndexStore,
    private readonly plan: PlanContext,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly lookbackMs = REMINDER_TIMING.lookbackMs,
    /** Per-unit policy and calendar (unit-plan-contexts.ts); `plan` alone when absent. */
    private readonly contexts: PlanContexts = fixedPlanContexts(plan),
  ) {}

  subjectOf(change: ReminderChange, which: 'previous' | 'next'): ReminderSubject | null {
    if (change.type === 'reporting') return change[which];
    if (change.type === 'recommendation') {
      const rec = which === 'next' ? change.next : change.previous;
      return rec
        ? recommendationReminderSubject(rec, change.consultation[which], change.headIds)
        : null;
    }
    if (change.type === 'case') {
      const c = which === 'next' ? change.next : change.previous;
      return c ? citizenCaseReminderSubject(c, change.headIds) : null;
    }
    if (change.type === 'disclosure') {
      const d = which === 'next' ? change.next : change.previous;
      return d ? disclosureReminderSubject(d) : null;
    }
    if (change.type === 'assignment') {
      const assignment = which === 'next' ? change.next : change.previous;
      return assignment ? assignmentReminderSubject(assignment, this.plan.policy) : null;
    }
    if (change.type === 'meeting') {
      const meeting = which === 'next' ? change.next : change.previous;
      return meeting ? meetingReminderSubject(meeting, change.summoned) : null;
    }
    const vote = which === 'next' ? change.next : change.previous;
    return vote ? voteReminderSubject(vote.motion, vote.notVoted) : null;
  }

  async prepare(change: ReminderChange): Promise<ReminderTicket> {
    const now = this.clock.now();
    const previous = this.subjectOf(change, 'previous');
    const next = this.subjectOf(change, 'next');
    const anyone = next ?? previous;
    // Both states belong to one body, so one unit: one context (the unit's settings in force today
    // and its calendar) plans both, and the rows the old state planned are found again.
    const plan = anyone
      ? await this.contexts.session(now).forSubject(anyone)
      : { ...this.plan, stamp: '' };
    const scheduled = (subject: ReminderSubject | null) =>
      subject ? scheduledReminders(subject, now, this.lookbackMs, plan) : [];
    const before = scheduled(previous);
    const after = scheduled(next);
    const id = (reminder: PlannedReminder) => `${reminder.dueAt}~${reminder.key}`;
    const beforeById = new Map(
      before.map((reminder) => [id(reminder), reminderFingerprint(reminder)]),
    );
    const afterIds = new Set(after.map(id));
    const added = after.filter(
      (reminder) => beforeById.get(id(reminder)) !== reminderFingerprint(reminder),
    );
    const removed = before.filter((reminder) => !afterIds.has(id(reminder)));
    const flags = { verify: true, markedAt: now.toISOString(), planStamp: plan.stamp };
    // One upsert transaction per due-index partition, every partition at once: a meeting's N
    // summoned members cost at most DUE_INDEX_SHARDS requests per due hour, not N.
    const written = await this.index.writeGrouped([...added, ...removed], flags);
    const isAdded = new Set(
      added.map((reminder) => dueIndexKeys.row(reminder.dueAt, reminder.key)),
    );
    // The sweep checks every vote reminder against its motion and roster whatever its flag
    // (reminder-sweep.ts), so clearing the flag of a vote's new rows would buy nothing.
    const confirm = change.type === 'vote' ? [] : written.filter((row) => isAdded.has(row.rowKey));
    const obsolete = written.filter((row) => !isAdded.has(row.rowKey));
    const ticket: TableTicket = { rows: written.length, confirm, obsolete };
    return ticket;
  }

  async confirm(ticket: ReminderTicket): Promise<void> {
    const { confirm = [], obsolete = [] } = ticket as Partial<TableTicket>;
    try {
      // Clearing flags in one transaction per partition; each row only if still prepare's version.
      await this.index.settle(confirm, obsolete);
    } catch (error) {
      // The aggregate is written; these rows stay flagged and the sweep checks them.
      this.log.warn('reminder confirm failed; rows stay flagged for the sweep', {
        error: String(error),
      });
    }
  }
}
