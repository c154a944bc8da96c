import type { Locale } from '@qcdc/core';

/** Every word the cards and the bot show, in Vietnamese (the default) and English. */
const vi = {
  'welcome.title': 'Xin chào! Tôi là trợ lý QCDC',
  'welcome.intro':
    'Tôi giúp bạn theo dõi việc thực hiện dân chủ ở cơ sở của đơn vị ngay trong Microsoft Teams. ' +
    'Tôi cho bạn xem các cuộc họp sắp tới và việc được giao, nhắc hạn và chuyển biên bản cần duyệt.',
  'welcome.commands': 'Bạn có thể nhắn cho tôi:',
  'help.title': 'Tôi có thể giúp gì?',
  'help.intro': 'Nhắn cho tôi một trong các lệnh sau:',
  'help.languages':
    'Có thể gõ có dấu hoặc không dấu (ví dụ "viec cua toi"), hoặc bằng tiếng Anh (help, meetings, my tasks, votes).',
  'command.help': 'Xem lại danh sách lệnh này',
  'command.meetings': 'Các cuộc họp sắp tới của bạn',
  'command.myTasks': 'Nhiệm vụ được giao cho bạn',
  'command.votes': 'Các cuộc biểu quyết đang mở (sắp có)',
  'action.showMeetings': 'Xem cuộc họp sắp tới',
  'action.openApp': 'Mở ứng dụng',
  'meetings.title': 'Cuộc họp sắp tới của bạn',
  'meetings.none': 'Bạn không có cuộc họp nào sắp diễn ra.',
  'meetings.notMember':
    'Bạn chưa là thành viên của ban nào trong QCDC nên chưa có cuộc họp để hiển thị. ' +
    'Nếu cần được thêm vào, hãy liên hệ thư ký của ban.',
  'meetings.more': 'Còn {count} cuộc họp khác. Mở ứng dụng để xem đầy đủ.',
  'meetings.when': 'Thời gian',
  'meetings.where': 'Địa điểm',
  'meetings.body': 'Ban',
  'meetings.status': 'Trạng thái',
  'meetings.timeZone': 'Thời gian theo giờ Việt Nam (UTC+7).',
  'status.scheduled': 'Đã lên lịch',
  'status.inProgress': 'Đang diễn ra',
  'notYet.myTasks.title': 'Việc của tôi',
  'notYet.myTasks.body':
    'Tôi chưa hiển thị được nhiệm vụ được giao cho bạn ngay trong trò chuyện. ' +
    'Tính năng này sẽ có trong một bản phát hành sau.',
  'notYet.votes.title': 'Biểu quyết',
  'notYet.votes.body':
    'Tôi chưa hỗ trợ biểu quyết ngay trong trò chuyện. Tính năng này sẽ có trong một bản phát hành sau.',
  'notYet.meanwhile': 'Trong lúc chờ, bạn có thể xem các cuộc họp sắp tới.',
  'tasks.title': 'Việc của tôi',
  'tasks.none': 'Bạn không có nhiệm vụ nào đang thực hiện.',
  'tasks.more': 'Còn {count} nhiệm vụ khác. Mở ứng dụng để xem đầy đủ.',
  'tasks.deadline': 'Thời hạn',
  'tasks.body': 'Ban',
  'tasks.status': 'Trạng thái',
  'tasks.overdue': 'Quá hạn',
  'tasks.status.open': 'Chưa bắt đầu',
  'tasks.status.inProgress': 'Đang thực hiện',
  'tasks.status.submitted': 'Chờ duyệt hoàn thành',
  'tasks.status.returned': 'Bị trả lại',
  'privacy.personalOnly':
    'Lệnh "{command}" cho biết thông tin riêng của bạn nên chỉ trả lời trong trò chuyện riêng với tôi. Hãy nhắn lệnh này cho tôi ở mục Trò chuyện.',
  'action.done': 'Đã gửi.',
  'minutes.title': 'Biên bản chờ duyệt',
  'minutes.when': 'Thời gian họp',
  'minutes.chair': 'Chủ trì',
  'minutes.submittedBy': 'Người trình',
  'minutes.edition': 'Lần lập',
  'minutes.editionValue': 'Bản thứ {edition}',
  'minutes.conclusions': 'Kết luận',
  'minutes.noConclusions': '(Biên bản chưa ghi phần kết luận.)',
  'minutes.pending': 'Chờ chủ trì duyệt',
  'minutes.approved': 'Đã duyệt lúc {at} bởi {name}',
  'minutes.returned': 'Đã trả lại: {comment}',
  'minutes.closed': 'Biên bản này không còn chờ duyệt.',
  'minutes.askChair':
    'Bạn là chủ trì cuộc họp: hãy duyệt biên bản, hoặc trả lại cho thư ký kèm lý do.',
  'minutes.commentLabel': 'Lý do trả lại (bắt buộc khi trả lại)',
  'minutes.commentPlaceholder': 'Ví dụ: bổ sung ý kiến của đại biểu về mục 2',
  'minutes.commentRequired': 'Hãy ghi lý do trả lại biên bản.',
  'minutes.approve': 'Duyệt biên bản',
  'minutes.return': 'Trả lại',
  'minutes.openPanel': 'Mở biên bản trong ứng dụng',
  'minutes.summary': 'Biên bản cuộc họp "{title}" chờ bạn duyệt',
} as const;

