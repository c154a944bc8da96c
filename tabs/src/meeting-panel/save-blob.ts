/**
 * Saves a fetched file in a browser (and Teams desktop/web): an object URL on a temporary link with
 * `download`. The URL is released a minute later, long after the browser has taken the bytes.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
