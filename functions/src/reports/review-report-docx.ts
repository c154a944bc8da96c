import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type FileChild,
} from 'docx';
import { MEETING_KINDS, type BodyKind, type BodyReview } from '@qcdc/core';
import { packOfficialDocument } from '../documents/layout/document.js';
import { nationalHeadingTable } from '../documents/layout/national-heading.js';
import { TEXT_WIDTH } from '../documents/layout/page.js';
import { recipientParagraphs } from '../documents/layout/recipients.js';
import { signatureParagraphs, signatureTable } from '../documents/layout/signature.js';
import { BLACK, TIGHT_SPACING, bodyParagraph, run } from '../documents/layout/text.js';
import { documentTitle } from '../documents/layout/title.js';
import {
  citizenSections,
  civilDate,
  cutOffText,
  meetingKindLabel,
  officialCivilDate,
  percent,
  placeOf,
  reviewSubject,
  resolutionReviewSentence,
  staffConferenceSentence,
} from './review-report-text.js';

/** "Số:      /BC-BCĐ": the number is left blank for the clerk who registers the report. */
export const REVIEW_REPORT_NUMBER = 'Số:      /BC-BCĐ';
export const TO_BE_WRITTEN = '(Đơn vị bổ sung)';

const SIGNER: Record<BodyKind, string[]> = {
  steeringCommittee: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'],
  staffConference: ['THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ'],
  fatherlandFront: ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH'],
  peoplesInspectionBoard: ['TM. BAN THANH TRA NHÂN DÂN', 'TRƯỞNG BAN'],
};

/**
 * The review as a BÁO CÁO in the Decree 30/2020 administrative format: heading, number, title and
 * summary, I. results written from the data (sentences and a small table), II. limitations and III.
 * next period's tasks left for the unit to write, signature and "Nơi nhận". Dated by the period's end,
 * so the same data always gives the same bytes.
 */
export function renderReviewReportDocx(review: BodyReview): Promise<Buffer> {
  const subject = reviewSubject(review);
  const lowerSubject = subject.text.charAt(0).toLocaleLowerCase('vi-VN') + subject.text.slice(1);
  const children: FileChild[] = [
    nationalHeadingTable({
      parentBody: review.body.unitName,
      issuingBody: review.body.name,
      number: REVIEW_REPORT_NUMBER,
      placeAndDate: `${placeOf(review.body.unitName)}, ${officialCivilDate(review.period.to)}`,
    }),
    ...documentTitle('BÁO CÁO', subject.text),
    bodyParagraph(`${review.body.name} báo cáo ${lowerSubject} như sau:`),
    sectionHeading('I. KẾT QUẢ THỰC HIỆN'),
    ...resultParagraphs(review),
    figuresTable(review),
    bodyParagraph(run(cutOffText(review), { italics: true })),
    sectionHeading('II. HẠN CHẾ, NGUYÊN NHÂN'),
    bodyParagraph([
      run(TO_BE_WRITTEN, { italics: true }),
      run(' Nêu những hạn chế, khó khăn trong kỳ và nguyên nhân.', { italics: true }),
    ]),
    sectionHeading('III. NHIỆM VỤ KỲ TỚI'),
    bodyParagraph([
      run(TO_BE_WRITTEN, { italics: true }),
      run(' Nêu phương hướng, nhiệm vụ trọng tâm kỳ tới.', { italics: true }),
    ]),
    bodyParagraph(`Trên đây là báo cáo ${lowerSubject} của ${review.body.name}./.`, {
      keepNext: true,
    }),
    signatureTable(
      recipientParagraphs([
        'Cấp ủy, chính quyền cấp trên (để báo cáo)',
        `Thành viên ${review.body.name}`,
        'Lưu: VT',
      ]),
      signatureParagraphs({ capacity: SIGNER[review.body.kind], name: review.signerName }),
    ),
  ];
  const [year, month, day] = review.period.to.split('-').map(Number);
  return packOfficialDocument({
    title: `Báo cáo ${lowerSubject}`,
    date: new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, day ?? 1)),
    revision: 1,
    children,
  });
}

function sectionHeading(text: string): Paragraph {
  return bodyParagraph(run(text, { bold: true }), { keepNext: true });
}

function subHeading(text: string): Paragraph {
  return bodyParagraph(run(text, { bold: true }), { keepNext: true });
}

