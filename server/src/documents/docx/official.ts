import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { pt, twip } from './page.ts';
import { placeAndDate, type Issuer } from '../issuer.ts';

/**
 * The Union's official document layout in Word (QĐ 367-QĐ/TWĐTN-VP, HD 29-HD/TWĐTN-VP): the two-column
 * header, the document type and summary, the signature block and the recipients. Summons use it
 * today; reports, plans and notices use the same pieces. Who issues and the number: ../issuer.ts.
 */

interface Line {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

/** One paragraph of one run: most lines of the header and the signature block are exactly that. */
export function line(l: Line, opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...opts,
    children: [
      new TextRun({
        text: l.text,
        bold: l.bold,
        italics: l.italics,
        size: pt(l.size ?? 14),
        ...(l.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
      }),
    ],
  });
}

// The printable width in mm: portrait A4 less the 30 mm and 20 mm side margins (a landscape
// document gives its own, so its header and signature reach across the page).
const PORTRAIT_WIDTH_MM = 160;

/**
 * Two cells side by side with no borders, as the header and the signature block are laid out. The
 * grid is fixed: left to fit its text, Word and LibreOffice would squeeze a column and wrap its lines.
 */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number, widthMm: number): Table {
  const CONTENT_WIDTH = twip(widthMm);
  // One row that never breaks across pages: a signature block cut in two (the formula on one page,
  // the name on the next) is not a signed document.
  const leftWidth = Math.round(CONTENT_WIDTH * leftShare);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [leftWidth, CONTENT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, CONTENT_WIDTH - leftWidth)] }),
    ],
  });
}

/**
 * The header: left, the superior (if any), the issuing committee in bold, "***" and the number;
 * right, the organisation's line bold and underlined, and the place and date in italics. A form
 * that is neither numbered nor dated (a sign-in sheet) has the header pair alone.
 *
 * The columns are half the line each, as on the official form: the committee's line in 13 pt bold
 * ("BCH HUYỆN ĐOÀN ĐẮK GLONG", 72 mm) stays on one line, and so does the place and date in 13 pt
 * italics ("Gia Nghĩa, ngày 05 tháng 06 năm 2023").
 */
export function officialHeader(issuer: Issuer, number?: string, isoDate?: string, widthMm = PORTRAIT_WIDTH_MM): Table {
  const left = [
    ...(issuer.superior ? [line({ text: issuer.superior, size: 13 })] : []),
    line({ text: issuer.body, bold: true, size: 13 }),
    line({ text: '***', size: 13 }),
    ...(number !== undefined ? [line({ text: `Số: ${number}`, size: 13 })] : []),
  ];
  const right = [
    line({ text: issuer.motto, bold: true, underline: true, size: 15 }),
    ...(isoDate !== undefined
      ? [line({ text: '', size: 13 }), line({ text: placeAndDate(issuer, isoDate), italics: true, size: 13 })]
      : []),
  ];
  return twoColumns(left, right, 0.5, widthMm);
}

/** The document type in capitals and its summary line under it ("GIẤY TRIỆU TẬP" / "Học viên tham dự …"). */
export function documentTitle(type: string, summary: string): Paragraph[] {
  return [
    line({ text: type, bold: true, size: 16 }, { spacing: { before: 240 } }),
    line({ text: summary, bold: true }, { spacing: { after: 240 } }),
  ];
}

export interface Signature {
  /** "TM. BAN THƯỜNG VỤ": the committee on whose behalf the signer signs. */
  formula: string;
  /** "BÍ THƯ", "PHÓ BÍ THƯ". */
  signerTitle: string;
  signerName: string | null;
  /** One line each, without the leading dash ("Huyện đoàn Cư Jút", "Lưu VP"). */
  recipients: string[];
}

/**
 * The foot: "Nơi nhận:" and the recipients on the left in small type, one per line, the last
 * closing with a full stop; on the right the signing formula, the signer's title, room for the
 * signature and seal, and the signer's name.
 */
export function signatureBlock(s: Signature, widthMm = PORTRAIT_WIDTH_MM): Table {
  const last = s.recipients.length - 1;
  const left = [
    new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })] }),
    ...s.recipients.map(
      (r, i) => new Paragraph({ children: [new TextRun({ text: `- ${r}${i === last ? '.' : ';'}`, size: pt(11) })] }),
    ),
  ];
  const right = [
    line({ text: s.formula, bold: true }),
    line({ text: s.signerTitle, bold: true }),
    ...Array.from({ length: 4 }, () => line({ text: '' })),
    line({ text: s.signerName ?? '', bold: true }),
  ];
  return twoColumns(left, right, 0.5, widthMm);
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** Every line of a table drawn thin and black, as the tables inside official documents are. */
export const GRID_BORDERS = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

/** A bordered table of rows of text, the first row bold: the lists inside a document's body. */
export function listTable(header: string[], rows: string[][], widthsMm: number[]): Table {
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: twip(widthsMm[i] ?? 30), type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: i === 0 || bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text, bold, size: pt(13) })],
        }),
      ],
    });
  return new Table({
    width: { size: twip(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    // Fixed, so "STT" keeps the width it is given instead of being squeezed to "ST/T".
    layout: TableLayoutType.FIXED,
    columnWidths: widthsMm.map(twip),
    borders: GRID_BORDERS,
    rows: [header, ...rows].map(
      (cells, r) => new TableRow({ tableHeader: r === 0, children: cells.map((c, i) => cell(c, i, r === 0)) }),
    ),
  });
}
