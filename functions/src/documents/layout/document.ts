import { Document, type FileChild } from 'docx';
import { officialSectionProperties, pageNumberHeaders } from './page.js';
import { BLACK, FONT, SIZE } from './text.js';
import { CREATOR, packRepeatable } from './repeatable-pack.js';

export interface OfficialDocumentOptions {
  title: string;
  date: Date;
  revision: number;
  children: readonly FileChild[];
}

/**
 * One A4 section with the decree's margins, page numbers from page 2, Times New Roman 14 pt black as
 * the document default, packed repeatably.
 */
export function packOfficialDocument(options: OfficialDocumentOptions): Promise<Buffer> {
  const document = new Document({
    title: options.title,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    revision: options.revision,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, color: BLACK, language: { value: 'vi-VN' } },
        },
      },
    },
    sections: [
      {
        properties: officialSectionProperties(),
        headers: pageNumberHeaders(),
        children: [...options.children],
      },
    ],
  });
  return packRepeatable(document, options);
}
