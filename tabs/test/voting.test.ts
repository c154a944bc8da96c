import { DEFAULT_CHOICES, type VoteResult } from '@qcdc/core';
import { describe, expect, it } from 'vitest';
import type { MotionView } from '../src/api/vote-api';
import { translate } from '../src/i18n';
import {
  buildAdoption,
  buildElectionInput,
  buildMotionInput,
  invalidFieldKeys,
  type VoteFormValues,
} from '../src/voting/vote-form-values';
import {
  ballotSummary,
  barLabel,
  canManageVotes,
  electionStandings,
  ineligibleReason,
  outcomeKey,
  outcomeReason,
  shownTally,
  stageVote,
  tallyBars,
  voteControls,
} from '../src/voting/vote-view';

const CHAIR = '11111111-1111-4111-8111-111111111101';
const MEMBER = '11111111-1111-4111-8111-111111111104';

function motion(overrides: Partial<MotionView> = {}): MotionView {
  return {
    id: 'm1',
    bodyId: 'b1',
    meetingId: 'mt1',
    kind: 'motion',
    purpose: 'general',
    question: 'Thông qua kế hoạch năm 2026',
    choices: DEFAULT_CHOICES.map((c) => ({ ...c })),
    seats: 1,
    maxMarks: 1,
    method: 'open',
    mode: 'electronic',
    eligibility: 'present',
    quorumRequired: true,
    adoption: {
      threshold: { numerator: 1, denominator: 2, comparison: 'moreThan' },
      base: 'attendees',
      basis: { vi: 'Quy chế', en: 'Rules' },
    },
    allowChange: false,
    countingBoard: [],
    status: 'draft',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const adoptedResult: VoteResult = {
  source: 'electronic',
  tally: { counts: { for: 2, against: 1, abstain: 0 }, ballotsCast: 3, blank: 0, invalid: 0 },
  decision: {
    kind: 'motion',
    outcome: 'adopted',
    choiceId: 'for',
    count: 2,
    base: 3,
    required: 2,
    reason: {
      code: 'thresholdMet',
      text: { vi: '2/3 người dự tán thành, trên 1/2', en: '2 of 3 attendees for, more than 1/2' },
    },
  },
  electorate: { eligible: 3, present: 3, summoned: 5 },
  turnout: { voted: 3, pending: 0 },
  announcedAt: '2026-01-01T01:00:00.000Z',
  announcedBy: CHAIR,
};

describe('tally bars', () => {
  it('gives each choice its count and share of the hands counted', () => {
    const m = motion({ status: 'closed', result: adoptedResult });
    const tally = shownTally(m);
    expect(tally).not.toBeNull();
    expect(tallyBars(m, tally!)).toEqual([
      { id: 'for', label: 'Tán thành', count: 2, percent: 66.7 },
      { id: 'against', label: 'Không tán thành', count: 1, percent: 33.3 },
      { id: 'abstain', label: 'Không biểu quyết', count: 0, percent: 0 },
    ]);
  });

  it('takes an election share over the valid ballots, and is 0 with none', () => {
    const election = motion({
      kind: 'election',
      seats: 2,
      maxMarks: 2,
      choices: [
        { id: 'c1', label: 'An', role: 'candidate' },
        { id: 'c2', label: 'Bình', role: 'candidate' },
      ],
    });
    const bars = tallyBars(election, {
      counts: { c1: 4, c2: 2 },
      ballotsCast: 4,
      blank: 0,
      invalid: 0,
    });
    expect(bars.map((b) => b.percent)).toEqual([100, 50]);
    const empty = tallyBars(election, { counts: {}, ballotsCast: 0, blank: 0, invalid: 0 });
    expect(empty.map((b) => b.percent)).toEqual([0, 0]);
  });

  it('shows no counts for an open electronic vote, the entered ones for a room vote', () => {
    expect(shownTally(motion({ status: 'open' }))).toBeNull();
    const roomTally = {
      counts: { for: 5, against: 0, abstain: 1 },
      ballotsCast: 6,
      blank: 0,
      invalid: 0,
      version: 1,
      enteredBy: { userId: MEMBER, displayName: 'Lương Văn Bình' },
      enteredAt: '2026-01-01T00:30:00.000Z',
      confirmations: [],
    };
    expect(shownTally(motion({ status: 'open', mode: 'room', roomTally }))).toBe(roomTally);
  });

  it('names the numbers of a bar for screen readers in the user language', () => {
    const bar = { id: 'for', label: 'Tán thành', count: 2, percent: 66.7 };
    const words = (locale: 'vi' | 'en') => {
      const message = barLabel(bar, locale);
      return translate(locale, message.key, message.params);
    };
    expect(words('vi')).toBe('Tán thành: 2 phiếu (66,7%)');
    expect(words('en')).toBe('Tán thành: 2 votes (66.7%)');
  });
});

describe('result wording', () => {
  it('says adopted, with the reason in the user language', () => {
    const m = motion({ status: 'closed', result: adoptedResult });
    expect(translate('vi', outcomeKey(m)!)).toBe('Thông qua');
    expect(translate('en', outcomeKey(m)!)).toBe('Adopted');
    expect(outcomeReason(m, 'vi')).toBe('2/3 người dự tán thành, trên 1/2');
    expect(outcomeReason(m, 'en')).toBe('2 of 3 attendees for, more than 1/2');
    expect(outcomeKey(motion())).toBeNull();
  });

  it('ranks an election and reports the runoff tie', () => {
    const m = motion({
      kind: 'election',
      status: 'closed',
      seats: 2,
      maxMarks: 2,
      choices: [
        { id: 'c1', label: 'An', role: 'candidate' },
        { id: 'c2', label: 'Bình', role: 'candidate' },
        { id: 'c3', label: 'Chi', role: 'candidate' },
      ],
      result: {
        ...adoptedResult,
        decision: {
          kind: 'election',
          outcome: 'runoff',
          seats: 2,
          base: 3,
          required: 2,
          standings: [
            {
              choiceId: 'c2',
              label: 'Bình',
              votes: 2,
              rank: 2,
              overThreshold: true,
              status: 'runoff',
            },
            {
              choiceId: 'c1',
              label: 'An',
              votes: 3,
              rank: 1,
              overThreshold: true,
              status: 'elected',
            },
            {
              choiceId: 'c3',
              label: 'Chi',
              votes: 2,
              rank: 2,
              overThreshold: true,
              status: 'runoff',
            },
          ],
          elected: ['c1'],
          runoff: { choiceIds: ['c2', 'c3'], seats: 1 },
          unfilledSeats: 1,
          reason: { code: 'runoff', text: { vi: 'Bầu lại', en: 'Runoff' } },
        },
      },
    });
    expect(translate('vi', outcomeKey(m)!)).toBe('Phải bầu lại');
    const { standings, runoff } = electionStandings(m);
    expect(standings.map((s) => `${s.rank} ${s.label} ${s.status}`)).toEqual([
      '1 An elected',
      '2 Bình runoff',
      '2 Chi runoff',
    ]);
    expect(runoff).toEqual({ labels: ['Bình', 'Chi'], seats: 1 });
  });
});

describe('the caller own ballot', () => {
  it('shows the choice of an open ballot and only "voted" for a secret one', () => {
    const voted = { eligible: true, status: 'voted' as const, marks: ['for'] };
    const open = ballotSummary(motion({ status: 'open' }), voted);
    expect(translate('vi', open!.key, open!.params)).toBe('Bạn đã chọn: Tán thành');
    const secret = ballotSummary(motion({ status: 'open', method: 'secret' }), {
      eligible: true,
      status: 'voted',
    });
    expect(translate('vi', secret!.key)).toBe('Đã bỏ phiếu');
    expect(ballotSummary(motion(), { eligible: true, status: 'notVoted' })).toBeNull();
  });

  it('tells an observer and an absent member why they cannot vote', () => {
    expect(ineligibleReason(motion(), ['observer'])).toBe('vote.notEligible.observer');
    expect(ineligibleReason(motion(), ['member'])).toBe('vote.notEligible.notPresent');
    expect(ineligibleReason(motion({ eligibility: 'summoned' }), ['member'])).toBe(
      'vote.notEligible.notSummoned',
    );
  });
});

describe('which buttons a role sees', () => {
  const chair = { bodyRoles: ['head' as const], meetingRoles: ['chair' as const] };
  const member = { bodyRoles: ['member' as const], meetingRoles: [] };
  const deputy = { bodyRoles: ['deputyHead' as const], meetingRoles: [] };
  const observer = { bodyRoles: ['observer' as const], meetingRoles: [] };

  it('lets those running the room open and close, and voters cast', () => {
    expect(voteControls(motion(), chair, CHAIR)).toMatchObject({ open: true, close: false });
    expect(voteControls(motion({ status: 'open' }), chair, CHAIR)).toMatchObject({
      open: false,
      close: true,
      cast: true,
    });
    expect(voteControls(motion({ status: 'open' }), member, MEMBER)).toEqual({
      open: false,
      close: false,
      cast: true,
      enterTally: false,
      confirmTally: false,
    });
    // A deputy head drafts votes but does not run a meeting someone else chairs.
    expect(voteControls(motion(), deputy, null).open).toBe(false);
    expect(voteControls(motion({ status: 'open' }), observer, null).cast).toBe(false);
    expect(voteControls(motion({ status: 'closed' }), chair, CHAIR).close).toBe(false);
  });

  it('gives the room tally only to the counting board', () => {
    const room = motion({
      status: 'open',
      mode: 'room',
      countingBoard: [{ userId: MEMBER, displayName: 'Lương Văn Bình' }],
    });
    expect(voteControls(room, member, MEMBER)).toMatchObject({ enterTally: true, cast: false });
    expect(voteControls(room, chair, CHAIR).enterTally).toBe(false);
  });

  it('lets the leadership and the chair create votes, not members or observers', () => {
    expect(canManageVotes(chair)).toBe(true);
    expect(canManageVotes(deputy)).toBe(true);
    expect(canManageVotes({ bodyRoles: ['member'], meetingRoles: ['chair'] })).toBe(true);
    expect(canManageVotes(member)).toBe(false);
    expect(canManageVotes(observer)).toBe(false);
  });
});

describe('the stage', () => {
  const now = Date.parse('2026-01-01T01:05:00.000Z');
  it('shows the open vote first, else the one just announced', () => {
    const closed = motion({ id: 'a', status: 'closed', result: adoptedResult });
    const open = motion({ id: 'b', status: 'open' });
    expect(stageVote([closed, open], now)?.id).toBe('b');
    expect(stageVote([closed], now)?.id).toBe('a');
    expect(stageVote([closed], now + 3_600_000)).toBeNull();
    expect(stageVote([motion()], now)).toBeNull();
  });
});

describe('the create form', () => {
  const values: VoteFormValues = {
    question: '  Thông qua kế hoạch  ',
    method: 'open',
    mode: 'electronic',
    countingBoard: [],
    customChoices: false,
    options: '',
    allowChange: false,
    adoption: 'template',
    comparison: 'moreThan',
    numerator: '1',
    denominator: '2',
    base: 'attendees',
    householdCount: '',
    purpose: 'general',
    seats: '2',
    maxMarks: '',
    candidates: [MEMBER],
  };

  it('sends nothing for the template rule, a preset by name, or the custom rule', () => {
    expect(buildAdoption(values)).toBeUndefined();
    expect(buildAdoption({ ...values, adoption: 'staffConference' })).toEqual({
      preset: 'staffConference',
    });
    expect(
      buildAdoption({
        ...values,
        adoption: 'custom',
        comparison: 'atLeast',
        numerator: '2',
        denominator: '3',
        base: 'allHouseholds',
        householdCount: '120',
      }),
    ).toEqual({
      threshold: { numerator: 2, denominator: 3, comparison: 'atLeast' },
      base: 'allHouseholds',
      householdCount: 120,
    });
  });

  it('builds a motion with default or custom choices and an election from members', () => {
    expect(buildMotionInput(values, undefined)).toEqual({
      question: 'Thông qua kế hoạch',
      method: 'open',
      mode: 'electronic',
    });
    expect(
      buildMotionInput(
        { ...values, customChoices: true, options: 'Phương án A\n\nPhương án B' },
        undefined,
      ).choices,
    ).toEqual([
      { label: 'Phương án A', role: 'option' },
      { label: 'Phương án B', role: 'option' },
    ]);
    const election = buildElectionInput(
      { ...values, method: 'secret' },
      [{ userId: MEMBER, displayName: 'Lương Văn Bình', title: 'Chủ tịch', roles: ['member'] }],
      undefined,
    );
    expect(election).toMatchObject({
      seats: 2,
      candidates: [{ name: 'Lương Văn Bình', userId: MEMBER }],
    });
  });

  it('names the refused fields once each', () => {
    expect(
      invalidFieldKeys([{ path: ['question'] }, { path: ['question'] }, { path: [] }]),
    ).toEqual(['vote.form.question', 'vote.form.adoption']);
  });
});
