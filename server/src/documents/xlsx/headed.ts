import { foldVietnamese } from '@canbo/contract';
import { readSheetRows, type SheetLimits } from './read.ts';
import type { FormRow, FormSheet } from './form.ts';

/**
 * Reading a filled form sheet (form.ts) as people keep them: the header row found among the first
 * rows (a merged title row above it is tolerated), headers matched ignoring case, diacritics,
 * spacing and punctuation, the notes row and the template's example row left out, blank rows
 * skipped. Values are the cells' text as stored (a formula's last computed value, never the formula).
 */

/** Rows between two reports of the rows read. */
const READ_STEP = 2_000;

/** Folded cells kept for the notes and example checks: a sheet's units, and more. */
const KEYS_KEPT = 10_000;

/** Rows looked at for the header: a title, a subtitle, a blank line or two. */
const HEADER_SCAN = 10;

export interface ReadFormRow {
  row: number;
  cells: FormRow;
}

export interface ReadForm {
  /** Row number of the header, 0 when none was found. */
  headerRow: number;
  /** Headers of required columns the sheet lacks. */
  missing: string[];
  rows: ReadFormRow[];
  /** The template's example row, left in and skipped. */
  exampleRow: number | null;
}

/** "Ngày sinh (*)" and "NGAY  SINH" are the same header. */
export const headerKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function readFormSheet(
  data: Uint8Array,
  form: FormSheet,
  limits: SheetLimits,
  example: FormRow | null,
  /**
   * Told the sheet rows read so far every READ_STEP rows (an import's progress bar), and handed the
   * rows kept since the last call, which are then not kept here (`rows` stays empty): a worker
   * sends them on a batch at a time instead of holding the whole sheet and copying it at the end.
   */
  onRead?: (read: number, rows: ReadFormRow[]) => void,
): ReadForm | null {
  const byHeader = new Map(form.columns.map((c) => [headerKey(c.header), c]));
  // Every row's first cells are compared with the notes and the example as headers are: the first
  // column's values repeat (a sheet names a few units, row after row), so their keys are kept, not
  // folded again on every row (two folds a row were a tenth of a 100,000-row read).
  const keys = new Map<string, string>();
  const keyOf = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) {
      if (keys.size >= KEYS_KEPT) keys.clear();
      keys.set(s, (k = headerKey(s)));
    }
    return k;
  };
  const notes = new Map(form.columns.map((c) => [c.key, headerKey(c.note)]));
  // Dates come back as Excel's day numbers: the example is recognised by its other cells.
  const compared = form.columns.filter((c) => c.type !== 'date');
  const exampleCells = example ? compared.map((c) => headerKey(example[c.key] ?? '')) : null;
  // Compared cell by cell, stopping at the first that differs: on most rows, the first.
  const isExample = (r: FormRow) =>
    exampleCells !== null && compared.every((c, i) => keyOf(r[c.key] ?? '') === exampleCells[i]);
  let columns: Map<number, string> | null = null;
  let scanned = 0;
  let read = 0;
  const out: ReadForm = { headerRow: 0, missing: [], rows: [], exampleRow: null };
  const ok = readSheetRows(data, {
    sheetName: form.sheetName,
    limits,
    onRow: (row, cells) => {
      if (onRead && ++read % READ_STEP === 0) {
        onRead(read, out.rows);
        out.rows = [];
      }
      if (!columns) {
        if (++scanned > HEADER_SCAN) return;
        const found = new Map<number, string>();
        for (const [n, text] of cells) {
          const c = byHeader.get(headerKey(text));
          if (c && ![...found.values()].includes(c.key)) found.set(n, c.key);
        }
        // A title row may hold one header-like word; the header row holds most of them.
        if (found.size >= Math.min(3, form.columns.length)) {
          columns = found;
          out.headerRow = row;
        }
        return;
      }
      const values: FormRow = {};
      let any = false;
      let allNotes = true;
      for (const [n, key] of columns) {
        const v = cells.get(n);
        if (!v) continue;
        values[key] = v;
        any = true;
        if (allNotes && keyOf(v) !== notes.get(key)) allNotes = false;
      }
      if (!any || allNotes) return;
      if (isExample(values)) {
        out.exampleRow = row;
        return;
      }
      out.rows.push({ row, cells: values });
    },
  });
  if (!ok) return null;
  if (onRead) {
    onRead(read, out.rows);
    out.rows = [];
  }
  if (columns) {
    const present = new Set((columns as Map<number, string>).values());
    out.missing = form.columns.filter((c) => c.required && !present.has(c.key)).map((c) => c.header);
  }
  return out;
}
