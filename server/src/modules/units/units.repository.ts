import { sql, type Insertable } from 'kysely';
import type { Unit, UnitEvent, UnitEventKind, UnitKind, Organisation, UnitStatus } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { UnitTable } from '../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import { forUpdate, like, likeContains, nowIso } from '../../db/dialect.ts';
import { offsetOf } from '../../lib/paging.ts';
import { statusChanges, statusOn } from './units.tree.ts';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  organisation: Organisation;
  parent_id: number | null;
  parent_name: string | null;
  status: UnitStatus;
  valid_from: string;
  valid_to: string | null;
  place: string | null;
  version: number;
  updated_at: string;
}

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    organisation: r.organisation,
    parentId: r.parent_id,
    parentName: r.parent_name,
    status: r.status,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    place: r.place,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** The columns of a `UnitRow`, read from `units as u` joined to its parent as `p`. */
const UNIT_COLUMNS = [
  'u.id',
  'u.code',
  'u.name',
  'u.short_name',
  'u.kind',
  'u.organisation',
  'u.parent_id',
  'p.name as parent_name',
  'u.status',
  'u.valid_from',
  'u.valid_to',
  'u.place',
  'u.version',
  'u.updated_at',
] as const;

function units(tx: Tx) {
  return tx.q.selectFrom('units as u').leftJoin('units as p', 'p.id', 'u.parent_id').select(UNIT_COLUMNS);
}

declare const visible: unique symbol;

/**
 * A unit id that findUnit let through: what the reads of a unit's history (events, lineage,
 * headcount) take, so none of them can be written without the gate before it.
 */
export type VisibleUnitId = number & { readonly [visible]: true };

/** A unit the actor may read; anything else is "not found". */
export async function findUnit(
  tx: Tx,
  actor: Actor,
  id: number,
): Promise<(UnitRow & { id: VisibleUnitId }) | undefined> {
  const row = await units(tx)
    .where('u.id', '=', id)
    .where((eb) => inScope(eb, actor, 'unit.read', 'u.id'))
    .executeTakeFirst();
  return row && { ...row, id: row.id as VisibleUnitId };
}

/** Any unit by id, for reading back what this transaction just wrote. */
export function unitById(tx: Tx, id: number): Promise<UnitRow> {
  return units(tx).where('u.id', '=', id).executeTakeFirstOrThrow();
}

/** Row locks for a restructuring, in id order so two concurrent ones cannot deadlock. */
export async function lockUnits(tx: Tx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await forUpdate(
    tx.engine,
    tx.q
      .selectFrom('units')
      .select('id')
      .where(
        'id',
        'in',
        [...new Set(ids)].sort((a, b) => a - b),
      )
      .orderBy('id'),
  ).execute();
}

