import {
  assignmentReminderSubject,
  citizenCaseReminderSubject,
  disclosureReminderSubject,
  meetingReminderSubject,
  recommendationReminderSubject,
  voteReminderSubject,
  type ReminderPolicy,
  type ReminderSubject,
  type VoteReminderSubject,
} from '@qcdc/core';
import { fromAssignmentEntity } from '../store/assignment-entities';
import { fromCaseEntity } from '../store/case-entities';
import { caseKeys } from '../store/case-keys';
import {
  consultationKeys,
  fromConsultationEntity,
  fromRecommendationEntity,
} from '../store/consultation-entities';
import { disclosureKeys, fromDisclosureEntity } from '../store/disclosure-entities';
import type { CountingTableClient } from '../store/counting-table-client';
import { keys } from '../store/keys';
import { fromMeetingEntity } from '../store/meeting-entities';
import { fromMotionEntity, fromVoterEntity, voteKeys } from '../store/vote-entities';

/** The Front, case and disclosure tables (optional for callers that predate them). */
export interface FrontTables {
  consultations?: CountingTableClient | undefined;
  cases?: CountingTableClient | undefined;
  disclosures?: CountingTableClient | undefined;
}

/** The aggregate behind an index row, as planning sees it now (null when it does not exist). */
export interface ReminderSubjects {
  load(stored: ReminderSubject): Promise<ReminderSubject | null>;
}

/**
 * Point reads of the aggregate (one entity), through the counting table layer so the sweep's cost
 * includes its checks. Meetings: the summoned list is taken from the row (membership changes do not
 * recall an agenda reminder); start time, status, minutes state and chair come from the meeting.
 * Votes: the motion row (open? same electorate and closing time?) and, for each voter the row names
 * (one: rows are narrowed to their recipient), that voter's roster row: still not voted, not sealed.
 */
export class TableReminderSubjects implements ReminderSubjects {
  constructor(
    private readonly assignments: CountingTableClient,
    private readonly meetings: CountingTableClient,
    private readonly policy: ReminderPolicy,
    private readonly votes?: CountingTableClient,
    private readonly front: FrontTables = {},
  ) {}

  async load(stored: ReminderSubject): Promise<ReminderSubject | null> {
    const partitionKey = keys.tenantBody(stored.tenantId, stored.bodyId);
    switch (stored.type) {
      case 'assignment': {
        const row = await this.assignments.get(partitionKey, keys.assignmentRow(stored.id));
        return row ? assignmentReminderSubject(fromAssignmentEntity(row), this.policy) : null;
      }
      case 'vote':
        return this.loadVote(stored);
      case 'meeting': {
        const row = await this.meetings.get(partitionKey, keys.meetingRow(stored.id));
        return row ? meetingReminderSubject(fromMeetingEntity(row), stored.summoned) : null;
      }
      case 'recommendation': {
        // Two point reads in the body's partition: the recommendation and its consultation
        // (a closed consultation ends its reminders). Heads are the ones stored at planning.
        const table = this.front.consultations;
        if (!table) return null;
        const [recRow, consultationRow] = await Promise.all([
          table.get(
            partitionKey,
            consultationKeys.recommendationRow(stored.consultationId, stored.id),
          ),
          table.get(partitionKey, consultationKeys.consultationRow(stored.consultationId)),
        ]);
        if (!recRow || !consultationRow) return null;
        return recommendationReminderSubject(
          fromRecommendationEntity(recRow),
          fromConsultationEntity(consultationRow),
          stored.heads,
        );
      }
      case 'case': {
        const table = this.front.cases;
        if (!table) return null;
        const row = await table.get(
          caseKeys.tenantUnit(stored.tenantId, stored.unitId),
          caseKeys.caseRow(stored.bodyId, stored.id),
        );
        return row ? citizenCaseReminderSubject(fromCaseEntity(row), stored.heads) : null;
      }
      case 'disclosure': {
        const table = this.front.disclosures;
        if (!table) return null;
        const row = await table.get(partitionKey, disclosureKeys.disclosureRow(stored.id));
        return row ? disclosureReminderSubject(fromDisclosureEntity(row)) : null;
      }
      case 'reporting':
        // A calendar, not an aggregate: the stored series is the truth (reporting-reminders.ts).
        return stored;
      default: {
        const unknown: never = stored;
        throw new RangeError(`Unknown reminder subject ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async loadVote(stored: VoteReminderSubject): Promise<ReminderSubject | null> {
    if (!this.votes) return null;
    const votes = this.votes;
    const motionRow = await votes.get(
      voteKeys.bodyPartition(stored.tenantId, stored.bodyId),
      voteKeys.motionRow(stored.meetingId, stored.id),
    );
    if (!motionRow) return null;
    const motion = fromMotionEntity(motionRow);
    if (motion.status !== 'open' || motion.electorate?.id !== stored.electorateId) {
      return voteReminderSubject(motion, []);
    }
    const electorate = {
      tenantId: stored.tenantId,
      bodyId: stored.bodyId,
      meetingId: stored.meetingId,
      motionId: stored.id,
      electorateId: stored.electorateId,
    };
    // Point reads of the named voters' roster rows (never a scan of the roster).
    const notVoted = await Promise.all(
      stored.notVoted.map(async (userId) => {
        const row = await votes.get(voteKeys.voterPartition(electorate), voteKeys.voterRow(userId));
        if (!row) return null;
        const voter = fromVoterEntity(row);
        return voter.state === 'eligible' && !voter.sealed ? userId : null;
      }),
    );
    return voteReminderSubject(
      motion,
      notVoted.filter((id): id is string => id !== null),
    );
  }
}
