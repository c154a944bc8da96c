import type { FileChild, Paragraph } from 'docx';
import type { ConclusionNoticeData } from './conclusion-notice-document.js';
import { packOfficialDocument } from './layout/document.js';
import { nationalHeadingTable } from './layout/national-heading.js';
import { recipientParagraphs } from './layout/recipients.js';
import { documentDate } from './layout/repeatable-pack.js';
import { signatureParagraphs, signatureTable } from './layout/signature.js';
import { bodyParagraph, run } from './layout/text.js';
import { documentTitle } from './layout/title.js';
import { versionStamp } from './layout/version-stamp.js';

/**
 * Renders a conclusion notice ("THÔNG BÁO Kết luận của … tại cuộc họp …") as a DOCX: the decree
 * heading, an intro sentence, the numbered conclusions, the assignments, then "Nơi nhận" on the
 * left and the single signature on the right.
 */
export function renderConclusionNoticeDocx(data: ConclusionNoticeData): Promise<Buffer> {
  const children: FileChild[] = [
    nationalHeadingTable(data),
    ...documentTitle('THÔNG BÁO', data.subject),
    ...introParagraphs(data),
    ...conclusionParagraphs(data),
    bodyParagraph(
      `Trên đây là Thông báo kết luận của ${data.concluder.trim()}, đề nghị các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.`,
      { keepNext: true },
    ),
    signatureTable(recipientParagraphs(data.recipients), [...signatureParagraphs(data.signature)]),
    versionStamp(data.version, data.approvedHash),
  ];
  return packOfficialDocument({
    title: `Thông báo ${data.subject}`.trim(),
    date: documentDate(data.documentDate, data.placeAndDate, data.heldOn),
    revision: data.version,
    children,
  });
}

function introParagraphs(data: ConclusionNoticeData): Paragraph[] {
  const chair = [data.chair.name.trim(), data.chair.title.trim()].filter(Boolean).join(', ');
  return [
    bodyParagraph(
      `${data.heldOn.trim()}, tại ${data.location.trim()}, đồng chí ${chair} đã chủ trì cuộc họp. ` +
        `Tham dự cuộc họp có ${data.attendeesSummary.trim().replace(/\.$/, '')}.`,
    ),
    bodyParagraph(
      `Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu dự họp, ${data.concluder.trim()} kết luận như sau:`,
    ),
  ];
}

function conclusionParagraphs(data: ConclusionNoticeData): Paragraph[] {
  const conclusions = data.conclusions.map((text, index) =>
    bodyParagraph([run(`${index + 1}. `, { bold: true }), endWithStop(text)]),
  );
  if (data.assignments.length === 0) return conclusions;
  const last = data.assignments.length - 1;
  return [
    ...conclusions,
    bodyParagraph(run(`${data.conclusions.length + 1}. Phân công nhiệm vụ:`, { bold: true }), {
      keepNext: true,
    }),
    ...data.assignments.map((a, index) =>
      bodyParagraph(
        `- ${a.title.trim()} — ${a.owner.trim()} — thời hạn ${a.deadline}${index === last ? '.' : ';'}`,
      ),
    ),
  ];
}

function endWithStop(text: string): string {
  const trimmed = text.trim().replace(/;$/, '');
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
