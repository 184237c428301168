import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';

/**
 * Read generated documents back, so tests assert what a user would read in them: names, numbers,
 * header lines — not just that a file came out.
 */

/** The text of every page of a PDF, page by page (items joined by spaces). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await pdf.destroy();
  return pages;
}

/** The paragraphs of a .docx body (and its tables' cells), in document order. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('not a .docx: no word/document.xml');
  const body = strFromU8(xml);
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[1] === undefined ? '\t' : decodeXml(m[1])))
        .join(''),
    )
    .filter((t) => t.trim() !== '');
}

/** Names of the files in a .docx or .zip (images embedded, certificates bundled). */
export function zipEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes));
}

/** Every sheet of a workbook as rows of cell texts. */
export async function xlsxRows(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = String(cell.text)));
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    out[sheet.name] = rows;
  });
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
