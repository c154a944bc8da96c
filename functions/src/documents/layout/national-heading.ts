import type { Table } from 'docx';
import { borderlessTable } from './borderless-table.js';
import { TEXT_WIDTH } from './page.js';
import { SIZE, centredLine, horizontalRule, upper, type RunStyle } from './text.js';

/** The four strings of the heading block common to every administrative document. */
export interface HeadingData {
  /** Line above the issuing body (the managing body), e.g. 'UBND XÃ CHI LĂNG'; may be ''. */
  parentBody: string;
  /** The issuing body, e.g. 'BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ'. */
  issuingBody: string;
  /** e.g. 'Số: 12/BB-BCĐ'. */
  number: string;
  /** e.g. 'Chi Lăng, ngày 30 tháng 11 năm 2026'; may be ''. */
  placeAndDate: string;
}

export const NATIONAL_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Left (issuing body) and right (national heading) column widths, twips. */
const LEFT = 3855;
const RIGHT = TEXT_WIDTH - LEFT;
/** Length of the line under the motto: as long as the motto in 13 pt bold. */
const MOTTO_RULE = 3120;
/** Length of the line under the issuing body: about a third of the column. */
const ISSUER_RULE = 1300;

const gapAfter = (twips: number) => ({ before: 0, after: twips, line: 240 });

/**
 * Decree 30/2020 Art. 8, Appendix I heading: a borderless two-column table. Left: the parent body
 * (capitals, not bold) over the issuing body (capitals, bold) with a short line under it, then
 * "Số: …". Right: the national heading (capitals, bold) over the motto (bold, with a line under it),
 * then the place and date in italics, level with the number.
 */
export function nationalHeadingTable(data: HeadingData): Table {
  const issuerStyle: RunStyle = { bold: true, size: SIZE.issuingBody };
  const left = [
    ...(data.parentBody.trim()
      ? [centredLine(upper(data.parentBody.trim()), { size: SIZE.issuingBody })]
      : []),
    centredLine(upper(data.issuingBody.trim()), issuerStyle, { spacing: gapAfter(50) }),
    horizontalRule(ISSUER_RULE, LEFT),
  ];
  const right = [
    centredLine(NATIONAL_HEADING, { bold: true, size: SIZE.nationalHeading }),
    centredLine(MOTTO, { bold: true, size: SIZE.motto }, { spacing: gapAfter(50) }),
    horizontalRule(MOTTO_RULE, RIGHT),
  ];
  const numberCell = [centredLine(data.number, { size: SIZE.number }, { spacing: gapAfter(0) })];
  const dateCell = data.placeAndDate.trim()
    ? [centredLine(data.placeAndDate.trim(), { italics: true, size: SIZE.body })]
    : [];
  return borderlessTable(
    [LEFT, RIGHT],
    [
      [left, right],
      [
        [centredLine('', { size: 12 }), ...numberCell],
        [centredLine('', { size: 12 }), ...dateCell],
      ],
    ],
  );
}
