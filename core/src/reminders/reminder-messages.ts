import { parseCivilDate } from '../calendar/civil-date';
import type { Locale } from '../i18n/locale';
import { formatDateTime, formatTime } from '../time/format';
import type { ReminderKind, ReminderLabel, ReminderMessage } from './reminder';

interface ReminderText {
  title: string;
  text: string;
}

/**
 * Reminder texts per language. `{subject}` is the quoted title or "case no. …"; dates are filled
 * in Vietnam time (dd/MM/yyyy), whatever the reader's device says.
 */
const REMINDER_TEXTS: Record<Locale, Record<ReminderKind, ReminderText>> = {
  vi: {
    'assignment.upcoming': {
      title: 'Nhắc hạn nhiệm vụ',
      text: 'Nhiệm vụ {subject} đến hạn ngày {deadline} (còn {daysLeft} ngày).',
    },
    'assignment.dueToday': {
      title: 'Hôm nay đến hạn',
      text: 'Hôm nay, ngày {deadline}, là hạn cuối hoàn thành nhiệm vụ {subject}.',
    },
    'assignment.overdue': {
      title: 'Nhiệm vụ quá hạn',
      text:
        'Nhiệm vụ {subject} đã quá hạn {daysOverdue} ngày (hạn ngày {deadline}). ' +
        'Đề nghị cập nhật tiến độ hoặc đề nghị gia hạn.',
    },
    'assignment.escalation': {
      title: 'Nhiệm vụ được giao đã quá hạn',
      text:
        'Nhiệm vụ {subject} do đồng chí giao đã quá hạn {daysOverdue} ngày (hạn ngày {deadline}) ' +
        'mà chưa được báo cáo hoàn thành.',
    },
    'meeting.agenda': {
      title: 'Chuẩn bị cuộc họp',
      text: 'Cuộc họp {subject} diễn ra lúc {startsAt}. Đề nghị đồng chí nghiên cứu trước chương trình, tài liệu.',
    },
    'meeting.start': {
      title: 'Cuộc họp hôm nay',
      text: 'Cuộc họp {subject} bắt đầu lúc {startsAt}.',
    },
    'minutes.awaitingApproval': {
      title: 'Biên bản chờ duyệt',
      text: 'Biên bản cuộc họp {subject} ({startsAt}) đang chờ đồng chí duyệt.',
    },
    'vote.closing': {
      title: 'Sắp hết thời gian biểu quyết',
      text: 'Biểu quyết {subject} sắp kết thúc lúc {closesAt}, bạn chưa bỏ phiếu.',
    },
  },
  en: {
    'assignment.upcoming': {
      title: 'Deadline reminder',
      text: 'The assignment {subject} is due on {deadline} ({daysLeft} days left).',
    },
    'assignment.dueToday': {
      title: 'Due today',
      text: 'Today, {deadline}, is the deadline for the assignment {subject}.',
    },
    'assignment.overdue': {
      title: 'Assignment overdue',
      text:
        'The assignment {subject} is {daysOverdue} days overdue (due {deadline}). ' +
        'Please report progress or ask for an extension.',
    },
    'assignment.escalation': {
      title: 'An assignment you gave is overdue',
      text:
        'The assignment {subject} you assigned is {daysOverdue} days overdue (due {deadline}) ' +
        'and has not been reported complete.',
    },
    'meeting.agenda': {
      title: 'Meeting coming up',
      text: 'The meeting {subject} takes place at {startsAt}. Please read the agenda and papers beforehand.',
    },
    'meeting.start': {
      title: 'Meeting today',
      text: 'The meeting {subject} starts at {startsAt}.',
    },
    'minutes.awaitingApproval': {
      title: 'Minutes awaiting approval',
      text: 'The minutes of the meeting {subject} ({startsAt}) are awaiting your approval.',
    },
    'vote.closing': {
      title: 'Vote closing soon',
      text: 'The vote {subject} closes at {closesAt} and you have not voted yet.',
    },
  },
};

const CASE_LABEL: Record<Locale, string> = { vi: 'hồ sơ số {number}', en: 'case no. {number}' };

export function reminderSubjectText(locale: Locale, label: ReminderLabel): string {
  return label.kind === 'case'
    ? CASE_LABEL[locale].replace('{number}', label.number)
    : `“${label.text}”`;
}

/** dd/MM/yyyy of a yyyy-MM-dd civil date (no time zone involved). */
function civilDateText(iso: string): string {
  const { year, month, day } = parseCivilDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** The reminder's title and sentence in the recipient's language. */
export function renderReminder(locale: Locale, message: ReminderMessage): ReminderText {
  const template = REMINDER_TEXTS[locale][message.kind];
  const params: Record<string, string> = {
    subject: reminderSubjectText(locale, message.subject),
    deadline: message.deadline ? civilDateText(message.deadline) : '',
    daysLeft: String(message.daysLeft ?? ''),
    daysOverdue: String(message.daysOverdue ?? ''),
    startsAt: message.startsAt ? formatDateTime(message.startsAt, locale) : '',
    closesAt: message.closesAt ? formatTime(message.closesAt) : '',
  };
  return {
    title: template.title,
    text: template.text.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole),
  };
}
