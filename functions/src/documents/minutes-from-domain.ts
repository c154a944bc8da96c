import {
  BODY_ROLE_LABELS,
  formatOfficialDate,
  formatOfficialDateTime,
  type Member,
  type MinutesForExport,
  type MinutesSection,
} from '@qcdc/core';
import type { ConclusionNoticeData } from './conclusion-notice-document';
import type { AssignmentLine, MinutesDocumentData, PersonLine } from './minutes-document';

/**
 * Maps stored minutes to what the official documents print. The document number is left blank
 * ("Số:     /BB-BCĐ"): the clerk (văn thư) numbers documents when registering them.
 */
export function minutesDocumentData(source: MinutesForExport): MinutesDocumentData {
  const { meeting, body, members, attendance } = source;
  const text = sectionTexts(source.sections);
  const person = personLookup(members);
  const startedAt = formatOfficialDateTime(meeting.startsAt);
  const opening = text.get('opening');
  return {
    parentBody: body.unitName.toUpperCase(),
    issuingBody: body.name.toUpperCase(),
    number: 'Số:      /BB-BCĐ',
    placeAndDate: `${placeName(body.unitName)}, ${formatOfficialDate(meeting.startsAt)}`,
    meetingTitle: meeting.title,
    startedAt,
    endedAt: meeting.endsAt ? formatOfficialDateTime(meeting.endsAt) : '',
    location: meeting.location,
    chair: person(meeting.chairId),
    secretary: person(meeting.secretaryId),
    attendees: members
      .filter((member) => member.roles.some((role) => role !== 'observer'))
      .map((member) => {
        const entry = attendance[member.userId];
        return {
          ...person(member.userId),
          status: entry?.status ?? 'absent',
          ...(entry?.delegateName ? { delegateName: entry.delegateName } : {}),
        };
      }),
    agendaItems: [
      ...(opening ? [{ title: 'Khai mạc', discussion: opening }] : []),
      ...meeting.agenda.map((item) => ({
        title: item.title,
        discussion: text.get(`item-${item.id}`) ?? '',
      })),
      ...(text.get('votes') ? [{ title: 'Biểu quyết', discussion: text.get('votes')! }] : []),
    ],
    votes: [],
    conclusions: lines(text.get('conclusions')),
    assignments: lines(text.get('assignments')).map(assignmentLine),
    recipients: ['Thành viên Ban Chỉ đạo;', 'Lưu: VT, BCĐ.'],
    version: meeting.minutes.edition,
    ...(meeting.minutes.approvedHash ? { approvedHash: meeting.minutes.approvedHash } : {}),
    documentDate: (meeting.minutes.approvedAt ?? meeting.startsAt).slice(0, 10),
  };
}

export function conclusionNoticeData(source: MinutesForExport): ConclusionNoticeData {
  const minutes = minutesDocumentData(source);
  const chair = minutes.chair;
  const present = minutes.attendees.filter((a) => a.status === 'present' || a.delegateName).length;
  return {
    parentBody: minutes.parentBody,
    issuingBody: minutes.issuingBody,
    number: 'Số:      /TB-BCĐ',
    placeAndDate: minutes.placeAndDate,
    subject: `Kết luận của Trưởng Ban Chỉ đạo tại ${lowerFirst(source.meeting.title)}`,
    heldOn: upperFirst(formatOfficialDate(source.meeting.startsAt)),
    location: minutes.location,
    chair,
    attendeesSummary: `${present}/${minutes.attendees.length} thành viên Ban Chỉ đạo`,
    concluder: 'Trưởng Ban Chỉ đạo',
    conclusions: minutes.conclusions,
    assignments: minutes.assignments,
    recipients: minutes.recipients,
    signature: { capacity: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], name: chair.name },
    version: minutes.version,
    ...(minutes.approvedHash ? { approvedHash: minutes.approvedHash } : {}),
    ...(minutes.documentDate ? { documentDate: minutes.documentDate } : {}),
  };
}

function sectionTexts(sections: readonly MinutesSection[]): Map<string, string> {
  return new Map(
    sections.filter((s) => s.text.trim() !== '').map((s) => [s.key, s.text.trim()] as const),
  );
}

function personLookup(members: readonly Member[]): (userId: string) => PersonLine {
  const byId = new Map(members.map((member) => [member.userId, member]));
  return (userId) => {
    const member = byId.get(userId);
    if (!member) return { name: '', title: '' };
    const roles = member.roles.map((role) => BODY_ROLE_LABELS.vi[role].toLowerCase());
    return { name: member.displayName, title: [member.title, ...roles].filter(Boolean).join(', ') };
  };
}

/** "UBND xã Chi Lăng" -> "Chi Lăng": the place line names the locality. */
function placeName(unitName: string): string {
  return unitName.replace(/^(UBND|Ủy ban nhân dân)\s+(xã|phường|đặc khu)\s+/i, '').trim();
}

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
}

/** "Tổng hợp báo cáo — Văn phòng — 20/12/2026" splits into its parts; anything else is a title. */
function assignmentLine(line: string): AssignmentLine {
  const [title = line, owner = '', deadline = ''] = line.split(/\s+[—–-]\s+/);
  return { title, owner, deadline };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
