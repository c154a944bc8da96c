import { AlignmentType, FrameAnchorType, Paragraph } from 'docx';
import { A4, MARGIN, TEXT_WIDTH } from './page.js';
import { SIZE, TIGHT_SPACING, run } from './text.js';

/** "Phiên bản 2 · SHA-256 …": which approved version of the record this file is. */
export function versionStampText(version: number, approvedHash?: string): string {
  const hash = approvedHash?.trim();
  return hash ? `Phiên bản ${version} · SHA-256 ${hash}` : `Phiên bản ${version}`;
}

/**
 * The version stamp, small, in the bottom margin of the last page: the document's last paragraph,
 * set in a frame positioned against the page, so it lands under the text of whichever page the
 * document ends on and never on the earlier ones.
 */
export function versionStamp(version: number, approvedHash?: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: TIGHT_SPACING,
    frame: {
      type: 'absolute',
      position: { x: MARGIN.left, y: A4.height - MARGIN.bottom + 340 },
      width: TEXT_WIDTH,
      height: 240,
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
    },
    children: [run(versionStampText(version, approvedHash), { size: SIZE.stamp })],
  });
}
