import { sql, type RawBuilder } from 'kysely';
import { titles, type PositionListQuery, type Title, type AppointmentMethod, type Employment } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import type { PositionTable } from '../../db/schema.ts';
import { personVisible } from '../people/access.ts';
import { flag } from '../../db/dialect.ts';
import { rankOf } from '../../db/rank.ts';

export interface PositionRow {
  id: number;
  person_id: number;
  person_name: string;
  person_unit_id: number;
  unit_id: number;
  unit_name: string;
  title: Title;
  employment: Employment;
  method: AppointmentMethod;
  term: string | null;
  decision: string | null;
  start_date: string;
  end_date: string | null;
  version: number;
  can_edit: number;
}

/**
 * Positions the actor may see: those in a unit they may read people of, those of people they may
 * read (a cadre's history follows the cadre), and a cadre's own.
 */
function visiblePositions(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('positions as pos')
    .innerJoin('people as p', 'p.id', 'pos.person_id')
    .innerJoin('units as u', 'u.id', 'pos.unit_id')
    .where((eb) => eb.or([inScope(eb, actor, 'person.read', 'pos.unit_id'), personVisible(eb, actor, 'p')]))
    .select((eb) => [
      'pos.id',
      'pos.person_id',
      'p.full_name as person_name',
      'p.unit_id as person_unit_id',
      'pos.unit_id',
      'u.name as unit_name',
      'pos.title',
      'pos.employment',
      'pos.method',
      'pos.term',
      'pos.decision',
      'pos.start_date',
      'pos.end_date',
      'pos.version',
      flag(
        eb.and([inScope(eb, actor, 'person.write', 'pos.unit_id'), inScope(eb, actor, 'person.write', 'p.unit_id')]),
      ).as('can_edit'),
    ]);
}

// Titles in order of seniority, as a committee is listed.
const titleRank = rankOf('pos.title', titles);

const SORT_KEYS: Record<PositionListQuery['sort'], RawBuilder<unknown>[]> = {
  startDate: [sql`pos.start_date`, sql`pos.id`],
  title: [titleRank, sql`pos.start_date`, sql`pos.id`],
  person: [sql`p.sort_key`, sql`pos.start_date`, sql`pos.id`],
};

export type PositionFilter = Pick<PositionListQuery, 'unitId' | 'personId' | 'activeOn' | 'title'>;

function filtered(tx: Tx, actor: Actor, f: PositionFilter) {
  let query = visiblePositions(tx, actor);
  if (f.unitId !== undefined) query = query.where('pos.unit_id', '=', f.unitId);
  if (f.personId !== undefined) query = query.where('pos.person_id', '=', f.personId);
  if (f.title) query = query.where('pos.title', '=', f.title);
  const on = f.activeOn;
  if (on) {
    query = query
      .where('pos.start_date', '<=', on)
      .where((eb) => eb.or([eb('pos.end_date', 'is', null), eb('pos.end_date', '>=', on)]));
  }
  return query;
}

export async function findPositionsPage(
  tx: Tx,
  actor: Actor,
  f: PositionFilter,
  sort: PositionListQuery['sort'],
  order: PositionListQuery['order'],
  page: { limit: number; offset: number },
): Promise<PositionRow[]> {
  let query = filtered(tx, actor, f);
  for (const key of SORT_KEYS[sort]) query = query.orderBy(key, order);
  return query.limit(page.limit).offset(page.offset).execute();
}

export async function countPositions(tx: Tx, actor: Actor, f: PositionFilter): Promise<number> {
  const row = await filtered(tx, actor, f)
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findPosition(tx: Tx, actor: Actor, id: number): Promise<PositionRow | undefined> {
  return visiblePositions(tx, actor).where('pos.id', '=', id).executeTakeFirst();
}

/** A position with this title in this unit whose dates overlap [start, end] (open end = still held). */
export async function findOverlapping(
  tx: Tx,
  p: { unitId: number; title: Title; startDate: string; endDate: string | null; exceptId: number | null },
) {
  let query = tx.q
    .selectFrom('positions as pos')
    .innerJoin('people as p', 'p.id', 'pos.person_id')
    .select(['pos.id', 'p.full_name', 'pos.start_date', 'pos.end_date'])
    .where('pos.unit_id', '=', p.unitId)
    .where('pos.title', '=', p.title)
    .where((eb) => eb.or([eb('pos.end_date', 'is', null), eb('pos.end_date', '>=', p.startDate)]));
  if (p.endDate !== null) query = query.where('pos.start_date', '<=', p.endDate);
  if (p.exceptId !== null) query = query.where('pos.id', '<>', p.exceptId);
  return query.orderBy('pos.start_date').limit(1).executeTakeFirst();
}

export type PositionValues = Omit<PositionTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertPosition(tx: Tx, values: PositionValues, now: string): Promise<number> {
  const row = await tx.q
    .insertInto('positions')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
