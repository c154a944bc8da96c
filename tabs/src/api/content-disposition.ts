/**
 * The file name a `Content-Disposition` header offers: the RFC 5987 `filename*=UTF-8''…` form when
 * present (it keeps Vietnamese letters), else the plain `filename="…"`, else `fallback`.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return safeName(decodeURIComponent(extended[1].trim())) || fallback;
    } catch {
      // a malformed escape: fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return (name && safeName(name.trim())) || fallback;
}

/** No folders: a name is a name, whatever the header says. */
function safeName(name: string): string {
  return name.replace(/[\\/]/g, '_');
}
