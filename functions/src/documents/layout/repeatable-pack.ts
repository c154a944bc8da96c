import { Packer, type Document } from 'docx';

/** Core properties written into docProps/core.xml. */
export interface CoreProperties {
  title: string;
  /** Used for both dcterms:created and dcterms:modified, and the zip entries' times. */
  date: Date;
  revision: number;
}

export const CREATOR = 'QCDC';

const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * The date a document carries in its properties, so the same data always gives the same bytes: an
 * explicit ISO date if given, else the first "ngày d tháng m năm yyyy" or "dd/MM/yyyy" found in the
 * given texts (place and date line, start time), else 1 January 2000.
 */
export function documentDate(explicit: string | undefined, ...texts: string[]): Date {
  if (explicit) {
    const parsed = new Date(explicit);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  for (const text of texts) {
    const long = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text);
    const short = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
    const match = long ?? short;
    if (match) {
      const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCDate() === day && date.getUTCMonth() === month - 1) return date;
    }
  }
  return FALLBACK_DATE;
}

/**
 * Packs the document into DOCX bytes that depend only on its content: docx writes the current
 * time into docProps/core.xml and into every zip entry, so the core properties are replaced with
 * fixed ones and the zip entries' times are set to the document's date.
 */
export async function packRepeatable(
  document: Document,
  properties: CoreProperties,
): Promise<Buffer> {
  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreXml(properties) },
  ]);
  return setZipTimes(packed, properties.date);
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreXml({ title, date, revision }: CoreProperties): string {
  const when = w3cdtf(date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>${CREATOR}</dc:creator>` +
    `<cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>` +
    `<cp:revision>${Math.max(1, Math.trunc(revision))}</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** Rewrites the MS-DOS modification time and date of every entry of a zip file (in place). */
export function setZipTimes(zip: Buffer, date: Date): Buffer {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);

  let end = -1;
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip file: no end of central directory');

  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < entries; entry++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_HEADER)
      throw new Error('Corrupt zip central directory');
    zip.writeUInt16LE(dosTime, offset + 12);
    zip.writeUInt16LE(dosDate, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('Corrupt zip local header');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    offset +=
      46 +
      zip.readUInt16LE(offset + 28) +
      zip.readUInt16LE(offset + 30) +
      zip.readUInt16LE(offset + 32);
  }
  return zip;
}
