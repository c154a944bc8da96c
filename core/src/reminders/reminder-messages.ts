import { parseCivilDate } from '../calendar/civil-date';
import type { Locale } from '../i18n/locale';
import { formatDateTime, formatTime } from '../time/format';
import type {
  ReminderCaseStage,
  ReminderKind,
  ReminderLabel,
  ReminderMessage,
  ReportingDuty,
} from './reminder';

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
    'recommendation.upcoming': {
      title: 'Nhắc hạn trả lời kiến nghị',
      text: 'Hạn trả lời {subject} là ngày {deadline} (còn {daysLeft} ngày).',
    },
    'recommendation.dueToday': {
      title: 'Hôm nay đến hạn trả lời kiến nghị',
      text: 'Hôm nay, ngày {deadline}, là hạn cuối trả lời {subject}.',
    },
    'recommendation.overdue': {
      title: 'Kiến nghị quá hạn trả lời',
      text: '{subject} đã quá hạn trả lời {daysOverdue} ngày (hạn ngày {deadline}).',
    },
    'recommendation.escalation': {
      title: 'Kiến nghị của Mặt trận quá hạn trả lời',
      text: '{subject} đã quá hạn trả lời {daysOverdue} ngày (hạn ngày {deadline}) mà chưa có văn bản trả lời được duyệt.',
    },
    'case.upcoming': {
      title: 'Nhắc hạn xử lý hồ sơ',
      text: 'Hạn {stage} {subject} là ngày {deadline} (còn {daysLeft} ngày).',
    },
    'case.dueToday': {
      title: 'Hôm nay đến hạn xử lý hồ sơ',
      text: 'Hôm nay, ngày {deadline}, là hạn {stage} {subject}.',
    },
    'case.overdue': {
      title: 'Hồ sơ quá hạn',
      text: '{subject} đã quá hạn {stage} {daysOverdue} ngày (hạn ngày {deadline}).',
    },
    'case.escalation': {
      title: 'Hồ sơ quá hạn xử lý',
      text: '{subject} đã quá hạn {stage} {daysOverdue} ngày (hạn ngày {deadline}).',
    },
    'disclosure.mustStart': {
      title: 'Nhắc bắt đầu công khai',
      text: 'Nội dung {subject} phải bắt đầu công khai ngày {deadline} (còn {daysLeft} ngày).',
    },
    'disclosure.ending': {
      title: 'Sắp hết thời hạn công khai',
      text: 'Thời hạn công khai {subject} kết thúc ngày {deadline} (còn {daysLeft} ngày).',
    },
    'disclosure.periodOver': {
      title: 'Đã hết thời hạn công khai',
      text: 'Thời hạn công khai {subject} đã kết thúc ngày {deadline}. Đề nghị ghi nhận kết thúc công khai.',
    },
    'report.due': {
      title: 'Nhắc hạn báo cáo',
      text: '{duty} năm {year}: hạn ngày {deadline} (còn {daysLeft} ngày).',
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
    'recommendation.upcoming': {
      title: 'Recommendation answer due',
      text: 'The answer to {subject} is due on {deadline} ({daysLeft} days left).',
    },
    'recommendation.dueToday': {
      title: 'Recommendation answer due today',
      text: 'Today, {deadline}, is the deadline to answer {subject}.',
    },
    'recommendation.overdue': {
      title: 'Recommendation answer overdue',
      text: 'The answer to {subject} is {daysOverdue} days overdue (due {deadline}).',
    },
    'recommendation.escalation': {
      title: 'A Front recommendation is unanswered',
      text: 'The answer to {subject} is {daysOverdue} days overdue (due {deadline}) and no answer has been approved.',
    },
    'case.upcoming': {
      title: 'Case deadline reminder',
      text: 'The {stage} deadline of {subject} is {deadline} ({daysLeft} days left).',
    },
    'case.dueToday': {
      title: 'Case due today',
      text: 'Today, {deadline}, is the {stage} deadline of {subject}.',
    },
    'case.overdue': {
      title: 'Case overdue',
      text: 'The {stage} of {subject} is {daysOverdue} days overdue (due {deadline}).',
    },
    'case.escalation': {
      title: 'A case is overdue',
      text: 'The {stage} of {subject} is {daysOverdue} days overdue (due {deadline}).',
    },
    'disclosure.mustStart': {
      title: 'Disclosure to start',
      text: 'The disclosure {subject} must start on {deadline} ({daysLeft} days left).',
    },
    'disclosure.ending': {
      title: 'Disclosure period ending',
      text: 'The disclosure period of {subject} ends on {deadline} ({daysLeft} days left).',
    },
    'disclosure.periodOver': {
      title: 'Disclosure period over',
      text: 'The disclosure period of {subject} ended on {deadline}. Please record its end.',
    },
    'report.due': {
      title: 'Report due',
      text: '{duty} for {year}: due on {deadline} ({daysLeft} days left).',
    },
  },
};

const CASE_LABEL: Record<Locale, string> = { vi: 'hồ sơ số {number}', en: 'case no. {number}' };
const RECOMMENDATION_LABEL: Record<Locale, string> = {
  vi: 'kiến nghị số {number} ({consultation})',
  en: 'recommendation no. {number} ({consultation})',
};

/** Stages of a case as the sentence names them; never anything of the case itself. */
const CASE_STAGE_TEXT: Record<Locale, Record<ReminderCaseStage, string>> = {
  vi: { acceptance: 'thụ lý', resolution: 'giải quyết' },
  en: { acceptance: 'acceptance', resolution: 'resolution' },
};

const REPORTING_DUTY_TEXT: Record<Locale, Record<ReportingDuty, string>> = {
  vi: {
    staffConference: 'Hội nghị cán bộ, công chức, viên chức (Luật 10/2022 Điều 51)',
    resolutionReview: 'Kiểm điểm 6 tháng thực hiện nghị quyết hội nghị (Luật 10/2022 Điều 52)',
    halfYearReview: 'Báo cáo sơ kết 6 tháng thực hiện dân chủ ở cơ sở',
    yearEndReview: 'Báo cáo tổng kết thực hiện dân chủ ở cơ sở',
  },
  en: {
    staffConference: 'Staff conference (Law 10/2022 Art. 51)',
    resolutionReview: 'Six-monthly review of the conference resolution (Law 10/2022 Art. 52)',
    halfYearReview: 'Half-year grassroots democracy review report',
    yearEndReview: 'Year-end grassroots democracy review report',
  },
};

export function reminderSubjectText(locale: Locale, label: ReminderLabel): string {
  switch (label.kind) {
    case 'case':
      return CASE_LABEL[locale].replace('{number}', label.number);
    case 'recommendation':
      return RECOMMENDATION_LABEL[locale]
        .replace('{number}', String(label.number))
        .replace('{consultation}', `“${label.consultation}”`);
    default:
      return `“${label.text}”`;
  }
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
    stage: message.stage ? CASE_STAGE_TEXT[locale][message.stage] : '',
    duty: message.duty ? REPORTING_DUTY_TEXT[locale][message.duty] : '',
    year: message.year !== undefined ? String(message.year) : '',
  };
  const text = template.text.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
  // Sentences that open with the subject ("kiến nghị số 2 …") start with a capital.
  return { title: template.title, text: text.charAt(0).toUpperCase() + text.slice(1) };
}
