import type { MeetingKind } from '../meetings/meeting';
import type { Threshold } from './fractions';

export type LocalizedText = { vi: string; en: string };

/** Who a process summons; the quorum base is counted over them. */
export type Summoned = 'bodyMembers' | 'allStaffOrDelegates' | 'frontAndOrganisations' | 'citizens';

export type QuorumRule =
  | { kind: 'none'; basis: LocalizedText }
  | { kind: 'shareOfSummoned'; threshold: Threshold; basis: LocalizedText; configurable: boolean };

export interface AdoptionRule {
  threshold: Threshold;
  base: 'attendees' | 'summoned' | 'votesCast';
  basis: LocalizedText;
  configurable: boolean;
}

export const MINUTES_SECTION_KINDS = [
  'opening',
  'agendaItem',
  'votes',
  'conclusions',
  'assignments',
  'closing',
] as const;
export type MinutesSectionKind = (typeof MINUTES_SECTION_KINDS)[number];

/** A reminder relative to the meeting's start: negative days are before it. */
export interface ReminderOffset {
  days: number;
  atLocalTime: string;
  purpose: 'agenda' | 'meeting' | 'minutesApproval';
}

export interface ProcessTemplate {
  kind: MeetingKind;
  name: LocalizedText;
  summoned: Summoned;
  defaultAgenda: LocalizedText[];
  quorum: QuorumRule;
  adoption: AdoptionRule | null;
  minutesSections: MinutesSectionKind[];
  reminders: ReminderOffset[];
}

const MORE_THAN_HALF: Threshold = { numerator: 1, denominator: 2, comparison: 'moreThan' };
const AT_LEAST_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, comparison: 'atLeast' };

const STANDARD_SECTIONS: MinutesSectionKind[] = [
  'opening',
  'agendaItem',
  'votes',
  'conclusions',
  'assignments',
  'closing',
];

const MEETING_REMINDERS: ReminderOffset[] = [
  { days: -1, atLocalTime: '08:00', purpose: 'agenda' },
  { days: 0, atLocalTime: '07:00', purpose: 'meeting' },
  { days: 2, atLocalTime: '08:00', purpose: 'minutesApproval' },
];

/** The law is silent on a steering committee's quorum: the unit's working rules decide. */
const steeringQuorum: QuorumRule = {
  kind: 'shareOfSummoned',
  threshold: MORE_THAN_HALF,
  configurable: true,
  basis: {
    vi: 'Quy chế làm việc của Ban Chỉ đạo (theo cấu hình của đơn vị; mặc định trên 50% thành viên)',
    en: "The steering committee's working rules (unit setting; default more than 50% of members)",
  },
};

const steeringAdoption: AdoptionRule = {
  threshold: MORE_THAN_HALF,
  base: 'attendees',
  configurable: true,
  basis: {
    vi: 'Quy chế làm việc của Ban Chỉ đạo (theo cấu hình của đơn vị)',
    en: "The steering committee's working rules (unit setting)",
  },
};

const steering = (
  kind: MeetingKind,
  name: LocalizedText,
  defaultAgenda: LocalizedText[],
): ProcessTemplate => ({
  kind,
  name,
  summoned: 'bodyMembers',
  defaultAgenda,
  quorum: steeringQuorum,
  adoption: steeringAdoption,
  minutesSections: STANDARD_SECTIONS,
  reminders: MEETING_REMINDERS,
});

