import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import { inScope } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import { flag } from '../../../db/dialect.ts';
import { classVisible, type VisibleClassId } from '../classes/class.access.ts';
import { SEATED } from '../results/outcomes.ts';

export interface AllocationRow {
  id: number;
  class_id: number;
  unit_id: number;
  unit_name: string;
  seats: number;
  used: number;
  waitlisted: number;
  version: number;
  can_nominate: number;
  organiser_unit_id: number;
}

const countOf = (statuses: readonly string[]) =>
  sql<number>`(select count(*) from enrolments e where e.allocation_id = sa.id and e.status in (${sql.join(
    statuses.map((s) => sql.lit(s)),
  )}))`;

function visibleAllocations(tx: Tx, actor: Actor) {
  return (
    tx.q
      .selectFrom('seat_allocations as sa')
      .innerJoin('training_classes as c', 'c.id', 'sa.class_id')
      .innerJoin('units as u', 'u.id', 'sa.unit_id')
      .where((eb) => classVisible(eb, actor, 'c'))
      // All of a class's allocations for readers of the organiser unit (they see every trainee too);
      // otherwise those of units the actor nominates for — a district sees its own seats in a
      // province class, not its neighbour's.
      .where((eb) =>
        eb.or([
          inScope(eb, actor, 'training.read', 'c.organiser_unit_id'),
          inScope(eb, actor, 'training.nominate', 'sa.unit_id'),
        ]),
      )
      .select((eb) => [
        'sa.id',
        'sa.class_id',
        'sa.unit_id',
        'u.name as unit_name',
        'sa.seats',
        countOf(SEATED).as('used'),
        countOf(['waitlisted']).as('waitlisted'),
        'sa.version',
        flag(inScope(eb, actor, 'training.nominate', 'sa.unit_id')).as('can_nominate'),
        'c.organiser_unit_id',
      ])
  );
}

export interface AllocationFilter {
  mine?: 'true' | 'false';
}

function filtered(tx: Tx, actor: Actor, classId: VisibleClassId, f: AllocationFilter) {
  let query = visibleAllocations(tx, actor).where('sa.class_id', '=', classId);
  if (f.mine === 'true') query = query.where((eb) => inScope(eb, actor, 'training.nominate', 'sa.unit_id'));
  return query;
}

const SORT_KEYS: Record<'unit' | 'seats', RawBuilder<unknown>[]> = {
  unit: [sql`u.sort_key`, sql`sa.id`],
  seats: [sql`sa.seats`, sql`u.sort_key`, sql`sa.id`],
};

export async function findAllocationsPage(
  tx: Tx,
  actor: Actor,
  classId: VisibleClassId,
  f: AllocationFilter,
  sort: 'unit' | 'seats',
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<AllocationRow[]> {
  let query = filtered(tx, actor, classId, f);
  for (const key of SORT_KEYS[sort]) query = query.orderBy(key, order);
  return query.limit(page.limit).offset(page.offset).execute();
}

export async function countAllocations(
  tx: Tx,
  actor: Actor,
  classId: VisibleClassId,
  f: AllocationFilter,
): Promise<number> {
  const row = await filtered(tx, actor, classId, f)
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAllocation(tx: Tx, actor: Actor, id: number): Promise<AllocationRow | undefined> {
  return visibleAllocations(tx, actor).where('sa.id', '=', id).executeTakeFirst();
}

/** A unit seats may be given to, with whether it lies in the organiser's subtree; undefined if unseen. */
export async function findAllocatableUnit(tx: Tx, actor: Actor, unitId: number, organiserUnitId: number) {
  return tx.q
    .selectFrom('units as u')
    .select([
      'u.id',
      'u.name',
      'u.status',
      flag(
        sql<boolean>`exists (select 1 from unit_closure k where k.ancestor_id = ${organiserUnitId} and k.descendant_id = u.id)`,
      ).as('in_organiser'),
    ])
    .where('u.id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'unit.read', 'u.id'))
    .executeTakeFirst();
}

export async function allocationOfUnit(tx: Tx, classId: number, unitId: number) {
  return tx.q
    .selectFrom('seat_allocations')
    .select('id')
    .where('class_id', '=', classId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Enrolments ever made on the allocation, withdrawn ones included: they keep pointing at it. */
export async function enrolmentsOnAllocation(tx: Tx, allocationId: number): Promise<number> {
  const row = await tx.q
    .selectFrom('enrolments')
    .select(sql<number>`count(*)`.as('n'))
    .where('allocation_id', '=', allocationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAllocation(
  tx: Tx,
  values: { class_id: number; unit_id: number; seats: number },
  now: string,
): Promise<number> {
  const row = await tx.q
    .insertInto('seat_allocations')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAllocation(tx: Tx, id: number): Promise<void> {
  await tx.q.deleteFrom('seat_allocations').where('id', '=', id).execute();
}
