import type { Paragraph } from 'docx';
import { TEXT_WIDTH } from './page.js';
import { centredLine, horizontalRule, upper } from './text.js';

/** Length of the line under the title's summary (trích yếu): about a third of a short line. */
const SUMMARY_RULE = 1700;

/**
 * The document's kind in bold capitals ("BIÊN BẢN", "THÔNG BÁO"), its summary line(s) in bold below,
 * and a short line under the summary (Decree 30/2020, Appendix I, section on "tên loại và trích yếu").
 */
export function documentTitle(kind: string, summary: string): Paragraph[] {
  const summaryLines = summary
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [
    centredLine(
      upper(kind),
      { bold: true },
      { spacing: { before: 360, after: 0, line: 276 }, keepNext: true },
    ),
    ...summaryLines.map((line, index) =>
      centredLine(
        line,
        { bold: true },
        {
          spacing: { before: 0, after: index === summaryLines.length - 1 ? 50 : 0, line: 276 },
          keepNext: true,
        },
      ),
    ),
    horizontalRule(SUMMARY_RULE, TEXT_WIDTH, 240),
  ];
}
