import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { inflateEntry, inflateText, UnpackBudget, zipEntries, ZipLimitError, type ZipEntry } from './unzip.ts';

/**
 * Reading one sheet of an uploaded .xlsx as a stream of rows, with every limit checked while
 * reading: the bytes inflated (as they are inflated, see unzip.ts), the shared strings' size, the
 * cells of a row and the rows with a value. Nothing but the current row is held, so memory stays
 * that of the caller's own rows, and a sheet past a limit is refused at the row that passes it.
 */

export interface SheetLimits {
  /** Rows that hold any value, header rows included. */
  maxRows: number;
  maxCellsPerRow: number;
  /** Bytes inflated across every part read. */
  maxUnpacked: number;
  /** Bytes of the shared strings part, which is held whole while the sheet is read. */
  maxSharedStrings: number;
}

export type SheetLimit = keyof SheetLimits | 'corrupt';

export class SheetLimitError extends Error {
  constructor(
    readonly limit: SheetLimit,
    message: string,
    /** The same in English, for a user reading the app in English (the message is Vietnamese). */
    readonly en: string = message,
  ) {
    super(message);
  }
}

/** Cells of a row by column number (1 = A); a column without a value is absent. */
export type SheetCells = Map<number, string>;

const MB = 2 ** 20;
const SMALL_PART = MB;

/** "AB12" → 28. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

/** "xl/worksheets/sheet1.xml" from a relation target written relative to xl/ or from the root. */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function parseXml(
  xml: string,
  on: { open?: (t: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void },
) {
  const p = new SaxesParser();
  if (on.open) p.on('opentag', on.open);
  if (on.close) p.on('closetag', (t) => on.close!(t.name));
  if (on.text) p.on('text', on.text);
  p.write(xml).close();
}

const attr = (t: SaxesTagPlain, name: string): string | undefined => {
  const v = t.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/** The worksheet part named `sheetName`, else the first sheet of the workbook. */
function sheetPart(data: Uint8Array, byName: Map<string, ZipEntry>, budget: UnpackBudget, sheetName: string) {
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return null;
  const sheets: { name: string; rid: string }[] = [];
  parseXml(inflateText(data, workbook, budget, SMALL_PART, { vi: 'Phần workbook.xml', en: 'The part workbook.xml' }), {
    open: (t) => {
      if (t.name === 'sheet') sheets.push({ name: attr(t, 'name') ?? '', rid: attr(t, 'r:id') ?? '' });
    },
  });
  const targets = new Map<string, string>();
  parseXml(
    inflateText(data, rels, budget, SMALL_PART, { vi: 'Phần workbook.xml.rels', en: 'The part workbook.xml.rels' }),
    {
      open: (t) => {
        if (t.name === 'Relationship') targets.set(attr(t, 'Id') ?? '', attr(t, 'Target') ?? '');
      },
    },
  );
  const chosen = sheets.find((s) => s.name === sheetName) ?? sheets[0];
  const target = chosen && targets.get(chosen.rid);
  return target ? (byName.get(partPath(target)) ?? null) : null;
}

function sharedStrings(data: Uint8Array, entry: ZipEntry | undefined, budget: UnpackBudget, max: number): string[] {
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(
    inflateText(data, entry, budget, max, {
      vi: 'Bảng chuỗi dùng chung (sharedStrings.xml)',
      en: 'The shared strings (sharedStrings.xml)',
    }),
    {
      open: (t) => {
        if (t.name === 'si') current = [];
        else if (t.name === 'rPh') phonetic++;
        else if (t.name === 't' && !phonetic) inText = true;
      },
      close: (name) => {
        if (name === 'si') {
          strings.push((current ?? []).join(''));
          current = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 't') inText = false;
      },
      text: (t) => {
        if (inText && current) current.push(t);
      },
    },
  );
  return strings;
}

/**
 * Reads the sheet named `sheetName` (else the first), calling `onRow` with each row that holds a
 * value, in order. Returns false when the bytes are not an .xlsx workbook at all; throws
 * SheetLimitError past a limit or on a damaged file.
 */
export function readSheetRows(
  data: Uint8Array,
  options: { sheetName: string; limits: SheetLimits; onRow: (row: number, cells: SheetCells) => void },
): boolean {
  const { limits, onRow } = options;
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 0x03 || data[3] !== 0x04) return false;
  try {
    const budget = new UnpackBudget(limits.maxUnpacked);
    const byName = new Map(zipEntries(data).map((e) => [e.name, e]));
    const sheet = sheetPart(data, byName, budget, options.sheetName);
    if (!sheet) return false;
    const strings = sharedStrings(data, byName.get('xl/sharedStrings.xml'), budget, limits.maxSharedStrings);

    let rows = 0;
    let rowNumber = 0;
    let cells: SheetCells = new Map();
    let cellCount = 0;
    let column = 0;
    let type = '';
    let value: string[] | null = null;
    let inValue = false;
    let phonetic = 0;
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      switch (t.name) {
        case 'row':
          rowNumber = Number(attr(t, 'r')) || rowNumber + 1;
          cells = new Map();
          cellCount = 0;
          column = 0;
          break;
        case 'c':
          if (++cellCount > limits.maxCellsPerRow) {
            throw new SheetLimitError(
              'maxCellsPerRow',
              `Dòng ${rowNumber} có hơn ${limits.maxCellsPerRow} ô, nhiều hơn mọi bảng điểm danh`,
              `Row ${rowNumber} has more than ${limits.maxCellsPerRow} cells, more than any attendance sheet`,
            );
          }
          column = columnOf(attr(t, 'r') ?? '') || column + 1;
          type = attr(t, 't') ?? 'n';
          value = [];
          break;
        case 'v':
        case 't':
          inValue = value !== null && !phonetic;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    });
    parser.on('text', (text) => {
      if (value && inValue) value.push(text);
    });
    parser.on('closetag', (t) => {
      if (t.name === 'rPh') phonetic--;
      else if (t.name === 'v' || t.name === 't') inValue = false;
      else if (t.name === 'c' && value) {
        const raw = value.join('');
        const text = (type === 's' ? (strings[Number(raw)] ?? '') : raw).trim();
        if (text) cells.set(column, text);
        value = null;
      } else if (t.name === 'row' && cells.size) {
        if (++rows > limits.maxRows) {
          throw new SheetLimitError(
            'maxRows',
            `Bảng tính có hơn ${limits.maxRows} dòng có dữ liệu`,
            `The sheet has more than ${limits.maxRows} rows with data`,
          );
        }
        onRow(rowNumber, cells);
      }
    });
    // A cell's value is the text of its <v> (or <is><t> for inline text); its formula <f> is not.
    const decoder = new TextDecoder();
    inflateEntry(data, sheet, budget, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    parser.write(decoder.decode()).close();
    return true;
  } catch (err) {
    if (err instanceof SheetLimitError) throw err;
    if (err instanceof ZipLimitError) {
      throw new SheetLimitError(err.reason === 'unpacked' ? 'maxUnpacked' : 'corrupt', err.message, err.en);
    }
    // Not XML, or a zip that is not a workbook: the caller says it is not a readable spreadsheet.
    return false;
  }
}
