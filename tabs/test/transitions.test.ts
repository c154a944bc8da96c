import { describe, expect, it } from 'vitest';
import { allowedTransitions, needsReason } from '../src/meeting-panel/transitions';
import { DEPUTY, HEAD, MEMBER, meetingAt, OBSERVER, SECRETARY } from './fixtures';

describe('the lifecycle buttons a caller sees', () => {
  it('offers the scheduled meeting to those who run it and to those who schedule it', () => {
    const scheduled = meetingAt('scheduled');
    // The head chairs: start (meeting.run) and postpone/cancel (meeting.schedule).
    expect(allowedTransitions(scheduled, ['head'], HEAD)).toEqual(['start', 'cancel', 'postpone']);
    expect(allowedTransitions(scheduled, ['secretary'], SECRETARY)).toEqual([
      'start',
      'cancel',
      'postpone',
    ]);
    // A deputy head may reschedule but does not run a meeting someone else chairs.
    expect(allowedTransitions(scheduled, ['deputyHead'], DEPUTY)).toEqual(['cancel', 'postpone']);
    expect(allowedTransitions(scheduled, ['member'], MEMBER)).toEqual([]);
    expect(allowedTransitions(scheduled, ['observer'], OBSERVER)).toEqual([]);
  });

  it('lets only the meeting secretary submit, and only the chair approve or return', () => {
    expect(allowedTransitions(meetingAt('ended'), ['secretary'], SECRETARY)).toEqual([
      'submitMinutes',
    ]);
    expect(allowedTransitions(meetingAt('ended'), ['head'], HEAD)).toEqual([]);
    const inReview = meetingAt('minutesInReview', { status: 'inReview' });
    expect(allowedTransitions(inReview, ['head'], HEAD)).toEqual([
      'returnMinutes',
      'approveMinutes',
    ]);
    expect(allowedTransitions(inReview, ['secretary'], SECRETARY)).toEqual([]);
    // The body's head is not the approver of a meeting someone else chairs.
    expect(allowedTransitions({ ...inReview, chairId: DEPUTY }, ['head'], HEAD)).toEqual([]);
  });

  it('gives nothing by meeting role until the caller is known', () => {
    expect(allowedTransitions(meetingAt('inProgress'), [], null)).toEqual([]);
    expect(allowedTransitions(meetingAt('inProgress'), [], SECRETARY)).toEqual(['end']);
  });

  it('asks a reason for cancel, postpone, return and correct only', () => {
    expect(
      (
        [
          'cancel',
          'postpone',
          'returnMinutes',
          'correctMinutes',
          'start',
          'approveMinutes',
        ] as const
      ).map(needsReason),
    ).toEqual([true, true, true, true, false, false]);
  });
});
