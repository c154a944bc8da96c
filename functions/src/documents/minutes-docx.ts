import type { FileChild, Paragraph } from 'docx';
import { packOfficialDocument } from './layout/document.js';
import { nationalHeadingTable } from './layout/national-heading.js';
import { recipientParagraphs } from './layout/recipients.js';
import { documentDate } from './layout/repeatable-pack.js';
import { SIGN_HERE, signatureParagraphs, signatureTable } from './layout/signature.js';
import { documentTitle } from './layout/title.js';
import { bodyParagraph, labelledParagraph, run, splitParagraphs } from './layout/text.js';
import { versionStamp } from './layout/version-stamp.js';
import type {
  AttendeeLine,
  MinutesDocumentData,
  PersonLine,
  VoteLine,
} from './minutes-document.js';

/** Section labels of Decree 30/2020 Form 1.9, in the order they are printed. */
export const MINUTES_LABELS = {
  startedAt: 'Thời gian bắt đầu',
  location: 'Địa điểm',
  attendees: 'Thành phần tham dự',
  chair: 'Chủ trì',
  secretary: 'Thư ký (người ghi biên bản)',
  proceedings: 'Nội dung (theo diễn biến cuộc họp)',
  votes: 'Kết quả biểu quyết',
  conclusions: 'Kết luận',
  assignments: 'Phân công nhiệm vụ',
  ended: 'Cuộc họp kết thúc vào',
} as const;

/** Renders meeting minutes (biên bản) as a DOCX following Decree 30/2020 Art. 8 and Form 1.9. */
export function renderMinutesDocx(data: MinutesDocumentData): Promise<Buffer> {
  const children: FileChild[] = [
    nationalHeadingTable(data),
    ...documentTitle('BIÊN BẢN', data.meetingTitle),
    labelledParagraph(MINUTES_LABELS.startedAt, sentence(data.startedAt)),
    labelledParagraph(MINUTES_LABELS.location, sentence(data.location)),
    ...attendeeParagraphs(data.attendees),
    labelledParagraph(MINUTES_LABELS.chair, sentence(person(data.chair))),
    labelledParagraph(MINUTES_LABELS.secretary, sentence(person(data.secretary))),
    labelledParagraph(MINUTES_LABELS.proceedings, '', { keepNext: true }),
    ...proceedingParagraphs(data),
    bodyParagraph(`${MINUTES_LABELS.ended} ${data.endedAt.trim()}./.`, { keepNext: true }),
    // Form 1.9: THƯ KÝ left, CHỦ TỌA right, "Nơi nhận" under them on the left; one unsplittable row
    // so the recipients never end up alone on a last page.
    signatureTable(
      [
        ...signatureParagraphs({
          capacity: ['THƯ KÝ'],
          note: SIGN_HERE,
          name: data.secretary.name,
        }),
        ...recipientParagraphs(data.recipients, { spaceBefore: 360 }),
      ],
      signatureParagraphs({ capacity: ['CHỦ TỌA'], note: SIGN_HERE, name: data.chair.name }),
    ),
    versionStamp(data.version, data.approvedHash),
  ];
  return packOfficialDocument({
    title: `Biên bản ${data.meetingTitle}`.trim(),
    date: documentDate(data.documentDate, data.placeAndDate, data.startedAt, data.endedAt),
    revision: data.version,
    children,
  });
}

function person({ name, title }: PersonLine): string {
  return title.trim() ? `${name.trim()}, ${title.trim()}` : name.trim();
}

/** Ends a clause with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:;]$/.test(trimmed) || trimmed === '' ? trimmed : `${trimmed}.`;
}

/** "- item;" lines, the last one ending with a full stop. */
function listLines(lines: readonly string[]): Paragraph[] {
  return lines.map((line, index) =>
    bodyParagraph(
      `- ${line.trim().replace(/[.;,]$/, '')}${index === lines.length - 1 ? '.' : ';'}`,
    ),
  );
}

/**
 * "Thành phần tham dự:" the people present (a delegate as "… (dự thay …)"), then the absentees with
 * "vắng mặt có lý do" or "vắng mặt".
 */
function attendeeParagraphs(attendees: readonly AttendeeLine[]): Paragraph[] {
  const present = attendees.filter((a) => a.status === 'present' || a.delegateName?.trim());
  const absent = attendees.filter((a) => a.status !== 'present' && !a.delegateName?.trim());
  const presentLines = present.map((a) =>
    a.delegateName?.trim() ? `${a.delegateName.trim()} (dự thay ${person(a)})` : person(a),
  );
  const absentLines = absent.map(
    (a) => `${person(a)} (${a.status === 'absentExcused' ? 'vắng mặt có lý do' : 'vắng mặt'})`,
  );
  const summary = `có mặt ${present.length}/${attendees.length} người được triệu tập${
    presentLines.length > 0 ? ', gồm:' : '.'
  }`;
  return [
    labelledParagraph(MINUTES_LABELS.attendees, summary, { keepNext: presentLines.length > 0 }),
    ...listLines(presentLines),
    ...(absentLines.length > 0
      ? [
          bodyParagraph(run(`Vắng mặt (${absentLines.length} người):`, { italics: true }), {
            keepNext: true,
          }),
          ...listLines(absentLines),
        ]
      : []),
  ];
}

/** Agenda items as numbered sub-headings with their discussion, then votes, conclusions, assignments. */
function proceedingParagraphs(data: MinutesDocumentData): Paragraph[] {
  const items = data.agendaItems.flatMap((item, index) => [
    bodyParagraph(run(`${index + 1}. ${item.title.trim()}`, { bold: true }), { keepNext: true }),
    ...splitParagraphs(item.discussion).map((paragraph) => bodyParagraph(paragraph)),
  ]);
  const votes =
    data.votes.length > 0
      ? [
          labelledParagraph(MINUTES_LABELS.votes, '', { keepNext: true }),
          ...data.votes.flatMap((vote) => voteParagraphs(vote)),
        ]
      : [];
  const conclusions =
    data.conclusions.length > 0
      ? [
          labelledParagraph(MINUTES_LABELS.conclusions, '', { keepNext: true }),
          ...listLines(data.conclusions),
        ]
      : [];
  const assignments =
    data.assignments.length > 0
      ? [
          labelledParagraph(MINUTES_LABELS.assignments, '', { keepNext: true }),
          ...listLines(
            data.assignments.map((a) =>
              [a.title.trim(), a.owner.trim(), a.deadline ? `thời hạn ${a.deadline}` : '']
                .filter(Boolean)
                .join(' — '),
            ),
          ),
        ]
      : [];
  return [...items, ...votes, ...conclusions, ...assignments];
}

export function voteTally(vote: VoteLine): string {
  return `Tán thành: ${vote.forCount}; Không tán thành: ${vote.againstCount}; Không biểu quyết: ${vote.abstainCount}`;
}

function voteParagraphs(vote: VoteLine): Paragraph[] {
  return [
    bodyParagraph(run(`- ${sentence(vote.question)}`, { italics: true }), { keepNext: true }),
    bodyParagraph([
      `${voteTally(vote)} — `,
      run('Kết quả: ', { bold: true }),
      sentence(vote.outcome),
    ]),
  ];
}
