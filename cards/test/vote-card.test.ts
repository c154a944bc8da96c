import type { Motion, MyBallot, VoteResult } from '@qcdc/core';
import { describe, expect, it } from 'vitest';
import {
  MAX_REFRESH_USERS,
  VOTE_MARKS_INPUT,
  VOTE_VERBS,
  voteCard,
  voteListCard,
  type VoteCard,
  type VoteCardData,
  type VoteCardViewer,
} from '../src/index';
import { loadAdaptiveCards, libraryIssues } from './support/adaptivecards-library';

/** The reference parser (a devDependency of this workspace). */
const library = await loadAdaptiveCards();

const CHAIR = 'chair-aad';
const SECRETARY = 'secretary-aad';
const VOTER = 'voter-aad';
const SUBMISSION = '6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';

const motion: VoteCardData['motion'] = {
  id: 'mo-01',
  bodyId: 'bcd-chi-lang',
  meetingId: 'm-01',
  kind: 'motion',
  question: 'Thông qua kế hoạch thực hiện dân chủ ở cơ sở năm 2027',
  description: 'Dự thảo do Văn phòng trình.',
  choices: [
    { id: 'for', label: 'Tán thành', role: 'for' },
    { id: 'against', label: 'Không tán thành', role: 'against' },
    { id: 'abstain', label: 'Không biểu quyết', role: 'abstain' },
  ],
  maxMarks: 1,
  method: 'open',
  mode: 'electronic',
  allowChange: true,
  status: 'open',
  statusReason: undefined,
  closesAt: undefined,
  result: undefined,
};

const election: VoteCardData['motion'] = {
  ...motion,
  id: 'el-01',
  kind: 'election',
  question: 'Bầu Ban Thanh tra nhân dân xã nhiệm kỳ 2027-2029',
  description: undefined,
  choices: ['Nguyễn Văn An', 'Lê Thị Bình', 'Trần Văn Cường', 'Phạm Thị Dung'].map((label, i) => ({
    id: `c${i + 1}`,
    label,
    role: 'candidate' as const,
  })),
  maxMarks: 3,
  method: 'secret',
  allowChange: false,
};

const base: VoteCardData = {
  motion,
  meetingTitle: 'Hội nghị cán bộ, công chức năm 2027',
  turnout: { voted: 12, eligible: 30 },
  runnerIds: [CHAIR, SECRETARY],
  pendingVoterIds: [VOTER, 'v2', 'v3'],
  panelUrl: 'https://qcdc.example.gov.vn/meetings/bcd-chi-lang/m-01/panel',
};

const notVoted: MyBallot = { eligible: true, status: 'notVoted' };
const votedFor: MyBallot = {
  eligible: true,
  status: 'voted',
  marks: ['for'],
  castAt: '2026-12-15T02:00:00.000Z',
};
const votedSecret: MyBallot = {
  eligible: true,
  status: 'voted',
  castAt: '2026-12-15T02:00:00.000Z',
};
const person = (
  userId: string,
  ballot: MyBallot,
  runs = false,
): Extract<VoteCardViewer, { kind: 'person' }> => ({
  kind: 'person',
  userId,
  runs,
  ballot,
  submissionId: SUBMISSION,
});

const result: VoteResult = {
  source: 'electronic',
  tally: { counts: { for: 20, against: 5, abstain: 3 }, ballotsCast: 28, blank: 0, invalid: 0 },
  decision: {
    kind: 'motion',
    outcome: 'adopted',
    choiceId: 'for',
    count: 20,
    base: 30,
    required: 16,
    reason: {
      code: 'thresholdMet',
      text: {
        vi: '20 tán thành trên 30 người dự, đạt quá 1/2 (Luật 10/2022 Điều 51).',
        en: '20 for out of 30 attendees: more than 1/2 (Law 10/2022 Art. 51).',
      },
    },
  },
  electorate: { eligible: 30, present: 30, summoned: 32 },
  turnout: { voted: 28, pending: 0 },
  announcedAt: '2026-12-15T03:00:00.000Z',
  announcedBy: CHAIR,
};
const closed: VoteCardData = {
  ...base,
  motion: { ...motion, status: 'closed', result } as Motion,
  turnout: undefined,
  pendingVoterIds: [],
};

