import {
  moveCreate,
  moveListQuery,
  moveUpdate,
  type Move,
  type MoveCreate,
  type MoveCreateInput,
  type MoveUpdateInput,
  type Page,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { AppError, forbidden, notFound, stale } from '../../errors.ts';
import { messages } from '../../i18n/messages.ts';
import { addDays, todayIso, vnDate } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { offsetOf, pageFrom } from '../../lib/paging.ts';
import { updateVersioned } from '../../lib/versioned.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { requireWritablePerson, requireWritableUnit } from '../people/access.ts';
import { findPerson } from '../people/people.repository.ts';
import { recreditEnrolments } from '../training/enrolments/credit.repository.ts';
import { recreditTrips } from '../visits/credit.repository.ts';
import {
  chainOf,
  countMoves,
  deleteMove,
  findMove,
  findMovesPage,
  findReadableUnit,
  insertMove,
  lockPerson,
  syncTodayUnit,
  unitNames,
  type ChainLink,
  type MoveRow,
  type MoveValues,
  type UnitOnDay,
} from './moves.repository.ts';

const NOT_FOUND = 'Lần điều chuyển';

function toMove(r: MoveRow): Move {
  return {
    id: r.id,
    personId: r.person_id,
    moveKind: r.kind,
    fromUnitId: r.from_unit_id,
    fromUnitName: r.from_unit_name,
    toUnitId: r.to_unit_id,
    toUnitName: r.to_unit_name,
    moveDate: r.move_date,
    decision: r.decision,
    decisionDate: r.decision_date,
    notes: r.notes,
    version: r.version,
    updatedAt: r.updated_at,
    canEdit: r.can_edit === 1,
  };
}

/** The move as the audit log keeps it: its fields and the person's name, nothing reader-dependent. */
function auditView(r: MoveRow) {
  const { canEdit: _c, version: _v, updatedAt: _u, ...fields } = toMove(r);
  return { personName: r.person_name, ...fields };
}

export async function listMoves(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof moveListQuery>,
): Promise<Page<Move>> {
  const { id, ...rest } = input;
  const { page, pageSize, order } = parseInput(moveListQuery, rest);
  const tx = reader(ctx);
  if (!(await findPerson(tx, actor, id))) throw notFound('Cán bộ');
  const [rows, total] = await Promise.all([
    findMovesPage(tx, actor, id, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countMoves(tx, actor, id),
  ]);
  return pageFrom(rows.map(toMove), total, { page, pageSize });
}

interface Planned {
  id: number | null;
  from: number;
  to: number;
  date: string;
  decisionDate: string | null;
}

/** A unit exists on a day from its establishment until (not including) the day it ended. */
function requireExistingOn(unit: UnitOnDay, day: string, field: string): void {
  if (unit.valid_from > day) {
    throw fieldError(field, messages.unitNotYet(unit.name, day, unit.valid_from));
  }
  if (unit.valid_to !== null && unit.valid_to <= day) {
    throw fieldError(field, messages.unitCeased(unit.name, unit.valid_to));
  }
}

/**
 * The checks every write runs, in the order a user fixes them: the dates, the two units (the one
 * left must be visible and exist the day before — the cadre's last day in it, so a restructuring's
 * moves leave an ended unit on the day it ended; the one joined must be the actor's to write and
 * exist that day).
 */
async function checkMove(tx: Tx, actor: Actor, m: Planned): Promise<void> {
  const today = todayIso();
  if (m.date > today) throw fieldError('moveDate', messages.notAfterToday(today));
  if (m.decisionDate !== null && m.decisionDate > today) {
    throw fieldError('decisionDate', messages.notAfterToday(today));
  }
  if (m.from === m.to) throw fieldError('toUnitId', 'phải khác Từ đơn vị');
  const from = await findReadableUnit(tx, actor, m.from);
  if (!from) throw fieldError('fromUnitId', 'đơn vị không tồn tại hoặc bạn không có quyền xem');
  requireExistingOn(from, addDays(m.date, -1), 'fromUnitId');
  await requireWritableUnit(tx, actor, m.to, 'toUnitId');
  const to = await findReadableUnit(tx, actor, m.to);
  if (to) requireExistingOn(to, m.date, 'toUnitId');
}

/**
 * The chain must hold: each move leaves the unit the one before it reached, so the unit on any day
 * is one answer. Checked with the person locked, over the moves as they will be.
 */
async function checkChain(tx: Tx, links: ChainLink[], m: Planned): Promise<void> {
  const others = links.filter((l) => l.id !== m.id);
  const sameDay = others.find((l) => l.move_date === m.date);
  if (sameDay) {
    throw fieldError('moveDate', {
      vi: `cán bộ đã có một lần điều chuyển ngày ${vnDate(m.date)}: mỗi ngày chỉ ghi một lần`,
      en: `the cadre already has a move on ${vnDate(m.date)}: one move a day`,
    });
  }
  const before = others.filter((l) => l.move_date < m.date).at(-1);
  const after = others.find((l) => l.move_date > m.date);
  const names = await unitNames(
    tx,
    [before?.to_unit_id, after?.from_unit_id, m.from, m.to].filter((x) => x !== undefined),
  );
  if (before && before.to_unit_id !== m.from) {
    const [at, from] = [names.get(before.to_unit_id), names.get(m.from)];
    throw fieldError('fromUnitId', {
      vi: `ngày ${vnDate(m.date)} cán bộ đang ở ${at} (điều chuyển đến ngày ${vnDate(before.move_date)}), không ở ${from}`,
      en: `on ${vnDate(m.date)} the cadre is in ${at} (moved there on ${vnDate(before.move_date)}), not in ${from}`,
    });
  }
  if (after && after.from_unit_id !== m.to) {
    const [next, to] = [names.get(after.from_unit_id), names.get(m.to)];
    throw fieldError('toUnitId', {
      vi: `lần điều chuyển sau (ngày ${vnDate(after.move_date)}) đi từ ${next}, nên lần này phải đến ${next}, không phải ${to}`,
      en: `the next move (on ${vnDate(after.move_date)}) leaves ${next}, so this one must reach ${next}, not ${to}`,
    });
  }
}

/**
 * What a write of the person's moves changes besides the move: `people.unit_id` follows the unit
 * of today (with an audit row on the person), and the person's participations and grassroots trips
 * are credited again from the earliest day whose unit may have changed — every day, when the first move changed, for
 * the unit before the first move is that move's `from`.
 */
async function followUp(tx: Tx, actor: Actor, personId: number, from: string | null): Promise<void> {
  const change = await syncTodayUnit(tx, personId, todayIso(), nowIso());
  if (change) {
    const names = await unitNames(tx, [change.before, change.after]);
    await writeAudit(tx, actor, {
      entity: 'person',
      entityId: personId,
      action: 'move',
      unitId: change.after,
      before: { fullName: change.name, unitId: change.before, unitName: names.get(change.before) },
      after: { fullName: change.name, unitId: change.after, unitName: names.get(change.after) },
    });
  }
  await recreditEnrolments(tx, actor, { personId, from });
  await recreditTrips(tx, actor, personId, from);
}

/** The earliest day a change of these dates may have moved the person's unit on. */
function affectedFrom(links: ChainLink[], dates: string[]): string | null {
  const first = links[0]?.move_date;
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  return first === undefined || earliest <= first ? null : earliest;
}

async function readBack(tx: Tx, actor: Actor, personId: number, id: number): Promise<MoveRow> {
  const row = await findMove(tx, actor, personId, id);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

export async function createMove(ctx: Ctx, actor: Actor, input: { id: number } & MoveCreateInput): Promise<Move> {
  const { id: personId, ...rest } = input;
  const data = parseInput(moveCreate, rest);
  return inTransaction(ctx, async (tx) => {
    const [id] = await createMovesIn(tx, actor, personId, [data]);
    return toMove(await readBack(tx, actor, personId, id!));
  });
}

/**
 * Moves of one person recorded inside the caller's transaction (the form's and the import's one
 * rule): each checked, the chain checked over the moves as they will all be, then the person's unit
 * of today and the credits followed once. Their ids, in the order given.
 */
export async function createMovesIn(tx: Tx, actor: Actor, personId: number, moves: MoveCreate[]): Promise<number[]> {
  await requireWritablePerson(tx, actor, personId);
  await lockPerson(tx, personId);
  const planned: Planned[] = moves.map((data, i) => ({
    // Not yet stored: ids below zero, so the chain check tells them from the stored moves.
    id: -1 - i,
    from: data.fromUnitId,
    to: data.toUnitId,
    date: data.moveDate,
    decisionDate: data.decisionDate ?? null,
  }));
  for (const m of planned) await checkMove(tx, actor, m);
  const links = await chainOf(tx, personId);
  const all = [
    ...links,
    ...planned.map((m) => ({ id: m.id!, from_unit_id: m.from, to_unit_id: m.to, move_date: m.date })),
  ];
  all.sort((a, b) => (a.move_date < b.move_date ? -1 : a.move_date > b.move_date ? 1 : 0));
  for (const m of planned) await checkChain(tx, all, m);
  const ids: number[] = [];
  for (const [i, data] of moves.entries()) {
    const values: MoveValues = {
      person_id: personId,
      kind: data.moveKind,
      from_unit_id: data.fromUnitId,
      to_unit_id: data.toUnitId,
      move_date: data.moveDate,
      decision: data.decision ?? null,
      decision_date: planned[i]!.decisionDate,
      notes: data.notes ?? null,
    };
    const id = await insertMove(tx, values, nowIso());
    const row = await readBack(tx, actor, personId, id);
    await writeAudit(tx, actor, {
      entity: 'move',
      entityId: id,
      action: 'create',
      unitId: row.to_unit_id,
      after: auditView(row),
    });
    ids.push(id);
  }
  await followUp(
    tx,
    actor,
    personId,
    affectedFrom(
      links,
      planned.map((m) => m.date),
    ),
  );
  return ids;
}

/** The move to change, if the actor may: another subtree's is a 404, one only readable a 403. */
async function editableMove(tx: Tx, actor: Actor, personId: number, id: number): Promise<MoveRow> {
  const row = await findMove(tx, actor, personId, id);
  if (!row) throw notFound(NOT_FOUND);
  if (row.can_edit !== 1) throw forbidden('Bạn chỉ được xem, không được sửa lần điều chuyển này');
  return row;
}

export async function updateMove(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; moveId: number } & MoveUpdateInput,
): Promise<Move> {
  const { id: personId, moveId, ...rest } = input;
  const patch = parseInput(moveUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    await lockPerson(tx, personId);
    const before = await editableMove(tx, actor, personId, moveId);
    if (before.version !== patch.version) throw stale();
    const planned: Planned = {
      id: moveId,
      from: patch.fromUnitId ?? before.from_unit_id,
      to: patch.toUnitId ?? before.to_unit_id,
      date: patch.moveDate ?? before.move_date,
      decisionDate: patch.decisionDate !== undefined ? patch.decisionDate : before.decision_date,
    };
    await checkMove(tx, actor, planned);
    const links = await chainOf(tx, personId);
    await checkChain(tx, links, planned);
    const changed = await updateVersioned(tx, 'moves', moveId, patch.version, {
      kind: patch.moveKind,
      from_unit_id: planned.from,
      to_unit_id: planned.to,
      move_date: planned.date,
      decision: patch.decision,
      decision_date: planned.decisionDate,
      notes: patch.notes,
    });
    const after = await readBack(tx, actor, personId, moveId);
    if (!changed) return toMove(after);
    await writeAudit(tx, actor, {
      entity: 'move',
      entityId: moveId,
      action: 'update',
      unitId: after.to_unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    await followUp(tx, actor, personId, affectedFrom(links, [before.move_date, planned.date]));
    return toMove(await readBack(tx, actor, personId, moveId));
  });
}

/**
 * Deleting a move joins its neighbours: the one after must then leave the unit the one before
 * reached, or the chain breaks — refused, naming the move to correct first.
 */
export async function removeMove(ctx: Ctx, actor: Actor, input: { id: number; moveId: number }): Promise<void> {
  const { id: personId, moveId } = input;
  await inTransaction(ctx, async (tx) => {
    await lockPerson(tx, personId);
    const row = await editableMove(tx, actor, personId, moveId);
    const links = await chainOf(tx, personId);
    const at = links.findIndex((l) => l.id === moveId);
    const prev = links[at - 1];
    const next = links[at + 1];
    if (prev && next && prev.to_unit_id !== next.from_unit_id) {
      throw new AppError(
        'conflict',
        {
          vi:
            `Không xóa được: lần điều chuyển ngày ${vnDate(next.move_date)} đi từ ${row.to_unit_name}, ` +
            `nơi cán bộ chỉ đến nhờ lần này. Hãy sửa hoặc xóa lần điều chuyển ngày ${vnDate(next.move_date)} trước.`,
          en:
            `Cannot delete: the move on ${vnDate(next.move_date)} leaves ${row.to_unit_name}, ` +
            `which the cadre reached only by this one. Change or delete the move on ${vnDate(next.move_date)} first.`,
        },
        { field: 'moveId', conflictWith: next.id },
      );
    }
    await deleteMove(tx, moveId);
    await writeAudit(tx, actor, {
      entity: 'move',
      entityId: moveId,
      action: 'delete',
      unitId: row.to_unit_id,
      before: auditView(row),
    });
    await followUp(tx, actor, personId, affectedFrom(links, [row.move_date]));
  });
}
