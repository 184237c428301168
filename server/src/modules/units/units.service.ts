import type { z } from 'zod';
import {
  foldVietnamese,
  type headcount,
  type lineagePage,
  type Page,
  type UnitCreate,
  type UnitDetail,
  type unitEventPage,
  type unitListQuery,
  type unitRename,
  type unitStatusChange,
  type unitTreePage,
  type unitTreeQuery,
  type unitUpdate,
  type Unit,
} from '@canbo/contract';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { AppError, invalid } from '../../errors.ts';
import { updateVersioned, type VersionedValues } from '../../lib/versioned.ts';
import { pageFrom } from '../../lib/paging.ts';
import {
  codeTaken,
  correctShortName,
  findUnit,
  insertEvent,
  listEvents,
  listUnits as listUnitRows,
  lockUnits,
  nameFrom,
  toUnit,
} from './units.repository.ts';
import {
  checkDate,
  codeConflict,
  decisionOf,
  beforeEstablished,
  detailOf,
  mustBeSuperadmin,
  mustRestructure,
  notEnded,
  sameVersion,
  unitToRestructure,
  unitNotFound,
  writableUnit,
} from './units.access.ts';
import { auditChange, datedName, insertNewUnit, nameColumns } from './units.changes.ts';
import { treeAsOf, treeToday } from './units.tree.ts';
import { headcountOn, lineage } from './units.lineage.ts';

export { dissolveUnit, mergeUnits, moveUnit, splitUnit } from './units.restructure.ts';

// --- reads -------------------------------------------------------------------------------------

export async function listUnits(ctx: Ctx, actor: Actor, input: z.output<typeof unitListQuery>): Promise<Page<Unit>> {
  const folded = input.q ? foldVietnamese(input.q) : '';
  const { rows, total } = await listUnitRows(reader(ctx), actor, input, folded || null);
  return pageFrom(rows.map(toUnit), total, input);
}

export async function unitTree(
  ctx: Ctx,
  actor: Actor,
  input: z.output<typeof unitTreeQuery>,
): Promise<z.output<typeof unitTreePage>> {
  const tx = reader(ctx);
  if (input.parentId !== undefined && !(await findUnit(tx, actor, input.parentId))) throw unitNotFound('parentId');
  const { items, total } = input.asOf
    ? await treeAsOf(tx, actor, { ...input, asOf: input.asOf })
    : await treeToday(tx, actor, input);
  return pageFrom(items, total, input);
}

export function getUnit(ctx: Ctx, actor: Actor, input: { id: number }): Promise<UnitDetail> {
  return detailOf(reader(ctx), actor, input.id);
}

export async function listUnitEvents(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; page: number; pageSize: number; order: 'asc' | 'desc' },
): Promise<z.output<typeof unitEventPage>> {
  const tx = reader(ctx);
  const unit = await findUnit(tx, actor, input.id);
  if (!unit) throw unitNotFound();
  const { items, total } = await listEvents(tx, unit.id, input);
  return pageFrom(items, total, input);
}

export async function unitLineage(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; page: number; pageSize: number },
): Promise<z.output<typeof lineagePage>> {
  const tx = reader(ctx);
  const unit = await findUnit(tx, actor, input.id);
  if (!unit) throw unitNotFound();
  const { items, total } = await lineage(tx, unit.id, input);
  return pageFrom(items, total, input);
}

export async function unitHeadcount(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; date: string },
): Promise<z.output<typeof headcount>> {
  const tx = reader(ctx);
  const unit = await findUnit(tx, actor, input.id);
  if (!unit) throw unitNotFound();
  return { unitId: unit.id, date: input.date, people: await headcountOn(tx, unit.id, input.date) };
}

// --- creating and correcting ---------------------------------------------------------------------

export type CreateUnitInput = Omit<UnitCreate, 'interim'> & { interim?: boolean };

export async function createUnit(ctx: Ctx, actor: Actor, input: CreateUnitInput): Promise<UnitDetail> {
  return inTransaction(ctx, async (tx) => detailOf(tx, actor, await createUnitIn(tx, actor, input)));
}

/** A unit established, inside the caller's transaction (the form's and the import's one rule); its id. */
export async function createUnitIn(tx: Tx, actor: Actor, input: CreateUnitInput): Promise<number> {
  let parentName: string | null = null;
  if (input.parentId === null) {
    mustBeSuperadmin(actor, 'parentId');
  } else {
    await lockUnits(tx, [input.parentId]);
    const parent = await writableUnit(tx, actor, input.parentId, 'parentId');
    notEnded(parent, 'parentId');
    if (input.date < parent.valid_from) {
      throw invalid('date', beforeEstablished(input.date, parent.name));
    }
    parentName = parent.name;
  }
  if (await codeTaken(tx, input.code)) throw codeConflict('code', input.code);
  const row = await insertNewUnit(tx, actor, input, input.date);
  await insertEvent(tx, actor, {
    unitId: row.id,
    kind: 'create',
    date: input.date,
    decision: input.decision ?? null,
    note: input.note ?? null,
    details: { code: row.code, name: row.name, parentId: input.parentId, parentName, status: row.status },
  });
  return row.id;
}