function resultParagraphs(review: BodyReview): Paragraph[] {
  const { meetings, assignments: a, votes } = review.figures;
  const byKind = MEETING_KINDS.filter((kind) => meetings.byKind[kind].count > 0)
    .map((kind) => `${meetingKindLabel(kind)}: ${meetings.byKind[kind].count}`)
    .join('; ');
  const meetingSentence =
    `Trong kỳ, ${review.body.name} đã tổ chức ${meetings.held.count} cuộc họp` +
    (byKind ? ` (${byKind})` : '') +
    `; ${meetings.minutesApproved.count} biên bản cuộc họp đã được chủ tọa thông qua` +
    (meetings.cancelled.count > 0 ? `; ${meetings.cancelled.count} cuộc họp bị hủy` : '') +
    '.';
  const paragraphs: Paragraph[] = [
    subHeading('1. Công tác hội họp'),
    bodyParagraph(meetingSentence),
  ];
  if (review.figures.staffConference) {
    paragraphs.push(bodyParagraph(staffConferenceSentence(review.figures.staffConference)));
    for (const check of review.figures.staffConference.resolutionReviews) {
      paragraphs.push(bodyParagraph(resolutionReviewSentence(check)));
    }
  }
  paragraphs.push(
    subHeading('2. Phân công và thực hiện nhiệm vụ'),
    bodyParagraph(
      `Tổng số nhiệm vụ được giao hoặc đến hạn trong kỳ: ${a.total.count}. ` +
        `Đã hoàn thành ${a.done.count} nhiệm vụ, trong đó đúng hạn ${a.onTime.count} (${percent(a.onTimeRate)}), ` +
        `trễ hạn ${a.late.count} (${percent(a.lateRate)}); chờ duyệt kết quả ${a.awaitingApproval.count}; ` +
        `đang thực hiện trong hạn ${a.open.count}; quá hạn ${a.overdue.count}; đã hủy ${a.cancelled.count}. ` +
        `Tỷ lệ hoàn thành: ${percent(a.completionRate)} (không tính nhiệm vụ đã hủy).`,
    ),
  );
  if (review.overdue.length === 0) {
    paragraphs.push(bodyParagraph('Không có nhiệm vụ quá hạn.'));
  } else {
    paragraphs.push(bodyParagraph('Các nhiệm vụ quá hạn:', { keepNext: true }));
    const last = review.overdue.length - 1;
    review.overdue.forEach((row, index) =>
      paragraphs.push(
        bodyParagraph(
          `- ${row.title} — ${row.ownerName} — thời hạn ${civilDate(row.deadline)}` +
            ` (quá hạn ${row.daysOverdue ?? 0} ngày)${index === last ? '.' : ';'}`,
        ),
      ),
    );
  }
  paragraphs.push(subHeading('3. Biểu quyết, bầu cử'));
  paragraphs.push(
    bodyParagraph(
      votes.available
        ? `Tại các cuộc họp trong kỳ đã tiến hành ${votes.motions.count} lượt biểu quyết: ` +
            `${votes.adopted.count} nội dung được thông qua, ${votes.rejected.count} nội dung không được thông qua, ` +
            `${votes.undecided.count} nội dung chưa đủ điều kiện quyết định; ${votes.elections.count} cuộc bầu cử, ` +
            `trong đó ${votes.electionsDecided.count} cuộc có kết quả trúng cử.`
        : `${TO_BE_WRITTEN} Số liệu biểu quyết chưa được tổng hợp.`,
    ),
  );
  for (const section of citizenSections(review, 4)) {
    paragraphs.push(subHeading(section.heading));
    for (const sentence of section.sentences) paragraphs.push(bodyParagraph(sentence));
  }
  return paragraphs;
}

function citizenTableRows(review: BodyReview): [string, string][] {
  const { front, reception, cases, disclosures } = review.figures.citizens;
  const rows: [string, string][] = [];
  if (front.available) {
    rows.push(
      ['Kiến nghị của MTTQ đã tiếp nhận', String(front.received.count)],
      ['Kiến nghị trả lời đúng hạn', String(front.answeredOnTime.count)],
      ['Kiến nghị trả lời trễ hạn', String(front.answeredLate.count)],
      ['Kiến nghị quá hạn chưa trả lời', String(front.openOverdue.count)],
    );
  }
  if (reception.available) {
    rows.push(['Buổi tiếp công dân, đối thoại đã tổ chức', String(reception.held.count)]);
  }
  if (cases.available) {
    rows.push(
      ['Đơn giải quyết đúng thời hạn', String(cases.resolvedOnTime.count)],
      ['Đơn giải quyết quá thời hạn', String(cases.resolvedLate.count)],
      ['Đơn quá hạn chưa giải quyết', String(cases.openOverdue.count)],
    );
  }
  if (disclosures.available) rows.push(['Nội dung đã công khai', String(disclosures.made.count)]);
  return rows;
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const COLUMNS = [700, TEXT_WIDTH - 700 - 2000, 2000] as const;

function figuresTable(review: BodyReview): Table {
  const { meetings, assignments: a, votes } = review.figures;
  const rows: [string, string][] = [
    ['Cuộc họp đã tổ chức', String(meetings.held.count)],
    ['Biên bản đã thông qua', String(meetings.minutesApproved.count)],
    ['Nhiệm vụ trong kỳ', String(a.total.count)],
    ['Hoàn thành đúng hạn', String(a.onTime.count)],
    ['Hoàn thành trễ hạn', String(a.late.count)],
    ['Tỷ lệ hoàn thành đúng hạn', percent(a.onTimeRate)],
    ['Nhiệm vụ quá hạn', String(a.overdue.count)],
    ...(votes.available
      ? ([['Lượt biểu quyết', String(votes.motions.count)]] as [string, string][])
      : []),
    ...citizenTableRows(review),
  ];
  const cell = (text: string, width: number, align: 'left' | 'center', bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: TIGHT_SPACING,
          children: [run(text, { bold, size: 26 })],
        }),
      ],
    });
  const row = (cells: readonly [string, string, string], header = false) =>
    new TableRow({
      cantSplit: true,
      tableHeader: header,
      children: [
        cell(cells[0], COLUMNS[0], 'center', header),
        cell(cells[1], COLUMNS[1], header ? 'center' : 'left', header),
        cell(cells[2], COLUMNS[2], 'center', header),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...COLUMNS],
    layout: TableLayoutType.FIXED,
    rows: [
      row(['STT', 'Chỉ tiêu', 'Số lượng'], true),
      ...rows.map(([label, value], index) => row([String(index + 1), label, value])),
    ],
  });
}
