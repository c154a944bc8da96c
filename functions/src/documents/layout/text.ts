import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';

/** Decree 30/2020 Art. 8: Times New Roman (Unicode, TCVN 6909:2001), black. */
export const FONT = 'Times New Roman';
export const BLACK = '000000';

/** Font sizes in half-points (the unit of w:sz). */
export const SIZE = {
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", parent and issuing bodies: 12-13 pt. */
  nationalHeading: 24,
  issuingBody: 26,
  /** "Độc lập - Tự do - Hạnh phúc": 13-14 pt. */
  motto: 26,
  /** "Số: …": 13 pt. */
  number: 26,
  /** Body text, titles, signatures: 13-14 pt. */
  body: 28,
  /** "Nơi nhận:" 12 pt, the list 11 pt. */
  recipientsLabel: 24,
  recipients: 22,
  /** Version stamp at the foot of the last page. */
  stamp: 16,
} as const;

/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE_INDENT = 720;

/** Body spacing: 6 pt after each paragraph, line spacing 1.15 (between single and 1.5). */
export const BODY_SPACING = {
  before: 0,
  after: 120,
  line: 276,
  lineRule: LineRuleType.AUTO,
} as const;

/** Single-spaced, no gaps: for the heading block, signatures and the recipient list. */
export const TIGHT_SPACING = {
  before: 0,
  after: 0,
  line: 240,
  lineRule: LineRuleType.AUTO,
} as const;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Half-points; body size when omitted. */
  size?: number;
}

type RunChildren = NonNullable<IRunOptions['children']>;

/** A Times New Roman, black, Vietnamese-tagged run: the only way text enters these documents. */
export function run(text: string | RunChildren, style: RunStyle = {}): TextRun {
  return new TextRun({
    ...(typeof text === 'string' ? { text } : { children: text }),
    font: FONT,
    size: style.size ?? SIZE.body,
    color: BLACK,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    language: { value: 'vi-VN' },
  });
}

export type Inline = string | TextRun;

function runs(children: Inline | readonly Inline[], style: RunStyle): TextRun[] {
  const list: readonly Inline[] = Array.isArray(children) ? children : [children as Inline];
  return list.map((child) => (typeof child === 'string' ? run(child, style) : child));
}

export interface ParagraphLayout {
  keepNext?: boolean;
  /** No first-line indent (sub-headings, list lines). */
  noIndent?: boolean;
}

/** A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after. */
export function bodyParagraph(
  children: Inline | readonly Inline[],
  layout: ParagraphLayout = {},
  style: RunStyle = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: layout.noIndent ? 0 : FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    keepNext: layout.keepNext ?? false,
    children: runs(children, style),
  });
}

/** "Label: value" with the label in bold. */
export function labelledParagraph(
  label: string,
  value: string,
  layout: ParagraphLayout = {},
): Paragraph {
  return bodyParagraph(
    value ? [run(`${label}: `, { bold: true }), value] : [run(`${label}:`, { bold: true })],
    layout,
  );
}

/** A centred single-spaced line (headings, titles, signature lines). */
export function centredLine(
  children: Inline | readonly Inline[],
  style: RunStyle = {},
  options: Pick<IParagraphOptions, 'spacing' | 'keepNext' | 'border'> = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: options.spacing ?? TIGHT_SPACING,
    keepNext: options.keepNext ?? false,
    ...(options.border ? { border: options.border } : {}),
    children: runs(children, style),
  });
}

/**
 * A short solid horizontal line, centred in a container of the given width: an empty, 1 pt high
 * paragraph whose top border is indented to the wanted length (Decree 30's "đường kẻ ngang, nét liền").
 */
export function horizontalRule(length: number, containerWidth: number, spaceAfter = 0): Paragraph {
  const side = Math.max(0, Math.round((containerWidth - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: spaceAfter, line: 20, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    keepNext: true,
    children: [run('', { size: 2 })],
  });
}

/** Empty single-spaced lines, e.g. the room left for a handwritten signature. */
export function blankLines(count: number): Paragraph[] {
  return Array.from({ length: count }, () => centredLine(''));
}

/** Splits free text into paragraphs on line breaks, dropping blank lines and stray spaces. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** Vietnamese upper case, for headings that the decree sets in capitals. */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}
