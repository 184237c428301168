import {
  attendanceGridQuery,
  attendanceMarksInput,
  titleLabels,
  type AttendanceGrid,
  type AttendanceMark,
  type ClassStatus,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { AppError } from '../../../errors.ts';
import { offsetOf } from '../../../lib/paging.ts';
import { parseInput } from '../../../lib/input.ts';
import { findVisibleClass, requireManagedClass, requireRostered, requireStatus } from '../classes/class.access.ts';
import { fileSlug, type DocumentFile } from '../../../documents/file.ts';
import { asBuffer } from '../../../workers/pool.ts';
import { ATTENDED_MARKS, attendancePercent } from '../results/outcomes.ts';
import { listSessions, type SessionRow } from '../classes/sessions.repository.ts';
import {
  countSeated,
  findAllSeated,
  findSeatedAmong,
  findSeatedPage,
  type SeatedRow,
} from './attendance.repository.ts';
import { loadMarks, planMarks, writeMarks } from './marks.ts';
import { toClassSession } from '../classes/session.view.ts';
import { sessionLabel } from './session.time.ts';

/** Attendance is taken while the class runs and corrected until its file is closed. */
export const MARKABLE: readonly ClassStatus[] = ['in_progress', 'completed'];
export const MARKING = 'điểm danh';

type GridRow = AttendanceGrid['rows'][number];

function gridRow(
  r: SeatedRow,
  sessions: readonly SessionRow[],
  marks: Map<number, AttendanceMark> | undefined,
): GridRow {
  const cells = sessions.map((s) => marks?.get(s.id) ?? null);
  const attended = cells.filter((m) => m !== null && (ATTENDED_MARKS as readonly string[]).includes(m)).length;
  return {
    enrolmentId: r.id,
    personId: r.person_id,
    personName: r.person_name,
    unitName: r.unit_name,
    title: r.title,
    marks: cells,
    attendancePercent: attendancePercent(attended, sessions.length),
  };
}

/**
 * People × sessions: one query for the page of trainees, one for their marks, whatever the page
 * size — never a query per trainee.
 */
export async function getAttendanceGrid(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof attendanceGridQuery>,
): Promise<AttendanceGrid> {
  const { id, ...query } = input;
  const { page, pageSize, order, q } = parseInput(attendanceGridQuery, query);
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, id);
  const [sessions, rows, total] = await Promise.all([
    listSessions(tx, cls.id),
    findSeatedPage(tx, actor, cls.id, { q, order }, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countSeated(tx, actor, cls.id, q),
  ]);
  const book = await loadMarks(
    tx,
    rows.map((r) => r.id),
  );
  return {
    sessions: sessions.map(toClassSession),
    rows: rows.map((r) => gridRow(r, sessions, book.get(r.id))),
    total,
    page,
    pageSize,
  };
}

function rowError(index: number, field: 'enrolmentId' | 'sessionId', message: string): AppError {
  return new AppError('validation', `Điểm danh dòng ${index + 1}: ${message}`, {
    field: `marks.${index}.${field}`,
    row: index + 1,
  });
}

/** PUT …/attendance: the grid's bulk marking. Only the organiser's editors, only while the class runs. */
export async function saveAttendance(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof attendanceMarksInput>,
): Promise<{ changed: number }> {
  const { id, ...body } = input;
  const { marks } = parseInput(attendanceMarksInput, body);
  return inTransaction(ctx, async (tx) => {
    const cls = await requireManagedClass(tx, actor, id);
    requireRostered(cls);
    const sessions = await listSessions(tx, cls.id);
    const sessionIds = new Set(sessions.map((s) => s.id));
    const seated = await findSeatedAmong(tx, cls.id, [...new Set(marks.map((m) => m.enrolmentId))]);
    const enrolments = new Map(seated.map((e) => [e.id, e]));
    marks.forEach((m, i) => {
      if (!enrolments.has(m.enrolmentId)) {
        throw rowError(i, 'enrolmentId', `học viên mã ${m.enrolmentId} không có tên trong danh sách lớp "${cls.name}"`);
      }
      if (!sessionIds.has(m.sessionId)) {
        throw rowError(i, 'sessionId', `buổi học mã ${m.sessionId} không thuộc lớp "${cls.name}"`);
      }
    });
    requireStatus(cls, MARKABLE, MARKING);
    const current = await loadMarks(tx, [...enrolments.keys()]);
    const plan = planMarks(current, marks);
    const changed = await writeMarks(tx, actor, {
      classId: id,
      sessions,
      enrolments,
      current,
      plan,
      method: 'grid',
      at: nowIso(),
    });
    return { changed };
  });
}

/** The grid as a spreadsheet that is also the upload template; rows scoped like the grid. */
export async function attendanceWorkbook(ctx: Ctx, actor: Actor, input: { id: number }): Promise<DocumentFile> {
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, input.id);
  const [sessions, seated] = await Promise.all([listSessions(tx, cls.id), findAllSeated(tx, actor, cls.id)]);
  const book = await loadMarks(
    tx,
    seated.map((r) => r.id),
  );
  const bytes = await ctx.heavy.run(actor.userId, 'attendanceSheetXlsx', {
    title: `Điểm danh - ${cls.name}`,
    sessions: sessions.map((s) => ({ id: s.id, label: sessionLabel(s) })),
    rows: seated.map((r) => {
      const row = gridRow(r, sessions, book.get(r.id));
      return {
        enrolmentId: row.enrolmentId,
        personName: row.personName,
        unitName: row.unitName,
        title: row.title ? titleLabels[row.title] : '',
        marks: row.marks,
      };
    }),
  });
  return { fileName: `diem-danh-${fileSlug(cls.name)}.xlsx`, bytes: asBuffer(bytes) };
}
