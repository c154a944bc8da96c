import type { Paragraph, Table } from 'docx';
import { borderlessTable } from './borderless-table.js';
import { TEXT_WIDTH } from './page.js';
import { blankLines, centredLine, upper } from './text.js';

/** One signature: capacity lines in bold capitals, an italic note, room to sign, the name in bold. */
export interface SignatureData {
  /** e.g. ['THƯ KÝ'], or ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN']. */
  capacity: string[];
  /** Italic line under the capacity, e.g. '(Ký, ghi rõ họ tên)'; omitted when empty. */
  note?: string;
  name: string;
}

export const SIGN_HERE = '(Ký, ghi rõ họ tên)';
/** Empty lines left for the handwritten signature (and seal). */
const SIGNING_SPACE = 4;

export function signatureParagraphs(signature: SignatureData): Paragraph[] {
  return [
    ...signature.capacity.map((line) =>
      centredLine(upper(line), { bold: true }, { keepNext: true }),
    ),
    ...(signature.note ? [centredLine(signature.note, { italics: true }, { keepNext: true })] : []),
    ...blankLines(SIGNING_SPACE),
    centredLine(signature.name, { bold: true }),
  ];
}

/** Half of the text width, the column a signature or the recipient list occupies. */
export const HALF_WIDTH = Math.floor(TEXT_WIDTH / 2);

/**
 * A two-column borderless block kept on one page: two signatures (minutes: THƯ KÝ left, CHỦ TỌA
 * right), or "Nơi nhận" left and the signature right (notices, letters).
 */
export function signatureTable(left: readonly Paragraph[], right: readonly Paragraph[]): Table {
  return borderlessTable([HALF_WIDTH - 400, TEXT_WIDTH - HALF_WIDTH + 400], [[left, right]], {
    cantSplit: true,
  });
}
