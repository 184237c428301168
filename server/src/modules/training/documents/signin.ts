import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { officialHeader } from '../../../documents/docx/official.ts';
import type { Issuer } from '../../../documents/issuer.ts';
import { a4Section, docxBytes, pt, twip, unionDocument } from '../../../documents/docx/page.ts';
import { mm, newPdf, pdfBytes, type Pdf } from '../../../documents/pdf/pdf.ts';
import { drawUnionHeader } from '../../../documents/pdf/union-header.ts';
import { drawQr, qrPng } from '../../../documents/qr.ts';
import { vnDate } from '../../../lib/dates.ts';

/** The pre-filled sign-in sheet of one session (danh sách ký tên): trainees sign beside their name. */
export interface SignInSheet {
  /** The organiser, printed as the Union's header pair (its superior, itself, the organisation). */
  issuer: Issuer;
  className: string;
  /** yyyy-mm-dd */
  date: string;
  partLabel: string;
  startsAt: string;
  endsAt: string;
  topic: string | null;
  /** The session's check-in link, printed as a QR code. */
  checkinUrl: string;
  trainees: { name: string; unitName: string; title: string }[];
}

const TITLE = 'DANH SÁCH HỌC VIÊN KÝ TÊN';
const HEADERS = ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Ký tên'];
/** Column widths in mm, summing to the 160 mm between the Union's margins. */
const WIDTHS = [12, 46, 46, 30, 26];
const SCAN_LINE =
  'Điểm danh bằng mã QR: đăng nhập Canbo trên điện thoại và quét mã này trong giờ học ' +
  '(từ 30 phút trước giờ bắt đầu đến khi kết thúc buổi học).';

function sessionLine(s: SignInSheet): string {
  return `Buổi ${s.partLabel.toLowerCase()} ngày ${vnDate(s.date)} (${s.startsAt} – ${s.endsAt})`;
}

function cells(t: SignInSheet['trainees'][number], i: number): string[] {
  return [String(i + 1), t.name, t.unitName, t.title, ''];
}

// ---------- .docx ----------

const TABLE_TEXT = pt(12);

function para(text: string, o: { bold?: boolean; italic?: boolean; size?: number; center?: boolean } = {}) {
  // Only what differs from the defaults is written: 10,000 table cells make every property count.
  return new Paragraph({
    ...(o.center ? { alignment: AlignmentType.CENTER } : {}),
    children: [
      new TextRun({
        text,
        ...(o.bold ? { bold: true } : {}),
        ...(o.italic ? { italics: true } : {}),
        ...(o.size ? { size: o.size } : {}),
      }),
    ],
  });
}

function tableRow(values: string[], header: boolean): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: true,
    // Room for a signature.
    height: header ? undefined : { value: twip(9), rule: 'atLeast' },
    // Widths come from the table's fixed grid: per-cell widths would double the time Word files of
    // 2,000 rows take to write.
    children: values.map(
      (v, c) => new TableCell({ children: [para(v, { bold: header, size: TABLE_TEXT, center: header || c === 0 })] }),
    ),
  });
}

export async function signInDocx(s: SignInSheet): Promise<Buffer> {
  const qrSize = 120;
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const qrBlock = new Table({
    borders: TableBorders.NONE,
    width: { size: twip(160), type: WidthType.DXA },
    columnWidths: [twip(38), twip(122)],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: twip(38), type: WidthType.DXA },
            children: [
              new Paragraph({
                children: [
                  new ImageRun({
                    type: 'png',
                    data: await qrPng(s.checkinUrl),
                    transformation: { width: qrSize, height: qrSize },
                    altText: { name: 'QR', description: s.checkinUrl, title: 'Mã QR điểm danh' },
                  }),
                ],
              }),
            ],
          }),
          new TableCell({
            width: { size: twip(122), type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            children: [para(SCAN_LINE, { italic: true, size: pt(12) }), para(s.checkinUrl, { size: pt(10) })],
          }),
        ],
      }),
    ],
  });
  const table = new Table({
    width: { size: twip(160), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: WIDTHS.map(twip),
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [tableRow(HEADERS, true), ...s.trainees.map((t, i) => tableRow(cells(t, i), false))],
  });
  const doc = unionDocument(
    [
      a4Section([
        officialHeader(s.issuer),
        para(''),
        para(TITLE, { bold: true, center: true }),
        para(`Lớp: ${s.className}`, { bold: true, center: true }),
        para(sessionLine(s), { center: true }),
        ...(s.topic ? [para(`Nội dung: ${s.topic}`, { center: true, italic: true })] : []),
        para(''),
        qrBlock,
        para(''),
        table,
        para(''),
        para(`Tổng số: ${s.trainees.length} học viên.`, { italic: true }),
      ]),
    ],
    `${TITLE} - ${s.className}`,
  );
  return docxBytes(doc);
}