export type CardTextKey = keyof typeof vi;

const en: Record<CardTextKey, string> = {
  'welcome.title': 'Hello! I am the QCDC assistant',
  'welcome.intro':
    "I help you follow your unit's grassroots-democracy work right inside Microsoft Teams. " +
    'I show your upcoming meetings and your tasks, remind you of deadlines and bring you minutes to approve.',
  'welcome.commands': 'You can send me:',
  'help.title': 'What can I do?',
  'help.intro': 'Send me one of these commands:',
  'help.languages':
    'Vietnamese works too, with or without diacritics (trợ giúp, cuộc họp, việc của tôi, biểu quyết).',
  'command.help': 'Show this list of commands again',
  'command.meetings': 'Your upcoming meetings',
  'command.myTasks': 'Tasks assigned to you',
  'command.votes': 'Open votes (coming soon)',
  'action.showMeetings': 'Show upcoming meetings',
  'action.openApp': 'Open the app',
  'meetings.title': 'Your upcoming meetings',
  'meetings.none': 'You have no upcoming meetings.',
  'meetings.notMember':
    'You are not a member of any body in QCDC yet, so there are no meetings to show. ' +
    "If you should be added, ask the body's secretary.",
  'meetings.more': '{count} more meetings. Open the app to see them all.',
  'meetings.when': 'When',
  'meetings.where': 'Where',
  'meetings.body': 'Body',
  'meetings.status': 'Status',
  'meetings.timeZone': 'Times are Vietnam time (UTC+7).',
  'status.scheduled': 'Scheduled',
  'status.inProgress': 'In progress',
  'notYet.myTasks.title': 'My tasks',
  'notYet.myTasks.body':
    'I cannot show the tasks assigned to you in chat yet. This arrives in a later release.',
  'notYet.votes.title': 'Votes',
  'notYet.votes.body': 'Voting in chat is not available yet. This arrives in a later release.',
  'notYet.meanwhile': 'Meanwhile, you can look at your upcoming meetings.',
  'tasks.title': 'My tasks',
  'tasks.none': 'You have no open tasks.',
  'tasks.more': '{count} more tasks. Open the app to see them all.',
  'tasks.deadline': 'Deadline',
  'tasks.body': 'Body',
  'tasks.status': 'Status',
  'tasks.overdue': 'Overdue',
  'tasks.status.open': 'Not started',
  'tasks.status.inProgress': 'In progress',
  'tasks.status.submitted': 'Awaiting approval',
  'tasks.status.returned': 'Returned',
  'privacy.personalOnly':
    '"{command}" shows your own information, so I answer it only in a personal chat with me. Send it to me in Chat.',
  'action.done': 'Sent.',
  'minutes.title': 'Minutes awaiting approval',
  'minutes.when': 'Meeting time',
  'minutes.chair': 'Chair',
  'minutes.submittedBy': 'Submitted by',
  'minutes.edition': 'Edition',
  'minutes.editionValue': 'Edition {edition}',
  'minutes.conclusions': 'Conclusions',
  'minutes.noConclusions': '(The minutes have no conclusions yet.)',
  'minutes.pending': "Awaiting the chair's approval",
  'minutes.approved': 'Approved at {at} by {name}',
  'minutes.returned': 'Returned: {comment}',
  'minutes.closed': 'These minutes are no longer awaiting approval.',
  'minutes.askChair':
    'You chair this meeting: approve the minutes, or return them to the secretary with a reason.',
  'minutes.commentLabel': 'Reason for returning (required to return)',
  'minutes.commentPlaceholder': "For example: add the delegates' remarks on item 2",
  'minutes.commentRequired': 'Please say why the minutes are returned.',
  'minutes.approve': 'Approve the minutes',
  'minutes.return': 'Return',
  'minutes.openPanel': 'Open the minutes in the app',
  'minutes.summary': 'The minutes of "{title}" await your approval',
};

const catalogues: Record<Locale, Record<CardTextKey, string>> = { vi, en };

/** The text for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function cardText(
  locale: Locale,
  key: CardTextKey,
  params: Record<string, string | number> = {},
): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