export type UpdateUnitInput = { id: number } & z.output<typeof unitUpdate>;

/** The fields of a correction that the level above decides, as a rename is (the place is the unit's own). */
const STRUCTURAL = [
  ['code', 'code'],
  ['shortName', 'short_name'],
  ['kind', 'kind'],
  ['organisation', 'organisation'],
] as const;

/**
 * Corrections (a typo in the code, the place name): no event, because nothing was restructured.
 * A field sent unchanged is no change, so a form that sends every field works for the unit's own editors.
 */
export async function updateUnit(ctx: Ctx, actor: Actor, input: UpdateUnitInput): Promise<UnitDetail> {
  return inTransaction(ctx, async (tx) => {
    await lockUnits(tx, [input.id]);
    const row = await writableUnit(tx, actor, input.id);
    const structural = STRUCTURAL.find(([field, column]) => input[field] !== undefined && input[field] !== row[column]);
    if (structural) await mustRestructure(tx, actor, row, structural[0]);
    sameVersion(row, input.version);
    if (input.code !== undefined && input.code !== row.code && (await codeTaken(tx, input.code, row.id))) {
      throw codeConflict('code', input.code);
    }
    const values: VersionedValues<'units'> = {};
    if (input.code !== undefined) values.code = input.code;
    if (input.shortName !== undefined) values.short_name = input.shortName;
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.organisation !== undefined) values.organisation = input.organisation;
    if (input.place !== undefined) values.place = input.place;
    const changed = await updateVersioned(tx, 'units', row.id, input.version, values);
    if (changed && input.shortName !== undefined) await correctShortName(tx, row.id, input.shortName);
    await auditChange(tx, actor, row, 'update');
    return detailOf(tx, actor, row.id);
  });
}

// --- dated actions that keep the unit where it is -------------------------------------------------

export type RenameUnitInput = { id: number } & z.output<typeof unitRename>;

/** The unit keeps its id, so its records stay with it; the event keeps the old name. */
export async function renameUnit(ctx: Ctx, actor: Actor, input: RenameUnitInput): Promise<UnitDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await unitToRestructure(tx, actor, input);
    await checkDate(tx, row, input.date);
    const shortName = input.shortName === undefined ? row.short_name : input.shortName;
    if (input.name === row.name && shortName === row.short_name) {
      throw invalid('name', 'Tên: tên mới trùng với tên hiện tại');
    }
    await updateVersioned(tx, 'units', row.id, input.version, { ...nameColumns(input.name), short_name: shortName });
    await nameFrom(tx, row.id, datedName(input.name, shortName), input.date);
    await insertEvent(tx, actor, {
      unitId: row.id,
      kind: 'rename',
      ...decisionOf(input),
      details: { from: { name: row.name, shortName: row.short_name }, to: { name: input.name, shortName } },
    });
    await auditChange(tx, actor, row, 'rename');
    return detailOf(tx, actor, row.id);
  });
}

export type StatusChangeInput = { id: number } & z.output<typeof unitStatusChange>;

/** Mark a unit interim (lâm thời), e.g. before its first congress. */
export function setInterim(ctx: Ctx, actor: Actor, input: StatusChangeInput): Promise<UnitDetail> {
  return changeStatus(ctx, actor, input, 'interim');
}

/** An interim unit becomes a regular one (its congress elected a committee). */
export function activateUnit(ctx: Ctx, actor: Actor, input: StatusChangeInput): Promise<UnitDetail> {
  return changeStatus(ctx, actor, input, 'active');
}

async function changeStatus(
  ctx: Ctx,
  actor: Actor,
  input: StatusChangeInput,
  status: 'interim' | 'active',
): Promise<UnitDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await unitToRestructure(tx, actor, input);
    if (row.status === status) {
      throw new AppError(
        'conflict',
        status === 'interim'
          ? { vi: `Đơn vị ${row.name} đã ở trạng thái lâm thời`, en: `The unit ${row.name} is already interim` }
          : {
              vi: `Đơn vị ${row.name} đang hoạt động chính thức`,
              en: `The unit ${row.name} is already working regularly`,
            },
      );
    }
    await checkDate(tx, row, input.date);
    await updateVersioned(tx, 'units', row.id, input.version, { status });
    const kind = status === 'interim' ? 'interim' : 'activate';
    await insertEvent(tx, actor, {
      unitId: row.id,
      kind,
      ...decisionOf(input),
      details: { from: row.status, to: status },
    });
    await auditChange(tx, actor, row, kind);
    return detailOf(tx, actor, row.id);
  });
}
