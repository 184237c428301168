import { keysetBatches } from '../../../db/keyset.ts';
import {
  classCreate,
  classExportQuery,
  classListQuery,
  classUpdate,
  foldVietnamese,
  vietnameseTextKey,
  type ClassCreateInput,
  type ClassExportInput,
  type ClassHeadcount,
  type ClassListInput,
  type ClassStatus,
  type ClassUpdateInput,
  type Page,
  type TrainingClass,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { notFound, stale } from '../../../errors.ts';
import { offsetOf, pageFrom } from '../../../lib/paging.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit } from '../../audit/audit.writer.ts';
import { recreditEnrolments } from '../enrolments/credit.repository.ts';
import { requireActiveKind } from '../../catalog/kinds.service.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { allocatedSeats, seatedCount } from '../enrolments/quota.repository.ts';
import { fillFreedSeats } from '../enrolments/waitlist.ts';
import { requireUsableProgramme } from '../programmes/programmes.service.ts';
import { refreshOutcomes } from '../results/outcomes.ts';
import { lockManagedClass, requireStatus, type ClassForWrite, type VisibleClassId } from './class.access.ts';
import {
  countClasses,
  enrolmentCount,
  findClass,
  findClassesBatch,
  findClassesPage,
  insertClass,
  insertHistory,
  sessionSpan,
  type ClassFilter,
  type ClassRow,
  type ClassValues,
} from './class.repository.ts';
import {
  checkDates,
  checkHeadcount,
  checkKindAndProgramme,
  conflictOn,
  headcountColumns,
  requireOrganiser,
} from './class.rules.ts';
import { auditView, headcountOf, toClass } from './class.view.ts';

const NOT_FOUND = 'Lớp bồi dưỡng';

export async function classOr404(tx: Tx, actor: Actor, id: number): Promise<ClassRow> {
  const row = await findClass(tx, actor, id);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

/** The row as the access rules take it, read again after the class row is locked. */
export function forWrite(r: ClassRow): ClassForWrite {
  return {
    id: r.id,
    name: r.name,
    organiser_unit_id: r.organiser_unit_id,
    status: r.status,
    headcount_total: r.headcount_total,
    capacity: r.capacity,
    start_date: r.start_date,
    end_date: r.end_date,
    version: r.version,
  };
}

function checkPeriod(f: ClassFilter): void {
  if (f.from && f.to && f.from > f.to) {
    throw fieldError('to', {
      vi: `không được trước Từ ngày (${vnDate(f.from)})`,
      en: `cannot be before "From date" (${vnDate(f.from)})`,
    });
  }
}

export async function listClasses(ctx: Ctx, actor: Actor, input: ClassListInput): Promise<Page<TrainingClass>> {
  const { page, pageSize, sort, order, ...filter } = parseInput(classListQuery, input);
  checkPeriod(filter);
  const tx = reader(ctx);
  const [rows, total] = await Promise.all([
    findClassesPage(tx, actor, filter, sort, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countClasses(tx, actor, filter),
  ]);
  return pageFrom(rows.map(toClass), total, { page, pageSize });
}

const EXPORT_BATCH = 500;

/** Every class the list would show, in its order, read batch by batch as the spreadsheet is written. */
export function exportClasses(ctx: Ctx, actor: Actor, input: ClassExportInput): AsyncIterable<TrainingClass> {
  const { sort, order, ...filter } = parseInput(classExportQuery, input);
  checkPeriod(filter);
  const tx = reader(ctx);
  return {
    async *[Symbol.asyncIterator]() {
      const batches = keysetBatches(
        (after, limit) => findClassesBatch(tx, actor, filter, sort, order, after, limit),
        EXPORT_BATCH,
      );
      for await (const rows of batches) yield* rows.map(toClass);
    },
  };
}

export async function getClass(ctx: Ctx, actor: Actor, input: { id: number }): Promise<TrainingClass> {
  return toClass(await classOr404(reader(ctx), actor, input.id));
}

/** Found by any word of its name, decision number, place or partners, with or without diacritics. */
function derived(v: { name: string; decision: string | null; place: string | null; partners: string[] }) {
  return {
    search_text: foldVietnamese([v.name, v.decision ?? '', v.place ?? '', ...v.partners].join(' ')),
    sort_key: vietnameseTextKey(v.name),
  };
}

/**
 * A new class starts as a draft. With a headcount it is the record of a class already held: it
 * is stored completed, and its history says why it skipped the workflow.
 */
export async function createClass(ctx: Ctx, actor: Actor, input: ClassCreateInput): Promise<TrainingClass> {
  const data = parseInput(classCreate, input);
  return inTransaction(ctx, (tx) => createClassIn(tx, actor, data));
}

type ClassCreate = z.output<typeof classCreate>;

/** Every rule a new class must meet, without writing it (an import checks each row with it). */
export async function checkNewClass(tx: Tx, actor: Actor, data: ClassCreate) {
  checkDates(data.startDate, data.endDate);
  if (data.headcount) checkHeadcount(data.headcount, data.endDate, todayIso());
  const organiser = await requireOrganiser(tx, actor, data.organiserUnitId, data);
  await checkKindAndProgramme(tx, data.kindCode, data.programmeId ?? null);
  return organiser;
}

/** A class created inside the caller's transaction (the form's and the import's one rule). */
export async function createClassIn(tx: Tx, actor: Actor, data: ClassCreate): Promise<TrainingClass> {
  const headcount = data.headcount ?? null;
  checkDates(data.startDate, data.endDate);
  if (headcount) checkHeadcount(headcount, data.endDate, todayIso());
  const status: ClassStatus = headcount ? 'completed' : 'draft';
  const id = await insertNewClass(tx, actor, data, status, headcount);
  await insertHistory(tx, {
    classId: id,
    from: null,
    to: status,
    actorUserId: actor.userId,
    note: headcount
      ? `Lớp đã học, ghi nhận theo số lượng báo cáo (${headcount.total} học viên), không có danh sách học viên`
      : 'Tạo lớp',
  });
  return toClass(await auditCreated(tx, actor, id));
}

/** The fields every new class is created from (a headcount or a roster comes beside them). */
export type NewClassData = Omit<z.output<typeof classCreate>, 'headcount'>;

/**
 * The row of a new class — a draft, a headcount-only record or a class recorded with its roster —
 * its organiser, kind and programme checked first. The caller writes its history and audit row.
 */
export async function insertNewClass(
  tx: Tx,
  actor: Actor,
  data: NewClassData,
  status: ClassStatus,
  headcount: ClassHeadcount | null,
): Promise<number> {
  const organiser = await requireOrganiser(tx, actor, data.organiserUnitId, data);
  const programmeId = data.programmeId ?? null;
  await checkKindAndProgramme(tx, data.kindCode, programmeId);
  const fields = {
    name: data.name,
    partners: data.partners,
    decision: data.decision ?? null,
    place: data.place ?? null,
  };
  return insertClass(tx, {
    name: fields.name,
    organiser_unit_id: data.organiserUnitId,
    level: organiser.level,
    partners: JSON.stringify(fields.partners),
    kind_code: data.kindCode,
    programme_id: programmeId,
    target_titles: JSON.stringify(data.targetTitles),
    start_date: data.startDate,
    end_date: data.endDate,
    place: fields.place,
    mode: data.mode,
    capacity: data.capacity ?? null,
    decision: fields.decision,
    status,
    ...headcountColumns(headcount),
    min_attendance_percent: data.minAttendancePercent,
    pass_grade: data.passGrade,
    ...derived(fields),
  });
}

/** The audit row of a class just created; returns its row as the actor sees it. */
export async function auditCreated(tx: Tx, actor: Actor, id: number): Promise<ClassRow> {
  const row = await classOr404(tx, actor, id);
  await writeAudit(tx, actor, {
    entity: 'training_class',
    entityId: id,
    action: 'create',
    unitId: row.organiser_unit_id,
    after: auditView(row),
  });
  return row;
}

type Patch = z.output<typeof classUpdate>;

/** Every field as it will stand after the patch. */
function merge(before: ClassRow, patch: Patch) {
  const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
  return {
    name: pick(patch.name, before.name),
    partners: pick(patch.partners, JSON.parse(before.partners) as string[]),
    kindCode: pick(patch.kindCode, before.kind_code),
    programmeId: pick(patch.programmeId, before.programme_id),
    targetTitles: pick(patch.targetTitles, JSON.parse(before.target_titles) as string[]),
    startDate: pick(patch.startDate, before.start_date),
    endDate: pick(patch.endDate, before.end_date),
    place: pick(patch.place, before.place),
    mode: pick(patch.mode, before.mode),
    capacity: pick(patch.capacity, before.capacity),
    decision: pick(patch.decision, before.decision),
    minAttendancePercent: pick(patch.minAttendancePercent, before.min_attendance_percent),
    passGrade: pick(patch.passGrade, before.pass_grade),
    headcount: pick<ClassHeadcount | null>(patch.headcount, headcountOf(before)),
  };
}
type Merged = ReturnType<typeof merge>;

/** Nothing changes once the class is closed or cancelled: its record is final. */
const EDITABLE: ClassStatus[] = ['draft', 'planned', 'open', 'in_progress', 'completed'];

/**
 * Once a class is over, its dates and capacity are what happened: trainees' records and the
 * reports count on them. A historical class recorded by headcount has no trainees whose records
 * hang on its dates, so a wrong date there can still be corrected.
 */
function checkFixedAfterCompletion(before: ClassRow, next: Merged): void {
  if (before.status !== 'completed') return;
  const what = { vi: 'không sửa được khi lớp đã kết thúc', en: 'cannot change once the class has finished' };
  if (next.capacity !== before.capacity) throw conflictOn('capacity', what);
  if (before.headcount_total !== null) return;
  if (next.startDate !== before.start_date) throw conflictOn('startDate', what);
  if (next.endDate !== before.end_date) throw conflictOn('endDate', what);
}

async function checkSessionsWithin(tx: Tx, classId: VisibleClassId, next: Merged): Promise<void> {
  const span = await sessionSpan(tx, classId);
  if (span.first !== null && span.first < next.startDate) {
    throw fieldError('startDate', {
      vi: `lớp có buổi học ngày ${vnDate(span.first)}, trước ngày này`,
      en: `the class has a session on ${vnDate(span.first)}, before this date`,
    });
  }
  if (span.last !== null && span.last > next.endDate) {
    throw fieldError('endDate', {
      vi: `lớp có buổi học ngày ${vnDate(span.last)}, sau ngày này`,
      en: `the class has a session on ${vnDate(span.last)}, after this date`,
    });
  }
}

/** A class has a named roster or a reported headcount, never both. */
async function checkHeadcountChange(tx: Tx, before: ClassRow, patch: Patch): Promise<void> {
  if (patch.headcount === undefined) return;
  if (patch.headcount === null && before.headcount_total === null) return;
  const enrolled = await enrolmentCount(tx, before.id);
  if (enrolled > 0) {
    throw conflictOn('headcount', {
      vi: `lớp đã có ${enrolled} học viên trong danh sách; một lớp không thể vừa có danh sách vừa có số lượng báo cáo`,
      en: `the class has ${enrolled} trainees on its list; a class cannot have both a list and a reported headcount`,
    });
  }
  if (patch.headcount !== null)
    requireStatus(forWrite(before), ['completed'], { vi: 'ghi số lượng báo cáo', en: 'record the reported headcount' });
}

/**
 * The capacity holds every seat already given out: the units' allocations, and beyond them the
 * trainees the organiser seated directly. Counted with the class row locked, so a nomination
 * cannot slip in between the count and the change.
 */
async function checkCapacity(tx: Tx, before: ClassRow, capacity: number): Promise<void> {
  const allocated = await allocatedSeats(tx, before.id);
  if (capacity < allocated) {
    throw conflictOn('capacity', {
      vi: `không được nhỏ hơn tổng chỉ tiêu đã phân bổ cho các đơn vị (${allocated})`,
      en: `cannot be less than the seats allocated to units (${allocated})`,
    });
  }
  if (capacity < before.seated) {
    throw conflictOn('capacity', {
      vi: `không được nhỏ hơn số học viên đã có chỗ trong lớp (${before.seated})`,
      en: `cannot be less than the trainees already seated in the class (${before.seated})`,
    });
  }
  const direct = await seatedCount(tx, before.id, null);
  if (capacity - allocated < direct) {
    throw conflictOn('capacity', {
      vi: `đơn vị tổ chức đã cử trực tiếp ${direct} học viên ngoài ${allocated} chỉ tiêu đã phân bổ, cần ít nhất ${allocated + direct}`,
      en: `the organising unit has nominated ${direct} trainees directly beyond the ${allocated} seats allocated: at least ${allocated + direct} are needed`,
    });
  }
}

async function checkCatalogue(tx: Tx, before: ClassRow, next: Merged): Promise<void> {
  const kindChanged = next.kindCode !== before.kind_code;
  // A kind or programme the class already carries stays valid even if retired since.
  if (kindChanged) await requireActiveKind(tx, next.kindCode);
  if (next.programmeId !== null && (kindChanged || next.programmeId !== before.programme_id)) {
    await requireUsableProgramme(tx, next.programmeId, next.kindCode);
  }
}

export async function updateClass(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & ClassUpdateInput,
): Promise<TrainingClass> {
  const { id, ...rest } = input;
  const patch = parseInput(classUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    await lockManagedClass(tx, actor, id);
    const before = await classOr404(tx, actor, id);
    if (before.version !== patch.version) throw stale();
    requireStatus(forWrite(before), EDITABLE, { vi: 'sửa thông tin lớp', en: 'edit the class' });
    const next = merge(before, patch);
    checkFixedAfterCompletion(before, next);
    checkDates(next.startDate, next.endDate);
    if (next.startDate !== before.start_date || next.endDate !== before.end_date) {
      await checkSessionsWithin(tx, before.id, next);
    }
    await checkCatalogue(tx, before, next);
    await checkHeadcountChange(tx, before, patch);
    if (next.headcount) checkHeadcount(next.headcount, next.endDate, todayIso());
    if (next.capacity !== null && next.capacity !== before.capacity) await checkCapacity(tx, before, next.capacity);

    const values: Partial<ClassValues> = {
      name: next.name,
      partners: JSON.stringify(next.partners),
      kind_code: next.kindCode,
      programme_id: next.programmeId,
      target_titles: JSON.stringify(next.targetTitles),
      start_date: next.startDate,
      end_date: next.endDate,
      place: next.place,
      mode: next.mode,
      capacity: next.capacity,
      decision: next.decision,
      min_attendance_percent: next.minAttendancePercent,
      pass_grade: next.passGrade,
      ...headcountColumns(next.headcount),
      ...derived(next),
    };
    await updateVersioned(tx, 'training_classes', id, patch.version, values);
    // Participations are credited to the unit and title of the class's first day.
    if (next.startDate !== before.start_date) await recreditEnrolments(tx, actor, { classId: id });
    if (next.minAttendancePercent !== before.min_attendance_percent || next.passGrade !== before.pass_grade) {
      await refreshOutcomes(tx, id);
    }
    const grew = before.capacity !== null && (next.capacity === null || next.capacity > before.capacity);
    if (grew) await fillFreedSeats(tx, id, null, actor);
    const after = await classOr404(tx, actor, id);
    await writeAudit(tx, actor, {
      entity: 'training_class',
      entityId: id,
      action: 'update',
      unitId: after.organiser_unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    return toClass(after);
  });
}
