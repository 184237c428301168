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
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import type { Words } from '../../../i18n/messages.ts';
import { AppError } from '../../../errors.ts';
import { offsetOf } from '../../../lib/paging.ts';
import { parseInput } from '../../../lib/input.ts';
import {
  findVisibleClass,
  requireManagedClass,
  requireRostered,
  requireStatus,
  type ManagedClass,
  type ManagedClassId,
} from '../classes/class.access.ts';
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
import {
  loadMarks,
  planMarks,
  writeMarks,
  type MarkBook,
  type MarkChange,
  type MarkMethod,
  type MarkPlan,
} from './marks.ts';
import { toClassSession } from '../classes/session.view.ts';
import { sessionLabel } from './session.time.ts';

/** Attendance is taken while the class runs and corrected until its file is closed. */
export const MARKABLE: readonly ClassStatus[] = ['in_progress', 'completed'];
export const MARKING = { vi: 'điểm danh', en: 'mark attendance' };

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

function rowError(index: number, field: 'enrolmentId' | 'sessionId', message: Words): AppError {
  const row = index + 1;
  return new AppError(
    'validation',
    { vi: `Điểm danh dòng ${row}: ${message.vi}`, en: `Attendance row ${row}: ${message.en}` },
    {
      field: `marks.${index}.${field}`,
      row: index + 1,
    },
  );
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
        throw rowError(i, 'enrolmentId', {
          vi: `học viên mã ${m.enrolmentId} không có tên trong danh sách lớp "${cls.name}"`,
          en: `trainee ${m.enrolmentId} is not on the list of the class "${cls.name}"`,
        });
      }
      if (!sessionIds.has(m.sessionId)) {
        throw rowError(i, 'sessionId', {
          vi: `buổi học mã ${m.sessionId} không thuộc lớp "${cls.name}"`,
          en: `session ${m.sessionId} is not one of the class "${cls.name}"`,
        });
      }
    });
    requireStatus(cls, MARKABLE, MARKING);
    const marking = await markingIn(tx, actor, { classId: cls.id, sessions, enrolments, changes: marks }, 'grid');
    return { changed: await marking.write() };
  });
}

/**
 * The class whose marks the actor may change now: the organiser's editors (404 unseen, 403 seen),
 * a class with a roster, while it runs or until its file is closed.
 */
export async function requireMarkable(tx: Tx, actor: Actor, classId: number): Promise<ManagedClass> {
  const cls = await requireManagedClass(tx, actor, classId);
  requireRostered(cls);
  requireStatus(cls, MARKABLE, MARKING);
  return cls;
}

export type { MarkChange };

/** A change of a class's marks planned against the stored ones, and its write. */
export interface Marking {
  current: MarkBook;
  plan: MarkPlan;
  /** Stores the plan in the caller's transaction; answers how many marks changed. */
  write(): Promise<number>;
}

/**
 * The one way marks change — the grid, the class's own sheet and the attendance import: a mark
 * equal to the stored one is no change; each changed trainee gets one audit row (before and after
 * by session) and the completion rule again. The caller has checked the class (requireMarkable)
 * and that every change names one of its `enrolments` and `sessions`.
 */
export async function markingIn(
  tx: Tx,
  actor: Actor,
  w: {
    classId: ManagedClassId;
    sessions: readonly SessionRow[];
    enrolments: ReadonlyMap<number, Pick<SeatedRow, 'unit_id'>>;
    changes: readonly MarkChange[];
  },
  method: MarkMethod,
): Promise<Marking> {
  const current = await loadMarks(tx, [...new Set(w.changes.map((c) => c.enrolmentId))]);
  const plan = planMarks(current, w.changes);
  const write = () =>
    writeMarks(tx, actor, {
      classId: w.classId,
      sessions: w.sessions,
      enrolments: w.enrolments,
      current,
      plan,
      method,
      at: nowIso(),
    });
  return { current, plan, write };
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
