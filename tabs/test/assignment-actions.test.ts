import { describe, expect, it } from 'vitest';
import {
  actionNeedsReason,
  availableActions,
  awaitingMyReview,
  partiesFor,
} from '../src/assignments/assignment-actions';
import { assignmentOf, DEPUTY, HEAD, MEMBER, OBSERVER, SECRETARY } from './fixtures';

const CO_OWNER = DEPUTY;
const extensionRequest = {
  requestedDeadline: '2026-12-31',
  reason: 'Chờ số liệu của thôn',
  requestedAt: '2026-12-10T02:00:00.000Z',
  requestedBy: MEMBER,
};

/** What each person sees on one assignment: the member leads, the deputy co-owns, the secretary assigned. */
function actionsOf(userId: string, isHead: boolean, overrides = {}) {
  const assignment = assignmentOf({ coOwnerIds: [CO_OWNER], ...overrides });
  return availableActions(assignment, partiesFor(assignment, userId, isHead));
}

describe('which actions each party sees', () => {
  it('knows the parties as core does', () => {
    const a = assignmentOf({ coOwnerIds: [CO_OWNER] });
    expect([...partiesFor(a, MEMBER, false)].sort()).toEqual(['owner', 'worker']);
    expect([...partiesFor(a, CO_OWNER, false)]).toEqual(['worker']);
    expect([...partiesFor(a, SECRETARY, false)]).toEqual(['assigner']);
    expect([...partiesFor(a, HEAD, true)]).toEqual(['assigner']);
    expect([...partiesFor(a, OBSERVER, false)]).toEqual([]);
    expect([...partiesFor(a, null, false)]).toEqual([]);
  });

  it('lets the owner start, update, submit and ask for time; a co-owner only start and update', () => {
    expect(actionsOf(MEMBER, false)).toEqual(['start', 'progress', 'submit', 'requestExtension']);
    expect(actionsOf(CO_OWNER, false)).toEqual(['start', 'progress']);
    expect(actionsOf(MEMBER, false, { status: 'inProgress' })).toEqual([
      'progress',
      'submit',
      'requestExtension',
    ]);
  });

  it('lets the assigner or head judge handed-in work and cancel; nobody else', () => {
    expect(actionsOf(SECRETARY, false)).toEqual(['cancel']);
    expect(actionsOf(SECRETARY, false, { status: 'submitted' })).toEqual([
      'approveCompletion',
      'returnCompletion',
      'cancel',
    ]);
    expect(actionsOf(HEAD, true, { status: 'submitted' })).toEqual([
      'approveCompletion',
      'returnCompletion',
      'cancel',
    ]);
    // Handed in: the owner waits (may still add evidence), no more extension requests.
    expect(actionsOf(MEMBER, false, { status: 'submitted' })).toEqual(['progress']);
    expect(actionsOf(OBSERVER, false, { status: 'submitted' })).toEqual([]);
    expect(actionsOf(DEPUTY, false, { status: 'submitted', coOwnerIds: [] })).toEqual([]);
  });

  it('offers the extension decision only while a request is pending', () => {
    expect(actionsOf(SECRETARY, false, { status: 'inProgress', extensionRequest })).toEqual([
      'approveExtension',
      'rejectExtension',
      'cancel',
    ]);
    expect(actionsOf(MEMBER, false, { status: 'inProgress', extensionRequest })).toEqual([
      'progress',
      'submit',
      'requestExtension',
    ]);
  });

  it('lets a returned task start again, and closes everything once done or cancelled', () => {
    expect(actionsOf(MEMBER, false, { status: 'returned' })).toEqual([
      'start',
      'progress',
      'submit',
      'requestExtension',
    ]);
    for (const status of ['done', 'cancelled'] as const) {
      expect(actionsOf(MEMBER, false, { status })).toEqual([]);
      expect(actionsOf(HEAD, true, { status })).toEqual([]);
    }
  });

  it('asks a reason for return, cancel and rejecting an extension', () => {
    expect(
      (
        ['returnCompletion', 'cancel', 'rejectExtension', 'approveExtension', 'submit'] as const
      ).map(actionNeedsReason),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('"Chờ tôi duyệt"', () => {
  const inBcd = (id: string, overrides = {}) => assignmentOf({ id, ...overrides });
  const list = [
    inBcd('handed-in', { status: 'submitted', submittedAt: '2026-12-09T02:00:00Z' }),
    inBcd('asks-time', { status: 'inProgress', extensionRequest }),
    inBcd('working', { status: 'inProgress' }),
    inBcd('done', { status: 'done' }),
    inBcd('other-assigner', {
      status: 'submitted',
      assignedBy: DEPUTY,
      submittedAt: '2026-12-01T02:00:00Z',
    }),
  ];

  it('lists what the caller assigned, waiting the longest first', () => {
    const mine = awaitingMyReview(list, SECRETARY, () => false).map((a) => a.id);
    expect(mine).toEqual(['handed-in', 'asks-time']);
  });

  it('lists everything waiting in a body the caller heads', () => {
    const head = awaitingMyReview(list, HEAD, (bodyId) => bodyId === 'bcd').map((a) => a.id);
    expect(head).toEqual(['other-assigner', 'handed-in', 'asks-time']);
    expect(awaitingMyReview(list, HEAD, () => false)).toEqual([]);
    expect(awaitingMyReview(list, MEMBER, () => false)).toEqual([]);
  });
});
