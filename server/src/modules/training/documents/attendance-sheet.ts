import ExcelJS from 'exceljs';
import { attendanceMarkLabels, attendanceMarks, foldVietnamese, type AttendanceMark } from '@canbo/contract';
import { readSheetRows, type SheetCells, type SheetLimits } from '../../../documents/xlsx/read.ts';
import { safeText } from '../../../documents/xlsx/table.ts';
import { rangeValidations } from '../../../documents/xlsx/validations.ts';

/*
 * The attendance sheet: downloaded from the grid, filled in Excel, uploaded back. Its layout is the
 * contract between the two directions:
 *   row 1  STT | Mã học viên | Họ và tên | Đơn vị | Chức vụ | one column per session ("12/05/2025 Sáng")
 *   row 2  hidden: "#<session id>" above each session column — what the reader relies on, so a
 *          renamed header or a reordered column still lands on the right session
 *   row 3… one trainee per row; the enrolment id in "Mã học viên" identifies the trainee, the name
 *          is checked against it; session cells hold the Vietnamese mark words (a dropdown offers them)
 */

export const SHEET_NAME = 'Điểm danh';
export const ENROLMENT_HEADER = 'Mã học viên';
export const NAME_HEADER = 'Họ và tên';
const FIXED_HEADERS = ['STT', ENROLMENT_HEADER, NAME_HEADER, 'Đơn vị', 'Chức vụ'];
const ID_ROW = 2;
const FIRST_DATA_ROW = 3;
const SESSION_ID = /^#(\d+)$/;

export interface SheetSession {
  id: number;
  label: string;
}

export interface SheetRow {
  enrolmentId: number;
  personName: string;
  unitName: string;
  title: string;
  marks: (AttendanceMark | null)[];
}

