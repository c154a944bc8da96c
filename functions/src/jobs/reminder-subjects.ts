import {
  assignmentReminderSubject,
  meetingReminderSubject,
  type ReminderPolicy,
  type ReminderSubject,
} from '@qcdc/core';
import { fromAssignmentEntity } from '../store/assignment-entities';
import type { CountingTableClient } from '../store/counting-table-client';
import { keys } from '../store/keys';
import { fromMeetingEntity } from '../store/meeting-entities';

/** The aggregate behind an index row, as planning sees it now (null when it does not exist). */
export interface ReminderSubjects {
  load(stored: ReminderSubject): Promise<ReminderSubject | null>;
}

/**
 * Point reads of the aggregate (one entity), through the counting table layer so the sweep's cost
 * includes its checks. Meetings: the summoned list is taken from the row (membership changes do not
 * recall an agenda reminder); start time, status, minutes state and chair come from the meeting.
 */
export class TableReminderSubjects implements ReminderSubjects {
  constructor(
    private readonly assignments: CountingTableClient,
    private readonly meetings: CountingTableClient,
    private readonly policy: ReminderPolicy,
  ) {}

  async load(stored: ReminderSubject): Promise<ReminderSubject | null> {
    const partitionKey = keys.tenantBody(stored.tenantId, stored.bodyId);
    if (stored.type === 'assignment') {
      const row = await this.assignments.get(partitionKey, keys.assignmentRow(stored.id));
      return row ? assignmentReminderSubject(fromAssignmentEntity(row), this.policy) : null;
    }
    const row = await this.meetings.get(partitionKey, keys.meetingRow(stored.id));
    return row ? meetingReminderSubject(fromMeetingEntity(row), stored.summoned) : null;
  }
}
