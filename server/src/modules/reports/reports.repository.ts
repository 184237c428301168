import { sql } from 'kysely';
import type { Tx } from '../../context.ts';
import { unitNameOn } from '../moves/unitAt.repository.ts';

/** A top unit in being, for a system administrator without grants: the first in Vietnamese order. */
export async function firstTopUnit(tx: Tx): Promise<number | null> {
  const row = await tx.q
    .selectFrom('units')
    .select('id')
    .where('parent_id', 'is', null)
    .where('valid_to', 'is', null)
    .orderBy(sql`sort_key`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** Units by code, for the command line's `--unit`. */
export async function unitIdByCode(tx: Tx, code: string): Promise<number | null> {
  const row = await tx.q.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** The unit's name on the day (its dated name), or null when there is no such unit. */
export async function unitName(tx: Tx, unitId: number, day: string): Promise<string | null> {
  const row = await tx.q
    .selectFrom('units')
    .select(unitNameOn(unitId, day).as('name'))
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row?.name ?? null;
}
