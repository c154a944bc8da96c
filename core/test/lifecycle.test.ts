import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src/index';
import {
  MEETING_STATUSES,
  MEETING_TRANSITION_NAMES,
  MEETING_TRANSITIONS,
  nextStatus,
  transitionsFrom,
  type MeetingStatus,
} from '../src/index';

/** The whole table, written out: a change to the lifecycle must change this test on purpose. */
const EXPECTED: Record<string, [MeetingStatus[], MeetingStatus]> = {
  schedule: [['draft', 'postponed'], 'scheduled'],
  start: [['scheduled'], 'inProgress'],
  end: [['inProgress'], 'ended'],
  submitMinutes: [['ended'], 'minutesInReview'],
  returnMinutes: [['minutesInReview'], 'ended'],
  approveMinutes: [['minutesInReview'], 'minutesApproved'],
  correctMinutes: [['minutesApproved'], 'ended'],
  archive: [['minutesApproved'], 'archived'],
  cancel: [['draft', 'scheduled', 'postponed'], 'cancelled'],
  postpone: [['scheduled'], 'postponed'],
};

describe('meeting lifecycle (state machine)', () => {
  for (const transition of MEETING_TRANSITION_NAMES) {
    const [allowedFrom, to] = EXPECTED[transition]!;
    for (const status of MEETING_STATUSES) {
      if (allowedFrom.includes(status)) {
        it(`${transition}: ${status} -> ${to}`, () => {
          expect(nextStatus(status, transition)).toBe(to);
        });
      } else {
        it(`${transition}: refused from ${status}`, () => {
          try {
            nextStatus(status, transition);
            expect.unreachable();
          } catch (error) {
            expect((error as DomainError).code).toBe('MEETING.TRANSITION_NOT_ALLOWED');
            expect((error as DomainError).params).toEqual({ transition, status });
          }
        });
      }
    }
  }

  it('has exactly the transitions listed, and cancelled and archived are final', () => {
    expect(Object.keys(MEETING_TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(transitionsFrom('cancelled')).toEqual([]);
    expect(transitionsFrom('archived')).toEqual([]);
  });

  it('requires a reason to cancel, postpone, return or correct, and only those', () => {
    const withReason = MEETING_TRANSITION_NAMES.filter((name) => MEETING_TRANSITIONS[name].reason);
    expect(withReason.sort()).toEqual(['cancel', 'correctMinutes', 'postpone', 'returnMinutes']);
  });
});
