import type { HeadingData } from './layout/national-heading.js';
import type { SignatureData } from './layout/signature.js';
import type { MinutesDocumentData, PersonLine } from './minutes-document.js';

/**
 * What a conclusion notice (thông báo kết luận, Decree 30/2020 Appendix III form for a notice)
 * prints: plain data, already localized and formatted by the caller.
 */
export interface ConclusionNoticeData extends HeadingData {
  /** e.g. 'Số: 15/TB-BCĐ' (HeadingData.number). */
  number: string;
  /**
   * Printed in bold under THÔNG BÁO, e.g. 'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp Ban Chỉ đạo
   * thực hiện dân chủ ở cơ sở tháng 11 năm 2026'.
   */
  subject: string;
  /** Opens the intro sentence, e.g. 'Ngày 30 tháng 11 năm 2026'. */
  heldOn: string;
  location: string;
  chair: PersonLine;
  /** e.g. '07/09 thành viên Ban Chỉ đạo và đại diện Hội Nông dân xã'. */
  attendeesSummary: string;
  /** Who concludes, e.g. 'Trưởng Ban Chỉ đạo' ("… kết luận như sau:"). */
  concluder: string;
  conclusions: MinutesDocumentData['conclusions'];
  assignments: MinutesDocumentData['assignments'];
  /** The single signature on the right: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'] and the name. */
  signature: SignatureData;
  recipients: MinutesDocumentData['recipients'];
  version: MinutesDocumentData['version'];
  approvedHash?: MinutesDocumentData['approvedHash'];
  documentDate?: MinutesDocumentData['documentDate'];
}