const variants: [string, VoteCard][] = (['vi', 'en'] as const).flatMap((locale) => [
  [`shared ${locale}`, voteCard(locale, base, { kind: 'shared' })],
  [`voter pending ${locale}`, voteCard(locale, base, person(VOTER, notVoted))],
  [`voter voted open ${locale}`, voteCard(locale, base, person(VOTER, votedFor))],
  [`chair ${locale}`, voteCard(locale, base, person(CHAIR, notVoted, true))],
  [
    `observer ${locale}`,
    voteCard(locale, base, person('obs', { eligible: false, status: 'notVoted' })),
  ],
  [
    `election pending ${locale}`,
    voteCard(locale, { ...base, motion: election }, person(VOTER, notVoted)),
  ],
  [
    `election voted ${locale}`,
    voteCard(locale, { ...base, motion: election }, person(VOTER, votedSecret)),
  ],
  [`closed ${locale}`, voteCard(locale, closed, { kind: 'shared' })],
  [`closed chair ${locale}`, voteCard(locale, closed, person(CHAIR, votedFor, true))],
]);

const text = (card: unknown) => JSON.stringify(card);

/** Every Action.Execute of a card, wherever it sits (card actions, ActionSets, refresh). */
function executeActions(node: unknown, found: Record<string, unknown>[] = []) {
  if (Array.isArray(node)) for (const item of node) executeActions(item, found);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute') found.push(record);
    for (const [key, value] of Object.entries(record))
      if (key !== 'fallback') executeActions(value, found);
  }
  return found;
}