/** Process templates: who is summoned, default agenda, quorum and voting rules, minutes, reminders. */
export const PROCESS_TEMPLATES: Record<MeetingKind, ProcessTemplate> = {
  steeringRegular: steering(
    'steeringRegular',
    { vi: 'Họp Ban Chỉ đạo định kỳ', en: 'Regular steering committee meeting' },
    [
      { vi: 'Đánh giá kết quả thực hiện dân chủ ở cơ sở trong kỳ', en: 'Results of the period' },
      { vi: 'Thảo luận, đề xuất giải pháp', en: 'Discussion and proposals' },
      { vi: 'Kết luận và phân công nhiệm vụ', en: 'Conclusions and assignments' },
    ],
  ),
  steeringHalfYearReview: steering(
    'steeringHalfYearReview',
    { vi: 'Sơ kết 6 tháng', en: 'Half-year review' },
    [
      { vi: 'Báo cáo sơ kết 6 tháng thực hiện dân chủ ở cơ sở', en: 'Half-year review report' },
      { vi: 'Thảo luận, đánh giá hạn chế, nguyên nhân', en: 'Limitations and causes' },
      { vi: 'Nhiệm vụ 6 tháng cuối năm', en: 'Tasks for the second half' },
    ],
  ),
  steeringYearEndReview: steering(
    'steeringYearEndReview',
    { vi: 'Tổng kết năm', en: 'Year-end review' },
    [
      { vi: 'Báo cáo tổng kết năm thực hiện dân chủ ở cơ sở', en: 'Year-end review report' },
      { vi: 'Thảo luận, đánh giá', en: 'Discussion and assessment' },
      { vi: 'Phương hướng, nhiệm vụ năm tới', en: 'Direction and tasks for next year' },
      { vi: 'Khen thưởng', en: 'Awards' },
    ],
  ),
  // Law 10/2022 Art. 51(2)(c): valid with at least 2/3 present; resolutions pass with > 50% of attendees.
  // Art. 51(3)-(4): the default agenda, in this order.
  staffConference: {
    kind: 'staffConference',
    name: { vi: 'Hội nghị cán bộ, công chức, viên chức', en: 'Staff conference' },
    summoned: 'allStaffOrDelegates',
    defaultAgenda: [
      { vi: 'Báo cáo của người đứng đầu cơ quan', en: "Head's report" },
      { vi: 'Báo cáo của Ban Chấp hành Công đoàn', en: "Trade union's report" },
      { vi: 'Thảo luận', en: 'Discussion' },
      { vi: 'Giải trình, trả lời ý kiến', en: 'Answers' },
      { vi: 'Báo cáo của Ban Thanh tra nhân dân', en: "People's Inspection Board report" },
      { vi: 'Biểu quyết các nội dung', en: 'Decisions' },
      { vi: 'Khen thưởng', en: 'Awards' },
      { vi: 'Ký giao ước thi đua', en: 'Emulation pact' },
      { vi: 'Thông qua nghị quyết hội nghị', en: 'Adoption of the resolution' },
    ],
    quorum: {
      kind: 'shareOfSummoned',
      threshold: AT_LEAST_TWO_THIRDS,
      configurable: false,
      basis: {
        vi: 'Điều 51 khoản 2 điểm c Luật Thực hiện dân chủ ở cơ sở 2022: ít nhất 2/3 tổng số tham dự',
        en: 'Law 10/2022/QH15 Art. 51(2)(c): at least 2/3 of those convened',
      },
    },
    adoption: {
      threshold: MORE_THAN_HALF,
      base: 'attendees',
      configurable: false,
      basis: {
        vi: 'Điều 51 khoản 2 điểm c Luật Thực hiện dân chủ ở cơ sở 2022: trên 50% người dự tán thành',
        en: 'Law 10/2022/QH15 Art. 51(2)(c): more than 50% of attendees',
      },
    },
    minutesSections: STANDARD_SECTIONS,
    reminders: [{ days: -7, atLocalTime: '08:00', purpose: 'agenda' }, ...MEETING_REMINDERS],
  },
  // Law 75/2015 Arts. 29, 33-36: a consultation collects opinions; it adopts nothing, so no quorum.
  frontConsultation: {
    kind: 'frontConsultation',
    name: { vi: 'Giám sát, phản biện xã hội', en: 'Front supervision / social critique' },
    summoned: 'frontAndOrganisations',
    defaultAgenda: [
      { vi: 'Giới thiệu dự thảo, nội dung lấy ý kiến', en: 'Presentation of the draft' },
      {
        vi: 'Ý kiến phản biện, kiến nghị của Mặt trận và các tổ chức',
        en: 'Critique and recommendations',
      },
      { vi: 'Giải trình, tiếp thu của cơ quan', en: "The agency's answers" },
    ],
    quorum: {
      kind: 'none',
      basis: {
        vi: 'Hội nghị lấy ý kiến, không biểu quyết',
        en: 'A consultation: no decisions taken',
      },
    },
    adoption: null,
    minutesSections: ['opening', 'agendaItem', 'conclusions', 'assignments', 'closing'],
    reminders: [{ days: -15, atLocalTime: '08:00', purpose: 'agenda' }, ...MEETING_REMINDERS],
  },
  citizenDialogue: {
    kind: 'citizenDialogue',
    name: { vi: 'Đối thoại với Nhân dân', en: 'Citizen dialogue' },
    summoned: 'citizens',
    defaultAgenda: [
      { vi: 'Thông tin tình hình, kết quả thực hiện nhiệm vụ', en: 'Briefing' },
      { vi: 'Nhân dân nêu ý kiến, kiến nghị', en: 'Citizens raise issues' },
      { vi: 'Trả lời, giải đáp; phân công xử lý', en: 'Answers and assignments' },
    ],
    quorum: {
      kind: 'none',
      basis: { vi: 'Buổi đối thoại, không biểu quyết', en: 'A dialogue: no decisions taken' },
    },
    adoption: null,
    minutesSections: ['opening', 'agendaItem', 'conclusions', 'assignments', 'closing'],
    reminders: MEETING_REMINDERS,
  },
};

export function templateFor(kind: MeetingKind): ProcessTemplate {
  return PROCESS_TEMPLATES[kind];
}
