import { describe, expect, it } from 'vitest';
import {
  MINUTES_CONCLUSIONS_MAX,
  MINUTES_VERBS,
  minutesApprovalCard,
  type MinutesApprovalCard,
  type MinutesApprovalData,
} from '../src/index';
import { loadAdaptiveCards, libraryIssues } from './support/adaptivecards-library';

/** The reference parser (a devDependency of this workspace). */
const library = await loadAdaptiveCards();

const CHAIR = 'chair-aad-id';
const MEMBER = 'member-aad-id';

const pending: MinutesApprovalData = {
  bodyId: 'bcd-chi-lang',
  meetingId: 'm-01',
  version: 7,
  title: 'Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở quý IV năm 2026',
  // 01:00 UTC is 08:00 in Vietnam.
  startsAt: '2026-12-15T01:00:00.000Z',
  chairId: CHAIR,
  chairName: 'Trần Văn Minh',
  submittedByName: 'Phạm Thị Thu',
  edition: 1,
  conclusions: 'Giao Văn phòng tổng hợp ý kiến, báo cáo trước ngày 20/12/2026.',
  decision: { kind: 'pending' },
  panelUrl: 'https://qcdc.example.gov.vn/meetings/bcd-chi-lang/m-01/panel',
};
const approved: MinutesApprovalData = {
  ...pending,
  version: 8,
  decision: { kind: 'approved', at: '2026-12-16T02:30:00.000Z', byName: 'Trần Văn Minh' },
};
const returned: MinutesApprovalData = {
  ...pending,
  version: 8,
  decision: { kind: 'returned', comment: 'Bổ sung ý kiến của đại biểu về mục 2' },
};

const variants: [string, MinutesApprovalCard][] = (['vi', 'en'] as const).flatMap((locale) => [
  [`chair ${locale}`, minutesApprovalCard(locale, pending, { userId: CHAIR })],
  [`member ${locale}`, minutesApprovalCard(locale, pending, { userId: MEMBER })],
  [`unknown viewer ${locale}`, minutesApprovalCard(locale, pending, { userId: null })],
  [`approved ${locale}`, minutesApprovalCard(locale, approved, { userId: CHAIR })],
  [`returned ${locale}`, minutesApprovalCard(locale, returned, { userId: CHAIR })],
  [
    `no link ${locale}`,
    minutesApprovalCard(locale, { ...pending, panelUrl: undefined }, { userId: CHAIR }),
  ],
  [
    `no conclusions ${locale}`,
    minutesApprovalCard(locale, { ...pending, conclusions: ' ' }, { userId: MEMBER }),
  ],
]);

/** Every Action.Execute in a card, the refresh action included. */
function executeActions(card: MinutesApprovalCard) {
  const actions: Record<string, unknown>[] = [
    card.refresh.action as unknown as Record<string, unknown>,
  ];
  for (const action of card.actions ?? [])
    actions.push(action as unknown as Record<string, unknown>);
  return actions.filter((action) => action.type === 'Action.Execute');
}

