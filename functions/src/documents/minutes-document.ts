/**
 * What a meeting's minutes (biên bản, Decree 30/2020 Form 1.9) print: plain data, already localized
 * and formatted by the caller, which maps it from the domain.
 */

export interface PersonLine {
  name: string;
  /** Position, e.g. 'Chủ tịch UBND xã, Trưởng Ban Chỉ đạo'. */
  title: string;
}

export interface AttendeeLine extends PersonLine {
  status: 'present' | 'absentExcused' | 'absent';
  /** Who attended in this person's place; printed "… (dự thay …)" with those present. */
  delegateName?: string;
}

export interface AgendaItemLine {
  title: string;
  /** Free text; each non-blank line becomes a paragraph. */
  discussion: string;
}

export interface VoteLine {
  question: string;
  forCount: number;
  againstCount: number;
  abstainCount: number;
  /** e.g. 'Thông qua (7/9 thành viên tán thành).' */
  outcome: string;
}

export interface AssignmentLine {
  title: string;
  owner: string;
  /** Preformatted dd/MM/yyyy. */
  deadline: string;
}

export interface MinutesDocumentData {
  /** e.g. 'UBND XÃ CHI LĂNG' (line above the issuing body; may be ''). */
  parentBody: string;
  /** e.g. 'BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ'. */
  issuingBody: string;
  /** e.g. 'Số: 12/BB-BCĐ'. */
  number: string;
  /** e.g. 'Chi Lăng, ngày 30 tháng 11 năm 2026'. */
  placeAndDate: string;
  /** Printed under BIÊN BẢN. */
  meetingTitle: string;
  /** e.g. '08 giờ 00 phút, ngày 30 tháng 11 năm 2026'. */
  startedAt: string;
  /** e.g. '10 giờ 30 phút cùng ngày' or a full date. */
  endedAt: string;
  location: string;
  chair: PersonLine;
  secretary: PersonLine;
  attendees: AttendeeLine[];
  agendaItems: AgendaItemLine[];
  votes: VoteLine[];
  conclusions: string[];
  assignments: AssignmentLine[];
  /** "Nơi nhận", the last one typically 'Lưu: VT, BCĐ.'. */
  recipients: string[];
  /** Printed small at the foot of the last page: "Phiên bản 2 · SHA-256 …". */
  version: number;
  approvedHash?: string;
  /**
   * ISO date for the file's created/modified properties. When absent it is read from placeAndDate
   * (then startedAt), so the same data always renders to the same bytes.
   */
  documentDate?: string;
}
