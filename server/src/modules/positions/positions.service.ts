import {
  positionCreate,
  positionListQuery,
  positionUpdate,
  titleLabels,
  titleLabelsEn,
  type Page,
  type Position,
  type PositionCreateInput,
  type Title,
} from '@canbo/contract';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { AppError, forbidden, notFound, stale } from '../../errors.ts';
import { messages } from '../../i18n/messages.ts';
import { offsetOf, pageFrom } from '../../lib/paging.ts';
import { updateVersioned } from '../../lib/versioned.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { requireWritablePerson, requireWritableUnit, type UnitForWrite } from '../people/access.ts';
import { vnDate } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { recreditEnrolments } from '../training/enrolments/credit.repository.ts';
import { lockUnits } from '../units/units.repository.ts';
import {
  countPositions,
  findOverlapping,
  findPosition,
  findPositionsPage,
  insertPosition,
  type PositionRow,
  type PositionValues,
} from './positions.repository.ts';

const NOT_FOUND = 'Chức vụ';

/** Titles a unit holds one person at a time (QĐ 289: one secretary per committee). */
const ONE_AT_A_TIME = new Set<Title>(['secretary']);

function toPosition(r: PositionRow): Position {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    employment: r.employment,
    method: r.method,
    term: r.term,
    decision: r.decision,
    startDate: r.start_date,
    endDate: r.end_date,
    version: r.version,
    canEdit: r.can_edit === 1,
  };
}

/** The position as the audit log keeps it: its fields, nothing that depends on the reader. */
function auditView(r: PositionRow) {
  const { canEdit: _c, version: _v, ...fields } = toPosition(r);
  return fields;
}

export async function listPositions(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof positionListQuery>,
): Promise<Page<Position>> {
  const { page, pageSize, sort, order, ...filter } = parseInput(positionListQuery, input);
  const tx = reader(ctx);
  const [rows, total] = await Promise.all([
    findPositionsPage(tx, actor, filter, sort, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countPositions(tx, actor, filter),
  ]);
  return pageFrom(rows.map(toPosition), total, { page, pageSize });
}

export async function getPosition(ctx: Ctx, actor: Actor, input: { id: number }): Promise<Position> {
  const row = await findPosition(reader(ctx), actor, input.id);
  if (!row) throw notFound(NOT_FOUND);
  return toPosition(row);
}

interface Span {
  unitId: number;
  title: Title;
  startDate: string;
  endDate: string | null;
}

function checkSpan(s: Span, unit: UnitForWrite): void {
  if (s.endDate !== null && s.endDate < s.startDate) {
    throw fieldError('endDate', messages.notBeforeStart(s.startDate));
  }
  if (unit.valid_to !== null && s.startDate > unit.valid_to) {
    throw fieldError('startDate', messages.unitCeased(unit.name, unit.valid_to));
  }
}

/**
 * Checked with the unit row locked for the rest of the transaction, so two writers asking "is
 * there already a secretary?" of the same unit take turns instead of both seeing none.
 */
async function checkOneAtATime(tx: Tx, s: Span, exceptId: number | null): Promise<void> {
  if (!ONE_AT_A_TIME.has(s.title)) return;
  await lockUnits(tx, [s.unitId]);
  const clash = await findOverlapping(tx, { ...s, exceptId });
  if (!clash) return;
  const label = titleLabels[s.title];
  const labelEn = titleLabelsEn[s.title].toLowerCase();
  const since = vnDate(clash.start_date);
  const until = clash.end_date ? `đến ${vnDate(clash.end_date)}` : 'đến nay';
  const untilEn = clash.end_date ? `to ${vnDate(clash.end_date)}` : 'to date';
  throw new AppError(
    'conflict',
    {
      vi:
        `Đơn vị đã có ${label} ${clash.full_name} (từ ${since} ${until}). ` +
        `Một đơn vị không thể có hai ${label} cùng lúc: hãy ghi ngày kết thúc chức vụ cũ trước.`,
      en:
        `The unit already has a ${labelEn}, ${clash.full_name} (from ${since} ${untilEn}). ` +
        `A unit cannot have two at once: record the end of the earlier position first.`,
    },
    { field: 'title', conflictWith: clash.id },
  );
}

export async function createPosition(ctx: Ctx, actor: Actor, input: PositionCreateInput): Promise<Position> {
  const data = parseInput(positionCreate, input);
  const span: Span = {
    unitId: data.unitId,
    title: data.title,
    startDate: data.startDate,
    endDate: data.endDate ?? null,
  };
  return inTransaction(ctx, async (tx) => {
    await requireWritablePerson(tx, actor, data.personId);
    checkSpan(span, await requireWritableUnit(tx, actor, data.unitId));
    await checkOneAtATime(tx, span, null);
    const values: PositionValues = {
      person_id: data.personId,
      unit_id: data.unitId,
      title: data.title,
      employment: data.employment,
      method: data.method,
      term: data.term ?? null,
      decision: data.decision ?? null,
      start_date: span.startDate,
      end_date: span.endDate,
    };
    const id = await insertPosition(tx, values, nowIso());
    const row = await findPosition(tx, actor, id);
    if (!row) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'position',
      entityId: id,
      action: 'create',
      unitId: row.unit_id,
      after: auditView(row),
    });
    // The title a participation is credited with is the one held on the class's first day.
    await recreditEnrolments(tx, actor, { personId: data.personId, from: span.startDate });
    return toPosition(row);
  });
}

export async function updatePosition(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof positionUpdate>,
): Promise<Position> {
  const { id, ...rest } = input;
  const patch = parseInput(positionUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const before = await findPosition(tx, actor, id);
    if (!before) throw notFound(NOT_FOUND);
    if (before.can_edit !== 1) throw forbidden('Bạn chỉ được xem, không được sửa chức vụ này');
    if (before.version !== patch.version) throw stale();
    const span: Span = {
      unitId: before.unit_id,
      title: patch.title ?? before.title,
      startDate: patch.startDate ?? before.start_date,
      endDate: patch.endDate !== undefined ? patch.endDate : before.end_date,
    };
    checkSpan(span, await requireWritableUnit(tx, actor, before.unit_id));
    await checkOneAtATime(tx, span, id);
    const values: Partial<PositionValues> = { title: span.title, start_date: span.startDate, end_date: span.endDate };
    if (patch.employment !== undefined) values.employment = patch.employment;
    if (patch.method !== undefined) values.method = patch.method;
    if (patch.term !== undefined) values.term = patch.term;
    if (patch.decision !== undefined) values.decision = patch.decision;
    await updateVersioned(tx, 'positions', id, patch.version, values);
    const after = await findPosition(tx, actor, id);
    if (!after) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'position',
      entityId: id,
      action: 'update',
      unitId: after.unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    const from = before.start_date < span.startDate ? before.start_date : span.startDate;
    await recreditEnrolments(tx, actor, { personId: before.person_id, from });
    return toPosition(after);
  });
}
