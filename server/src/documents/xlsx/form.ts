import ExcelJS from 'exceljs';
import { DATE_FORMAT, excelDate, safeText } from './table.ts';
import { rangeValidations } from './validations.ts';

/**
 * A form sheet: the layout every import template shares — Vietnamese headers in row 1, a notes row
 * under them saying what each column takes, then one record per row, with drop-down lists on the
 * coded columns. The same layout carries the rows back with their errors, so a user fixes the
 * sheet they get and uploads it again.
 */

export interface FormColumn {
  key: string;
  /** The Vietnamese header, as the sheet shows it and as uploads are matched against (see headed.ts). */
  header: string;
  /** The notes row's explanation. */
  note: string;
  width?: number;
  /** `date`: yyyy-mm-dd values are written as real dates shown dd/mm/yyyy. */
  type?: 'text' | 'date';
  /** The words a drop-down offers (Vietnamese labels, never codes). */
  list?: readonly string[];
  required?: boolean;
}

export interface FormSheet {
  sheetName: string;
  columns: readonly FormColumn[];
}

/** A row of values by column key; absent or empty = blank cell. */
export type FormRow = Record<string, string | null | undefined>;

export const HEADER_ROW = 1;
export const NOTES_ROW = 2;
export const FIRST_FORM_ROW = 3;
const LISTS_SHEET = 'Danh mục';
/** Rows that get the drop-downs in an empty template: room to type a district's cadres. */
const TEMPLATE_ROWS = 2000;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The form with these rows and, when given, an extra column at the end (the "Lỗi" of an error
 * sheet). Every value is written as safe text (never a formula), dates as dates.
 */
export async function formWorkbook(
  form: FormSheet,
  rows: readonly FormRow[],
  extra?: { header: string; note: string; values: readonly string[] },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Canbo';
  const ws = wb.addWorksheet(form.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: NOTES_ROW }] });
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const columns = [...form.columns, ...(extra ? [{ key: '', header: extra.header, note: extra.note, width: 60 }] : [])];
  ws.columns = columns.map((c) => ({
    width: c.width ?? 18,
    // Text columns stay text when typed into: a national ID keeps its leading zero.
    style: 'type' in c && c.type === 'date' ? { numFmt: DATE_FORMAT } : { numFmt: '@' },
  }));
  const header = ws.getRow(HEADER_ROW);
  const notes = ws.getRow(NOTES_ROW);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = safeText(c.header);
    notes.getCell(i + 1).value = safeText(c.note);
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  notes.font = { italic: true, color: { argb: 'FF595959' } };
  notes.alignment = { wrapText: true, vertical: 'top' };
  rows.forEach((r, i) => {
    const row = ws.getRow(FIRST_FORM_ROW + i);
    form.columns.forEach((c, j) => {
      const v = r[c.key];
      if (v === null || v === undefined || v === '') return;
      const cell = row.getCell(j + 1);
      const date = c.type === 'date' ? excelDate(v) : null;
      cell.value = date ?? safeText(v);
      if (date) cell.numFmt = DATE_FORMAT;
    });
    if (extra?.values[i]) {
      const cell = row.getCell(form.columns.length + 1);
      cell.value = safeText(extra.values[i]);
      cell.font = { color: { argb: 'FFC00000' } };
      cell.alignment = { wrapText: true };
    }
  });
  const last = FIRST_FORM_ROW + Math.max(rows.length, TEMPLATE_ROWS) - 1;
  let listColumn = 0;
  form.columns.forEach((c, j) => {
    if (!c.list?.length) return;
    // The lists live on a hidden sheet: an inline list is limited to 255 characters (55 ethnicities are not).
    const letter = columnLetter(++listColumn);
    c.list.forEach((word, k) => (lists.getCell(`${letter}${k + 1}`).value = safeText(word)));
    rangeValidations(ws).add(`${columnLetter(j + 1)}${FIRST_FORM_ROW}:${columnLetter(j + 1)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${letter}$1:$${letter}$${c.list.length}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `Chọn một giá trị trong danh sách của cột "${c.header}"`,
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
