import { gradeLabels, type Grade } from '@canbo/contract';
import { mm, newPdf, pdfBytes, type Pdf } from '../../../documents/pdf/pdf.ts';
import { drawQr } from '../../../documents/qr.ts';
import { drawUnionHeader, type HeaderLines } from '../../../documents/pdf/union-header.ts';
import { vnDate } from '../../../lib/dates.ts';

/** Everything printed on a certificate, as plain data: no database, so the bench can call it too. */
export interface CertificateData {
  number: string;
  /** The public verification address the QR code carries, printed small under it. */
  verifyUrl: string;
  personName: string;
  birthDate: string | null;
  /** The trainee's unit at the time of the class. */
  unitName: string;
  className: string;
  startDate: string;
  endDate: string;
  grade: Grade | null;
  /** The header lines of the issuing committee and the organisation (documents/issuer.ts issuerOf). */
  issuer: HeaderLines;
  /** "Gia Nghĩa" in "Gia Nghĩa, ngày 14 tháng 05 năm 2025". */
  place: string | null;
  issuedOn: string;
  signerTitle: string;
  signerName: string | null;
  /** Set on a revoked certificate: the page is stamped "ĐÃ THU HỒI". */
  revokedOn: string | null;
}

const RED = '#a50f15';
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "Gia Nghĩa, ngày 14 tháng 05 năm 2025", as official documents date themselves. */
function placeAndDate(place: string | null, iso: string): string {
  const [y, m, d] = iso.split('-');
  const date = `ngày ${d} tháng ${m} năm ${y}`;
  return place ? `${place}, ${date}` : `${date.charAt(0).toUpperCase()}${date.slice(1)}`;
}

/** One body line: a plain label, then the value in bold, wrapping inside the body's width. */
function line(doc: Pdf, label: string, value: string, x: number, width: number): void {
  doc.font('regular').text(label, x, doc.y, { width, continued: true });
  doc.font('bold').text(value, { width });
  doc.moveDown(0.35);
}

function body(doc: Pdf, c: CertificateData, x: number, width: number, top: number): void {
  doc.fillColor('black').fontSize(16);
  doc.y = top;
  line(doc, 'Chứng nhận đồng chí: ', c.personName, x, width);
  line(doc, 'Ngày sinh: ', c.birthDate ? vnDate(c.birthDate) : '……………', x, width);
  line(doc, 'Đơn vị: ', c.unitName, x, width);
  // Class names mostly begin with "Lớp": the label then stops before its own "lớp".
  const label = /^lớp\s/iu.test(c.className) ? 'Đã hoàn thành ' : 'Đã hoàn thành lớp ';
  // A long class name gets a smaller size rather than pushing the signature off the page.
  const classLine = `${label}${c.className}`;
  let size = 16;
  doc.font('bold');
  while (size > 11 && doc.fontSize(size).heightOfString(classLine, { width }) > size * 3.6) size--;
  line(doc, label, c.className, x, width);
  doc.fontSize(16);
  line(doc, 'Từ ngày ', `${vnDate(c.startDate)} đến ngày ${vnDate(c.endDate)}`, x, width);
  if (c.grade) line(doc, 'Xếp loại: ', gradeLabels[c.grade], x, width);
}

/** Number and QR code at the bottom left, the URL printed under the code for those who type it. */
function verification(doc: Pdf, c: CertificateData, x: number, top: number): void {
  const size = mm(28);
  doc
    .fillColor('black')
    .font('bold')
    .fontSize(13)
    .text(`Số: ${c.number}`, x, top, { width: mm(80), lineBreak: false });
  drawQr(doc, c.verifyUrl, x, top + 20, size);
  doc
    .font('regular')
    .fontSize(7)
    .text(c.verifyUrl, x, top + 24 + size, { width: mm(80), height: 26 });
}

function signature(doc: Pdf, c: CertificateData, right: number, top: number): void {
  const width = mm(105);
  const x = right - width;
  doc.fillColor('black').font('italic').fontSize(13.5);
  doc.text(placeAndDate(c.place, c.issuedOn), x, top, { width, align: 'center' });
  doc.font('bold').text('TM. BAN THƯỜNG VỤ', x, doc.y + 2, { width, align: 'center' });
  doc.text(upper(c.signerTitle), x, doc.y, { width, align: 'center' });
  // Bounded, as everything near the foot of the page: text that overflows must not start a second page.
  if (c.signerName) doc.text(c.signerName, x, doc.y + mm(20), { width, align: 'center', height: 34, ellipsis: true });
}

/** A revoked certificate stays printable, across its face: "ĐÃ THU HỒI" and the date. */
function revokedStamp(doc: Pdf, revokedOn: string): void {
  const { width, height } = doc.page;
  const w = mm(150);
  const h = mm(42);
  doc.save();
  doc.rotate(-15, { origin: [width / 2, height / 2] });
  doc.opacity(0.85).strokeColor(RED).fillColor(RED).lineWidth(4);
  doc.rect((width - w) / 2, (height - h) / 2, w, h).stroke();
  doc
    .font('bold')
    .fontSize(50)
    .text('ĐÃ THU HỒI', (width - w) / 2, height / 2 - 36, { width: w, align: 'center' });
  doc.fontSize(14).text(`Ngày thu hồi: ${vnDate(revokedOn)}`, (width - w) / 2, doc.y, { width: w, align: 'center' });
  doc.restore();
}

/**
 * The certificate (giấy chứng nhận) as an A4 landscape PDF in Tinos: Union header, title, the
 * trainee, the class and its dates, the grade, the number, place and date, the signer, and a QR
 * code to the public verification page. One document per certificate.
 */
/** One certificate on the current page of `doc` (A4 landscape). */
function drawCertificate(doc: Pdf, c: CertificateData): void {
  const { width, height } = doc.page;
  const edge = mm(10);
  doc
    .lineWidth(2.5)
    .strokeColor(RED)
    .rect(edge, edge, width - 2 * edge, height - 2 * edge)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(edge + 5, edge + 5, width - 2 * edge - 10, height - 2 * edge - 10)
    .stroke();

  const left = mm(22);
  const right = width - mm(22);
  drawUnionHeader(doc, c.issuer, { left, right, top: mm(18), column: mm(115), size: 12.5 });
  doc.fillColor(RED).font('bold').fontSize(34);
  doc.text('GIẤY CHỨNG NHẬN', left, mm(50), { width: right - left, align: 'center' });
  body(doc, c, mm(55), width - mm(105), mm(72));
  verification(doc, c, mm(24), height - mm(70));
  signature(doc, c, right, height - mm(68));
  if (c.revokedOn) revokedStamp(doc, c.revokedOn);
}

export function renderCertificate(c: CertificateData): Promise<Buffer> {
  const doc = newPdf({ layout: 'landscape', title: `Giấy chứng nhận ${c.number}` });
  drawCertificate(doc, c);
  return pdfBytes(doc);
}

/**
 * A class's certificates as the pages of one document, for printing: the font is parsed and
 * embedded once, so 243 pages take a fraction of a second where 243 files take seconds.
 */
export function renderCertificates(certificates: readonly CertificateData[], title: string): Promise<Buffer> {
  const doc = newPdf({ layout: 'landscape', title });
  certificates.forEach((c, i) => {
    if (i > 0) doc.addPage({ size: 'A4', layout: 'landscape', margins: doc.page.margins });
    drawCertificate(doc, c);
  });
  return pdfBytes(doc);
}