describe('vote card: Adaptive Card 1.5', () => {
  it.skipIf(!library).each(variants)(
    '%s parses with the adaptivecards library without issues',
    (_name, card) => {
      expect(libraryIssues(library!, card)).toEqual([]);
    },
  );

  it.each(variants)(
    '%s: every Action.Execute falls back to Action.Submit with its verb',
    (_n, card) => {
      const actions = executeActions(card);
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(action.fallback).toMatchObject({
          type: 'Action.Submit',
          title: action.title,
          data: { ...(action.data as object), verb: action.verb },
        });
      }
    },
  );

  it.each(variants)('%s survives a JSON round trip unchanged', (_name, card) => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe('vote card: views', () => {
  it('the refresh reaches the chair, the secretary, then voters still to cast, at most 60', () => {
    const many = Array.from({ length: 100 }, (_, i) => `voter-${i}`);
    const card = voteCard(
      'vi',
      { ...base, pendingVoterIds: [SECRETARY, ...many] },
      { kind: 'shared' },
    );
    expect(card.refresh.userIds).toHaveLength(MAX_REFRESH_USERS);
    expect(card.refresh.userIds.slice(0, 3)).toEqual([CHAIR, SECRETARY, 'voter-0']);
    expect(new Set(card.refresh.userIds).size).toBe(MAX_REFRESH_USERS);
    expect(card.refresh.action).toMatchObject({
      verb: VOTE_VERBS.refresh,
      data: { bodyId: 'bcd-chi-lang', meetingId: 'm-01', motionId: 'mo-01' },
    });
  });

  it('shared: the question, turnout and "open my ballot", no choice buttons', () => {
    const card = voteCard('vi', base, { kind: 'shared' });
    expect(text(card)).toContain(motion.question);
    expect(text(card)).toContain('Đã bỏ phiếu: 12/30');
    expect(card.actions?.map((action) => action.title)).toEqual([
      'Mở phiếu của tôi',
      'Mở trong ứng dụng',
    ]);
    expect(executeActions(card.body)).toEqual([]);
    expect(text(voteCard('en', base, { kind: 'shared' }))).toContain('Open my ballot');
  });

  it('a voter yet to cast: one button per choice carrying the voter, submission id and choice', () => {
    const card = voteCard('vi', base, person(VOTER, notVoted));
    const buttons = executeActions(card.body);
    expect(buttons.map((button) => button.title)).toEqual([
      'Tán thành',
      'Không tán thành',
      'Không biểu quyết',
    ]);
    expect(buttons[1]).toMatchObject({
      verb: VOTE_VERBS.cast,
      associatedInputs: 'none',
      data: {
        bodyId: 'bcd-chi-lang',
        meetingId: 'm-01',
        motionId: 'mo-01',
        voter: VOTER,
        submissionId: SUBMISSION,
        choice: 'against',
      },
    });
    expect(card.actions?.map((action) => action.title)).toEqual(['Mở trong ứng dụng']);
  });

  it('an open ballot after casting: the recorded choice and, when allowed, the change buttons', () => {
    const card = voteCard('vi', base, person(VOTER, votedFor));
    expect(text(card)).toContain('Bạn đã chọn: Tán thành');
    expect(executeActions(card.body)).toHaveLength(3);
    const fixed = voteCard(
      'vi',
      { ...base, motion: { ...motion, allowChange: false } },
      person(VOTER, votedFor),
    );
    expect(text(fixed)).toContain('Bạn đã chọn: Tán thành');
    expect(executeActions(fixed.body)).toEqual([]);
  });

  it('a secret ballot after casting: only "Đã bỏ phiếu", never the choice', () => {
    const secret = {
      ...base,
      motion: { ...motion, method: 'secret' as const, allowChange: false },
    };
    const card = voteCard('vi', secret, person(VOTER, votedSecret));
    expect(text(card)).toContain('"Đã bỏ phiếu"');
    expect(text(card)).not.toContain('Bạn đã chọn');
    expect(executeActions(card.body)).toEqual([]);
    expect(text(voteCard('en', secret, person(VOTER, votedSecret)))).toContain('"Voted"');
  });

  it('an election: a multi-select of candidates honouring "at most N", and one cast button', () => {
    const card = voteCard('vi', { ...base, motion: election }, person(VOTER, notVoted));
    const picker = card.body.find((element) => element.type === 'Input.ChoiceSet');
    expect(picker).toMatchObject({
      id: VOTE_MARKS_INPUT,
      isMultiSelect: true,
      choices: [
        { title: 'Nguyễn Văn An', value: 'c1' },
        { title: 'Lê Thị Bình', value: 'c2' },
        { title: 'Trần Văn Cường', value: 'c3' },
        { title: 'Phạm Thị Dung', value: 'c4' },
      ],
    });
    expect(text(card)).toContain('Chọn tối đa 3 người');
    const [button] = executeActions(card.body);
    expect(button).toMatchObject({ verb: VOTE_VERBS.cast, title: 'Bỏ phiếu' });
    expect((button!.data as Record<string, unknown>).choice).toBeUndefined();
  });

  it('the chair: turnout and the close button besides their own ballot', () => {
    const card = voteCard('vi', base, person(CHAIR, notVoted, true));
    expect(text(card)).toContain('Đã bỏ phiếu: 12/30');
    expect(card.actions?.[0]).toMatchObject({
      title: 'Kết thúc biểu quyết',
      verb: VOTE_VERBS.close,
      data: { bodyId: 'bcd-chi-lang', meetingId: 'm-01', motionId: 'mo-01' },
    });
    expect(executeActions(card.body)).toHaveLength(3);
  });

  it('an observer (not on the roster): read-only', () => {
    const card = voteCard('vi', base, person('obs', { eligible: false, status: 'notVoted' }));
    expect(text(card)).toContain('Bạn không có trong danh sách biểu quyết lần này');
    expect(executeActions(card.body)).toEqual([]);
    expect(card.actions?.map((action) => action.type)).toEqual(['Action.OpenUrl']);
  });

  it('closed: the result for everyone (outcome, reason, tallies), no ballot, no close', () => {
    for (const card of [
      voteCard('vi', closed, { kind: 'shared' }),
      voteCard('vi', closed, person(CHAIR, votedFor, true)),
      voteCard('vi', closed, person(VOTER, notVoted)),
    ]) {
      expect(text(card)).toContain('Kết quả: Thông qua');
      expect(text(card)).toContain('20 tán thành trên 30 người dự');
      expect(text(card)).toContain('{"title":"Không tán thành","value":"5"}');
      expect(text(card)).toContain('{"title":"Số phiếu hợp lệ","value":"28"}');
      expect(executeActions(card.body)).toEqual([]);
      expect(card.actions?.map((action) => action.type)).toEqual(['Action.OpenUrl']);
    }
    expect(text(voteCard('en', closed, { kind: 'shared' }))).toContain('Result: Adopted');
  });

  it('the "biểu quyết" list: each open vote with "open my ballot"', () => {
    const card = voteListCard('vi', [
      {
        bodyId: 'bcd-chi-lang',
        meetingId: 'm-01',
        motionId: 'mo-01',
        question: motion.question,
        meetingTitle: base.meetingTitle,
        bodyName: 'Ban Chỉ đạo',
        kind: 'motion',
      },
    ]);
    expect(text(card)).toContain(motion.question);
    expect(executeActions(card)).toEqual([
      expect.objectContaining({
        verb: VOTE_VERBS.mine,
        data: { bodyId: 'bcd-chi-lang', meetingId: 'm-01', motionId: 'mo-01', locale: 'vi' },
      }),
    ]);
    if (library) expect(libraryIssues(library, card)).toEqual([]);
    expect(text(voteListCard('en', []))).toContain('There is no open vote in your bodies.');
  });
});
