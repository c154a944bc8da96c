import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const RENDER_TOOLS_HINT =
  'apt-get install libreoffice-writer-nogui fonts-liberation poppler-utils';

/** Fails with the install hint when LibreOffice or poppler-utils are missing. */
export function requireRenderTools(): void {
  const missing = ['soffice', 'pdftoppm', 'pdftotext', 'pdfinfo'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0,
  );
  if (missing.length > 0) {
    throw new Error(
      `The DOCX render check needs ${missing.join(', ')} on PATH: ${RENDER_TOOLS_HINT}`,
    );
  }
}

/**
 * DOCX → PDF with LibreOffice headless, in a fresh temporary directory with its own throwaway
 * profile (so it neither clashes with nor depends on another running instance). Returns the PDF path.
 */
export function convertDocxToPdf(docx: Buffer, name = 'document'): string {
  const dir = mkdtempSync(join(tmpdir(), 'qcdc-docx-'));
  const input = join(dir, `${name}.docx`);
  writeFileSync(input, docx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'pipe', timeout: 110_000 },
  );
  return join(dir, `${name}.pdf`);
}

/** One page of a PDF as a PNG (pdftoppm). */
export function pdfPageToPng(pdf: string, page: number, dpi = 60): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'qcdc-png-'));
  execFileSync(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf, join(dir, 'page')],
    { stdio: 'pipe' },
  );
  const image = readdirSync(dir).find((file) => file.endsWith('.png'));
  if (!image) throw new Error(`pdftoppm wrote no PNG for page ${page} of ${pdf}`);
  return readFileSync(join(dir, image));
}

/** One page of a PDF as text (pdftotext -layout), NFC-normalised. */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  }).normalize('NFC');
}

/** Number of pages (pdfinfo, also from poppler-utils). */
export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}