export async function attendanceSheetXlsx(sheet: {
  title: string;
  sessions: readonly SheetSession[];
  rows: readonly SheetRow[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = safeText(sheet.title);
  wb.creator = 'Canbo';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', xSplit: 3, ySplit: ID_ROW }] });
  ws.columns = [
    { width: 6 },
    { width: 12 },
    { width: 28 },
    { width: 30 },
    { width: 22 },
    ...sheet.sessions.map(() => ({ width: 16 })),
  ];
  const header = ws.addRow([...FIXED_HEADERS, ...sheet.sessions.map((s) => safeText(s.label))]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const ids = ws.addRow([...FIXED_HEADERS.map(() => null), ...sheet.sessions.map((s) => `#${s.id}`)]);
  ids.hidden = true;
  sheet.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.enrolmentId,
      safeText(r.personName),
      safeText(r.unitName),
      safeText(r.title),
      ...r.marks.map((m) => (m ? attendanceMarkLabels[m] : null)),
    ]),
  );
  if (sheet.sessions.length && sheet.rows.length) {
    const first = FIXED_HEADERS.length + 1;
    const last = FIXED_HEADERS.length + sheet.sessions.length;
    const range = `${ws.getColumn(first).letter}${FIRST_DATA_ROW}:${ws.getColumn(last).letter}${FIRST_DATA_ROW + sheet.rows.length - 1}`;
    rangeValidations(ws).add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${attendanceMarks.map((m) => attendanceMarkLabels[m]).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Điểm danh',
      error: `Chọn một trong: ${attendanceMarks.map((m) => attendanceMarkLabels[m]).join(', ')}`,
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ReadColumn {
  /** Spreadsheet letter, as the user sees it. */
  letter: string;
  header: string;
}

export interface ReadRow {
  /** Row number in the spreadsheet. */
  row: number;
  enrolmentId: string;
  personName: string;
  /** One per session column, in the order of `sessionColumns`. */
  cells: string[];
}

/** A layout error in both languages (the shape of i18n's Words, which documents do not import). */
type Words = { vi: string; en: string };

export interface ReadSheet {
  sessionColumns: (ReadColumn & { sessionId: number })[];
  rows: ReadRow[];
  /** What is wrong with the sheet's layout itself, in both languages (the service answers in the user's). */
  errors: Words[];
}

/** A column number as the spreadsheet shows it: 1 → "A", 28 → "AB". */
function letterOf(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The columns named by the two header rows: which is the trainee's id, name, and each session. */
function readHeader(headerRow: SheetCells, idRow: SheetCells) {
  const errors: Words[] = [];
  const fixed = new Map(FIXED_HEADERS.map((h) => [foldVietnamese(h), h]));
  const found = new Map<string, number>();
  const sessionColumns: (ReadSheet['sessionColumns'][number] & { column: number })[] = [];
  const columns = [...new Set([...headerRow.keys(), ...idRow.keys()])].sort((a, b) => a - b);
  for (const c of columns) {
    const header = headerRow.get(c) ?? '';
    const letter = letterOf(c);
    const id = SESSION_ID.exec(idRow.get(c) ?? '');
    if (id) {
      sessionColumns.push({ letter, header, sessionId: Number(id[1]), column: c });
      continue;
    }
    const name = fixed.get(foldVietnamese(header));
    if (name) found.set(name, c);
    else if (header) {
      errors.push({
        vi: `Cột ${letter} ("${header}") không phải cột buổi học của mẫu điểm danh (thiếu mã buổi học ở dòng ẩn ${ID_ROW}); hãy tải lại mẫu từ Canbo`,
        en: `Column ${letter} ("${header}") is not a session column of the attendance template (the session's id is missing from hidden row ${ID_ROW}); download the template from Canbo again`,
      });
    }
  }
  const idColumn = found.get(ENROLMENT_HEADER);
  const nameColumn = found.get(NAME_HEADER);
  for (const [h, c] of [
    [ENROLMENT_HEADER, idColumn],
    [NAME_HEADER, nameColumn],
  ] as const) {
    if (c === undefined) {
      errors.push({
        vi: `Bảng tính thiếu cột "${h}" ở dòng 1; hãy dùng mẫu tải từ Canbo`,
        en: `The sheet lacks the column "${h}" on row 1; use the template downloaded from Canbo`,
      });
    }
  }
  if (sessionColumns.length === 0) {
    errors.push({
      vi: 'Bảng tính không có cột buổi học nào của mẫu điểm danh',
      en: 'The sheet has no session column of the attendance template',
    });
  }
  return { sessionColumns, idColumn, nameColumn, errors };
}

/**
 * Read an uploaded attendance sheet back into its columns and rows, or null when the bytes are not
 * a readable .xlsx workbook (another file type, even renamed .xlsx). Read as a stream within
 * `limits` (see documents/xlsx/read.ts): a sheet past them is refused with SheetLimitError at the
 * row that passes them, and only the cells the sheet's columns name are kept.
 */
export function readAttendanceSheet(data: Uint8Array, limits: SheetLimits): ReadSheet | null {
  const empty = new Map<number, string>();
  let headerRow: SheetCells = empty;
  let idRow: SheetCells = empty;
  let layout: ReturnType<typeof readHeader> | null = null;
  const rows: ReadRow[] = [];
  const ok = readSheetRows(data, {
    sheetName: SHEET_NAME,
    limits,
    onRow: (r, cells) => {
      if (r === 1) headerRow = cells;
      else if (r === ID_ROW) idRow = cells;
      if (r < FIRST_DATA_ROW) return;
      layout ??= readHeader(headerRow, idRow);
      const { idColumn, nameColumn, sessionColumns } = layout;
      if (idColumn === undefined || nameColumn === undefined) return;
      const read: ReadRow = {
        row: r,
        enrolmentId: cells.get(idColumn) ?? '',
        personName: cells.get(nameColumn) ?? '',
        cells: sessionColumns.map((s) => cells.get(s.column) ?? ''),
      };
      if (read.enrolmentId || read.personName || read.cells.some(Boolean)) rows.push(read);
    },
  });
  if (!ok) return null;
  const { sessionColumns, errors } = layout ?? readHeader(headerRow, idRow);
  return {
    sessionColumns: sessionColumns.map(({ letter, header, sessionId }) => ({ letter, header, sessionId })),
    rows,
    errors,
  };
}
