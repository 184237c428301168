import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { flag, forUpdate } from '../../db/dialect.ts';
import type { MoveTable } from '../../db/schema.ts';
import { personVisible } from '../people/access.ts';
import { unitAt } from './unitAt.repository.ts';

export interface MoveRow {
  id: number;
  person_id: number;
  person_name: string;
  kind: MoveTable['kind'];
  from_unit_id: number;
  from_unit_name: string;
  to_unit_id: number;
  to_unit_name: string;
  move_date: string;
  decision: string | null;
  decision_date: string | null;
  notes: string | null;
  version: number;
  updated_at: string;
  can_edit: number;
}

/**
 * Moves of the people the actor may see (a cadre's history follows the record, kept by the unit
 * that holds the cadre today). Changing one needs write access to the person and to the unit moved to.
 */
function visibleMoves(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('moves as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('units as fu', 'fu.id', 'm.from_unit_id')
    .innerJoin('units as tu', 'tu.id', 'm.to_unit_id')
    .where((eb) => personVisible(eb, actor, 'p'))
    .select((eb) => [
      'm.id',
      'm.person_id',
      'p.full_name as person_name',
      'm.kind',
      'm.from_unit_id',
      'fu.name as from_unit_name',
      'm.to_unit_id',
      'tu.name as to_unit_name',
      'm.move_date',
      'm.decision',
      'm.decision_date',
      'm.notes',
      'm.version',
      'm.updated_at',
      flag(
        eb.and([inScope(eb, actor, 'person.write', 'p.unit_id'), inScope(eb, actor, 'person.write', 'm.to_unit_id')]),
      ).as('can_edit'),
    ]);
}

export async function findMovesPage(
  tx: Tx,
  actor: Actor,
  personId: number,
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<MoveRow[]> {
  return visibleMoves(tx, actor)
    .where('m.person_id', '=', personId)
    .orderBy('m.move_date', order)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countMoves(tx: Tx, actor: Actor, personId: number): Promise<number> {
  const row = await visibleMoves(tx, actor)
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .where('m.person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMove(tx: Tx, actor: Actor, personId: number, id: number): Promise<MoveRow | undefined> {
  return visibleMoves(tx, actor).where('m.person_id', '=', personId).where('m.id', '=', id).executeTakeFirst();
}

/** A link of the person's chain of moves, for the checks that each move leaves the unit the last one reached. */
export interface ChainLink {
  id: number;
  from_unit_id: number;
  to_unit_id: number;
  move_date: string;
}

/** Every move of the person, oldest first (read under the person's lock). */
export async function chainOf(tx: Tx, personId: number): Promise<ChainLink[]> {
  const rows = await tx.q
    .selectFrom('moves')
    .select(['id', 'from_unit_id', 'to_unit_id', 'move_date'])
    .where('person_id', '=', personId)
    .orderBy('move_date')
    .execute();
  return rows;
}

/**
 * The person's row locked for the rest of the transaction: two writers of one person's moves take
 * turns, so neither checks the chain against moves the other is changing.
 */
export async function lockPerson(tx: Tx, personId: number): Promise<void> {
  await forUpdate(tx.engine, tx.q.selectFrom('people').select('id').where('id', '=', personId)).execute();
}

export interface UnitOnDay {
  id: number;
  name: string;
  valid_from: string;
  valid_to: string | null;
}

/** A unit the actor may see, with the dates it existed (an unknown or hidden unit is undefined). */
export async function findReadableUnit(tx: Tx, actor: Actor, unitId: number): Promise<UnitOnDay | undefined> {
  return tx.q
    .selectFrom('units as u')
    .select([
      'u.id',
      'u.name',
      sql<string>`cast(u.valid_from as text)`.as('valid_from'),
      sql<string | null>`cast(u.valid_to as text)`.as('valid_to'),
    ])
    .where('u.id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'unit.read', 'u.id'))
    .executeTakeFirst();
}

export async function unitNames(tx: Tx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.q.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type MoveValues = Omit<MoveTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertMove(tx: Tx, values: MoveValues, now: string): Promise<number> {
  const row = await tx.q
    .insertInto('moves')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a person's record holds that is credited to the unit of its day (see `datedHistoryOf`). */
export type DatedHistory = 'moves' | 'classes' | 'studies' | 'visits';

/**
 * The first kind of dated record the person has whose unit comes from the day it happened: moves
 * themselves, participations (credited enrolments), studies (counted for the unit of their start)
 * and grassroots trips. Without any, the unit on the record is the unit on every day, so correcting
 * it rewrites nothing that was counted; with one, only a dated move may change it.
 */
export async function datedHistoryOf(tx: Tx, personId: number): Promise<DatedHistory | null> {
  const row = await tx.q
    .selectNoFrom((eb) => [
      flag(eb.exists(eb.selectFrom('moves').select('id').where('person_id', '=', personId))).as('moves'),
      flag(eb.exists(eb.selectFrom('enrolments').select('id').where('person_id', '=', personId))).as('classes'),
      flag(eb.exists(eb.selectFrom('studies').select('id').where('person_id', '=', personId))).as('studies'),
      flag(eb.exists(eb.selectFrom('visit_trips').select('id').where('person_id', '=', personId))).as('visits'),
    ])
    .executeTakeFirstOrThrow();
  const kinds: DatedHistory[] = ['moves', 'classes', 'studies', 'visits'];
  return kinds.find((k) => Number(row[k]) === 1) ?? null;
}

export async function deleteMove(tx: Tx, id: number): Promise<void> {
  await tx.q.deleteFrom('moves').where('id', '=', id).execute();
}

/**
 * Keep `people.unit_id` — the unit holding the record today, which scope follows — equal to the
 * unit the moves give for today. Returns the change, if any, for the person's audit row.
 */
export async function syncTodayUnit(
  tx: Tx,
  personId: number,
  today: string,
  now: string,
): Promise<{ before: number; after: number; name: string } | null> {
  const row = await tx.q
    .selectFrom('people as p')
    .select((eb) => ['p.unit_id', 'p.full_name', unitAt(eb.ref('p.id'), today, eb.ref('p.unit_id')).as('today_unit')])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  const after = Number(row.today_unit);
  if (after === row.unit_id) return null;
  await tx.q
    .updateTable('people')
    .set((eb) => ({ unit_id: after, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .execute();
  return { before: row.unit_id, after, name: row.full_name };
}
