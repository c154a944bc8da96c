import { describe, expect, it } from 'vitest';
import {
  foldText,
  helpCard,
  matchCommand,
  meetingListCard,
  notYetCard,
  assignmentListCard,
  personalOnlyCard,
  type AssignmentListItem,
  welcomeCard,
  type AdaptiveCard,
  type MeetingListItem,
} from '../src/index';
import { loadAdaptiveCards, libraryIssues } from './support/adaptivecards-library';
import { checkCard } from './support/card-rules';

/** The reference parser, when installed (a devDependency to add); the structural checks stand in otherwise. */
const library = await loadAdaptiveCards();

const links = { openAppUrl: 'https://teams.microsoft.com/l/entity/qcdc-app/my-tasks' };

const meetings: MeetingListItem[] = [
  {
    title: 'Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở quý IV năm 2026',
    bodyName: 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng',
    startsAt: '2026-12-15T01:00:00.000Z',
    endsAt: '2026-12-15T03:30:00.000Z',
    location: 'Hội trường UBND xã Chi Lăng',
    status: 'scheduled',
  },
  {
    title: 'Hội nghị cán bộ, công chức năm 2027',
    bodyName: 'Hội nghị cán bộ, công chức xã Chi Lăng',
    // 23:00 UTC is already the next morning in Vietnam; it ends the day after.
    startsAt: '2026-12-17T23:00:00.000Z',
    endsAt: '2026-12-18T23:30:00.000Z',
    location: 'Phòng họp tầng 2',
    status: 'inProgress',
  },
];

const tasks: AssignmentListItem[] = [
  {
    title: 'Niêm yết công khai dự toán ngân sách xã năm 2027',
    bodyName: 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng',
    deadline: '2026-12-10',
    status: 'inProgress',
    overdue: true,
  },
  {
    title: 'Tổng hợp kiến nghị của cử tri',
    bodyName: 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng',
    deadline: '2026-12-20',
    status: 'open',
    overdue: false,
  },
];

/** Every card the bot can send, in both languages, with sample data. */
const everyCard: [string, AdaptiveCard][] = (['vi', 'en'] as const).flatMap((locale) => [
  [`welcome ${locale}`, welcomeCard(locale, links)],
  [`help ${locale}`, helpCard(locale, links)],
  [`help without link ${locale}`, helpCard(locale)],
  [`meetings ${locale}`, meetingListCard(locale, meetings, { ...links, moreCount: 3 })],
  [`no meetings ${locale}`, meetingListCard(locale, [], { memberOfAnyBody: true })],
  [`not a member ${locale}`, meetingListCard(locale, [], { memberOfAnyBody: false })],
  [`my tasks ${locale}`, assignmentListCard(locale, tasks, { ...links, moreCount: 2 })],
  [`no tasks ${locale}`, assignmentListCard(locale, [])],
  [`personal only ${locale}`, personalOnlyCard(locale, locale === 'vi' ? 'cuộc họp' : 'meetings')],
  [`votes ${locale}`, notYetCard(locale, 'votes')],
]);

