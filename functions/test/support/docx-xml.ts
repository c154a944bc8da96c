import { strFromU8, unzipSync } from 'fflate';

/** The XML parts of a DOCX by path. */
export function unzipDocx(docx: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(docx));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => /\.(xml|rels)$/.test(path))
      .map(([path, bytes]) => [path, strFromU8(bytes)]),
  );
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => decodeXml(m[1] ?? ''))
    .join('');
}

/** Every paragraph (w:p) in document order, with its XML and its text. */
export function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p\/>/g)].map((m) => ({
    xml: m[0],
    text: textOf(m[0]),
  }));
}

/** Every run (w:r) with its properties XML and its text. */
export function runs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => {
    const body = m[1] ?? '';
    return { props: /<w:rPr>(.*?)<\/w:rPr>/.exec(body)?.[1] ?? '', text: textOf(body) };
  });
}

/** Properties of the first run whose text is exactly `text` (throws when there is none). */
export function runProps(xml: string, text: string): string {
  const found = runs(xml).find((r) => r.text === text);
  if (!found) throw new Error(`No run with text ${JSON.stringify(text)}`);
  return found.props;
}

/** The paragraph whose text starts with `prefix` (throws when there is none). */
export function paragraphStartingWith(xml: string, prefix: string): { xml: string; text: string } {
  const found = paragraphs(xml).find((p) => p.text.startsWith(prefix));
  if (!found) throw new Error(`No paragraph starting with ${JSON.stringify(prefix)}`);
  return found;
}

/** Table rows (w:tr) with each cell's paragraph texts. */
export function tableRows(xml: string): { xml: string; cells: string[][] }[] {
  return [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((row) => ({
    xml: row[0],
    cells: [...row[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((cell) =>
      paragraphs(cell[0]).map((p) => p.text),
    ),
  }));
}

export function sizeOf(props: string): number | undefined {
  const m = /<w:sz w:val="(\d+)"\/>/.exec(props);
  return m ? Number(m[1]) : undefined;
}

export const isBold = (props: string) => /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(props);
export const isItalic = (props: string) => /<w:i\/>|<w:i w:val="(true|1|on)"\/>/.test(props);

/** The header part a section references for `type` ('default' | 'first' | 'even'). */
export function headerPart(parts: Record<string, string>, type: string): string {
  const documentXml = parts['word/document.xml'] ?? '';
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(
    documentXml,
  )?.[1];
  const rels = parts['word/_rels/document.xml.rels'] ?? '';
  const target = [...rels.matchAll(/<Relationship [^>]*\/>/g)]
    .map((m) => m[0])
    .find((rel) => rel.includes(`Id="${id}"`));
  const path = target && /Target="([^"]+)"/.exec(target)?.[1];
  const xml = path ? parts[`word/${path}`] : undefined;
  if (!xml) throw new Error(`No ${type} header part`);
  return xml;
}

/** Index of each needle in order, each searched after the previous one; -1 when out of order. */
export function positionsInOrder(haystack: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const at = haystack.indexOf(needle, from);
    if (at >= 0) from = at + needle.length;
    return at;
  });
}
