import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Documents read as a person reads them: a .docx laid out by LibreOffice into a PDF, a PDF's text
 * as poppler lays it out (`pdftotext -layout`, so a heading that wraps in its cell shows as two
 * lines), its page count, and PNGs of its pages kept with the e2e screenshots for someone to look
 * at. soffice (Debian libreoffice-writer-nogui) and poppler-utils must be installed — .ci/run
 * installs them; without them these tests fail rather than skip.
 */

const run = promisify(execFile);

/** Where the pages are saved as PNGs, beside the Playwright screenshots (ignored by git). */
export const SCREENSHOTS = fileURLToPath(new URL('../../e2e/screenshots/documents/', import.meta.url));

export interface Rendered {
  /** The text, page by page, as `pdftotext -layout` places it. */
  pages: string[];
  /** Every line of every page, trimmed, empty lines dropped. */
  lines: string[];
}

/** A .docx converted to PDF by LibreOffice, in its own profile: two soffice runs cannot share one. */
export async function docxToPdf(docx: Uint8Array): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'canbo-render-'));
  try {
    await writeFile(join(dir, 'document.docx'), docx);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'document.docx'),
      ],
      { timeout: 120_000 },
    );
    return await readFile(join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PDF's text and pages; its pages saved as `<name>-<page>.png` at 60 dpi in SCREENSHOTS. */
export async function readPdf(pdf: Uint8Array, name: string): Promise<Rendered> {
  const dir = await mkdtemp(join(tmpdir(), 'canbo-render-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
    await mkdir(SCREENSHOTS, { recursive: true });
    await run('pdftoppm', ['-png', '-r', '60', file, join(SCREENSHOTS, name)]);
    // pdftotext ends every page with a form feed, the last one too.
    const pages = stdout.split('\f').slice(0, -1);
    const lines = pages.flatMap((p) => p.split('\n').map((l) => l.trim())).filter(Boolean);
    return { pages, lines };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The page (from 0) whose text holds `text` first; -1 when none does. */
export const pageOf = (r: Rendered, text: string): number => r.pages.findIndex((p) => p.includes(text));

/** A .docx as LibreOffice prints it: converted, then read. */
export async function renderDocx(docx: Uint8Array, name: string): Promise<Rendered> {
  return readPdf(await docxToPdf(docx), name);
}