// ---------- .pdf ----------

const PAD = mm(1.5);
const FONT_SIZE = 11;
const MIN_ROW = mm(9);

/** A table row laid out: each cell's text height, and the row's height (room to sign at least). */
function layoutRow(doc: Pdf, values: string[], header: boolean) {
  doc.font(header ? 'bold' : 'regular').fontSize(FONT_SIZE);
  const heights = values.map((v, c) => (v ? doc.heightOfString(v, { width: mm(WIDTHS[c] ?? 20) - 2 * PAD }) : 0));
  return { values, header, heights, height: Math.max(MIN_ROW, Math.max(...heights) + 2 * PAD) };
}

function drawRow(doc: Pdf, row: ReturnType<typeof layoutRow>, y: number): void {
  let x = doc.page.margins.left;
  doc.font(row.header ? 'bold' : 'regular').fontSize(FONT_SIZE);
  row.values.forEach((v, c) => {
    const w = mm(WIDTHS[c] ?? 20);
    doc.rect(x, y, w, row.height).stroke();
    if (v) {
      doc.text(v, x + PAD, y + (row.height - (row.heights[c] ?? 0)) / 2, {
        width: w - 2 * PAD,
        align: row.header || c === 0 ? 'center' : 'left',
      });
    }
    x += w;
  });
}

export async function signInPdf(s: SignInSheet): Promise<Buffer> {
  const doc = newPdf({ title: `${TITLE} - ${s.className}` });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  // Columns as the Word header's: half the line each.
  drawUnionHeader(doc, s.issuer, {
    left,
    right: left + width,
    top: doc.page.margins.top,
    column: width / 2,
    size: 12,
  });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(14).text(TITLE, left, doc.y, { width, align: 'center' });
  doc.text(`Lớp: ${s.className}`, { width, align: 'center' });
  doc.font('regular').fontSize(13).text(sessionLine(s), { width, align: 'center' });
  if (s.topic) doc.font('italic').text(`Nội dung: ${s.topic}`, { width, align: 'center' });
  doc.moveDown(0.6);

  const qrSize = mm(30);
  const qrTop = doc.y;
  drawQr(doc, s.checkinUrl, left, qrTop, qrSize);
  doc
    .font('italic')
    .fontSize(12)
    .text(SCAN_LINE, left + qrSize + mm(5), qrTop + mm(6), { width: width - qrSize - mm(5) });
  doc
    .font('regular')
    .fontSize(9)
    .text(s.checkinUrl, { width: width - qrSize - mm(5) });
  let y = qrTop + qrSize + mm(5);

  const header = layoutRow(doc, HEADERS, true);
  drawRow(doc, header, y);
  y += header.height;
  s.trainees.forEach((t, i) => {
    const row = layoutRow(doc, cells(t, i), false);
    if (y + row.height > bottom()) {
      // A new page starts with the table's header again, so every page can be read on its own.
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(doc, header, y);
      y += header.height;
    }
    drawRow(doc, row, y);
    y += row.height;
  });
  doc.font('italic').fontSize(12);
  if (y + mm(10) > bottom()) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  doc.text(`Tổng số: ${s.trainees.length} học viên.`, left, y + mm(3), { width });
  return pdfBytes(doc);
}
