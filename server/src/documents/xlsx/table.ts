import type { Writable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import ExcelJS from 'exceljs';

/**
 * One table per sheet, written as a stream: rows go to the zip as they arrive, so an export of a
 * whole province costs the memory of one batch, not of the whole list.
 */

export type XlsxCell = string | number | boolean | null | undefined;

export interface XlsxColumn<T> {
  /** Vietnamese header, as the user reads it in Excel. */
  header: string;
  /** Character width of the column. */
  width?: number;
  /** `date` takes `yyyy-mm-dd` strings and writes real dates shown as dd/mm/yyyy. */
  type?: 'text' | 'date' | 'number';
  value: (row: T) => XlsxCell;
}

export interface XlsxTable<T> {
  sheetName: string;
  /**
   * Lines above the header, as an official list names what it lists ("DANH SÁCH HỌC VIÊN", the
   * class, the organiser, the dates): the first bold and larger, each merged across the table.
   */
  title?: string[];
  columns: XlsxColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
}

/** A row with its number in the list (the "STT" column every official list opens with). */

export const DATE_FORMAT = 'dd/mm/yyyy';

/** Writing time between two turns of the event loop, in ms: other requests wait at most about this. */
const SLICE_MS = 10;

// A leading = + - @ (or their full-width forms), tab or CR makes a spreadsheet read the text as a
// formula once the cell is re-typed, pasted or saved as CSV (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
// XML 1.0 cannot carry these; a stray one in a note would make the whole file unreadable.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as it is safe to put in a cell: never read as a formula, never breaking the file. */
export function safeText(text: string): string {
  const clean = text.replace(XML_INVALID, '');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** `yyyy-mm-dd` → a Date at UTC midnight, which Excel shows as that calendar day. */
export function excelDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function cellValue(type: XlsxColumn<unknown>['type'], v: XlsxCell): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'date' && typeof v === 'string') return excelDate(v) ?? safeText(v);
  if (typeof v === 'string') return safeText(v);
  return v;
}

function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** The title lines, centred across the table's columns, then an empty row before the header. */
function writeTitle(sheet: ExcelJS.Worksheet, lines: string[], columns: number): void {
  lines.forEach((text, i) => {
    const row = sheet.addRow([safeText(text)]);
    sheet.mergeCells(row.number, 1, row.number, columns);
    row.font = i === 0 ? { bold: true, size: 14 } : { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    row.commit();
  });
  sheet.addRow([]).commit();
}

/**
 * Writes one sheet with its title lines (if any) and a bold, frozen header row to `out`, then ends
 * it. Resolves with the number of data rows once the workbook is complete; rejects (and destroys
 * `out`) if the rows fail.
 */
export async function writeXlsxTable<T>(out: Writable, table: XlsxTable<T>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const above = table.title?.length ? table.title.length + 1 : 0;
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: above + 1 }],
  });
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? 16 }));
  if (above) writeTitle(sheet, table.title!, table.columns.length);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const dateColumns = table.columns.flatMap((c, i) => (c.type === 'date' ? [i + 1] : []));
  let count = 0;
  let slice = performance.now();
  try {
    for await (const row of table.rows) {
      const added = sheet.addRow(table.columns.map((c) => cellValue(c.type, c.value(row))));
      dateColumns.forEach((i) => (added.getCell(i).numFmt = DATE_FORMAT));
      added.commit();
      count++;
      // Let a slow client drain what is written before reading more from the database, and stop
      // reading altogether once the client has gone. Rows already in memory (a whole batch, or a
      // list) would otherwise be written in one go: give the event loop a turn every few
      // milliseconds, so a worker hears the request thread's cancel (and any other caller's
      // requests are answered) while a large export runs.
      if (out.writableNeedDrain) await drainedOrClosed(out);
      else if (performance.now() - slice > SLICE_MS) {
        await turn();
        slice = performance.now();
      }
      if (out.destroyed) throw new Error('xlsx export cancelled: the output was closed');
    }
    sheet.commit();
    await workbook.commit();
  } catch (err) {
    out.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
  return count;
}
