import { sql } from 'kysely';
import type { UnitKind } from '@canbo/contract';
import type { Tx } from '../../../context.ts';
import { unitNameOn } from '../../moves/unitAt.repository.ts';

/** The unit's kind (the narrative's "toàn tỉnh", "toàn huyện"). */
export async function unitKindOf(tx: Tx, unitId: number): Promise<UnitKind | null> {
  const row = await tx.q.selectFrom('units').select('kind').where('id', '=', unitId).executeTakeFirst();
  return row?.kind ?? null;
}

/**
 * The units directly under `unitId` (today's tree, as the counting engine's unit grouping rolls rows
 * up) that were in being at some time in the period, with their names on its last day, in
 * Vietnamese order; `alsoIds` are added whatever their dates (units that have figures).
 */
export async function childUnits(
  tx: Tx,
  unitId: number,
  period: { from: string; to: string },
  alsoIds: readonly number[],
): Promise<{ id: number; name: string }[]> {
  const rows = await tx.q
    .selectFrom('units as u')
    .select((eb) => ['u.id', unitNameOn(eb.ref('u.id'), period.to).as('name')])
    .where('u.parent_id', '=', unitId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb(sql`cast(u.valid_from as text)`, '<=', period.to),
          eb.or([eb('u.valid_to', 'is', null), eb(sql`cast(u.valid_to as text)`, '>=', period.from)]),
        ]),
        ...(alsoIds.length ? [eb('u.id', 'in', [...alsoIds])] : []),
      ]),
    )
    .orderBy(sql`u.sort_key`)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}
