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
    regular: fontFile('400Regular/Tinos_400Regular.ttf'),
    bold: fontFile('700Bold/Tinos_700Bold.ttf'),
    italic: fontFile('400Regular_Italic/Tinos_400Regular_Italic.ttf'),
    boldItalic: fontFile('700Bold_Italic/Tinos_700Bold_Italic.ttf'),
  };
  return fonts;
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
