import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ReportResult, ReportTable, ReportValue } from '@canbo/contract';
import { GRID_BORDERS, documentTitle, officialHeader, signatureBlock } from './official.ts';
import { documentNumber, type Issuer } from '../issuer.ts';
import { a4Section, docxBytes, pt, twip, unionDocument } from './page.ts';

/** Everything a report prints besides its figures: who issues it, its number, signer and recipients. */
export interface ReportDocument {
  issuer: Issuer;
  /** null leaves the number to be written by hand. */
  number: number | null;
  /** The document's date (yyyy-mm-dd). */
  date: string;
  report: ReportResult;
  signerTitle: string;
  signerName: string | null;
  recipients: string[];
}

// Landscape A4 less the side margins (30 + 20 mm): the form's many columns need the width.
const WIDTH_MM = 247;

function text(
  t: string,
  opts: {
    bold?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    keepNext?: boolean;
  },
) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.CENTER,
    keepNext: opts.keepNext,
    children: [new TextRun({ text: t, bold: opts.bold, size: pt(opts.size ?? 10) })],
  });
}

// Narrow cell margins (0.7 mm): with Word's default 1.9 mm a figure column keeps 6 mm of its 10 for text.
const MARGINS = { left: 40, right: 40, top: 0, bottom: 0 };

/** A figure as printed: words where the cell has them, a number in Vietnamese (36.460; 65,5), or nothing. */
export const figureText = (v: ReportValue): string =>
  v.text ?? (v.value === null ? '' : v.value.toLocaleString('vi-VN'));

/** The form's table: its header rows with their spans, then the rows, numbers centred. */
function formTable(t: ReportTable, last: boolean): Table {
  const width = (t.header[0] ?? []).reduce((n, c) => n + c.colSpan, 0);
  const labels = Math.max(1, t.rows[0]?.labels.length ?? 2);
  // STT narrow, the row's name wide, the figures share the rest.
  const nameMm = 42;
  const sttMm = 12;
  const figureMm = (WIDTH_MM - sttMm - nameMm * (labels - 1)) / Math.max(1, width - labels);
  const widths = Array.from({ length: width }, (_, i) => (i === 0 ? sttMm : i < labels ? nameMm : figureMm));
  const cell = (children: Paragraph[], span: { columnSpan?: number; rowSpan?: number } = {}) =>
    new TableCell({ children, verticalAlign: VerticalAlign.CENTER, margins: MARGINS, ...span });
  const header = t.header.map(
    (cells) =>
      new TableRow({
        tableHeader: true,
        children: cells.map((c) =>
          cell([text(c.text, { bold: true, size: 8 })], { columnSpan: c.colSpan, rowSpan: c.rowSpan }),
        ),
      }),
  );
  const rows = t.rows.map((r, ri) => {
    const keepNext = last && ri === t.rows.length - 1;
    const filled = r.values.map(figureText);
    while (r.labels.length + filled.length < width) filled.push('');
    return new TableRow({
      cantSplit: true,
      children: [
        ...r.labels.map((l, i) =>
          cell([text(l, { bold: r.strong, keepNext, align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })]),
        ),
        ...filled.map((v) => cell([text(v, { bold: r.strong, keepNext })])),
      ],
    });
  });
  return new Table({
    width: { size: twip(WIDTH_MM), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths.map(twip),
    borders: GRID_BORDERS,
    rows: [...header, ...rows],
  });
}

function body(t: string, italics = false, keepNext = false): Paragraph {
  return new Paragraph({
    keepNext,
    keepLines: keepNext,
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 60, after: 60 },
    children: [new TextRun({ text: t, italics, size: pt(12) })],
  });
}

/** A report in the Union's document format (HD 29): header, "BÁO CÁO" and its subject, the tables, notes, signature. */
export async function reportDocx(d: ReportDocument): Promise<Buffer> {
  const [name = '', ...rest] = d.report.title;
  // The report's name is printed in capitals as the table's heading; the subject line is a sentence.
  const sentence = name.charAt(0) + name.slice(1).toLocaleLowerCase('vi');
  const subject = [sentence, ...rest].join(' — ');
  const children = [
    officialHeader(d.issuer, documentNumber(d.issuer, 'report', d.number, 'BTC'), d.date, WIDTH_MM),
    ...documentTitle('BÁO CÁO', subject),
    ...(d.report.paragraphs ?? []).map((p) => body(p)),
    ...d.report.tables.flatMap((t, i, all) => [
      ...(t.caption ? [body(t.caption, false, true)] : []),
      formTable(t, i === all.length - 1),
    ]),
    ...d.report.notes.map((n) => body(`Ghi chú: ${n}`, true, true)),
    new Paragraph({ keepNext: true, children: [] }),
    signatureBlock(
      {
        formula: 'TM. BAN THƯỜNG VỤ',
        signerTitle: d.signerTitle,
        signerName: d.signerName,
        recipients: d.recipients,
      },
      WIDTH_MM,
    ),
  ];
  return docxBytes(unionDocument([a4Section(children, { landscape: true })], `Báo cáo - ${sentence}`));
}
