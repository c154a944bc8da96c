import type { WorkCalendarProvider } from '../calendar/work-calendar';
import type { AssignmentRepository } from '../ports/assignment-repository';
import type { BodyRepository } from '../ports/body-repository';
import type { CaseRepository } from '../ports/case-repository';
import type { Clock } from '../ports/clock';
import type { ConsultationRepository } from '../ports/consultation-repository';
import type { DisclosureRepository } from '../ports/disclosure-repository';
import type { IdGenerator } from '../ports/id-generator';
import type { MeetingRepository } from '../ports/meeting-repository';
import type { ReminderScheduler } from '../reminders/reminder-scheduler';

/** Everything a use case may touch, passed in; no container, no globals. */
export interface UseCaseDeps {
  bodies: BodyRepository;
  meetings: MeetingRepository;
  assignments: AssignmentRepository;
  /** Optional so fakes that predate them keep compiling; their use cases require them. */
  consultations?: ConsultationRepository;
  cases?: CaseRepository;
  disclosures?: DisclosureRepository;
  clock: Clock;
  ids: IdGenerator;
  /**
   * The unit's working-day calendar for deadlines (its own days off included); without it,
   * deadlines count the national calendar.
   */
  calendars?: WorkCalendarProvider | undefined;
  /** The due index's hook around writes that move reminders (optional: tests may leave it out). */
  reminders?: ReminderScheduler | undefined;
}
