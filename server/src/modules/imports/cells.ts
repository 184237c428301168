import { foldVietnamese } from '@canbo/contract';
import type { Words } from '../../i18n/messages.ts';

/**
 * Reading a cell of an import sheet as the value it stands for. Each answers the value or a
 * phrase in both languages saying why the cell is not one (the caller puts the row and column before it).
 */

export type Read<T> = { value: T } | { error: Words };

/** A cell longer than any field takes: refused before anything else reads it. */
export const MAX_CELL_CHARS = 2000;

// Excel's day 0 is 1899-12-30 (its day 60, 29/02/1900, never existed; days after it count right).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Excel day numbers before this (1908) are a year or a count typed in a date column, not a date. */
const FIRST_PLAUSIBLE_DAY = 2959;

function isoOf(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const notADate = (s: string): Words => ({
  vi: `"${s}" không phải ngày: hãy ghi dạng dd/mm/yyyy`,
  en: `"${s}" is not a date: write it as dd/mm/yyyy`,
});

/** An Excel date (its day number), dd/mm/yyyy (also with - or .) or yyyy-mm-dd → `yyyy-mm-dd`. */
export function readDate(cell: string): Read<string> {
  const s = cell.trim();
  let iso: string | null = null;
  if (/^\d+(\.\d+)?$/.test(s)) {
    const day = Math.floor(Number(s));
    if (day < FIRST_PLAUSIBLE_DAY) return { error: notADate(s) };
    const t = new Date(EXCEL_EPOCH + day * DAY_MS);
    iso = isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  } else {
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (!dmy && !ymd) return { error: notADate(s) };
    iso = dmy
      ? isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
      : isoOf(Number(ymd![1]), Number(ymd![2]), Number(ymd![3]));
    if (!iso) return { error: { vi: `ngày "${s}" không có trên lịch`, en: `the date "${s}" is not on the calendar` } };
  }
  if (!iso || iso < '1900-01-01' || iso > '2199-12-31')
    return {
      error: {
        vi: `ngày "${s}" phải trong khoảng năm 1900 đến 2199`,
        en: `the date "${s}" must be between 1900 and 2199`,
      },
    };
  return { value: iso };
}

/**
 * foldVietnamese remembered: a sheet repeats its units, names and drop-down words row after row, and
 * folding is most of what checking 100,000 rows costs. The memory is bounded.
 */
const folded = new Map<string, string>();
export function foldCell(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    if (folded.size >= 100_000) folded.clear();
    f = foldVietnamese(text);
    folded.set(text, f);
  }
  return f;
}

/** Each list's labels folded once, not on every cell of every row (a sheet has 100,000 rows). */
const foldedLabels = new WeakMap<object, Map<string, string>>();

/** A word from a drop-down (any case, with or without diacritics) → its code. */
export function readWord<C extends string>(cell: string, labels: Record<C, string>): Read<C> {
  let codes = foldedLabels.get(labels);
  if (!codes) {
    codes = new Map();
    // The first code of a label wins, as the search in the list's order did.
    for (const [code, label] of Object.entries(labels) as [C, string][]) {
      const key = foldVietnamese(label);
      if (!codes.has(key)) codes.set(key, code);
    }
    foldedLabels.set(labels, codes);
  }
  const code = codes.get(foldCell(cell));
  if (code !== undefined) return { value: code as C };
  const words = Object.values(labels).join(', ');
  return {
    error: { vi: `"${cell}" không có trong danh sách (${words})`, en: `"${cell}" is not in the list (${words})` },
  };
}
