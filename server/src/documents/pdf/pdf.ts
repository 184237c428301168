import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontFile = (name: string) => readFileSync(require.resolve(`@expo-google-fonts/tinos/${name}`));

/**
 * Tinos has Times New Roman's metrics (the Union's document font) and every Vietnamese letter;
 * the standard PDF fonts have neither, so every PDF registers it. Read once per process.
 */
let fonts: Record<'regular' | 'bold' | 'italic' | 'boldItalic', Buffer> | undefined;
function tinos() {
  fonts ??= {
    regular: withoutOpenTypeLayout(fontFile('400Regular/Tinos_400Regular.ttf')),
    bold: withoutOpenTypeLayout(fontFile('700Bold/Tinos_700Bold.ttf')),
    italic: withoutOpenTypeLayout(fontFile('400Regular_Italic/Tinos_400Regular_Italic.ttf')),
    boldItalic: withoutOpenTypeLayout(fontFile('700Bold_Italic/Tinos_700Bold_Italic.ttf')),
  };
  return fonts;
}

/**
 * The font with its GSUB and GPOS tables hidden (their tags renamed in the table directory).
 * pdfkit parses a font afresh in every document, and decoding those two tables is most of the cost
 * of a one-page certificate (about 30 ms a face; 243 certificates took three times as long with
 * them). Vietnamese needs neither: every letter with its tone mark is a precomposed glyph reached
 * through the cmap, as long as the text is in NFC — which `newPdf` makes sure of. Sharing one parsed
 * font between documents would be faster still, but garbles text (fontkit caches glyph state).
 */
function withoutOpenTypeLayout(font: Buffer): Buffer {
  const out = Buffer.from(font);
  const tables = out.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    const tag = out.toString('latin1', at, at + 4);
    if (tag === 'GSUB' || tag === 'GPOS') out.write(`x${tag.slice(1)}`, at, 'latin1');
  }
  return out;
}

export type Pdf = InstanceType<typeof PDFDocument>;

const MM = 72 / 25.4;
/** Millimetres to PDF points. */
export const mm = (v: number) => v * MM;

/**
 * An A4 document with the Union's margins (top 20, bottom 20, left 30, right 20 mm) and the Tinos
 * faces registered as 'regular', 'bold', 'italic', 'boldItalic'.
 */
export function newPdf(opts: { layout?: 'portrait' | 'landscape'; title?: string } = {}): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(20) },
    info: { Title: opts.title ?? 'Canbo', Producer: 'Canbo' },
    autoFirstPage: true,
  });
  const f = tinos();
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  doc.registerFont('italic', f.italic);
  doc.registerFont('boldItalic', f.boldItalic);
  doc.font('regular');
  // Decomposed input (a + combining marks, as some keyboards type) would need the layout tables
  // hidden above; composed, every Vietnamese letter is one glyph.
  const text = doc.text.bind(doc) as (...args: unknown[]) => Pdf;
  doc.text = (value: unknown, ...rest: unknown[]) =>
    text(typeof value === 'string' ? value.normalize('NFC') : value, ...rest);
  return doc;
}

/** Finish the document and collect its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
