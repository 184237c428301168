import { sql } from 'kysely';
import type { UnitKind } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import { writeAudits } from '../audit/audit.writer.ts';
import { unitAt } from '../moves/unitAt.repository.ts';

/**
 * A grassroots trip is credited to the unit the cadre was in on its FIRST day, and to that unit's
 * kind (its level in the totals): stored on the trip (`person_unit_id`, `person_unit_kind`) so the
 * figures and the totals by level read it without the moves, and kept so here when the moves change.
 */
export async function tripCreditOn(
  tx: Tx,
  personId: number,
  day: string,
): Promise<{ unitId: number; unitKind: UnitKind }> {
  const row = await tx.q
    .selectFrom('units as u')
    .select(['u.id', 'u.kind'])
    .where('u.id', '=', unitAt(personId, day))
    .executeTakeFirstOrThrow();
  return { unitId: row.id, unitKind: row.kind };
}

/**
 * Credit the person's trips again from a day on (`from` null: all of them — a change to the first
 * move changes the unit before it too), in the transaction of the change to the moves, with an
 * audit row for each trip whose credit changed. Derived columns: no version bump, so nobody's open
 * form of the trip goes stale; the trips' figure triggers count the update by year.
 */
export async function recreditTrips(tx: Tx, actor: Actor, personId: number, from: string | null): Promise<number> {
  const rows = await tx.q
    .selectFrom(
      tx.q
        .selectFrom('visit_trips as t')
        .innerJoin('people as p', 'p.id', 't.person_id')
        .select((eb) => [
          't.id',
          't.person_unit_id',
          't.person_unit_kind',
          't.start_date',
          'p.full_name',
          unitAt(eb.ref('t.person_id'), sql<string>`t.start_date`, eb.ref('p.unit_id')).as('new_unit_id'),
        ])
        .where('t.person_id', '=', personId)
        .$if(from !== null, (q) => q.where('t.start_date', '>=', from!))
        .as('x'),
    )
    .innerJoin('units as u', (join) => join.onRef('u.id', '=', 'x.new_unit_id'))
    .innerJoin('units as o', 'o.id', 'x.person_unit_id')
    .selectAll('x')
    .select(['u.kind as new_unit_kind', 'u.name as new_unit_name', 'o.name as unit_name'])
    .orderBy('x.id')
    .execute();
  const changed = rows.filter(
    (r) => Number(r.new_unit_id) !== r.person_unit_id || r.new_unit_kind !== r.person_unit_kind,
  );
  for (const r of changed) {
    await tx.q
      .updateTable('visit_trips')
      .set({ person_unit_id: Number(r.new_unit_id), person_unit_kind: r.new_unit_kind })
      .where('id', '=', r.id)
      .execute();
  }
  await writeAudits(
    tx,
    actor,
    changed.map((r) => ({
      entity: 'visit_trip' as const,
      entityId: r.id,
      action: 'recredit',
      unitId: Number(r.new_unit_id),
      before: { personName: r.full_name, startDate: r.start_date, unitId: r.person_unit_id, unitName: r.unit_name },
      after: {
        personName: r.full_name,
        startDate: r.start_date,
        unitId: Number(r.new_unit_id),
        unitName: r.new_unit_name,
      },
    })),
  );
  return changed.length;
}
