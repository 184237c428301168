import ExcelJS from 'exceljs';
import type { ReportResult, ReportTable } from '@canbo/contract';
import { safeText } from './table.ts';

/**
 * A report as an official form in Excel: the title lines merged across the table, each table's
 * header rows with their cells merged as the form spans them, then the rows — the names as text,
 * every figure a number — and the notes. Every text goes through `safeText` (no formula injection).
 */

/** Where each header cell lands on the grid (1-based), skipping places a span from above covers. */
export function placeHeader(header: ReportTable['header']) {
  const taken = new Set<string>();
  const placed: { row: number; col: number; text: string; colSpan: number; rowSpan: number }[] = [];
  header.forEach((cells, r) => {
    let col = 1;
    for (const cell of cells) {
      while (taken.has(`${r}:${col}`)) col++;
      placed.push({ row: r + 1, col, ...cell });
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr}:${col + dc}`);
      }
      col += cell.colSpan;
    }
  });
  return placed;
}

export function tableWidth(t: ReportTable): number {
  return (t.header[0] ?? []).reduce((n, c) => n + c.colSpan, 0);
}

const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function reportWorkbook(report: ReportResult): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Báo cáo');
  const width = Math.max(...report.tables.map(tableWidth), 1);
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 30;
  for (let c = 3; c <= width; c++) sheet.getColumn(c).width = 9;

  let at = 1;
  const line = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.getRow(at);
    row.getCell(1).value = safeText(text);
    sheet.mergeCells(at, 1, at, width);
    row.font = font;
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    at++;
  };
  report.title.forEach((text, i) => line(text, i === 0 ? { bold: true, size: 14 } : { bold: true }));
  at++;
  // The narrative above the table, a merged row each, tall enough for its lines at this width.
  for (const text of report.paragraphs ?? []) {
    sheet.getRow(at).getCell(1).value = safeText(text);
    sheet.mergeCells(at, 1, at, width);
    sheet.getRow(at).alignment = { wrapText: true, vertical: 'top', horizontal: 'justify' };
    sheet.getRow(at).height = 15 * Math.ceil(text.length / (6 + 30 + 9 * (width - 2)) + 1);
    at += 2;
  }

  for (const table of report.tables) {
    if (table.caption) line(table.caption, { bold: true });
    for (const h of placeHeader(table.header)) {
      const top = at + h.row - 1;
      const cell = sheet.getCell(top, h.col);
      cell.value = safeText(h.text);
      if (h.colSpan > 1 || h.rowSpan > 1) sheet.mergeCells(top, h.col, top + h.rowSpan - 1, h.col + h.colSpan - 1);
    }
    for (let r = at; r < at + table.header.length; r++) {
      const row = sheet.getRow(r);
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = BOX;
      }
    }
    at += table.header.length;
    for (const r of table.rows) {
      const row = sheet.getRow(at++);
      r.labels.forEach((text, i) => (row.getCell(i + 1).value = text ? safeText(text) : null));
      r.values.forEach((v, i) => (row.getCell(r.labels.length + i + 1).value = v.text ? safeText(v.text) : v.value));
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.border = BOX;
        if (r.strong) cell.font = { bold: true };
        if (c > r.labels.length) cell.alignment = { horizontal: 'center' };
      }
    }
    at++;
  }
  for (const note of report.notes) {
    sheet.getRow(at).getCell(1).value = safeText(note);
    sheet.mergeCells(at, 1, at, width);
    sheet.getRow(at).alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(at).height = 30;
    at++;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
