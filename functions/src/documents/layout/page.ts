import {
  AlignmentType,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ISectionPropertiesOptions,
} from 'docx';
import { run } from './text.js';

/** A4 portrait in twips (1/20 pt). */
export const A4 = { width: 11906, height: 16838 } as const;

/**
 * Margins in twips, within Decree 30/2020 Art. 8 ranges: top and bottom 20 mm, left 30 mm, right 15 mm.
 * The header (page number) sits 10 mm from the top edge.
 */
export const MARGIN = {
  top: 1134,
  bottom: 1134,
  left: 1701,
  right: 850,
  header: 567,
  footer: 567,
  gutter: 0,
} as const;

/** Width of the text block between the left and right margins. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** A4 portrait, decree margins, a different (empty) first-page header. */
export function officialSectionProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
      margin: { ...MARGIN },
    },
    titlePage: true,
  };
}

/**
 * Page numbers centred at the top of every page but the first (Decree 30/2020 Art. 8): the default
 * header holds a PAGE field, the first-page header is empty.
 */
export function pageNumberHeaders(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run([PageNumber.CURRENT])],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}
