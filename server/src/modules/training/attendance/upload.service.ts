import {
  attendanceMarkLabels,
  attendanceMarkLetters,
  attendanceMarks,
  attendanceUploadQuery,
  type AttendanceUploadResult,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { AppError } from '../../../errors.ts';
import type { Lang } from '../../../i18n/language.ts';
import type { Words } from '../../../i18n/messages.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import type { ClassForWrite } from '../classes/class.access.ts';
import type { ReadSheet } from '../documents/attendance-sheet.ts';
import { markOfWord } from '../documents/markWords.ts';
import type { SheetLimits } from '../../../documents/xlsx/read.ts';
import { listSessions, type SessionRow } from '../classes/sessions.repository.ts';
import { findAllSeated, type SeatedRow } from './attendance.repository.ts';
import { markingIn, requireMarkable, type MarkChange } from './attendance.service.ts';
import { sessionLabel, sessionLabelEn } from './session.time.ts';
import type { UploadedFile } from '../../../upload.ts';

type RowResult = AttendanceUploadResult['rows'][number];

/** Rows above the trainees: the headers and the hidden row of session ids. */
const HEADER_ROWS = 2;
/**
 * What an attendance sheet can hold, checked while it is read. Rows: the class's trainees the
 * uploader sees, the headers, and a few rows added by mistake (someone not in the class, a
 * trainee twice), which are answered row by row; never more than maxTraineeRows in all. Cells:
 * five fixed columns and one per session (at most 100), with room for stray formatted cells.
 */
export const SHEET_LIMITS = {
  maxTraineeRows: 10_000,
  extraRows: 50,
  maxCellsPerRow: 256,
  maxUnpacked: 64 * 2 ** 20,
  maxSharedStrings: 8 * 2 ** 20,
} as const;

function sheetLimits(trainees: number): SheetLimits {
  return {
    maxRows: Math.min(trainees + SHEET_LIMITS.extraRows, SHEET_LIMITS.maxTraineeRows) + HEADER_ROWS,
    maxCellsPerRow: SHEET_LIMITS.maxCellsPerRow,
    maxUnpacked: SHEET_LIMITS.maxUnpacked,
    maxSharedStrings: SHEET_LIMITS.maxSharedStrings,
  };
}

/** The sheet read in the heavy pool, within its limits; a sheet past them is refused, naming the limit. */
async function readSheet(ctx: Ctx, actor: Actor, file: UploadedFile, trainees: number): Promise<ReadSheet> {
  const limits = sheetLimits(trainees);
  const reading = await ctx.heavy.run(actor.userId, 'readAttendanceSheet', { data: file.data, limits });
  const name = file.fileName;
  const refuse = (why: Words, limit?: string) =>
    new AppError(
      'validation',
      {
        vi: `Tệp "${name}" ${why.vi}. Hãy tải lên mẫu điểm danh tải từ Canbo.`,
        en: `The file "${name}" ${why.en}. Upload the attendance template downloaded from Canbo.`,
      },
      { field: 'file', fileName: name, ...(limit ? { limit } : {}) },
    );
  const notASheet = () =>
    refuse({ vi: 'không phải bảng tính Excel (.xlsx) đọc được', en: 'is not a readable Excel sheet (.xlsx)' });
  if ('sheet' in reading) {
    if (!reading.sheet) throw notASheet();
    return reading.sheet;
  }
  const { limit, message, en } = reading.refused;
  if (limit === 'corrupt') throw notASheet();
  const [unpacked, shared] = [limits.maxUnpacked / 2 ** 20, limits.maxSharedStrings / 2 ** 20];
  const why: Words =
    limit === 'maxRows'
      ? {
          vi: `có nhiều dòng hơn danh sách lớp: tối đa ${limits.maxRows} dòng có dữ liệu (lớp có ${trainees} học viên; thêm ${HEADER_ROWS} dòng tiêu đề và tối đa ${SHEET_LIMITS.extraRows} dòng ngoài danh sách)`,
          en: `has more rows than the class list: at most ${limits.maxRows} rows with data (the class has ${trainees} trainees; plus ${HEADER_ROWS} header rows and at most ${SHEET_LIMITS.extraRows} rows outside the list)`,
        }
      : limit === 'maxCellsPerRow'
        ? {
            vi: `${message.charAt(0).toLocaleLowerCase('vi')}${message.slice(1)} (tối đa ${limits.maxCellsPerRow} ô một dòng)`,
            en: `${en.charAt(0).toLowerCase()}${en.slice(1)} (at most ${limits.maxCellsPerRow} cells a row)`,
          }
        : {
            vi: `quá lớn khi giải nén: ${message} (tối đa ${unpacked} MB dữ liệu giải nén, ${shared} MB chuỗi dùng chung)`,
            en: `is too large unpacked: ${en} (at most ${unpacked} MB of unpacked data, ${shared} MB of shared strings)`,
          };
  throw refuse(why, limit);
}

/** The marks a cell may hold, as the error names them: each word with the grid's letter. */
const MARK_WORDS = attendanceMarks.map((m) => `${attendanceMarkLabels[m]} (${attendanceMarkLetters[m]})`).join(', ');

/** Names compared as written, forgiving only case, spacing and Unicode composition. */
const sameName = (a: string, b: string) => {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return norm(a) === norm(b);
};

/** Session columns matched to this class's sessions; an unknown or repeated column is a sheet error. */
function sessionColumns(sheet: ReadSheet, sessions: readonly SessionRow[], cls: ClassForWrite, errors: Words[]) {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const used = new Map<number, string>();
  return sheet.sessionColumns.map((col) => {
    const header = col.header ? ` ("${col.header}")` : '';
    const s = byId.get(col.sessionId);
    if (!s) {
      errors.push({
        vi: `Cột ${col.letter}${header}: buổi học mã ${col.sessionId} không thuộc lớp "${cls.name}"`,
        en: `Column ${col.letter}${header}: session ${col.sessionId} is not one of the class "${cls.name}"`,
      });
      return null;
    }
    const earlier = used.get(s.id);
    if (earlier) {
      errors.push({
        vi: `Cột ${col.letter}${header}: buổi ${sessionLabel(s)} đã có ở cột ${earlier}`,
        en: `Column ${col.letter}${header}: the session of ${sessionLabelEn(s)} is already in column ${earlier}`,
      });
      return null;
    }
    used.set(s.id, col.letter);
    return s;
  });
}

interface CheckedRow {
  result: RowResult;
  changes: MarkChange[];
  enrolmentId: number | null;
}

/** One row of the sheet: who (the id, and the name must match it) and which marks. */
function checkRows(
  sheet: ReadSheet,
  columns: (SessionRow | null)[],
  seated: ReadonlyMap<number, SeatedRow>,
  cls: ClassForWrite,
  lang: Lang,
): CheckedRow[] {
  const rowOf = new Map<number, number>();
  return sheet.rows.map((r) => {
    const errors: string[] = [];
    const add = (w: Words) => errors.push(w[lang]);
    const [at, atEn] = [`Dòng ${r.row}`, `Row ${r.row}`];
    const id = /^\d{1,15}$/.test(r.enrolmentId) ? Number(r.enrolmentId) : null;
    const e = id === null ? undefined : seated.get(id);
    if (!r.enrolmentId) add({ vi: `${at}: thiếu Mã học viên`, en: `${atEn}: the trainee's id is missing` });
    else if (!e) {
      add({
        vi: `${at}: mã học viên "${r.enrolmentId}" không có trong danh sách lớp "${cls.name}"`,
        en: `${atEn}: the trainee id "${r.enrolmentId}" is not on the list of the class "${cls.name}"`,
      });
    } else if (rowOf.has(e.id)) {
      add({
        vi: `${at}: học viên mã ${e.id} đã có ở dòng ${rowOf.get(e.id)}`,
        en: `${atEn}: trainee ${e.id} is already on row ${rowOf.get(e.id)}`,
      });
    } else if (!sameName(r.personName, e.person_name)) {
      add({
        vi: `${at}: họ và tên "${r.personName}" không khớp với mã học viên ${e.id} (${e.person_name})`,
        en: `${atEn}: the name "${r.personName}" does not match trainee ${e.id} (${e.person_name})`,
      });
    }
    if (e && !rowOf.has(e.id)) rowOf.set(e.id, r.row);
    const changes: MarkChange[] = [];
    r.cells.forEach((cell, i) => {
      const s = columns[i];
      // A blank cell leaves the mark as it is: marks taken by QR meanwhile are not wiped by an old sheet.
      if (!cell || !s) return;
      const mark = markOfWord(cell);
      const col = sheet.sessionColumns[i];
      if (!mark) {
        add({
          vi: `${at}, cột ${col?.letter ?? ''} (${sessionLabel(s)}): "${cell}" không phải điểm danh (${MARK_WORDS})`,
          en: `${atEn}, column ${col?.letter ?? ''} (${sessionLabelEn(s)}): "${cell}" is not an attendance mark (${MARK_WORDS})`,
        });
      } else if (e) changes.push({ enrolmentId: e.id, sessionId: s.id, mark });
    });
    return {
      result: { row: r.row, personName: e?.person_name ?? (r.personName || null), changes: 0, errors },
      changes: errors.length ? [] : changes,
      enrolmentId: errors.length || !e ? null : e.id,
    };
  });
}

/**
 * POST …/attendance/upload: the sheet from attendance.xlsx, filled in. Every row is checked and
 * previewed; nothing is saved while any row or the sheet itself has an error, nor on a dry run.
 * Cells equal to the stored marks are no change, so the same sheet uploaded twice changes nothing.
 */
export async function uploadAttendance(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; file: UploadedFile | null; lang?: Lang } & z.input<typeof attendanceUploadQuery>,
): Promise<AttendanceUploadResult> {
  const { id, file, lang = 'vi', ...query } = input;
  const dryRun = parseInput(attendanceUploadQuery, query).dryRun === 'true';
  // Checked before the file is parsed, and parsed outside the transaction: reading a workbook takes
  // a while, and SQLite has one connection for everyone. The trainees counted here bound the rows.
  const outside = reader(ctx);
  const managed = await requireMarkable(outside, actor, id);
  if (!file) throw fieldError('file', 'hãy chọn bảng tính điểm danh (.xlsx) tải từ Canbo');
  const sheet = await readSheet(ctx, actor, file, (await findAllSeated(outside, actor, managed.id)).length);
  return inTransaction(ctx, async (tx) => {
    const cls = await requireMarkable(tx, actor, id);
    const sessions = await listSessions(tx, cls.id);
    const sheetErrors = [...sheet.errors];
    const columns = sessionColumns(sheet, sessions, cls, sheetErrors);
    const seated = await findAllSeated(tx, actor, cls.id);
    const enrolments = new Map(seated.map((e) => [e.id, e]));
    const rows = checkRows(sheet, columns, enrolments, cls, lang);
    const marking = await markingIn(
      tx,
      actor,
      { classId: cls.id, sessions, enrolments, changes: rows.flatMap((r) => r.changes) },
      'upload',
    );
    const { plan } = marking;
    for (const r of rows) if (r.enrolmentId !== null) r.result.changes = plan.changedBy.get(r.enrolmentId) ?? 0;
    const ok = sheetErrors.length === 0 && rows.every((r) => r.result.errors.length === 0);
    let changes = plan.upserts.length + plan.deletes.length;
    if (ok && !dryRun) changes = await marking.write();
    return {
      rows: rows.map((r) => r.result),
      sheetErrors: sheetErrors.map((w) => w[lang]),
      changes,
      applied: ok && !dryRun,
    };
  });
}
