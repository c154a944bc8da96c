import type { AssignmentRepository } from '../ports/assignment-repository';
import type { BodyRepository } from '../ports/body-repository';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { MeetingRepository } from '../ports/meeting-repository';

/** Everything a use case may touch, passed in; no container, no globals. */
export interface UseCaseDeps {
  bodies: BodyRepository;
  meetings: MeetingRepository;
  assignments: AssignmentRepository;
  clock: Clock;
  ids: IdGenerator;
}