describe('every card is valid Adaptive Card 1.5', () => {
  it.each(everyCard)('%s follows the 1.5 schema rules', (_name, card) => {
    expect(checkCard(card as unknown as Record<string, unknown>)).toEqual([]);
  });

  it.each(everyCard)('%s survives a JSON round trip unchanged', (_name, card) => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('the structural check catches what Teams would reject', () => {
    const broken = {
      ...helpCard('vi'),
      version: '1.6',
      body: [
        { type: 'Carousel', pages: [] },
        { type: 'TextBlock', text: 'x', size: 'Huge' },
      ],
      actions: [{ type: 'Action.Execute', title: 'x', verb: 'v', bogus: 1 }],
    };
    expect(checkCard(broken)).toEqual([
      '$: version 1.6 is not 1.5',
      '$.body[0]: element type Carousel does not exist in 1.5',
      '$.body[1]: size "Huge" is not one of Small, Default, Medium, Large, ExtraLarge',
      '$.actions[0]: Action.Execute has no property bogus in 1.5',
    ]);
  });

  it.skipIf(!library).each(everyCard)(
    '%s parses with the adaptivecards library without issues',
    (_name, card) => {
      expect(libraryIssues(library!, card)).toEqual([]);
    },
  );
});

describe('welcome card', () => {
  it('greets in Vietnamese, lists the commands and offers the meetings and the app', () => {
    expect(welcomeCard('vi', links)).toMatchInlineSnapshot(`
      {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "actions": [
          {
            "data": {
              "command": "meetings",
              "locale": "vi",
            },
            "fallback": {
              "data": {
                "command": "meetings",
                "locale": "vi",
                "verb": "qcdc.command",
              },
              "title": "Xem cuộc họp sắp tới",
              "type": "Action.Submit",
            },
            "title": "Xem cuộc họp sắp tới",
            "type": "Action.Execute",
            "verb": "qcdc.command",
          },
          {
            "title": "Mở ứng dụng",
            "type": "Action.OpenUrl",
            "url": "https://teams.microsoft.com/l/entity/qcdc-app/my-tasks",
          },
        ],
        "body": [
          {
            "size": "Large",
            "style": "heading",
            "text": "Xin chào! Tôi là trợ lý QCDC",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "text": "Tôi giúp bạn theo dõi việc thực hiện dân chủ ở cơ sở của đơn vị ngay trong Microsoft Teams. Tôi cho bạn xem các cuộc họp sắp tới và việc được giao, nhắc hạn và chuyển biên bản cần duyệt.",
            "type": "TextBlock",
            "wrap": true,
          },
          {
            "spacing": "Medium",
            "text": "Bạn có thể nhắn cho tôi:",
            "type": "TextBlock",
            "wrap": true,
          },
          {
            "facts": [
              {
                "title": "trợ giúp",
                "value": "Xem lại danh sách lệnh này",
              },
              {
                "title": "cuộc họp",
                "value": "Các cuộc họp sắp tới của bạn",
              },
              {
                "title": "việc của tôi",
                "value": "Nhiệm vụ được giao cho bạn",
              },
              {
                "title": "biểu quyết",
                "value": "Các cuộc biểu quyết đang mở, bỏ phiếu ngay trên thẻ",
              },
            ],
            "type": "FactSet",
          },
          {
            "isSubtle": true,
            "size": "Small",
            "spacing": "Medium",
            "text": "Có thể gõ có dấu hoặc không dấu (ví dụ "viec cua toi"), hoặc bằng tiếng Anh (help, meetings, my tasks, votes).",
            "type": "TextBlock",
            "wrap": true,
          },
        ],
        "lang": "vi",
        "type": "AdaptiveCard",
        "version": "1.5",
      }
    `);
  });

  it('greets in English when asked', () => {
    const card = welcomeCard('en');
    expect(card.lang).toBe('en');
    expect(card.body[0]).toMatchObject({ text: 'Hello! I am the QCDC assistant' });
    expect(card.actions?.map((action) => action.type)).toEqual(['Action.Execute']);
  });
});

describe('help card', () => {
  it('lists every command with its Vietnamese phrase', () => {
    expect(helpCard('vi', links)).toMatchInlineSnapshot(`
      {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "actions": [
          {
            "data": {
              "command": "meetings",
              "locale": "vi",
            },
            "fallback": {
              "data": {
                "command": "meetings",
                "locale": "vi",
                "verb": "qcdc.command",
              },
              "title": "Xem cuộc họp sắp tới",
              "type": "Action.Submit",
            },
            "title": "Xem cuộc họp sắp tới",
            "type": "Action.Execute",
            "verb": "qcdc.command",
          },
          {
            "title": "Mở ứng dụng",
            "type": "Action.OpenUrl",
            "url": "https://teams.microsoft.com/l/entity/qcdc-app/my-tasks",
          },
        ],
        "body": [
          {
            "size": "Large",
            "style": "heading",
            "text": "Tôi có thể giúp gì?",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "text": "Nhắn cho tôi một trong các lệnh sau:",
            "type": "TextBlock",
            "wrap": true,
          },
          {
            "facts": [
              {
                "title": "trợ giúp",
                "value": "Xem lại danh sách lệnh này",
              },
              {
                "title": "cuộc họp",
                "value": "Các cuộc họp sắp tới của bạn",
              },
              {
                "title": "việc của tôi",
                "value": "Nhiệm vụ được giao cho bạn",
              },
              {
                "title": "biểu quyết",
                "value": "Các cuộc biểu quyết đang mở, bỏ phiếu ngay trên thẻ",
              },
            ],
            "type": "FactSet",
          },
          {
            "isSubtle": true,
            "size": "Small",
            "spacing": "Medium",
            "text": "Có thể gõ có dấu hoặc không dấu (ví dụ "viec cua toi"), hoặc bằng tiếng Anh (help, meetings, my tasks, votes).",
            "type": "TextBlock",
            "wrap": true,
          },
        ],
        "lang": "vi",
        "type": "AdaptiveCard",
        "version": "1.5",
      }
    `);
  });

  it('lists the English phrases in English', () => {
    expect(helpCard('en').body[2]).toMatchInlineSnapshot(`
      {
        "facts": [
          {
            "title": "help",
            "value": "Show this list of commands again",
          },
          {
            "title": "meetings",
            "value": "Your upcoming meetings",
          },
          {
            "title": "my tasks",
            "value": "Tasks assigned to you",
          },
          {
            "title": "votes",
            "value": "Open votes, cast your ballot on the card",
          },
        ],
        "type": "FactSet",
      }
    `);
  });
});

describe('meeting list card', () => {
  it('shows each meeting in Vietnam time with its place, body and status', () => {
    expect(meetingListCard('vi', meetings, { ...links, moreCount: 3 })).toMatchInlineSnapshot(`
      {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "actions": [
          {
            "title": "Mở ứng dụng",
            "type": "Action.OpenUrl",
            "url": "https://teams.microsoft.com/l/entity/qcdc-app/my-tasks",
          },
        ],
        "body": [
          {
            "size": "Large",
            "style": "heading",
            "text": "Cuộc họp sắp tới của bạn",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "items": [
              {
                "text": "Họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở quý IV năm 2026",
                "type": "TextBlock",
                "weight": "Bolder",
                "wrap": true,
              },
              {
                "facts": [
                  {
                    "title": "Thời gian",
                    "value": "08:00 ngày 15/12/2026 – 10:30",
                  },
                  {
                    "title": "Địa điểm",
                    "value": "Hội trường UBND xã Chi Lăng",
                  },
                  {
                    "title": "Ban",
                    "value": "Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Chi Lăng",
                  },
                  {
                    "title": "Trạng thái",
                    "value": "Đã lên lịch",
                  },
                ],
                "type": "FactSet",
              },
            ],
            "separator": true,
            "spacing": "Medium",
            "type": "Container",
          },
          {
            "items": [
              {
                "text": "Hội nghị cán bộ, công chức năm 2027",
                "type": "TextBlock",
                "weight": "Bolder",
                "wrap": true,
              },
              {
                "facts": [
                  {
                    "title": "Thời gian",
                    "value": "06:00 ngày 18/12/2026 – 06:30 ngày 19/12/2026",
                  },
                  {
                    "title": "Địa điểm",
                    "value": "Phòng họp tầng 2",
                  },
                  {
                    "title": "Ban",
                    "value": "Hội nghị cán bộ, công chức xã Chi Lăng",
                  },
                  {
                    "title": "Trạng thái",
                    "value": "Đang diễn ra",
                  },
                ],
                "type": "FactSet",
              },
            ],
            "separator": true,
            "spacing": "Medium",
            "type": "Container",
          },
          {
            "text": "Còn 3 cuộc họp khác. Mở ứng dụng để xem đầy đủ.",
            "type": "TextBlock",
            "wrap": true,
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
        "type": "AdaptiveCard",
        "version": "1.5",
      }
    `);
  });

  it('writes dates the English way in English, still in Vietnam time', () => {
    const card = meetingListCard('en', meetings.slice(1));
    expect(card.body[1]).toMatchInlineSnapshot(`
      {
        "items": [
          {
            "text": "Hội nghị cán bộ, công chức năm 2027",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "facts": [
              {
                "title": "When",
                "value": "18/12/2026 06:00 – 19/12/2026 06:30",
              },
              {
                "title": "Where",
                "value": "Phòng họp tầng 2",
              },
              {
                "title": "Body",
                "value": "Hội nghị cán bộ, công chức xã Chi Lăng",
              },
              {
                "title": "Status",
                "value": "In progress",
              },
            ],
            "type": "FactSet",
          },
        ],
        "separator": true,
        "spacing": "Medium",
        "type": "Container",
      }
    `);
  });

  it('says there is nothing upcoming, or that the caller belongs to no body', () => {
    expect(meetingListCard('vi', [], { memberOfAnyBody: true }).body).toMatchInlineSnapshot(`
      [
        {
          "size": "Large",
          "style": "heading",
          "text": "Cuộc họp sắp tới của bạn",
          "type": "TextBlock",
          "weight": "Bolder",
          "wrap": true,
        },
        {
          "text": "Bạn không có cuộc họp nào sắp diễn ra.",
          "type": "TextBlock",
          "wrap": true,
        },
      ]
    `);
    expect(meetingListCard('en', [], { memberOfAnyBody: false }).body).toMatchInlineSnapshot(`
      [
        {
          "size": "Large",
          "style": "heading",
          "text": "Your upcoming meetings",
          "type": "TextBlock",
          "weight": "Bolder",
          "wrap": true,
        },
        {
          "text": "You are not a member of any body in QCDC yet, so there are no meetings to show. If you should be added, ask the body's secretary.",
          "type": "TextBlock",
          "wrap": true,
        },
      ]
    `);
  });
});

describe('not-yet card', () => {
  it('says honestly that tasks arrive later, with no made-up data', () => {
    expect(notYetCard('vi', 'myTasks', links)).toMatchInlineSnapshot(`
      {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "actions": [
          {
            "data": {
              "command": "meetings",
              "locale": "vi",
            },
            "fallback": {
              "data": {
                "command": "meetings",
                "locale": "vi",
                "verb": "qcdc.command",
              },
              "title": "Xem cuộc họp sắp tới",
              "type": "Action.Submit",
            },
            "title": "Xem cuộc họp sắp tới",
            "type": "Action.Execute",
            "verb": "qcdc.command",
          },
          {
            "title": "Mở ứng dụng",
            "type": "Action.OpenUrl",
            "url": "https://teams.microsoft.com/l/entity/qcdc-app/my-tasks",
          },
        ],
        "body": [
          {
            "size": "Large",
            "style": "heading",
            "text": "Việc của tôi",
            "type": "TextBlock",
            "weight": "Bolder",
            "wrap": true,
          },
          {
            "text": "Tôi chưa hiển thị được nhiệm vụ được giao cho bạn ngay trong trò chuyện. Tính năng này sẽ có trong một bản phát hành sau.",
            "type": "TextBlock",
            "wrap": true,
          },
          {
            "isSubtle": true,
            "size": "Small",
            "spacing": "Medium",
            "text": "Trong lúc chờ, bạn có thể xem các cuộc họp sắp tới.",
            "type": "TextBlock",
            "wrap": true,
          },
        ],
        "lang": "vi",
        "type": "AdaptiveCard",
        "version": "1.5",
      }
    `);
  });

  it('says the same of votes in English', () => {
    expect(
      notYetCard('en', 'votes').body.map((element) => element.type === 'TextBlock' && element.text),
    ).toMatchInlineSnapshot(`
        [
          "Votes",
          "Voting in chat is not available yet. This arrives in a later release.",
          "Meanwhile, you can look at your upcoming meetings.",
        ]
      `);
  });
});

describe('commands', () => {
  it.each([
    ['trợ giúp', 'help', 'vi'],
    ['tro giup', 'help', 'vi'],
    ['TRỢ GIÚP!', 'help', 'vi'],
    ['help', 'help', 'en'],
    ['Help?', 'help', 'en'],
    ['cuộc họp', 'meetings', 'vi'],
    ['cuoc hop', 'meetings', 'vi'],
    ['  Cuộc   họp  tuần này ', 'meetings', 'vi'],
    ['meetings', 'meetings', 'en'],
    ['việc của tôi', 'myTasks', 'vi'],
    ['viec cua toi', 'myTasks', 'vi'],
    ['Việc Của Tôi', 'myTasks', 'vi'],
    ['nhiệm vụ của tôi', 'myTasks', 'vi'],
    ['my tasks', 'myTasks', 'en'],
    ['biểu quyết', 'votes', 'vi'],
    ['bieu quyet', 'votes', 'vi'],
    ['votes', 'votes', 'en'],
  ] as const)('"%s" is %s (%s)', (text, command, locale) => {
    expect(matchCommand(text)).toEqual({ command, locale });
  });

  it.each(['', '   ', 'xin chào', 'cuộc', 'meetingsroom', 'việc của bạn'])(
    '"%s" is no command',
    (text) => {
      expect(matchCommand(text)).toBeNull();
    },
  );

  it('folds Vietnamese letters, including đ, to plain ASCII', () => {
    expect(foldText('Đại hội đồng — Ủy ban MTTQ')).toBe('dai hoi dong uy ban mttq');
    expect(foldText('việc của tôi')).toBe(foldText('viec cua toi'));
  });
});

describe('my tasks card', () => {
  it('flags overdue work and shows the deadline as a Vietnamese date', () => {
    const card = assignmentListCard('vi', tasks);
    const text = JSON.stringify(card);
    expect(text).toContain('10/12/2026 (Quá hạn)');
    expect(text).toContain('20/12/2026');
    expect(text).toContain('Đang thực hiện');
    expect(text).not.toContain('20/12/2026 (Quá hạn)');
  });
});
