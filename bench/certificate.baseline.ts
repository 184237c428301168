import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { gradeLabels } from '@canbo/contract';
import { newPdf, pdfBytes, type Pdf } from '../server/src/documents/pdf/pdf.ts';
import type { DocumentRow } from '../server/src/modules/training/certificates/certificates.repository.ts';

/**
 * The least a certificate PDF can cost: pdfkit alone writing the same page's text in the same
 * font and sizes, one A4 landscape document per certificate as the service makes them — no
 * database, no QR code, no frame, no layout measuring, no ZIP. The text comes from rows read
 * once before timing. "Same font" is the application's Tinos as `newPdf` registers it (with its
 * OpenType layout tables hidden); `stockFont` registers the font files as shipped instead, which
 * is what plain pdfkit costs without that change.
 */
const require = createRequire(import.meta.url);
const font = (name: string) => readFileSync(require.resolve(`@expo-google-fonts/tinos/${name}`));
const STOCK = {
  regular: font('400Regular/Tinos_400Regular.ttf'),
  bold: font('700Bold/Tinos_700Bold.ttf'),
  italic: font('400Regular_Italic/Tinos_400Regular_Italic.ttf'),
};

const MM = 72 / 25.4;
const dmy = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

/** The text lines of one certificate, with the face and size each is printed in. */
export function certificateText(r: DocumentRow, publicUrl: string): [face: string, size: number, text: string][] {
  const [y, m, d] = r.issued_at.slice(0, 10).split('-');
  return [
    ['regular', 12.5, r.superior_name ? `BCH ${r.superior_name.toLocaleUpperCase('vi')}` : ''],
    ['bold', 12.5, `BCH ${r.issuer_name.toLocaleUpperCase('vi')}`],
    ['bold', 13.5, 'ĐOÀN TNCS HỒ CHÍ MINH'],
    ['bold', 34, 'GIẤY CHỨNG NHẬN'],
    ['regular', 16, `Chứng nhận đồng chí: ${r.person_name}`],
    ['regular', 16, `Ngày sinh: ${dmy(r.birth_date)}`],
    ['regular', 16, `Đơn vị: ${r.unit_name}`],
    ['regular', 16, `Đã hoàn thành lớp ${r.class_name}`],
    ['regular', 16, `Từ ngày ${dmy(r.start_date)} đến ngày ${dmy(r.end_date)}`],
    ['regular', 16, r.grade ? `Xếp loại: ${gradeLabels[r.grade]}` : ''],
    ['bold', 13, `Số: ${r.number}`],
    ['regular', 7, `${publicUrl}/verify/${r.verify_code}`],
    ['italic', 13.5, `${r.issuer_place ? `${r.issuer_place}, ngày` : 'Ngày'} ${d} tháng ${m} năm ${y}`],
    ['bold', 13.5, 'TM. BAN THƯỜNG VỤ'],
    ['bold', 13.5, 'BÍ THƯ'],
  ];
}

function stockPdf(): Pdf {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 20 * MM });
  doc.registerFont('regular', STOCK.regular);
  doc.registerFont('bold', STOCK.bold);
  doc.registerFont('italic', STOCK.italic);
  return doc;
}

/** The pages' text in one document per call: one page per certificate, or all pages in one. */
export function barePdf(
  pages: [face: string, size: number, text: string][][],
  o: { stockFont?: boolean } = {},
): Promise<Buffer> {
  const doc = o.stockFont ? stockPdf() : newPdf({ layout: 'landscape' });
  pages.forEach((lines, i) => {
    if (i) doc.addPage();
    for (const [face, size, text] of lines) if (text) doc.font(face).fontSize(size).text(text);
  });
  return pdfBytes(doc);
}