export interface ListFilter {
  q?: string;
  within?: number;
  kind?: UnitKind;
  organisation?: Organisation;
  status?: UnitStatus;
  /** The units in being on this date, with their names and parents of then. */
  asOf?: string;
  sort: 'name' | 'code' | 'validFrom';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function scopedUnits(tx: Tx, actor: Actor) {
  return tx.q.selectFrom('units as u').where((eb) => inScope(eb, actor, 'unit.read', 'u.id'));
}

export async function listUnits(tx: Tx, actor: Actor, f: ListFilter, folded: string | null) {
  let base = scopedUnits(tx, actor);
  if (folded) {
    const pattern = likeContains(folded);
    // as of a date, the name searched is the one of that day (the one the list shows)
    const name = f.asOf ? nameOfDayMatches(f.asOf, pattern) : like('u.search_text', pattern);
    base = base.where((eb) => eb.or([name, sql<boolean>`lower(u.code) like ${pattern} escape '\\'`]));
  }
  if (f.within !== undefined) {
    const within = f.within;
    base = base.where('u.id', 'in', (eb) =>
      eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', within),
    );
  }
  if (f.kind) base = base.where('u.kind', '=', f.kind);
  if (f.organisation) base = base.where('u.organisation', '=', f.organisation);
  if (f.status) base = base.where('u.status', '=', f.status);
  if (f.asOf) return listUnitsAsOf(base, f, f.asOf);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const column = f.sort === 'code' ? 'u.code' : f.sort === 'validFrom' ? 'u.valid_from' : 'u.sort_key';
  const rows = await base
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(UNIT_COLUMNS)
    .orderBy(column, f.order)
    .orderBy('u.id', f.order)
    .limit(f.pageSize)
    .offset(offsetOf(f))
    .execute();
  return { rows, total: Number(total.n) };
}

/** `alias.valid_from <= d < alias.valid_to` (open-ended when valid_to is null). */
const validOn = (alias: string, d: string) =>
  sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${d}
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${d})`;

/**
 * Whether the unit's name on `d` matches: its dated name of that day, or today's name when none is
 * dated then (as the list shows it, `coalesce(n.name, u.name)`).
 */
function nameOfDayMatches(d: string, pattern: string) {
  return sql<boolean>`coalesce(
    (select n.search_text from unit_names n where n.unit_id = u.id and ${validOn('n', d)}),
    u.search_text
  ) like ${pattern} escape '\\'`;
}

/**
 * The list as the organisation stood on `d` (what the tree "as of" a date draws, as a table): the
 * units in being then, under the names and parents they had; the status of that day. The search reads
 * the names of that day; kind and scope are today's, as everywhere a unit is found.
 */
async function listUnitsAsOf(base: ReturnType<typeof scopedUnits>, f: ListFilter, d: string) {
  const dated = base.where(validOn('u', d));
  const total = await dated.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const nameOn = sql<string>`coalesce(n.sort_key, u.sort_key)`;
  const column = f.sort === 'code' ? sql.ref('u.code') : f.sort === 'validFrom' ? sql.ref('u.valid_from') : nameOn;
  const rows = await dated
    .leftJoin('unit_names as n', (join) => join.onRef('n.unit_id', '=', 'u.id').on(validOn('n', d)))
    .leftJoin('unit_tree_history as h', (join) => join.onRef('h.unit_id', '=', 'u.id').on(validOn('h', d)))
    .leftJoin('units as p', 'p.id', 'h.parent_id')
    .leftJoin('unit_names as pn', (join) => join.onRef('pn.unit_id', '=', 'p.id').on(validOn('pn', d)))
    .select(UNIT_COLUMNS.filter((c) => c !== 'u.name' && c !== 'u.parent_id' && c !== 'p.name as parent_name'))
    .select([
      sql<string>`coalesce(n.name, u.name)`.as('name'),
      sql<string | null>`coalesce(n.short_name, u.short_name)`.as('short_name'),
      'h.parent_id',
      sql<string | null>`coalesce(pn.name, p.name)`.as('parent_name'),
      ...statusChanges(d),
    ])
    .orderBy(column, f.order)
    .orderBy('u.id', f.order)
    .limit(f.pageSize)
    .offset(offsetOf(f))
    .execute();
  return {
    rows: rows.map(({ last_change, next_change, ...r }): UnitRow => ({
      ...r,
      parent_id: r.parent_id ?? null,
      status: statusOn({ ...r, last_change, next_change }),
    })),
    total: Number(total.n),
  };
}

/** Ancestors from the top down to the unit itself. */
export function pathOf(tx: Tx, id: number) {
  return tx.q
    .selectFrom('unit_closure as c')
    .innerJoin('units as a', 'a.id', 'c.ancestor_id')
    .select(['a.id', 'a.name'])
    .where('c.descendant_id', '=', id)
    .orderBy('c.depth', 'desc')
    .execute();
}

/** Sub-units still working: what must be placed before a unit ends, and what a detail counts. */
function activeChildren(tx: Tx, id: number) {
  return tx.q.selectFrom('units').where('parent_id', '=', id).where('status', '<>', 'dissolved');
}

export async function activeChildCount(tx: Tx, id: number): Promise<number> {
  const row = await activeChildren(tx, id)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function activeChildIds(tx: Tx, id: number): Promise<number[]> {
  const rows = await activeChildren(tx, id).select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function codeTaken(tx: Tx, code: string, exceptId?: number): Promise<boolean> {
  let q = tx.q.selectFrom('units').select('id').where('code', '=', code);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Is `candidate` the unit itself or one of its descendants today? */
export async function isInSubtree(tx: Tx, rootId: number, candidate: number): Promise<boolean> {
  const row = await tx.q
    .selectFrom('unit_closure')
    .select('depth')
    .where('ancestor_id', '=', rootId)
    .where('descendant_id', '=', candidate)
    .executeTakeFirst();
  return row !== undefined;
}

// Every column a new unit needs, the generated sort key included (it is computed, not defaulted).
export type NewUnitRow = Required<
  Omit<Insertable<UnitTable>, 'id' | 'valid_to' | 'created_at' | 'updated_at' | 'version'>
>;

export async function insertUnit(tx: Tx, u: NewUnitRow): Promise<number> {
  const now = nowIso();
  const row = await tx.q
    .insertInto('units')
    .values({ ...u, valid_to: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes made by restructuring, after the version check has already passed for this unit. */
export async function setUnitColumns(
  tx: Tx,
  id: number,
  values: Partial<Pick<NewUnitRow, 'parent_id' | 'status'> & { valid_to: string | null }>,
): Promise<void> {
  await tx.q
    .updateTable('units')
    .set((eb) => ({ ...values, updated_at: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// --- dated parent edges ------------------------------------------------------------------------

export async function openEdge(tx: Tx, unitId: number, parentId: number | null, date: string): Promise<void> {
  await tx.q
    .insertInto('unit_tree_history')
    .values({ unit_id: unitId, parent_id: parentId, valid_from: date, valid_to: null })
    .execute();
}

export async function closeEdge(tx: Tx, unitId: number, date: string): Promise<void> {
  await tx.q
    .updateTable('unit_tree_history')
    .set({ valid_to: date })
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .execute();
}

// --- dated names -------------------------------------------------------------------------------

/** The name a unit carries from `date` on; a second name on the same date replaces the first. */
export async function nameFrom(
  tx: Tx,
  unitId: number,
  name: { name: string; short_name: string | null; sort_key: string; search_text: string },
  date: string,
): Promise<void> {
  const open = await tx.q
    .selectFrom('unit_names')
    .select(['id', 'valid_from'])
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (open && open.valid_from >= date) {
    await tx.q.updateTable('unit_names').set(name).where('id', '=', open.id).execute();
    return;
  }
  if (open) await tx.q.updateTable('unit_names').set({ valid_to: date }).where('id', '=', open.id).execute();
  await tx.q
    .insertInto('unit_names')
    .values({ unit_id: unitId, ...name, valid_from: date, valid_to: null })
    .execute();
}

/** A corrected short name (a typo, no event) is the short name the current name always had. */
export async function correctShortName(tx: Tx, unitId: number, shortName: string | null): Promise<void> {
  await tx.q
    .updateTable('unit_names')
    .set({ short_name: shortName })
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .execute();
}

// --- events ------------------------------------------------------------------------------------

/** Events of the unit itself and those that name it (a merge into it, a split out of it). */
function eventsTouching(tx: Tx, unitId: number) {
  return tx.q.selectFrom('unit_events as e').where((eb) =>
    eb.or([
      eb('e.unit_id', '=', unitId),
      eb(
        'e.id',
        'in',
        eb
          .selectFrom('unit_event_links as l')
          .select('l.event_id')
          .where((w) => w.or([w('l.from_unit_id', '=', unitId), w('l.to_unit_id', '=', unitId)])),
      ),
    ]),
  );
}

export async function lastEventDate(tx: Tx, unitId: number): Promise<string | null> {
  const row = await eventsTouching(tx, unitId)
    .select((eb) => eb.fn.max('e.event_date').as('last'))
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

export async function insertEvent(
  tx: Tx,
  actor: Actor | null,
  e: {
    unitId: number;
    kind: UnitEventKind;
    date: string;
    decision: string | null;
    note: string | null;
    details: Record<string, unknown>;
  },
): Promise<number> {
  const row = await tx.q
    .insertInto('unit_events')
    .values({
      unit_id: e.unitId,
      kind: e.kind,
      event_date: e.date,
      decision: e.decision,
      note: e.note,
      details: JSON.stringify(e.details),
      actor_user_id: actor?.userId ?? null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertLinks(tx: Tx, eventId: number, links: { from: number; to: number }[]): Promise<void> {
  if (!links.length) return;
  await tx.q
    .insertInto('unit_event_links')
    .values(links.map((l) => ({ event_id: eventId, from_unit_id: l.from, to_unit_id: l.to })))
    .execute();
}

export async function listEvents(
  tx: Tx,
  unitId: VisibleUnitId,
  p: { page: number; pageSize: number; order: 'asc' | 'desc' },
): Promise<{ items: UnitEvent[]; total: number }> {
  const total = await eventsTouching(tx, unitId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await eventsTouching(tx, unitId)
    .leftJoin('users as a', 'a.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.unit_id',
      'e.kind',
      'e.event_date',
      'e.decision',
      'e.note',
      'e.details',
      'a.display_name',
      'e.created_at',
    ])
    .orderBy('e.event_date', p.order)
    .orderBy('e.id', p.order)
    .limit(p.pageSize)
    .offset(offsetOf(p))
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      kind: r.kind,
      date: r.event_date,
      decision: r.decision,
      note: r.note,
      details: JSON.parse(r.details) as Record<string, unknown>,
      actorName: r.display_name,
      createdAt: r.created_at,
    })),
  };
}

// --- what an ended unit leaves behind -----------------------------------------------------------

/** Open positions in the unit end on the date it ends; returns how many. */
export async function endOpenPositions(tx: Tx, unitId: number, date: string): Promise<number> {
  const result = await tx.q
    .updateTable('positions')
    .set((eb) => ({ end_date: date, updated_at: nowIso(), version: eb('version', '+', 1) }))
    .where('unit_id', '=', unitId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The people whose records a merged unit kept are kept by the merge target; returns how many. */
export async function movePeople(tx: Tx, fromUnitId: number, toUnitId: number): Promise<number> {
  const result = await tx.q
    .updateTable('people')
    .set((eb) => ({ unit_id: toUnitId, updated_at: nowIso(), version: eb('version', '+', 1) }))
    .where('unit_id', '=', fromUnitId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