describe('minutes approval card: Adaptive Card 1.5', () => {
  it.skipIf(!library).each(variants)(
    '%s parses with the adaptivecards library without issues',
    (_name, card) => {
      expect(libraryIssues(library!, card)).toEqual([]);
    },
  );

  it.each(variants)('%s refreshes for the chair only, with the card data', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(card.refresh.userIds).toEqual([CHAIR]);
    expect(card.refresh.action).toMatchObject({
      type: 'Action.Execute',
      verb: MINUTES_VERBS.refresh,
      data: { bodyId: 'bcd-chi-lang', meetingId: 'm-01' },
    });
  });

  it.each(variants)(
    '%s: every Action.Execute falls back to Action.Submit with the same data and verb',
    (_name, card) => {
      for (const action of executeActions(card)) {
        expect(action.fallback).toEqual({
          type: 'Action.Submit',
          title: action.title,
          data: { ...(action.data as object), verb: action.verb },
          ...(action.associatedInputs ? { associatedInputs: action.associatedInputs } : {}),
        });
      }
    },
  );

  it.each(variants)('%s survives a JSON round trip unchanged', (_name, card) => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe('minutes approval card: variants', () => {
  it('the chair, while pending: approve (no inputs) and return (required comment)', () => {
    expect(minutesApprovalCard('vi', pending, { userId: CHAIR })).toMatchInlineSnapshot(`
      {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "actions": [
          {
            "associatedInputs": "none",
            "data": {
              "bodyId": "bcd-chi-lang",
              "meetingId": "m-01",
              "version": 7,
            },
            "fallback": {
              "associatedInputs": "none",
              "data": {
                "bodyId": "bcd-chi-lang",
                "meetingId": "m-01",
                "verb": "qcdc.minutes.approve",
                "version": 7,
              },
              "title": "Duyệt biên bản",
              "type": "Action.Submit",
            },
            "title": "Duyệt biên bản",
            "type": "Action.Execute",
            "verb": "qcdc.minutes.approve",
          },
          {
            "data": {
              "bodyId": "bcd-chi-lang",
              "meetingId": "m-01",
              "version": 7,
            },
            "fallback": {
              "data": {
                "bodyId": "bcd-chi-lang",
                "meetingId": "m-01",
                "verb": "qcdc.minutes.return",
                "version": 7,
              },
              "title": "Trả lại",
              "type": "Action.Submit",
            },
            "title": "Trả lại",
            "type": "Action.Execute",
            "verb": "qcdc.minutes.return",
          },
          {
            "title": "Mở biên bản trong ứng dụng",
            "type": "Action.OpenUrl",
            "url": "https://qcdc.example.gov.vn/meetings/bcd-chi-lang/m-01/panel",
          },
        ],
        "body": [
          {
            "size": "Large",
            "style": "heading",
            "text": "Biên bản chờ duyệt",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "text": "Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở quý IV năm 2026",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "facts": [
              {
                "title": "Thời gian họp",
                "value": "08:00 ngày 15/12/2026",
              },
              {
                "title": "Chủ trì",
                "value": "Trần Văn Minh",
              },
              {
                "title": "Người trình",
                "value": "Phạm Thị Thu",
              },
              {
                "title": "Lần lập",
                "value": "Bản thứ 1",
              },
            ],
            "type": "FactSet",
          },
          {
            "separator": true,
            "spacing": "Medium",
            "text": "Kết luận",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "text": "Giao Văn phòng tổng hợp ý kiến, báo cáo trước ngày 20/12/2026.",
            "type": "TextBlock",
            "wrap": true,
          },
          {
            "items": [
              {
                "text": "Chờ chủ trì duyệt",
                "type": "TextBlock",
                "weight": "Bolder",
                "wrap": true,
              },
            ],
            "spacing": "Medium",
            "style": "accent",
            "type": "Container",
          },
          {
            "spacing": "Medium",
            "text": "Bạn là chủ trì cuộc họp: hãy duyệt biên bản, hoặc trả lại cho thư ký kèm lý do.",
            "type": "TextBlock",
            "wrap": true,
          },
          {
            "errorMessage": "Hãy ghi lý do trả lại biên bản.",
            "id": "comment",
            "isMultiline": true,
            "isRequired": true,
            "label": "Lý do trả lại (bắt buộc khi trả lại)",
            "maxLength": 1000,
            "placeholder": "Ví dụ: bổ sung ý kiến của đại biểu về mục 2",
            "type": "Input.Text",
          },
          {
            "isSubtle": true,
            "size": "Small",
            "spacing": "Medium",
            "text": "Thời gian theo giờ Việt Nam (UTC+7).",
            "type": "TextBlock",
            "wrap": true,
          },
        ],
        "lang": "vi",
        "refresh": {
          "action": {
            "data": {
              "bodyId": "bcd-chi-lang",
              "meetingId": "m-01",
              "version": 7,
            },
            "fallback": {
              "data": {
                "bodyId": "bcd-chi-lang",
                "meetingId": "m-01",
                "verb": "qcdc.minutes.refresh",
                "version": 7,
              },
              "title": "Biên bản chờ duyệt",
              "type": "Action.Submit",
            },
            "title": "Biên bản chờ duyệt",
            "type": "Action.Execute",
            "verb": "qcdc.minutes.refresh",
          },
          "userIds": [
            "chair-aad-id",
          ],
        },
        "type": "AdaptiveCard",
        "version": "1.5",
      }
    `);
  });

  it('everyone else: the status only', () => {
    expect(minutesApprovalCard('vi', pending, { userId: MEMBER })).toMatchInlineSnapshot(`
      {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "actions": [
          {
            "title": "Mở biên bản trong ứng dụng",
            "type": "Action.OpenUrl",
            "url": "https://qcdc.example.gov.vn/meetings/bcd-chi-lang/m-01/panel",
          },
        ],
        "body": [
          {
            "size": "Large",
            "style": "heading",
            "text": "Biên bản chờ duyệt",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "text": "Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở quý IV năm 2026",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "facts": [
              {
                "title": "Thời gian họp",
                "value": "08:00 ngày 15/12/2026",
              },
              {
                "title": "Chủ trì",
                "value": "Trần Văn Minh",
              },
              {
                "title": "Người trình",
                "value": "Phạm Thị Thu",
              },
              {
                "title": "Lần lập",
                "value": "Bản thứ 1",
              },
            ],
            "type": "FactSet",
          },
          {
            "separator": true,
            "spacing": "Medium",
            "text": "Kết luận",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "text": "Giao Văn phòng tổng hợp ý kiến, báo cáo trước ngày 20/12/2026.",
            "type": "TextBlock",
            "wrap": true,
          },
          {
            "items": [
              {
                "text": "Chờ chủ trì duyệt",
                "type": "TextBlock",
                "weight": "Bolder",
                "wrap": true,
              },
            ],
            "spacing": "Medium",
            "style": "accent",
            "type": "Container",
          },
          {
            "isSubtle": true,
            "size": "Small",
            "spacing": "Medium",
            "text": "Thời gian theo giờ Việt Nam (UTC+7).",
            "type": "TextBlock",
            "wrap": true,
          },
        ],
        "lang": "vi",
        "refresh": {
          "action": {
            "data": {
              "bodyId": "bcd-chi-lang",
              "meetingId": "m-01",
              "version": 7,
            },
            "fallback": {
              "data": {
                "bodyId": "bcd-chi-lang",
                "meetingId": "m-01",
                "verb": "qcdc.minutes.refresh",
                "version": 7,
              },
              "title": "Biên bản chờ duyệt",
              "type": "Action.Submit",
            },
            "title": "Biên bản chờ duyệt",
            "type": "Action.Execute",
            "verb": "qcdc.minutes.refresh",
          },
          "userIds": [
            "chair-aad-id",
          ],
        },
        "type": "AdaptiveCard",
        "version": "1.5",
      }
    `);
  });

  it('after a decision the chair sees the status too', () => {
    const text = (card: MinutesApprovalCard) => JSON.stringify(card);
    const approvedCard = minutesApprovalCard('vi', approved, { userId: CHAIR });
    expect(text(approvedCard)).toContain('Đã duyệt lúc 09:30 ngày 16/12/2026 bởi Trần Văn Minh');
    expect(approvedCard.actions?.map((action) => action.type)).toEqual(['Action.OpenUrl']);
    expect(text(approvedCard)).not.toContain('Input.Text');
    const returnedCard = minutesApprovalCard('vi', returned, { userId: CHAIR });
    expect(text(returnedCard)).toContain('Đã trả lại: Bổ sung ý kiến của đại biểu về mục 2');
    expect(text(minutesApprovalCard('en', approved, { userId: MEMBER }))).toContain(
      'Approved at 16/12/2026 09:30 by Trần Văn Minh',
    );
    expect(
      text(
        minutesApprovalCard('vi', { ...pending, decision: { kind: 'closed' } }, { userId: CHAIR }),
      ),
    ).toContain('Biên bản này không còn chờ duyệt.');
  });

  it('shortens long conclusions to about 600 characters, ending with "…"', () => {
    const long = `${'Kết luận rất dài. '.repeat(60)}CUỐI`;
    const card = minutesApprovalCard('vi', { ...pending, conclusions: long }, { userId: MEMBER });
    const block = card.body.find(
      (element) => element.type === 'TextBlock' && element.text.startsWith('Kết luận rất dài'),
    ) as { text: string };
    expect(Array.from(block.text).length).toBeLessThanOrEqual(MINUTES_CONCLUSIONS_MAX);
    expect(block.text.endsWith('…')).toBe(true);
    expect(block.text).not.toContain('CUỐI');
    const short = minutesApprovalCard('vi', pending, { userId: MEMBER });
    expect(JSON.stringify(short)).toContain(pending.conclusions);
    expect(JSON.stringify(short)).not.toContain('…');
  });
});

describe('minutes status card shared in the meeting chat', () => {
  const SECRETARY = 'secretary-aad-id';
  const HASH = 'ab12cd34ef56ab78cd90ef12ab34cd56ef78ab90cd12ef34ab56cd78ef90ab12';
  const SUBMITTED = '2026-12-15T09:05:00.000Z';
  const base = { ...pending, secretaryId: SECRETARY };
  const shared = (data: MinutesApprovalData, userId: string | null, locale: 'vi' | 'en' = 'vi') =>
    minutesApprovalCard(locale, data, { userId }, { kind: 'shared', submittedAt: SUBMITTED });
  const sealed: MinutesApprovalData = {
    ...base,
    version: 8,
    decision: {
      kind: 'approved',
      at: '2026-12-16T02:30:00.000Z',
      byName: 'Trần Văn Minh',
      hash: HASH,
    },
  };
  const sent: MinutesApprovalData = { ...returned, secretaryId: SECRETARY };
  const cards: [string, MinutesApprovalCard][] = (['vi', 'en'] as const).flatMap((locale) => [
    [`shared pending ${locale}`, shared(base, null, locale)],
    [`shared chair view ${locale}`, shared(base, CHAIR, locale)],
    [`shared approved ${locale}`, shared(sealed, null, locale)],
    [`shared returned ${locale}`, shared(sent, null, locale)],
  ]);

  it.skipIf(!library).each(cards)('%s parses without issues', (_name, card) => {
    expect(libraryIssues(library!, card)).toEqual([]);
  });

  it.each(cards)(
    '%s refreshes for the chair and the secretary, keeping the shared view',
    (_n, card) => {
      expect(card.refresh.userIds).toEqual([CHAIR, SECRETARY]);
      expect(card.refresh.action.data).toEqual({
        bodyId: 'bcd-chi-lang',
        meetingId: 'm-01',
        version: expect.any(Number) as unknown as number,
        view: 'shared',
        submittedAt: SUBMITTED,
      });
    },
  );

  it('everyone sees the status, who submitted and when (Vietnam time), never the draft', () => {
    const card = JSON.stringify(shared(base, null));
    expect(card).toContain('Biên bản cuộc họp');
    expect(card).toContain('Chờ chủ trì duyệt');
    expect(card).toContain('{"title":"Trình lúc","value":"16:05 ngày 15/12/2026"}');
    expect(card).toContain('Phạm Thị Thu');
    expect(card).not.toContain(pending.conclusions);
    expect(executeActions(shared(base, null)).map((a) => a.verb)).toEqual([MINUTES_VERBS.refresh]);
  });

  it("the chair's refreshed view has the buttons and the draft; the secretary's the draft only", () => {
    const chair = shared(base, CHAIR);
    expect(executeActions(chair).map((a) => a.verb)).toEqual([
      MINUTES_VERBS.refresh,
      MINUTES_VERBS.approve,
      MINUTES_VERBS.return,
    ]);
    expect(JSON.stringify(chair)).toContain(pending.conclusions);
    const secretary = shared(base, SECRETARY);
    expect(executeActions(secretary).map((a) => a.verb)).toEqual([MINUTES_VERBS.refresh]);
    expect(JSON.stringify(secretary)).toContain(pending.conclusions);
  });

  it('approved: sealed with the short hash; returned: that there is a comment, not its text', () => {
    const approvedCard = JSON.stringify(shared(sealed, null, 'vi'));
    expect(approvedCard).toContain('Đã duyệt lúc 09:30 ngày 16/12/2026 bởi Trần Văn Minh');
    expect(approvedCard).toContain(`Đã khóa, mã SHA-256: ${HASH.slice(0, 16)}…`);
    expect(approvedCard).not.toContain(HASH);
    const returnedCard = JSON.stringify(shared(sent, null, 'vi'));
    expect(returnedCard).toContain('Chủ trì đã trả lại biên bản kèm ý kiến');
    expect(returnedCard).not.toContain('Bổ sung ý kiến của đại biểu');
    // The secretary, who revises, reads it in their own view.
    expect(JSON.stringify(shared(sent, SECRETARY))).toContain(
      'Bổ sung ý kiến của đại biểu về mục 2',
    );
  });
});
