import { AlignmentType, Paragraph } from 'docx';
import { SIZE, TIGHT_SPACING, run } from './text.js';

/**
 * "Nơi nhận:" (12 pt, bold italic) and the recipients (11 pt), one per line, each starting "- ",
 * ending ";" except the last, which ends "." (it is usually "Lưu: VT, …"). `spaceBefore` in twips.
 */
export function recipientParagraphs(
  recipients: readonly string[],
  options: { spaceBefore?: number } = {},
): Paragraph[] {
  const items = recipients.map((item) => item.trim().replace(/^-\s*/, '')).filter(Boolean);
  return [
    new Paragraph({
      spacing: { ...TIGHT_SPACING, before: options.spaceBefore ?? 0 },
      keepNext: true,
      children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsLabel })],
    }),
    ...items.map(
      (item, index) =>
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: TIGHT_SPACING,
          keepNext: index < items.length - 1,
          children: [
            run(`- ${punctuate(item, index === items.length - 1)}`, { size: SIZE.recipients }),
          ],
        }),
    ),
  ];
}

function punctuate(item: string, last: boolean): string {
  if (/[.;:,]$/.test(item)) return last ? item.replace(/[;:,]$/, '.') : item;
  return `${item}${last ? '.' : ';'}`;
}
